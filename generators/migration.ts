import { describeChange, invertChanges, type SchemaChange } from '../src/migrate/schema-diff.js';
import type { SchemaColumn, SchemaForeignKey, SchemaIndex } from '../src/migrate/schema-snapshot.js';
import type { Artifact, GeneratorContext } from '../src/render/artifact.js';
import { tsLiteral } from '../src/render/ts-literal.js';

/**
 * The migration for this run's schema change, written once and never again: `up` is the diff between
 * `.gen/schema.json` and the model, `down` its inverse. No change, no migration.
 */
export function migration(context: GeneratorContext): Artifact | undefined {
  const { model } = context;
  const next = context.migrations.next;
  if (!next) return undefined;
  const up = next.changes.map(step);
  const down = invertChanges(next.changes).map(step);
  const created = next.changes.length === 1 && next.changes[0]!.kind === 'create-table' ? next.changes[0]!.table.name : undefined;
  const values = new Set([...up, ...down].flatMap((s) => s.uses));
  return {
    path: next.file,
    template: 'migration.ejs',
    source: model.aggregate.file,
    data: {
      imports: `import { ${[...['Table', 'TableColumn', 'TableForeignKey', 'TableIndex'].filter((v) => values.has(v)), 'type MigrationInterface', 'type QueryRunner'].join(', ')} } from 'typeorm';`,
      className: next.className,
      aggregate: model.names.aggregate,
      created,
      changes: next.changes.map(describeChange),
      dataLoss: next.dataLoss,
      caveats: next.caveats,
      up,
      down,
    },
  };
}

/** One QueryRunner call as template data: the call's name and its arguments as literals. */
interface Step {
  op: string;
  table: string;
  /** Table API classes the call constructs, for the import line. */
  uses: string[];
  [argument: string]: unknown;
}

function step(change: SchemaChange): Step {
  switch (change.kind) {
    case 'create-table':
      return {
        op: 'createTable',
        table: change.table.name,
        uses: ['Table'],
        columns: change.table.columns.map((c) => tsLiteral(columnOptions(c))),
        indices: change.table.indexes.map((i) => tsLiteral(indexOptions(i))),
        foreignKeys: change.table.foreignKeys.map((f) => tsLiteral(foreignKeyOptions(f))),
      };
    case 'drop-table':
      return { op: 'dropTable', table: change.table.name, uses: [] };
    case 'rename-column':
      return { op: 'renameColumn', table: change.table, uses: [], from: change.from, to: change.to };
    case 'add-column':
      return { op: 'addColumn', table: change.table, uses: ['TableColumn'], column: tsLiteral(columnOptions(change.column)) };
    case 'drop-column':
      return { op: 'dropColumn', table: change.table, uses: [], name: change.column.name };
    case 'alter-column':
      return { op: 'changeColumn', table: change.table, uses: ['TableColumn'], from: change.from.name, column: tsLiteral(columnOptions(change.to)) };
    case 'create-index':
      return { op: 'createIndex', table: change.table, uses: ['TableIndex'], index: tsLiteral(indexOptions(change.index)) };
    case 'drop-index':
      return { op: 'dropIndex', table: change.table, uses: [], name: change.index.name };
    case 'create-foreign-key':
      return { op: 'createForeignKey', table: change.table, uses: ['TableForeignKey'], foreignKey: tsLiteral(foreignKeyOptions(change.foreignKey)) };
    case 'drop-foreign-key':
      return { op: 'dropForeignKey', table: change.table, uses: [], name: change.foreignKey.name };
  }
}

/** Table API column options; `type` is already the database's spelling (the API does not translate it). */
function columnOptions(column: SchemaColumn): Record<string, unknown> {
  return {
    name: column.name,
    type: column.type,
    length: column.length === undefined ? undefined : String(column.length),
    enum: column.enum,
    isPrimary: column.primary || undefined,
    isNullable: column.nullable || undefined,
  };
}

function indexOptions(index: SchemaIndex): Record<string, unknown> {
  return { name: index.name, columnNames: index.columns, isUnique: index.unique || undefined };
}

function foreignKeyOptions(foreignKey: SchemaForeignKey): Record<string, unknown> {
  return {
    name: foreignKey.name,
    columnNames: foreignKey.columns,
    referencedTableName: foreignKey.referencedTable,
    referencedColumnNames: foreignKey.referencedColumns,
    onDelete: foreignKey.onDelete,
  };
}
