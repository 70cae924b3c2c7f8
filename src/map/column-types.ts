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
  decimal: 'decimal',
  bigint: 'bigint',
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
    decimal: { type: 'decimal' },
    bigint: { type: 'bigint' },
    json: { type: 'text' },
    string: { type: 'varchar' },
    double: { type: 'double precision' },
    boolean: { type: 'boolean' },
    timestamp: { type: 'datetime' },
    enum: { type: 'varchar' },
  },
  postgres: {
    integer: { type: 'integer' },
    decimal: { type: 'numeric' },
    bigint: { type: 'bigint' },
    json: { type: 'text' },
    string: { type: 'varchar' },
    double: { type: 'double precision' },
    boolean: { type: 'boolean' },
    timestamp: { type: 'timestamptz' },
    enum: { type: 'enum' },
  },
  mysql: {
    integer: { type: 'int' },
    decimal: { type: 'decimal' },
    bigint: { type: 'bigint' },
    json: { type: 'text' },
    string: { type: 'varchar', collation: 'utf8mb4_bin' },
    double: { type: 'double' },
    boolean: { type: 'tinyint' },
    timestamp: { type: 'datetime', precision: 3 },
    enum: { type: 'enum' },
  },
  mariadb: {
    integer: { type: 'int' },
    decimal: { type: 'decimal' },
    bigint: { type: 'bigint' },
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

/** The type with its size, as a reader sees it: `varchar(255)`, `decimal(12,2)`. */
export function columnTypeText(column: ColumnSpec): string {
  const size =
    column.kind === 'decimal' ? `(${column.precision},${column.scale})` : column.length === undefined ? '' : `(${column.length})`;
  return `${entityColumnType(column)}${size}`;
}

/**
 * A column whose values the drivers do not hand back as the domain's type needs a transformer on the entity:
 * decimals come back from PostgreSQL and MariaDB as strings, 64-bit integers as strings or numbers.
 */
export function columnTransformer(column: ColumnSpec): 'decimal' | 'bigint' | undefined {
  return column.kind === 'decimal' || column.kind === 'bigint' ? column.kind : undefined;
}

export function entityTypeIsClass(column: ColumnSpec): boolean {
  return column.kind === 'timestamp';
}

export function migrationColumnType(dialect: MigrationDialect, kind: ColumnKind): MigrationColumnType {
  return MIGRATION_TYPE[dialect][kind];
}

/** The TypeScript type of the ORM model's property. */
export function modelPropertyType(column: ColumnSpec): string {
  const element = column.jsonElement === 'bigint' ? 'string' : (column.jsonElement ?? 'unknown');
  const base =
    column.kind === 'json'
      ? column.jsonItem
        ? `${column.jsonItem}[]`
        : `${element}[]`
      : {
          string: 'string',
          double: 'number',
          integer: 'number',
          decimal: 'number',
          bigint: 'bigint',
          boolean: 'boolean',
          timestamp: 'Date',
          enum: 'string',
        }[column.kind];
  return column.nullable ? `${base} | null` : base;
}
