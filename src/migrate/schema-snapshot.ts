import { compareText } from '../compare.js';
import { GenError } from '../errors.js';
import type { TableSpec } from '../map/persistence-model.js';

/**
 * The schema that the committed migrations produce, as gen last wrote it: the "before" of the next
 * schema diff, so new migrations come from a file in version control, never from a live database.
 * Column types are spelled as the migrations spell them (the Table API passes them through).
 */
export interface SchemaSnapshot {
  version: 1;
  /** Sorted by name. */
  tables: SchemaTable[];
}

export interface SchemaTable {
  name: string;
  /** The feature whose migrations own the table: a run of one feature only diffs its own tables. */
  feature: string;
  /** In the order the model declares them; column order is not part of the diff. */
  columns: SchemaColumn[];
  indexes: SchemaIndex[];
  foreignKeys: SchemaForeignKey[];
}

export interface SchemaColumn {
  name: string;
  type: string;
  length?: number;
  /** A decimal's digits in all and after the point. */
  precision?: number;
  scale?: number;
  enum?: string[];
  nullable: boolean;
  primary: boolean;
  /** What the database stores in rows that do not set it: also what rows already there get when it is added. */
  default?: number;
  /** A primary key the database assigns on insert. */
  generated?: 'increment' | 'uuid';
}

export interface SchemaIndex {
  name: string;
  columns: string[];
  unique: boolean;
}

export interface SchemaForeignKey {
  name: string;
  columns: string[];
  referencedTable: string;
  referencedColumns: string[];
  onDelete?: string;
  onUpdate?: string;
}

export const SCHEMA_FILE = '.gen/schema.json';

export function emptySnapshot(): SchemaSnapshot {
  return { version: 1, tables: [] };
}

/** The table as the migrations must leave it. */
export function schemaTable(table: TableSpec, feature: string): SchemaTable {
  return {
    name: table.name,
    feature,
    columns: table.columns.map((c) => ({
      name: c.name,
      // The portable column kind: each migration spells it for the database it runs on (column-types.ts).
      type: c.kind,
      ...(c.length === undefined ? {} : { length: c.length }),
      ...(c.precision === undefined ? {} : { precision: c.precision }),
      ...(c.scale === undefined ? {} : { scale: c.scale }),
      ...(c.enumValues === undefined ? {} : { enum: [...c.enumValues] }),
      nullable: c.nullable,
      primary: c.primary,
      ...(c.default === undefined ? {} : { default: c.default }),
      ...(c.generated === undefined ? {} : { generated: c.generated }),
    })),
    indexes: table.indexes.map((i) => ({ name: i.name, columns: [...i.columns], unique: i.unique })),
    foreignKeys: [...(table.foreignKeys ?? [])]
      .sort((a, b) => compareText(a.name, b.name))
      .map((f) => ({
        name: f.name,
        columns: [...f.columns],
        referencedTable: f.referencedTable,
        referencedColumns: [...f.referencedColumns],
        ...(f.onDelete === undefined ? {} : { onDelete: f.onDelete }),
        ...(f.onUpdate === undefined ? {} : { onUpdate: f.onUpdate }),
      })),
  };
}

/** The snapshot with one feature's tables replaced by `tables`. */
export function withFeatureTables(snapshot: SchemaSnapshot, feature: string, tables: readonly SchemaTable[]): SchemaSnapshot {
  const others = snapshot.tables.filter((t) => t.feature !== feature);
  return { version: 1, tables: [...others, ...tables].sort((a, b) => compareText(a.name, b.name)) };
}

export function featureTables(snapshot: SchemaSnapshot, feature: string): SchemaTable[] {
  return snapshot.tables.filter((t) => t.feature === feature);
}

/**
 * One column, index or foreign key a line, so a schema change is a one-line diff in review. Objects are
 * built with a fixed key order, so the text is byte-stable.
 */
export function serializeSnapshot(snapshot: SchemaSnapshot): string {
  const list = (items: readonly object[], indent: string) =>
    items.length === 0 ? '[]' : `[\n${items.map((item) => `${indent}  ${inlineJson(item)}`).join(',\n')}\n${indent}]`;
  const tables = snapshot.tables.map((t) =>
    [
      '    {',
      `      "name": ${JSON.stringify(t.name)},`,
      `      "feature": ${JSON.stringify(t.feature)},`,
      `      "columns": ${list(t.columns, '      ')},`,
      `      "indexes": ${list(t.indexes, '      ')},`,
      `      "foreignKeys": ${list(t.foreignKeys, '      ')}`,
      '    }',
    ].join('\n'),
  );
  return `{\n  "version": 1,\n  "tables": ${tables.length === 0 ? '[]' : `[\n${tables.join(',\n')}\n  ]`}\n}\n`;
}

export function parseSnapshot(text: string, path: string): SchemaSnapshot {
  const invalid = (why: string) =>
    new GenError(
      `${path} is not a gen schema snapshot: ${why}`,
      { file: path, line: 1 },
      'Restore it from version control; gen writes it together with each migration.',
    );
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw invalid((error as Error).message);
  }
  const snapshot = raw as Partial<SchemaSnapshot>;
  if (snapshot.version !== 1 || !Array.isArray(snapshot.tables)) throw invalid('expected { "version": 1, "tables": [...] }');
  for (const table of snapshot.tables) {
    if (
      typeof table?.name !== 'string' ||
      typeof table.feature !== 'string' ||
      !Array.isArray(table.columns) ||
      !Array.isArray(table.indexes) ||
      !Array.isArray(table.foreignKeys)
    ) {
      throw invalid(`table ${JSON.stringify(table?.name)} needs name, feature, columns, indexes and foreignKeys`);
    }
  }
  return { version: 1, tables: snapshot.tables };
}

/** `varchar(255) NOT NULL`, as a reviewer reads a column. */
export function columnText(column: SchemaColumn): string {
  const size =
    column.precision !== undefined ? `(${column.precision},${column.scale ?? 0})` : column.length !== undefined ? `(${column.length})` : '';
  const type = `${column.type}${size}`;
  const values = column.enum === undefined ? '' : ` in (${column.enum.join(', ')})`;
  const fallback = column.default === undefined ? '' : ` DEFAULT ${column.default}`;
  const generated = column.generated === undefined ? '' : column.generated === 'increment' ? ' AUTOINCREMENT' : ' UUID';
  return `${type}${values}${column.nullable ? ' NULL' : ' NOT NULL'}${fallback}${column.primary ? ' PRIMARY KEY' : ''}${generated}`;
}

/** JSON on one line, with a space after each `:` and `,` outside strings. */
function inlineJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(inlineJson).join(', ')}]`;
  if (value !== null && typeof value === 'object') {
    return `{${Object.entries(value)
      .map(([k, v]) => `${JSON.stringify(k)}: ${inlineJson(v)}`)
      .join(', ')}}`;
  }
  return JSON.stringify(value);
}
