import { GenError } from '../errors.js';
import type { ArtifactLayout } from '../layout.js';
import type { ClassRef, FeatureEntry } from '../manifest.js';
import { pascalCase } from '../map/naming.js';
import type { PersistenceModel } from '../map/persistence-model.js';
import type { ColumnRename } from '../config/column-renames.js';
import { caveat, dataLoss, describeChange, diffSchema, type SchemaChange } from './schema-diff.js';
import { featureTables, schemaTable, SCHEMA_FILE, withFeatureTables, type SchemaSnapshot } from './schema-snapshot.js';

/** A migration this run writes: exactly the difference between the snapshot and the model. */
export interface NewMigration {
  timestamp: number;
  /** `AddCouponToOrders`: the class name without its timestamp. */
  name: string;
  className: string;
  file: string;
  changes: SchemaChange[];
  /** What each data-losing change drops, for the migration's comment. */
  dataLoss: string[];
  /** What may fail on a table with rows, for the comment and the output. */
  caveats: string[];
}

export interface MigrationPlan {
  /** Every migration of the feature, oldest first; the new one (if any) last. */
  migrations: ClassRef[];
  next?: NewMigration;
  /** The snapshot after this run: written together with the new migration, or not at all. */
  snapshot: SchemaSnapshot;
}

export interface MigrationOptions {
  /** Milliseconds since the epoch for a new migration's name. */
  now: number;
  /** From --rename: each must match a dropped and an added column. */
  renames: ColumnRename[];
  /** From gen.config.json: kept after the rename is done, so one that does not apply is ignored. */
  configRenames: ColumnRename[];
  allowDataLoss: boolean;
}

export interface MigrationInputs {
  /** The feature's aggregates (one, unless its folder holds several): one migration covers all their tables. */
  models: readonly PersistenceModel[];
  layout: ArtifactLayout;
  snapshot: SchemaSnapshot;
  /** The feature's manifest entry from the last run, if any. */
  previous: FeatureEntry | undefined;
  /** File names in the migrations folder, sorted. */
  migrationFiles: readonly string[];
}

/** Diffs the models' tables against the snapshot and decides the one new migration, if anything changed. */
export function planMigration(
  { models, layout, snapshot, previous, migrationFiles }: MigrationInputs,
  options: MigrationOptions,
): MigrationPlan {
  const model = models[0];
  const feature = model.feature;
  const before = featureTables(snapshot, feature);
  const existing = previous?.migrations ?? [];
  if (before.length === 0 && existing.length > 0) {
    throw new GenError(
      `${SCHEMA_FILE} has no tables of '${feature}', but the manifest lists its migrations (${existing.map((m) => m.className).join(', ')})`,
      { file: SCHEMA_FILE, line: 1 },
      'Restore .gen/schema.json from version control. If these migrations were never run anywhere, delete them and generate again.',
    );
  }
  const after = models.flatMap((m) => [m.table, ...m.children.map((c) => c.table)]).map((table) => schemaTable(table, feature));
  const diff = diffSchema(before, after, [...options.renames, ...options.configRenames]);
  const unmatched = options.renames.filter((r) => !diff.appliedRenames.includes(r));
  if (unmatched.length > 0) {
    const onTable = diff.changes.filter((c) => (typeof c.table === 'string' ? c.table : c.table.name) === unmatched[0].table);
    throw renameError(unmatched[0], diff.changes, ownerOf(models, onTable));
  }

  const next = { version: 1 as const, tables: withFeatureTables(snapshot, feature, after).tables };
  if (diff.changes.length === 0) return { migrations: existing, snapshot: next };

  const losses = diff.changes.flatMap((c) => dataLoss(c) ?? []);
  if (losses.length > 0 && !options.allowDataLoss) {
    const renameHint =
      diff.changes.some((c) => c.kind === 'drop-column') && diff.changes.some((c) => c.kind === 'add-column')
        ? ' If a column was renamed, say so with --rename <table>.<old>=<new>.'
        : '';
    throw new GenError(
      `the domain change loses data, so gen writes no migration for it:\n${losses.map((l) => `  - ${l}`).join('\n')}`,
      ownerOf(
        models,
        diff.changes.filter((c) => dataLoss(c) !== undefined),
      ).aggregate.location,
      `Run again with --allow-data-loss to write a migration that does this.${renameHint}`,
    );
  }
  const timestamp = Math.max(options.now, newestTimestamp(migrationFiles) + 1);
  const name = migrationName(diff.changes);
  const migration: NewMigration = {
    timestamp,
    name,
    className: `${name}${timestamp}`,
    file: `${layout.migrationsDir}/${timestamp}-${name}.ts`,
    changes: diff.changes,
    dataLoss: losses,
    caveats: diff.changes.flatMap((c) => caveat(c) ?? []),
  };
  return { migrations: [...existing, { className: migration.className, file: migration.file }], next: migration, snapshot: next };
}

/** Of a feature's aggregates, the one whose tables the changes touch first (the first aggregate when none has them now). */
function ownerOf(models: readonly PersistenceModel[], changes: readonly SchemaChange[]): PersistenceModel {
  const tables = changes.map((c) => (typeof c.table === 'string' ? c.table : c.table.name));
  return models.find((m) => [m.table, ...m.children.map((c) => c.table)].some((t) => tables.includes(t.name))) ?? models[0];
}

/** A new migration never sorts before an existing one, even when the clock (or --now) is behind. */
function newestTimestamp(files: readonly string[]): number {
  return Math.max(-1, ...files.map((f) => /^(\d+)-/.exec(f)).flatMap((m) => (m ? [Number(m[1])] : [])));
}

/** Named for its one change when it has one (`AddCouponToOrders`), else `Alter<Table>`. */
export function migrationName(changes: readonly SchemaChange[]): string {
  const main = changes.filter((c) => !['create-index', 'drop-index', 'create-foreign-key', 'drop-foreign-key'].includes(c.kind));
  const only = main.length === 1 ? main[0] : undefined;
  const p = pascalCase;
  // An aggregate with children creates (or drops) its tables together: `CreateOrdersAndOrderLines`.
  for (const kind of ['create-table', 'drop-table'] as const) {
    if (main.length > 1 && main.every((c) => c.kind === kind)) {
      return `${kind === 'create-table' ? 'Create' : 'Drop'}${main.map((c) => (c.kind === kind ? p(c.table.name) : '')).join('And')}`;
    }
  }
  switch (only?.kind) {
    case 'create-table':
      return `Create${p(only.table.name)}`;
    case 'drop-table':
      return `Drop${p(only.table.name)}`;
    case 'add-column':
      return `Add${p(only.column.name)}To${p(only.table)}`;
    case 'drop-column':
      return `Drop${p(only.column.name)}From${p(only.table)}`;
    case 'rename-column':
      return `Rename${p(only.from)}To${p(only.to)}In${p(only.table)}`;
    case 'alter-column':
      return `Alter${p(only.to.name)}In${p(only.table)}`;
  }
  const first = changes[0];
  return `Alter${p(first.kind === 'create-table' || first.kind === 'drop-table' ? first.table.name : first.table)}`;
}

function renameError(rename: ColumnRename, changes: readonly SchemaChange[], model: PersistenceModel): GenError {
  const dropped = changes.flatMap((c) => (c.kind === 'drop-column' ? [`${c.table}.${c.column.name}`] : []));
  const added = changes.flatMap((c) => (c.kind === 'add-column' ? [`${c.table}.${c.column.name}`] : []));
  return new GenError(
    `--rename ${rename.table}.${rename.from}=${rename.to} matches no change: it needs column ${rename.from} gone from ${rename.table} and column ${rename.to} new in it`,
    model.aggregate.location,
    `This run drops ${dropped.length === 0 ? 'no column' : dropped.join(', ')} and adds ${added.length === 0 ? 'no column' : added.join(', ')}. Changes: ${changes.length === 0 ? 'none' : changes.map(describeChange).join('; ')}.`,
  );
}
