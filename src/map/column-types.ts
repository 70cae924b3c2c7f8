import type { ColumnKind, ColumnSpec } from './persistence-model.js';

/** The databases the generated migrations know, by TypeORM's driver type. */
export const MIGRATION_DIALECTS = ['sqlite', 'postgres', 'mysql', 'mariadb'] as const;
export type MigrationDialect = (typeof MIGRATION_DIALECTS)[number];

/** TypeORM driver types of each dialect. */
export const DRIVER_TYPES: Record<MigrationDialect, string[]> = {
  sqlite: ['sqlite', 'better-sqlite3'],
  postgres: ['postgres'],
  mysql: ['mysql'],
  mariadb: ['mariadb'],
};

/**
 * The entity's column types: spellings every driver accepts, so that one entity serves every database.
 * `Date` becomes `datetime` on SQLite and MySQL/MariaDB and, through createDataSource, `timestamptz` on PostgreSQL.
 */
const ENTITY_TYPE: Record<ColumnKind, string> = {
  string: 'varchar',
  double: 'double precision',
  integer: 'integer',
  boolean: 'boolean',
  timestamp: 'Date',
  enum: 'simple-enum',
  json: 'simple-json',
};

/** A migration column's type options, as the Table API takes them. */
export interface MigrationColumnType {
  type: string;
  precision?: number;
  collation?: string;
}

/**
 * The same columns in each database's own spelling, since a migration's Table API passes types through
 * untranslated. Each one is what TypeORM's schema builder expects for the entity's type, so migrations and
 * entities agree (zero drift) on every database; checked by every generated schema test.
 * - PostgreSQL: `timestamptz` keeps the instant whatever the time zone of the server or of Node.
 * - MySQL/MariaDB: a binary collation makes `=` and LIKE case-sensitive, as on the other databases (MariaDB's
 *   NO PAD one also keeps `'a' = 'a '` false; MySQL has no NO PAD binary collation that MariaDB shares);
 *   `datetime(3)` keeps milliseconds; `tinyint` is what TypeORM makes of `boolean` there.
 */
const MIGRATION_TYPE: Record<MigrationDialect, Record<ColumnKind, MigrationColumnType>> = {
  sqlite: {
    integer: { type: 'integer' },
    json: { type: 'text' },
    string: { type: 'varchar' },
    double: { type: 'double precision' },
    boolean: { type: 'boolean' },
    timestamp: { type: 'datetime' },
    enum: { type: 'varchar' },
  },
  postgres: {
    integer: { type: 'integer' },
    json: { type: 'text' },
    string: { type: 'varchar' },
    double: { type: 'double precision' },
    boolean: { type: 'boolean' },
    timestamp: { type: 'timestamptz' },
    enum: { type: 'enum' },
  },
  mysql: {
    integer: { type: 'int' },
    json: { type: 'text' },
    string: { type: 'varchar', collation: 'utf8mb4_bin' },
    double: { type: 'double' },
    boolean: { type: 'tinyint' },
    timestamp: { type: 'datetime', precision: 3 },
    enum: { type: 'enum' },
  },
  mariadb: {
    integer: { type: 'int' },
    json: { type: 'text' },
    string: { type: 'varchar', collation: 'utf8mb4_nopad_bin' },
    double: { type: 'double' },
    boolean: { type: 'tinyint' },
    timestamp: { type: 'datetime', precision: 3 },
    enum: { type: 'enum' },
  },
};

/** The entity's type, as the plan shows it and as the entity spells it (`Date` is a class, not a string). */
export function entityColumnType(column: ColumnSpec): string {
  return ENTITY_TYPE[column.kind];
}

export function entityTypeIsClass(column: ColumnSpec): boolean {
  return column.kind === 'timestamp';
}

export function migrationColumnType(dialect: MigrationDialect, kind: ColumnKind): MigrationColumnType {
  return MIGRATION_TYPE[dialect][kind];
}

/** The TypeScript type of the ORM model's property. */
export function modelPropertyType(column: ColumnSpec): string {
  const base = column.kind === 'json' ? `${column.jsonElement ?? 'unknown'}[]` : { string: 'string', double: 'number', integer: 'number', boolean: 'boolean', timestamp: 'Date', enum: 'string' }[column.kind];
  return column.nullable ? `${base} | null` : base;
}
