import { migrationColumnType } from '../src/map/column-types.js';
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
  return {
    path: name.file,
    template: 'migration.ejs',
    source: model.aggregate.file,
    data: {
      className: name.className,
      aggregate: model.names.aggregate,
      table: table.name,
      columns: table.columns.map((c) => tsLiteral(tableColumn(c))),
      indices: table.indexes.map((i) => tsLiteral({ name: i.name, columnNames: i.columns, isUnique: i.unique || undefined })),
    },
  };
}

function tableColumn(column: ColumnSpec): Record<string, unknown> {
  return {
    name: column.name,
    type: migrationColumnType(column),
    length: column.length === undefined ? undefined : String(column.length),
    enum: column.enumValues,
    isPrimary: column.primary || undefined,
    isNullable: column.nullable || undefined,
  };
}
