import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import ejs from 'ejs';
import ts from 'typescript';
import { beforeAll, describe, expect, it } from 'vitest';
import { columnCheck, columnChecksSource } from '../../generators/value-checks.js';
import { DEFAULT_CONFIG } from '../../src/config/project-config.js';
import { mapFeature } from '../../src/map/map-feature.js';
import { readDomain } from '../../src/read/domain-reader.js';
import { ORDER_DOMAIN } from '../support/fixtures.js';
import { writeProject } from '../support/projects.js';
import { loadProjectContext } from '../../src/project-context.js';

// The decisions of support/value-checks.ts, run from the templates as a project gets them (errors.ts beside it).
interface ColumnCheck {
  kind: string;
  length?: number;
  members?: readonly string[];
  element?: string;
}
interface RowChecks {
  columns: Record<string, ColumnCheck>;
  children?: Record<string, RowChecks>;
}
interface ValueChecks {
  unstorable(value: unknown, column: ColumnCheck, length?: boolean): string | undefined;
  checkValue(subject: string, field: string, value: unknown, column: ColumnCheck): void;
  checkRow(subject: string, row: object, checks: RowChecks): void;
  checkArgument(subject: string, checks: RowChecks, property: string, value: unknown, field?: string): void;
  checkText(subject: string, field: string, value: unknown): void;
  checkPage(subject: string, field: string, value: number | undefined): void;
}

let checks: ValueChecks;
let InvalidValueError: new (...args: unknown[]) => Error;

function compile(template: string, data: Record<string, unknown>): string {
  const source = ejs.render(readFileSync(join('templates', template), 'utf8'), data);
  return ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } }).outputText;
}

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'gen-value-checks-'));
  writeFileSync(join(dir, 'errors.mjs'), compile('persistence-errors.ejs', {}));
  writeFileSync(
    join(dir, 'value-checks.mjs'),
    compile('value-checks.ejs', { imports: ["import { InvalidValueError } from './errors.mjs';"] }),
  );
  checks = (await import(pathToFileURL(join(dir, 'value-checks.mjs')).href)) as ValueChecks;
  ({ InvalidValueError } = (await import(pathToFileURL(join(dir, 'errors.mjs')).href)) as {
    InvalidValueError: new (...args: unknown[]) => Error;
  });
});

const text: ColumnCheck = { kind: 'string', length: 5 };

describe('unstorable', () => {
  it('refuses a NUL character in any string, and a string longer than its column in characters', () => {
    expect(checks.unstorable('a\u0000', text)).toMatch(/NUL/);
    expect(checks.unstorable('abcdef', text)).toMatch(/longer than the column's 5 characters/);
    // Five characters, ten UTF-16 code units: what PostgreSQL and MariaDB count is characters.
    expect(checks.unstorable('😀😀😀😀😀', text)).toBeUndefined();
    expect(checks.unstorable('abcde', text)).toBeUndefined();
    expect(checks.unstorable('abcdef', { kind: 'string' })).toBeUndefined();
  });

  it('lets null and undefined through: nullability is the schema’s, not a value’s', () => {
    for (const kind of ['string', 'double', 'integer', 'bigint', 'timestamp', 'enum', 'json']) {
      expect(checks.unstorable(null, { kind })).toBeUndefined();
      expect(checks.unstorable(undefined, { kind })).toBeUndefined();
    }
  });

  it('refuses NaN and infinities in number columns', () => {
    for (const kind of ['double', 'decimal', 'integer', 'bigint']) {
      for (const value of [NaN, Infinity, -Infinity]) expect(checks.unstorable(value, { kind }), `${kind} ${value}`).toBeDefined();
    }
    expect(checks.unstorable(1.5, { kind: 'double' })).toBeUndefined();
    expect(checks.unstorable(-0.25, { kind: 'decimal' })).toBeUndefined();
  });

  it('refuses fractions and values past 32 bits in integer columns', () => {
    expect(checks.unstorable(1.5, { kind: 'integer' })).toMatch(/whole number/);
    expect(checks.unstorable(2147483647, { kind: 'integer' })).toBeUndefined();
    expect(checks.unstorable(-2147483648, { kind: 'integer' })).toBeUndefined();
    expect(checks.unstorable(2147483648, { kind: 'integer' })).toMatch(/range/);
    expect(checks.unstorable(-2147483649, { kind: 'integer' })).toMatch(/range/);
  });

  it('refuses bigints outside 64 bits', () => {
    expect(checks.unstorable(2n ** 63n - 1n, { kind: 'bigint' })).toBeUndefined();
    expect(checks.unstorable(-(2n ** 63n), { kind: 'bigint' })).toBeUndefined();
    expect(checks.unstorable(2n ** 63n, { kind: 'bigint' })).toMatch(/64-bit/);
    expect(checks.unstorable(-(2n ** 63n) - 1n, { kind: 'bigint' })).toMatch(/64-bit/);
    expect(checks.unstorable(0.5, { kind: 'bigint' })).toMatch(/whole number/);
  });

  it('refuses invalid Dates and Dates outside the years 1000 to 9999 UTC', () => {
    const date = { kind: 'timestamp' };
    expect(checks.unstorable(new Date(NaN), date)).toMatch(/invalid Date/);
    expect(checks.unstorable(new Date('1000-01-01T00:00:00.000Z'), date)).toBeUndefined();
    expect(checks.unstorable(new Date('9999-12-31T23:59:59.999Z'), date)).toBeUndefined();
    expect(checks.unstorable(new Date('0999-12-31T23:59:59.999Z'), date)).toMatch(/1000 to 9999/);
    expect(checks.unstorable(new Date('+010000-01-01T00:00:00.000Z'), date)).toMatch(/1000 to 9999/);
    expect(checks.unstorable(new Date(8.64e15), date)).toMatch(/1000 to 9999/);
  });

  it('refuses a value outside an enum’s members, and a NUL in one', () => {
    const status = { kind: 'enum', members: ['DRAFT', 'PAID'] };
    expect(checks.unstorable('PAID', status)).toBeUndefined();
    expect(checks.unstorable('paid', status)).toMatch(/not one of 'DRAFT', 'PAID'/);
    expect(checks.unstorable('PA\u0000ID', status)).toMatch(/NUL/);
  });

  it('refuses non-finite numbers in a JSON list, which JSON.stringify would store as null', () => {
    expect(checks.unstorable([1, NaN], { kind: 'json', element: 'number' })).toMatch(/NaN/);
    expect(checks.unstorable(['a\u0000b'], { kind: 'json', element: 'string' })).toBeUndefined();
    expect(checks.unstorable([{ name: 'a', stars: Infinity }], { kind: 'json', element: 'object' })).toMatch(/holds Infinity/);
    expect(checks.unstorable([{ name: 'a', stars: 3 }], { kind: 'json', element: 'object' })).toBeUndefined();
  });
});

describe('checkRow', () => {
  const order: RowChecks = {
    columns: { id: { kind: 'string', length: 36 }, total: { kind: 'double' } },
    children: { lines: { columns: { sku: { kind: 'string', length: 3 }, position: { kind: 'integer' } } } },
  };

  it('names the aggregate, the field and the value', () => {
    const call = () => checks.checkRow('Order', { id: 'o-1', total: NaN, lines: [] }, order);
    expect(call).toThrow(InvalidValueError);
    expect(call).toThrow(expect.objectContaining({ subject: 'Order', field: 'total', value: NaN }));
    expect(call).toThrow('Order: total cannot be stored: NaN is not a number a database stores (got NaN); nothing was written');
  });

  it('checks every child row, naming the child by its collection and index', () => {
    const row = {
      id: 'o-1',
      total: 1,
      lines: [
        { sku: 'abc', position: 0 },
        { sku: 'abcd', position: 1 },
      ],
    };
    expect(() => checks.checkRow('Order', row, order)).toThrow(expect.objectContaining({ field: 'lines[1].sku', value: 'abcd' }));
  });

  it('passes a storable row', () => {
    expect(() => checks.checkRow('Order', { id: 'o-1', total: 1, lines: [{ sku: 'abc', position: 0 }] }, order)).not.toThrow();
  });
});

describe('arguments and pages', () => {
  const checksOf: RowChecks = {
    columns: { name: { kind: 'string', length: 3 }, status: { kind: 'enum', members: ['A'] }, at: { kind: 'timestamp' } },
  };

  it('refuses what a lookup could not send, but not a string longer than its column (it matches nothing)', () => {
    expect(() => checks.checkArgument('findByName', checksOf, 'name', 'a\u0000')).toThrow(
      expect.objectContaining({ subject: 'findByName', field: 'name' }),
    );
    expect(() => checks.checkArgument('findByName', checksOf, 'name', 'longer')).not.toThrow();
    expect(() => checks.checkArgument('findByStatus', checksOf, 'status', 'B')).toThrow(InvalidValueError);
    expect(() => checks.checkArgument('findByAtBefore', checksOf, 'at', new Date('+099999-01-01T00:00:00Z'))).toThrow(InvalidValueError);
  });

  it('checks each element of a list argument (In, NotIn)', () => {
    expect(() => checks.checkArgument('findByStatusIn', checksOf, 'status', ['A', 'B'])).toThrow(expect.objectContaining({ value: 'B' }));
    expect(() => checks.checkArgument('findByStatusIn', checksOf, 'status', [])).not.toThrow();
  });

  it('names the domain field where the column property differs', () => {
    expect(() => checks.checkArgument('findByLabel', checksOf, 'name', 'a\u0000', 'label')).toThrow(
      expect.objectContaining({ field: 'label' }),
    );
  });

  it('checkText refuses only a NUL character', () => {
    expect(() => checks.checkText('findByNameContaining', 'name', '%a\u0000')).toThrow(InvalidValueError);
    expect(() => checks.checkText('findByNameContaining', 'name', 'any text, however long')).not.toThrow();
  });

  it('refuses limits and offsets that are negative, fractional, NaN or infinite', () => {
    for (const value of [-1, 1.5, NaN, Infinity, -Infinity]) {
      expect(() => checks.checkPage('findAll', 'limit', value), String(value)).toThrow(
        expect.objectContaining({ subject: 'findAll', field: 'limit' }),
      );
    }
    for (const value of [undefined, 0, 10]) expect(() => checks.checkPage('findAll', 'limit', value)).not.toThrow();
  });
});

describe('the column checks a feature gets', () => {
  const model = mapFeature(readDomain(loadProjectContext(writeProject(ORDER_DOMAIN)), DEFAULT_CONFIG, 'ordering'));

  it('are data: each column’s kind, a string’s length, an enum’s members', () => {
    expect(columnCheck({ name: 'name', property: 'name', kind: 'string', length: 255, nullable: false, primary: false })).toEqual({
      kind: 'string',
      length: 255,
    });
    expect(
      columnCheck({ name: 'status', property: 'status', kind: 'enum', enumValues: ['A', 'B'], nullable: false, primary: false }),
    ).toEqual({ kind: 'enum', members: ['A', 'B'] });
    expect(columnCheck({ name: 'n', property: 'n', kind: 'integer', nullable: true, primary: false })).toEqual({ kind: 'integer' });
  });

  it('leave out the version column, which the repository owns', () => {
    const source = columnChecksSource(model);
    expect(source).toContain(`export const ${model.names.variable}Columns: RowChecks = `);
    expect(model.version).toBeDefined();
    expect(source).not.toContain(`${model.version!.property}:`);
  });
});
