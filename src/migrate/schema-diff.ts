import type { ColumnRename } from '../config/column-renames.js';
import { columnText, type SchemaColumn, type SchemaForeignKey, type SchemaIndex, type SchemaTable } from './schema-snapshot.js';

/** One step of a migration, as the QueryRunner API performs it. Each carries what its inverse needs. */
export type SchemaChange =
  | { kind: 'create-table'; table: SchemaTable }
  | { kind: 'drop-table'; table: SchemaTable }
  | { kind: 'rename-column'; table: string; from: string; to: string }
  | { kind: 'add-column'; table: string; column: SchemaColumn }
  | { kind: 'drop-column'; table: string; column: SchemaColumn }
  | { kind: 'alter-column'; table: string; from: SchemaColumn; to: SchemaColumn }
  | { kind: 'create-index'; table: string; index: SchemaIndex }
  | { kind: 'drop-index'; table: string; index: SchemaIndex }
  | { kind: 'create-foreign-key'; table: string; foreignKey: SchemaForeignKey }
  | { kind: 'drop-foreign-key'; table: string; foreignKey: SchemaForeignKey };

export interface SchemaDiff {
  /** In the order `up` runs them: constraints go before the columns they cover, and come back after. */
  changes: SchemaChange[];
  /** The renames that matched a dropped and an added column; the others did not apply. */
  appliedRenames: ColumnRename[];
}

/** Up order: what constrains a column is dropped before it changes and recreated after. */
const ORDER: SchemaChange['kind'][] = [
  'drop-foreign-key',
  'drop-index',
  'drop-table',
  'create-table',
  'rename-column',
  'drop-column',
  'alter-column',
  'add-column',
  'create-index',
  'create-foreign-key',
];

/** What turns the `before` tables into the `after` tables. Pure: no files, no database. */
export function diffSchema(
  before: readonly SchemaTable[],
  after: readonly SchemaTable[],
  renames: readonly ColumnRename[] = [],
): SchemaDiff {
  const changes: SchemaChange[] = [];
  const appliedRenames: ColumnRename[] = [];
  const afterByName = new Map(after.map((t) => [t.name, t]));
  const beforeByName = new Map(before.map((t) => [t.name, t]));
  for (const table of before) if (!afterByName.has(table.name)) changes.push({ kind: 'drop-table', table });
  for (const table of after) if (!beforeByName.has(table.name)) changes.push({ kind: 'create-table', table });

  for (const next of after) {
    const previous = beforeByName.get(next.name);
    if (!previous) continue;
    const table = next.name;
    const oldColumns = new Map(previous.columns.map((c) => [c.name, c]));
    const newColumns = new Map(next.columns.map((c) => [c.name, c]));
    const renamedTo = new Map<string, string>();
    for (const rename of renames) {
      if (
        rename.table === table &&
        oldColumns.has(rename.from) &&
        !newColumns.has(rename.from) &&
        newColumns.has(rename.to) &&
        !oldColumns.has(rename.to) &&
        !renamedTo.has(rename.from)
      ) {
        renamedTo.set(rename.from, rename.to);
        appliedRenames.push(rename);
        changes.push({ kind: 'rename-column', table, from: rename.from, to: rename.to });
      }
    }
    const renamedFrom = new Map([...renamedTo].map(([from, to]) => [to, from]));
    for (const column of previous.columns) {
      const to = renamedTo.get(column.name);
      const current = newColumns.get(to ?? column.name);
      if (!current) changes.push({ kind: 'drop-column', table, column });
      else if (!sameColumn({ ...column, name: current.name }, current))
        changes.push({ kind: 'alter-column', table, from: { ...column, name: current.name }, to: current });
    }
    for (const column of next.columns) {
      if (!oldColumns.has(column.name) && !renamedFrom.has(column.name)) changes.push({ kind: 'add-column', table, column });
    }
    diffNamed(
      previous.indexes,
      next.indexes,
      sameIndex,
      (index) => changes.push({ kind: 'drop-index', table, index }),
      (index) => changes.push({ kind: 'create-index', table, index }),
    );
    diffNamed(
      previous.foreignKeys,
      next.foreignKeys,
      sameForeignKey,
      (foreignKey) => changes.push({ kind: 'drop-foreign-key', table, foreignKey }),
      (foreignKey) => changes.push({ kind: 'create-foreign-key', table, foreignKey }),
    );
  }
  // A stable sort: within one kind, tables and columns keep the order they were found in, except that a
  // table is created after the tables its foreign keys reference, and dropped before them.
  changes.sort((a, b) => ORDER.indexOf(a.kind) - ORDER.indexOf(b.kind) || dependencyRank(a) - dependencyRank(b));
  return { changes, appliedRenames };
}

/** Created tables with foreign keys go after those without; dropped ones before. One level is all gen makes. */
function dependencyRank(change: SchemaChange): number {
  if (change.kind !== 'create-table' && change.kind !== 'drop-table') return 0;
  const references = change.table.foreignKeys.some((f) => f.referencedTable !== change.table.name) ? 1 : 0;
  return change.kind === 'create-table' ? references : -references;
}

/** A changed index or foreign key is dropped and recreated under its (explicit) name. */
function diffNamed<T extends { name: string }>(
  before: readonly T[],
  after: readonly T[],
  same: (a: T, b: T) => boolean,
  drop: (item: T) => void,
  create: (item: T) => void,
): void {
  const afterByName = new Map(after.map((i) => [i.name, i]));
  const beforeByName = new Map(before.map((i) => [i.name, i]));
  for (const item of before) {
    const current = afterByName.get(item.name);
    if (!current || !same(item, current)) drop(item);
  }
  for (const item of after) {
    const previous = beforeByName.get(item.name);
    if (!previous || !same(previous, item)) create(item);
  }
}

/** The change that undoes `change`: a migration's `down` is its `up` inverted, in reverse order. */
export function invertChange(change: SchemaChange): SchemaChange {
  switch (change.kind) {
    case 'create-table':
      return { kind: 'drop-table', table: change.table };
    case 'drop-table':
      return { kind: 'create-table', table: change.table };
    case 'rename-column':
      return { kind: 'rename-column', table: change.table, from: change.to, to: change.from };
    case 'add-column':
      return { kind: 'drop-column', table: change.table, column: change.column };
    case 'drop-column':
      return { kind: 'add-column', table: change.table, column: change.column };
    case 'alter-column':
      return { kind: 'alter-column', table: change.table, from: change.to, to: change.from };
    case 'create-index':
      return { kind: 'drop-index', table: change.table, index: change.index };
    case 'drop-index':
      return { kind: 'create-index', table: change.table, index: change.index };
    case 'create-foreign-key':
      return { kind: 'drop-foreign-key', table: change.table, foreignKey: change.foreignKey };
    case 'drop-foreign-key':
      return { kind: 'create-foreign-key', table: change.table, foreignKey: change.foreignKey };
  }
}

export function invertChanges(changes: readonly SchemaChange[]): SchemaChange[] {
  return [...changes].reverse().map(invertChange);
}

/**
 * What running `change` on a table with rows would lose, or undefined. Any type change other than a
 * longer length or more enum values counts as narrowing: gen cannot know the values fit.
 */
export function dataLoss(change: SchemaChange): string | undefined {
  switch (change.kind) {
    case 'drop-table':
      return `drops table ${change.table.name} and all its rows`;
    case 'drop-column':
      return `drops column ${change.table}.${change.column.name} (${columnText(change.column)}) and its values`;
    case 'alter-column': {
      const { from, to } = change;
      const where = `${change.table}.${to.name}`;
      if (narrowed(from, to))
        return `narrows column ${where} from ${columnText(from)} to ${columnText(to)}; values that do not fit are lost`;
      if (from.nullable && !to.nullable) return `makes column ${where} NOT NULL without a default; rows without a value cannot keep it`;
      return undefined;
    }
    default:
      return undefined;
  }
}

/** What could make `change` fail on a table with rows, though it loses nothing. */
export function caveat(change: SchemaChange): string | undefined {
  // With a default, the rows already there get it; without one, a table with rows refuses the column.
  if (change.kind === 'add-column' && !change.column.nullable && change.column.default === undefined) {
    return `adds NOT NULL column ${change.table}.${change.column.name} without a default: it fails on a table that has rows (make the field optional, or fill it in by hand in this migration)`;
  }
  return undefined;
}

function narrowed(from: SchemaColumn, to: SchemaColumn): boolean {
  if (from.type !== to.type || from.type === 'decimal') return !widerNumber(from, to);
  if (to.length !== undefined && (from.length === undefined || to.length < from.length)) return true;
  if (to.enum !== undefined && (from.enum === undefined || from.enum.some((v) => !to.enum!.includes(v)))) return true;
  return false;
}

/**
 * Number types that take every value of the old one: integer -> bigint, double, or a decimal with at least 10
 * digits before the point; a decimal -> one with at least as many digits before and after it. A double into
 * anything else may round, so it narrows.
 */
function widerNumber(from: SchemaColumn, to: SchemaColumn): boolean {
  const whole = (c: SchemaColumn) => (c.precision ?? 0) - (c.scale ?? 0);
  if (from.type === 'integer') return to.type === 'bigint' || to.type === 'double' || (to.type === 'decimal' && whole(to) >= 10);
  if (from.type === 'bigint') return to.type === 'decimal' && whole(to) >= 19;
  if (from.type === 'decimal' && to.type === 'decimal') return whole(to) >= whole(from) && (to.scale ?? 0) >= (from.scale ?? 0);
  return false;
}

/** One line a reviewer reads: `add column orders.coupon varchar(255) NULL`. */
export function describeChange(change: SchemaChange): string {
  switch (change.kind) {
    case 'create-table':
      return `create table ${change.table.name} (${change.table.columns.map((c) => c.name).join(', ')})`;
    case 'drop-table':
      return `drop table ${change.table.name}`;
    case 'rename-column':
      return `rename column ${change.table}.${change.from} to ${change.to}`;
    case 'add-column':
      return `add column ${change.table}.${change.column.name} ${columnText(change.column)}`;
    case 'drop-column':
      return `drop column ${change.table}.${change.column.name}`;
    case 'alter-column':
      return `alter column ${change.table}.${change.to.name}: ${columnText(change.from)} -> ${columnText(change.to)}`;
    case 'create-index':
      return `create index ${change.index.name} on ${change.table} (${change.index.columns.join(', ')})`;
    case 'drop-index':
      return `drop index ${change.index.name}`;
    case 'create-foreign-key':
      return `create foreign key ${change.foreignKey.name} on ${change.table} (${change.foreignKey.columns.join(', ')}) -> ${change.foreignKey.referencedTable}`;
    case 'drop-foreign-key':
      return `drop foreign key ${change.foreignKey.name}`;
  }
}

function sameColumn(a: SchemaColumn, b: SchemaColumn): boolean {
  return (
    a.name === b.name &&
    a.type === b.type &&
    a.length === b.length &&
    a.precision === b.precision &&
    a.scale === b.scale &&
    sameList(a.enum, b.enum) &&
    a.nullable === b.nullable &&
    a.primary === b.primary &&
    a.default === b.default &&
    a.generated === b.generated
  );
}

function sameIndex(a: SchemaIndex, b: SchemaIndex): boolean {
  return sameList(a.columns, b.columns) && a.unique === b.unique;
}

function sameForeignKey(a: SchemaForeignKey, b: SchemaForeignKey): boolean {
  return (
    sameList(a.columns, b.columns) &&
    a.referencedTable === b.referencedTable &&
    sameList(a.referencedColumns, b.referencedColumns) &&
    a.onDelete === b.onDelete &&
    a.onUpdate === b.onUpdate
  );
}

function sameList(a: readonly string[] | undefined, b: readonly string[] | undefined): boolean {
  return a === b || (a !== undefined && b !== undefined && a.length === b.length && a.every((v, i) => v === b[i]));
}
