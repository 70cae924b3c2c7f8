import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/config/project-config.js';
import { parseColumnOverride, type ColumnOverride } from '../../src/config/column-overrides.js';
import { checkOtherOverrides } from '../../src/map/column-overrides.js';
import { mapFeature } from '../../src/map/map-feature.js';
import { readDomain } from '../../src/read/domain-reader.js';
import { ORDER_DOMAIN } from '../support/fixtures.js';
import { writeProject } from '../support/projects.js';
import { loadProjectContext } from '../../src/project-context.js';
import { thrown } from '../support/thrown.js';

const at = { file: 'gen.config.json', line: 3 };

describe('parseColumnOverride', () => {
  it.each([
    ['integer', { kind: 'integer' }],
    ['double', { kind: 'double' }],
    ['decimal(12,2)', { kind: 'decimal', precision: 12, scale: 2 }],
    ['DECIMAL( 65 , 30 )', { kind: 'decimal', precision: 65, scale: 30 }],
    ['decimal(5,0)', { kind: 'decimal', precision: 5, scale: 0 }],
  ])('reads %s', (value, type) => {
    expect(parseColumnOverride('orders.quantity', value, at)).toEqual({
      table: 'orders',
      column: 'quantity',
      type,
      text: `"orders.quantity": ${JSON.stringify(value)}`,
      location: at,
    });
  });

  it.each([
    ['quantity', 'integer', /the key is not <table>.<column>/],
    ['orders.quantity.x', 'integer', /the key is not <table>.<column>/],
    ['orders.quantity', 'int', /unknown column type/],
    ['orders.quantity', 12, /unknown column type/],
    ['orders.quantity', 'decimal(12)', /unknown column type/],
    ['orders.quantity', 'decimal(70,2)', /decimal\(70,2\) is out of range/],
    ['orders.quantity', 'decimal(4,5)', /decimal\(4,5\) is out of range/],
    ['orders.quantity', 'decimal(0,0)', /decimal\(0,0\) is out of range/],
  ])('stops on %s: %s', (key, value, message) => {
    const error = thrown(() => parseColumnOverride(key, value, at));
    expect(error.message).toMatch(message);
    expect(error.location).toEqual(at);
  });
});

describe('gen.config.json columns', () => {
  function project(config: string): string {
    const dir = writeProject(ORDER_DOMAIN);
    writeFileSync(join(dir, 'gen.config.json'), config);
    return dir;
  }

  function map(config: string) {
    const dir = project(config);
    return mapFeature(readDomain(loadProjectContext(dir), DEFAULT_CONFIG, 'ordering'), loadProjectContext(dir).config.columns);
  }

  it('are read with the line of each entry', () => {
    const config = loadProjectContext(
      project('{\n  "columns": {\n    "orders.total": "decimal(12,2)",\n    "orders.paid": "integer"\n  }\n}\n'),
    ).config;

    expect(config.columns.map((c) => [c.table, c.column, c.type.kind, c.location.line])).toEqual([
      ['orders', 'total', 'decimal', 3],
      ['orders', 'paid', 'integer', 4],
    ]);
  });

  it('set the type of a number column, in the table and in the field mapping', () => {
    const model = map('{ "columns": { "orders.total": "decimal(12,2)" } }');

    expect(model.table.columns.find((c) => c.name === 'total')).toMatchObject({ kind: 'decimal', precision: 12, scale: 2 });
    expect(model.fields.find((f) => f.field.name === 'total')!.column).toMatchObject({ kind: 'decimal', precision: 12, scale: 2 });
  });

  it.each([
    [
      'a column that holds no number',
      '{\n  "columns": {\n    "orders.status": "integer"\n  }\n}',
      /columns: "orders.status": "integer": orders.status is an enum column/,
      /Only the columns of number fields/,
      3,
    ],
    [
      'an unknown column',
      '{\n  "columns": {\n    "orders.totl": "integer"\n  }\n}',
      /columns: "orders.totl": "integer" names no column of orders/,
      /Columns of orders: id, status, customer_email, placed_at, total, paid, note\./,
      3,
    ],
    ['a list instead of an object', '{\n  "columns": []\n}', /'columns' must be an object/, undefined, 2],
  ])('stop on %s, naming the config, the entry and the known columns', (_case, config, message, hint, line) => {
    const error = thrown(() => map(config));

    expect(error.message).toMatch(message);
    if (hint) expect(error.hint).toMatch(hint);
    expect(error.location).toEqual({ file: 'gen.config.json', line });
  });

  it('for another feature are checked against the tables gen has generated, and wait for a table it has not', () => {
    const override = (key: string): ColumnOverride => parseColumnOverride(key, 'integer', at);
    const snapshot = [{ name: 'customers', columns: [{ name: 'id' }, { name: 'age' }] }];

    expect(checkOtherOverrides([override('orders.paid'), override('customers.age')], ['orders'], snapshot)).toEqual([]);
    expect(checkOtherOverrides([override('invoices.total')], ['orders'], snapshot)).toEqual([
      'gen.config.json:3: columns: "invoices.total": "integer" names table invoices, which gen has not generated (tables: orders, customers); it applies once its feature is generated',
    ]);
    expect(thrown(() => checkOtherOverrides([override('customers.agee')], ['orders'], snapshot)).hint).toBe(
      'Columns of customers: id, age.',
    );
  });
});
