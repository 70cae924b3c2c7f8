import type { ColumnSpec } from './persistence-model.js';

/**
 * Column types as TypeORM spells them. The entity may use TypeORM's abstract `simple-enum`; a
 * migration's Table API passes types through untranslated, so it gets the database's own spelling.
 * These spellings give zero drift on SQLite (checked by every generated schema test).
 */
const DATABASE_TYPE: Record<ColumnSpec['kind'], string> = {
  string: 'varchar',
  double: 'double precision',
  integer: 'integer',
  boolean: 'boolean',
  timestamp: 'datetime',
  enum: 'varchar',
  json: 'text',
};

export function entityColumnType(column: ColumnSpec): string {
  if (column.kind === 'enum') return 'simple-enum';
  if (column.kind === 'json') return 'simple-json';
  return DATABASE_TYPE[column.kind];
}

export function migrationColumnType(column: ColumnSpec): string {
  return DATABASE_TYPE[column.kind];
}

/** The TypeScript type of the ORM model's property. */
export function modelPropertyType(column: ColumnSpec): string {
  const base = column.kind === 'json' ? `${column.jsonElement ?? 'unknown'}[]` : { string: 'string', double: 'number', integer: 'number', boolean: 'boolean', timestamp: 'Date', enum: 'string' }[column.kind];
  return column.nullable ? `${base} | null` : base;
}
