import { describeChange, invertChanges, type SchemaChange } from '../src/migrate/schema-diff.js';
import type { SchemaColumn, SchemaForeignKey, SchemaIndex } from '../src/migrate/schema-snapshot.js';
import type { Artifact, GeneratorContext } from '../src/render/artifact.js';
import { tsLiteral } from '../src/render/ts-literal.js';
import { compareText } from '../src/compare.js';
import { DRIVER_TYPES, MIGRATION_DIALECTS, migrationColumnType } from '../src/map/column-types.js';
import type { ColumnKind } from '../src/map/persistence-model.js';

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
  const creates = next.changes.flatMap((c) => (c.kind === 'create-table' ? [`\`${c.table.name}\``] : []));
  const created = creates.length > 0 && creates.length === next.changes.length ? creates : undefined;
  const values = new Set([...up, ...down].flatMap((s) => s.uses));
  const kinds = [...new Set([...up, ...down].flatMap((s) => s.kinds))].sort(compareText) as ColumnKind[];
  return {
    path: next.file,
    template: 'migration.ejs',
    source: several(context) ? context.layout.manifest : model.aggregate.file,
    data: {
      imports: `import { ${[
        ...['Table', 'TableColumn', 'TableForeignKey', 'TableIndex'].filter((v) => values.has(v)),
        'type MigrationInterface',
        'type QueryRunner',
        ...(kinds.length > 0 ? ['type TableColumnOptions'] : []),
      ].join(', ')} } from 'typeorm';`,
      kinds: kinds.map(tsLiteral),
      dialects: MIGRATION_DIALECTS.map((dialect) => ({
        drivers: DRIVER_TYPES[dialect].map(tsLiteral),
        types: tsLiteral(Object.fromEntries(kinds.map((kind) => [kind, migrationColumnType(dialect, kind)]))),
      })),
      supported: MIGRATION_DIALECTS.flatMap((d) => DRIVER_TYPES[d]).join(', '),
      className: next.className,
      // `the Order aggregate`; a feature of several: `the Invoice and Payment aggregates`.
      owner: aggregatesText(context),
      created,
      changes: next.changes.map(describeChange),
      dataLoss: next.dataLoss,
      caveats: next.caveats,
      up,
      down,
    },
  };
}

function several(context: GeneratorContext): boolean {
  return (context.aggregates?.length ?? 1) > 1;
}

/** The aggregates whose tables the migration changes (all of the feature's when it only drops a table none has now). */
function aggregatesText(context: GeneratorContext): string {
  const all = context.aggregates ?? [context];
  const tables = new Set((context.migrations.next?.changes ?? []).map((c) => (typeof c.table === 'string' ? c.table : c.table.name)));
  const touched = all.filter(({ model }) => [model.table, ...model.children.map((c) => c.table)].some((t) => tables.has(t.name)));
  const names = (touched.length > 0 ? touched : all).map((c) => c.model.names.aggregate);
  if (names.length === 1) return `the ${names[0]} aggregate`;
  return `the ${names.slice(0, -1).join(', ')} and ${names.at(-1)} aggregates`;
}

/** One QueryRunner call as template data: the call's name and its arguments as literals. */
interface Step {
  op: string;
  table: string;
  /** Table API classes the call constructs, for the import line. */
  uses: string[];
  /** Column kinds whose database spelling the call needs. */
  kinds: string[];
  [argument: string]: unknown;
}

function step(change: SchemaChange): Step {
  switch (change.kind) {
    case 'create-table':
      return {
        op: 'createTable',
        table: change.table.name,
        uses: ['Table'],
        kinds: change.table.columns.map((c) => c.type),
        columns: change.table.columns.map(columnOptions),
        indices: change.table.indexes.map((i) => tsLiteral(indexOptions(i))),
        foreignKeys: change.table.foreignKeys.map((f) => tsLiteral(foreignKeyOptions(f))),
      };
    case 'drop-table':
      return { op: 'dropTable', table: change.table.name, uses: [], kinds: [] };
    case 'rename-column':
      return { op: 'renameColumn', table: change.table, uses: [], kinds: [], from: change.from, to: change.to };
    case 'add-column':
      return {
        op: 'addColumn',
        table: change.table,
        uses: ['TableColumn'],
        kinds: [change.column.type],
        column: columnOptions(change.column),
      };
    case 'drop-column':
      return { op: 'dropColumn', table: change.table, uses: [], kinds: [], name: change.column.name };
    case 'alter-column':
      return {
        op: 'changeColumn',
        table: change.table,
        uses: ['TableColumn'],
        kinds: [change.to.type],
        from: change.from.name,
        column: columnOptions(change.to),
      };
    case 'create-index':
      return { op: 'createIndex', table: change.table, uses: ['TableIndex'], kinds: [], index: tsLiteral(indexOptions(change.index)) };
    case 'drop-index':
      return { op: 'dropIndex', table: change.table, uses: [], kinds: [], name: change.index.name };
    case 'create-foreign-key':
      return {
        op: 'createForeignKey',
        table: change.table,
        uses: ['TableForeignKey'],
        kinds: [],
        foreignKey: tsLiteral(foreignKeyOptions(change.foreignKey)),
      };
    case 'drop-foreign-key':
      return { op: 'dropForeignKey', table: change.table, uses: [], kinds: [], name: change.foreignKey.name };
  }
}

/**
 * Table API column options: `{ name: 'id', ...type.string, length: '255', isPrimary: true }`. The type comes
 * from the running database's spelling (`columnTypes` in the migration), since the API does not translate it.
 */
function columnOptions(column: SchemaColumn): string {
  const options = {
    length: column.length === undefined ? undefined : String(column.length),
    precision: column.precision,
    scale: column.scale,
    enum: column.enum,
    isPrimary: column.primary || undefined,
    isNullable: column.nullable || undefined,
    // Spelled into the SQL as is: only numbers, so it needs no quoting on any database.
    default: column.default,
    // A UUID key is made by the repository (TypeORM's own uuid strategy would force a native uuid column, of
    // another length on each database): only an auto-increment is the database's.
    isGenerated: column.generated === 'increment' || undefined,
    generationStrategy: column.generated === 'increment' ? 'increment' : undefined,
  };
  const rest = Object.values(options).some((v) => v !== undefined) ? `, ${tsLiteral(options).slice(2, -2)}` : '';
  return `{ name: ${tsLiteral(column.name)}, ...type.${column.type}${rest} }`;
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
    onUpdate: foreignKey.onUpdate,
  };
}
