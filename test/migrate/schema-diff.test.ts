import { describe, expect, it } from 'vitest';
import { caveat, dataLoss, describeChange, diffSchema, invertChanges, type SchemaChange } from '../../src/migrate/schema-diff.js';
import type { ColumnRename } from '../../src/config/column-renames.js';
import { parseSnapshot, serializeSnapshot, type SchemaColumn, type SchemaTable } from '../../src/migrate/schema-snapshot.js';

const id: SchemaColumn = { name: 'id', type: 'varchar', length: 255, nullable: false, primary: true };
const status: SchemaColumn = { name: 'status', type: 'varchar', enum: ['PLACED', 'PAID'], nullable: false, primary: false };
const note: SchemaColumn = { name: 'note', type: 'varchar', length: 255, nullable: true, primary: false };
const total: SchemaColumn = { name: 'total', type: 'double precision', nullable: false, primary: false };
/** The repositories' version column: NOT NULL, with the default that rows already there get. */
const version: SchemaColumn = { name: 'version', type: 'integer', nullable: false, primary: false, default: 1 };
const statusIndex = { name: 'idx_orders_status', columns: ['status'], unique: false };

function orders(change: Partial<SchemaTable> = {}): SchemaTable {
  return { name: 'orders', feature: 'ordering', columns: [id, status, note], indexes: [statusIndex], foreignKeys: [], ...change };
}
const customerFk = {
  name: 'fk_orders_customer_id',
  columns: ['customer_id'],
  referencedTable: 'customers',
  referencedColumns: ['id'],
  onDelete: 'CASCADE',
};
const customerId: SchemaColumn = { name: 'customer_id', type: 'varchar', length: 255, nullable: false, primary: false };

const quantity = (type: string, size: Partial<SchemaColumn> = {}): SchemaColumn => ({
  name: 'quantity',
  type,
  ...size,
  nullable: false,
  primary: false,
});
const decimal = (precision: number, scale: number) => quantity('decimal', { precision, scale });

/** A number column's type changed (gen.config.json's `columns`): a wider type keeps every value, anything else may not. */
function numberCases(): Case[] {
  const change = (name: string, from: SchemaColumn, to: SchemaColumn, text: string, narrows: boolean): Case => ({
    name,
    before: [orders({ columns: [id, from] })],
    after: [orders({ columns: [id, to] })],
    changes: [`alter column orders.quantity: ${text}`],
    ...(narrows ? { loses: [`narrows column orders.quantity from ${text.replace(' -> ', ' to ')}; values that do not fit are lost`] } : {}),
  });
  return [
    change('integer -> double widens', quantity('integer'), quantity('double'), 'integer NOT NULL -> double NOT NULL', false),
    change('integer -> bigint widens', quantity('integer'), quantity('bigint'), 'integer NOT NULL -> bigint NOT NULL', false),
    change('integer -> decimal(12,2) widens', quantity('integer'), decimal(12, 2), 'integer NOT NULL -> decimal(12,2) NOT NULL', false),
    change('integer -> decimal(10,2) narrows', quantity('integer'), decimal(10, 2), 'integer NOT NULL -> decimal(10,2) NOT NULL', true),
    change('double -> integer narrows', quantity('double'), quantity('integer'), 'double NOT NULL -> integer NOT NULL', true),
    change('double -> decimal narrows', quantity('double'), decimal(12, 2), 'double NOT NULL -> decimal(12,2) NOT NULL', true),
    change('a decimal with more digits widens', decimal(12, 2), decimal(14, 3), 'decimal(12,2) NOT NULL -> decimal(14,3) NOT NULL', false),
    change('a decimal with fewer places narrows', decimal(12, 2), decimal(12, 1), 'decimal(12,2) NOT NULL -> decimal(12,1) NOT NULL', true),
    change('bigint -> integer narrows', quantity('bigint'), quantity('integer'), 'bigint NOT NULL -> integer NOT NULL', true),
  ];
}

interface Case {
  name: string;
  before: SchemaTable[];
  after: SchemaTable[];
  renames?: ColumnRename[];
  changes: string[];
  loses?: string[];
}

/** A child table that references orders: it must be created after it and dropped before it. */
const lines: SchemaTable = {
  name: 'order_lines',
  feature: 'ordering',
  columns: [{ ...id, name: 'order_id' }, id],
  indexes: [],
  foreignKeys: [
    {
      name: 'fk_order_lines_order_id',
      columns: ['order_id'],
      referencedTable: 'orders',
      referencedColumns: ['id'],
      onDelete: 'CASCADE',
      onUpdate: 'NO ACTION',
    },
  ],
};

const cases: Case[] = [
  { name: 'no change', before: [orders()], after: [orders()], changes: [] },
  {
    name: 'a root and its child table, in name order: the referenced one first',
    before: [],
    after: [lines, orders()],
    changes: ['create table orders (id, status, note)', 'create table order_lines (order_id, id)'],
  },
  {
    name: 'dropping a root and its child table: the referencing one first',
    before: [lines, orders()],
    after: [],
    changes: ['drop table order_lines', 'drop table orders'],
    loses: ['drops table order_lines and all its rows', 'drops table orders and all its rows'],
  },
  {
    name: 'a foreign key whose update rule changed is recreated',
    before: [orders(), lines],
    after: [orders(), { ...lines, foreignKeys: [{ ...lines.foreignKeys[0], onUpdate: 'CASCADE' }] }],
    changes: ['drop foreign key fk_order_lines_order_id', 'create foreign key fk_order_lines_order_id on order_lines (order_id) -> orders'],
  },
  { name: 'column order is not a change', before: [orders()], after: [orders({ columns: [note, status, id] })], changes: [] },
  { name: 'a new table', before: [], after: [orders()], changes: ['create table orders (id, status, note)'] },
  {
    name: 'a dropped table',
    before: [orders()],
    after: [],
    changes: ['drop table orders'],
    loses: ['drops table orders and all its rows'],
  },
  {
    name: 'an added column',
    before: [orders()],
    after: [orders({ columns: [id, status, note, total] })],
    changes: ['add column orders.total double precision NOT NULL'],
  },
  {
    name: 'an added NOT NULL column with a default',
    before: [orders()],
    after: [orders({ columns: [id, status, note, version] })],
    changes: ['add column orders.version integer NOT NULL DEFAULT 1'],
  },
  {
    name: 'a changed default',
    before: [orders({ columns: [id, version] })],
    after: [orders({ columns: [id, { ...version, default: 0 }] })],
    changes: ['alter column orders.version: integer NOT NULL DEFAULT 1 -> integer NOT NULL DEFAULT 0'],
  },
  {
    name: 'a dropped default',
    before: [orders({ columns: [id, version] })],
    after: [orders({ columns: [id, { ...version, default: undefined }] })],
    changes: ['alter column orders.version: integer NOT NULL DEFAULT 1 -> integer NOT NULL'],
  },
  {
    name: 'a dropped column',
    before: [orders()],
    after: [orders({ columns: [id, status] })],
    changes: ['drop column orders.note'],
    loses: ['drops column orders.note (varchar(255) NULL) and its values'],
  },
  {
    name: 'drop + add of the same type without a rename',
    before: [orders()],
    after: [orders({ columns: [id, status, { ...note, name: 'comment' }] })],
    changes: ['drop column orders.note', 'add column orders.comment varchar(255) NULL'],
    loses: ['drops column orders.note (varchar(255) NULL) and its values'],
  },
  {
    name: 'a rename the user declared',
    before: [orders()],
    after: [orders({ columns: [id, status, { ...note, name: 'comment' }] })],
    renames: [{ table: 'orders', from: 'note', to: 'comment' }],
    changes: ['rename column orders.note to comment'],
  },
  {
    name: 'a rename that also narrows',
    before: [orders()],
    after: [orders({ columns: [id, status, { ...note, name: 'comment', nullable: false }] })],
    renames: [{ table: 'orders', from: 'note', to: 'comment' }],
    changes: ['rename column orders.note to comment', 'alter column orders.comment: varchar(255) NULL -> varchar(255) NOT NULL'],
    loses: ['makes column orders.comment NOT NULL without a default; rows without a value cannot keep it'],
  },
  {
    name: 'a rename of a renamed indexed column drops the index first and recreates it after',
    before: [orders()],
    after: [
      orders({
        columns: [id, { ...status, name: 'state' }, note],
        indexes: [{ name: 'idx_orders_state', columns: ['state'], unique: false }],
      }),
    ],
    renames: [{ table: 'orders', from: 'status', to: 'state' }],
    changes: ['drop index idx_orders_status', 'rename column orders.status to state', 'create index idx_orders_state on orders (state)'],
  },
  {
    name: 'a rename for another table does not apply',
    before: [orders()],
    after: [orders()],
    renames: [{ table: 'customers', from: 'note', to: 'comment' }],
    changes: [],
  },
  {
    name: 'a longer varchar widens',
    before: [orders()],
    after: [orders({ columns: [id, status, { ...note, length: 1000 }] })],
    changes: ['alter column orders.note: varchar(255) NULL -> varchar(1000) NULL'],
  },
  {
    name: 'a shorter varchar narrows',
    before: [orders()],
    after: [orders({ columns: [id, status, { ...note, length: 40 }] })],
    changes: ['alter column orders.note: varchar(255) NULL -> varchar(40) NULL'],
    loses: ['narrows column orders.note from varchar(255) NULL to varchar(40) NULL; values that do not fit are lost'],
  },
  {
    name: 'a new enum value widens',
    before: [orders()],
    after: [orders({ columns: [id, { ...status, enum: ['PLACED', 'PAID', 'SHIPPED'] }, note] })],
    changes: ['alter column orders.status: varchar in (PLACED, PAID) NOT NULL -> varchar in (PLACED, PAID, SHIPPED) NOT NULL'],
  },
  {
    name: 'a removed enum value narrows',
    before: [orders()],
    after: [orders({ columns: [id, { ...status, enum: ['PLACED'] }, note] })],
    changes: ['alter column orders.status: varchar in (PLACED, PAID) NOT NULL -> varchar in (PLACED) NOT NULL'],
    loses: [
      'narrows column orders.status from varchar in (PLACED, PAID) NOT NULL to varchar in (PLACED) NOT NULL; values that do not fit are lost',
    ],
  },
  {
    name: 'another type narrows',
    before: [orders({ columns: [id, status, note, total] })],
    after: [orders({ columns: [id, status, note, { ...total, type: 'boolean' }] })],
    changes: ['alter column orders.total: double precision NOT NULL -> boolean NOT NULL'],
    loses: ['narrows column orders.total from double precision NOT NULL to boolean NOT NULL; values that do not fit are lost'],
  },
  ...numberCases(),
  {
    name: 'a key the database assigns from now on (id?: number) is an alter',
    before: [orders({ columns: [{ ...id, type: 'integer', length: undefined }, status] })],
    after: [orders({ columns: [{ ...id, type: 'integer', length: undefined, generated: 'increment' }, status] })],
    changes: ['alter column orders.id: integer NOT NULL PRIMARY KEY -> integer NOT NULL PRIMARY KEY AUTOINCREMENT'],
  },
  {
    name: 'not null -> nullable keeps everything',
    before: [orders({ columns: [id, status, note, total] })],
    after: [orders({ columns: [id, status, note, { ...total, nullable: true }] })],
    changes: ['alter column orders.total: double precision NOT NULL -> double precision NULL'],
  },
  {
    name: 'nullable -> not null',
    before: [orders()],
    after: [orders({ columns: [id, status, { ...note, nullable: false }] })],
    changes: ['alter column orders.note: varchar(255) NULL -> varchar(255) NOT NULL'],
    loses: ['makes column orders.note NOT NULL without a default; rows without a value cannot keep it'],
  },
  {
    name: 'an added index',
    before: [orders({ indexes: [] })],
    after: [orders()],
    changes: ['create index idx_orders_status on orders (status)'],
  },
  { name: 'a dropped index', before: [orders()], after: [orders({ indexes: [] })], changes: ['drop index idx_orders_status'] },
  {
    name: 'an index made unique is dropped and recreated',
    before: [orders()],
    after: [orders({ indexes: [{ ...statusIndex, unique: true }] })],
    changes: ['drop index idx_orders_status', 'create index idx_orders_status on orders (status)'],
  },
  {
    name: 'a dropped indexed column loses its index first',
    before: [orders()],
    after: [orders({ columns: [id, note], indexes: [] })],
    changes: ['drop index idx_orders_status', 'drop column orders.status'],
    loses: ['drops column orders.status (varchar in (PLACED, PAID) NOT NULL) and its values'],
  },
  {
    name: 'an added foreign key comes after its column',
    before: [orders()],
    after: [orders({ columns: [id, status, note, customerId], foreignKeys: [customerFk] })],
    changes: [
      'add column orders.customer_id varchar(255) NOT NULL',
      'create foreign key fk_orders_customer_id on orders (customer_id) -> customers',
    ],
  },
  {
    name: 'a dropped foreign key goes before its column',
    before: [orders({ columns: [id, status, note, customerId], foreignKeys: [customerFk] })],
    after: [orders()],
    changes: ['drop foreign key fk_orders_customer_id', 'drop column orders.customer_id'],
    loses: ['drops column orders.customer_id (varchar(255) NOT NULL) and its values'],
  },
  {
    name: 'a foreign key with another action is recreated',
    before: [orders({ columns: [id, status, note, customerId], foreignKeys: [customerFk] })],
    after: [orders({ columns: [id, status, note, customerId], foreignKeys: [{ ...customerFk, onDelete: 'RESTRICT' }] })],
    changes: ['drop foreign key fk_orders_customer_id', 'create foreign key fk_orders_customer_id on orders (customer_id) -> customers'],
  },
];

describe('diffSchema', () => {
  it.each(cases)('$name', ({ before, after, renames, changes, loses }) => {
    const diff = diffSchema(before, after, renames);

    expect(diff.changes.map(describeChange)).toEqual(changes);
    expect(diff.changes.flatMap((c) => dataLoss(c) ?? [])).toEqual(loses ?? []);
  });

  it.each(cases)('$name: up turns before into after, and down turns it back', ({ before, after, renames }) => {
    const { changes } = diffSchema(before, after, renames);

    expect(normalize(apply(before, changes))).toEqual(normalize(after));
    expect(normalize(apply(after, invertChanges(changes)))).toEqual(normalize(before));
  });

  it('warns that a new NOT NULL column fails on a table with rows, and only then', () => {
    const { changes } = diffSchema([orders()], [orders({ columns: [id, status, note, total, { ...note, name: 'remark' }] })]);

    expect(changes.flatMap((c) => caveat(c) ?? [])).toEqual([
      'adds NOT NULL column orders.total without a default: it fails on a table that has rows (make the field optional, or fill it in by hand in this migration)',
    ]);
    expect(diffSchema([], [orders({ columns: [id, total] })]).changes.flatMap((c) => caveat(c) ?? [])).toEqual([]);
  });

  it('adds a NOT NULL column with a default without a caveat: the rows already there get the default', () => {
    const { changes } = diffSchema([orders()], [orders({ columns: [id, status, note, version] })]);

    expect(changes).toEqual([{ kind: 'add-column', table: 'orders', column: version }]);
    expect(changes.flatMap((c) => caveat(c) ?? [])).toEqual([]);
    expect(invertChanges(changes)).toEqual([{ kind: 'drop-column', table: 'orders', column: version }]);
  });

  it('reports which renames applied', () => {
    const renames = [
      { table: 'orders', from: 'note', to: 'comment' },
      { table: 'orders', from: 'gone', to: 'here' },
    ];
    const diff = diffSchema([orders()], [orders({ columns: [id, status, { ...note, name: 'comment' }] })], renames);

    expect(diff.appliedRenames).toEqual([renames[0]]);
  });
});

/** Runs changes on tables the way the QueryRunner would, failing on a step that does not fit the state it meets. */
function apply(tables: readonly SchemaTable[], changes: readonly SchemaChange[]): SchemaTable[] {
  let state = tables.map((t) => ({ ...t, columns: [...t.columns], indexes: [...t.indexes], foreignKeys: [...t.foreignKeys] }));
  const table = (name: string) => {
    const found = state.find((t) => t.name === name);
    if (!found) throw new Error(`no table ${name}`);
    return found;
  };
  const column = (t: SchemaTable, name: string) => {
    const index = t.columns.findIndex((c) => c.name === name);
    if (index < 0) throw new Error(`no column ${t.name}.${name}`);
    return index;
  };
  for (const change of changes) {
    switch (change.kind) {
      case 'create-table':
        if (state.some((t) => t.name === change.table.name)) throw new Error(`table ${change.table.name} exists`);
        state.push(change.table);
        break;
      case 'drop-table':
        table(change.table.name);
        state = state.filter((t) => t.name !== change.table.name);
        break;
      case 'rename-column': {
        const t = table(change.table);
        const i = column(t, change.from);
        if (t.indexes.some((x) => x.columns.includes(change.from))) throw new Error(`renaming indexed ${change.from}`);
        t.columns[i] = { ...t.columns[i], name: change.to };
        break;
      }
      case 'add-column':
        table(change.table).columns.push(change.column);
        break;
      case 'drop-column': {
        const t = table(change.table);
        t.columns.splice(column(t, change.column.name), 1);
        break;
      }
      case 'alter-column': {
        const t = table(change.table);
        const i = column(t, change.from.name);
        expect(t.columns[i]).toEqual(change.from);
        t.columns[i] = change.to;
        break;
      }
      case 'create-index':
        for (const c of change.index.columns) column(table(change.table), c);
        table(change.table).indexes.push(change.index);
        break;
      case 'drop-index':
        table(change.table).indexes = table(change.table).indexes.filter((x) => x.name !== change.index.name);
        break;
      case 'create-foreign-key':
        for (const c of change.foreignKey.columns) column(table(change.table), c);
        table(change.table).foreignKeys.push(change.foreignKey);
        break;
      case 'drop-foreign-key':
        table(change.table).foreignKeys = table(change.table).foreignKeys.filter((x) => x.name !== change.foreignKey.name);
        break;
    }
  }
  return state;
}

function normalize(tables: readonly SchemaTable[]) {
  const byName = <T extends { name: string }>(items: readonly T[]) => [...items].sort((a, b) => (a.name < b.name ? -1 : 1));
  return byName(tables).map((t) => ({ ...t, columns: byName(t.columns), indexes: byName(t.indexes), foreignKeys: byName(t.foreignKeys) }));
}

describe('serializeSnapshot', () => {
  it('writes one column a line and reads back what it wrote, whatever the strings hold', () => {
    const odd: SchemaColumn = { name: 'kind', type: 'varchar', enum: ['a: "b", t', 'n,1'], nullable: false, primary: false };
    const snapshot = { version: 1 as const, tables: [orders({ columns: [id, odd] })] };

    const text = serializeSnapshot(snapshot);

    expect(parseSnapshot(text, '.gen/schema.json')).toEqual(snapshot);
    expect(text).toContain('\n        {"name": "id", "type": "varchar", "length": 255, "nullable": false, "primary": true},\n');
  });

  it('writes a default after the rest, and none where a column has none, so older snapshots read the same', () => {
    const snapshot = { version: 1 as const, tables: [orders({ columns: [id, version] })] };

    const text = serializeSnapshot(snapshot);

    expect(text).toContain('\n        {"name": "version", "type": "integer", "nullable": false, "primary": false, "default": 1}\n');
    expect(parseSnapshot(text, '.gen/schema.json')).toEqual(snapshot);
  });
});
