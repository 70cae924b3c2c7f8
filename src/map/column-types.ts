import type { ColumnSpec } from './persistence-model.js';

/**
 * Column types as TypeORM spells them. The entity may use TypeORM's abstract `simple-enum`; a
 * migration's Table API passes types through untranslated, so it gets the database's own spelling.
 * These spellings give zero drift on SQLite (checked by every generated schema test).
 */
const DATABASE_TYPE: Record<ColumnSpec['kind'], string> = {
  string: 'varchar',
  double: 'double precision',
  boolean: 'boolean',
  timestamp: 'datetime',
  enum: 'varchar',
};

export function entityColumnType(column: ColumnSpec): string {
  return column.kind === 'enum' ? 'simple-enum' : DATABASE_TYPE[column.kind];
}

export function migrationColumnType(column: ColumnSpec): string {
  return DATABASE_TYPE[column.kind];
}

/** The TypeScript type of the ORM model's property. */
export function modelPropertyType(column: ColumnSpec): string {
  const base = { string: 'string', double: 'number', boolean: 'boolean', timestamp: 'Date', enum: 'string' }[column.kind];
  return column.nullable ? `${base} | null` : base;
}
