import { DRIVER_TYPES, MIGRATION_DIALECTS, migrationColumnType } from '../src/map/column-types.js';
import type { ColumnSpec } from '../src/map/persistence-model.js';
import type { Artifact, GeneratorContext } from '../src/render/artifact.js';
import { tsLiteral } from '../src/render/ts-literal.js';

/** A migration's file and class, named `<timestamp>-CreateOrders.ts` / `CreateOrders<timestamp>` as TypeORM requires. */
export interface MigrationName {
  timestamp: number;
  className: string;
  file: string;
}

/** The feature's migration keeps the timestamp it was first written with, so regeneration never renames it. */
export function migrationName({ model, layout, project }: GeneratorContext): MigrationName {
  const pattern = new RegExp(`^(\\d{13})-${model.names.migrationName}\\.ts$`);
  const existing = project.migrationFiles.map((f) => pattern.exec(f)).find((m) => m !== null);
  const timestamp = existing ? Number(existing[1]) : project.now;
  return {
    timestamp,
    className: `${model.names.migrationName}${timestamp}`,
    file: `${layout.migrationsDir}/${timestamp}-${model.names.migrationName}.ts`,
  };
}

/** The migration that creates the feature's tables with the QueryRunner Table API: one file for every database. */
export function migration(context: GeneratorContext): Artifact {
  const { model } = context;
  const name = migrationName(context);
  const { table } = model;
  const kinds = [...new Set(table.columns.map((c) => c.kind))].sort();
  return {
    path: name.file,
    template: 'migration.ejs',
    source: model.aggregate.file,
    data: {
      className: name.className,
      aggregate: model.names.aggregate,
      table: table.name,
      columns: table.columns.map(tableColumn),
      indices: table.indexes.map((i) => tsLiteral({ name: i.name, columnNames: i.columns, isUnique: i.unique || undefined })),
      kinds: kinds.map(tsLiteral),
      dialects: MIGRATION_DIALECTS.map((dialect) => ({
        drivers: DRIVER_TYPES[dialect].map(tsLiteral),
        types: tsLiteral(Object.fromEntries(kinds.map((kind) => [kind, migrationColumnType(dialect, kind)]))),
      })),
      supported: DRIVER_TYPES[MIGRATION_DIALECTS[0]].concat(...MIGRATION_DIALECTS.slice(1).map((d) => DRIVER_TYPES[d])).join(', '),
    },
  };
}

/** `{ name: 'id', ...type.string, length: '255', isPrimary: true }`: the type comes from the running database's spelling. */
function tableColumn(column: ColumnSpec): string {
  const options = {
    length: column.length === undefined ? undefined : String(column.length),
    enum: column.enumValues,
    isPrimary: column.primary || undefined,
    isNullable: column.nullable || undefined,
  };
  const rest = Object.values(options).some((v) => v !== undefined) ? `, ${tsLiteral(options).slice(2, -2)}` : '';
  return `{ name: ${tsLiteral(column.name)}, ...type.${column.kind}${rest} }`;
}
