import { INFRA_GENERATORS, featureEntry } from '../generators/index.js';
import { loadProjectConfig } from './config/project-config.js';
import { artifactLayout, type ArtifactLayout } from './layout.js';
import { contentHash, serializeManifest, type FeatureEntry, type Manifest } from './manifest.js';
import { planMigration, type MigrationPlan } from './migrate/migration-plan.js';
import type { ColumnRename } from './migrate/schema-diff.js';
import { SCHEMA_FILE, serializeSnapshot } from './migrate/schema-snapshot.js';
import { mapFeature } from './map/map-feature.js';
import type { PersistenceModel } from './map/persistence-model.js';
import { readProjectState } from './project-state.js';
import { readDomain } from './read/domain-reader.js';
import type { GeneratedFile } from './render/artifact.js';
import { renderArtifacts } from './render/render-artifacts.js';

export interface GenerateOptions {
  projectRoot: string;
  feature: string;
  /** Clock for new migration names, in ms since the epoch. */
  now: number;
  /** Columns renamed since the last run (--rename). */
  renames?: ColumnRename[];
  /** Write a migration even if it drops a table or column, narrows a type or makes a column NOT NULL. */
  allowDataLoss?: boolean;
}

/** The whole output of one `gen infra` run, in memory: nothing is written here. */
export interface Generation {
  model: PersistenceModel;
  layout: ArtifactLayout;
  files: GeneratedFile[];
  /** Files gen wrote for this feature before that the model no longer needs. */
  obsolete: string[];
  migrations: MigrationPlan;
  manifest: Manifest;
  /** The manifest as it was before this run: what gen last wrote. */
  previousManifest: Manifest;
}

/** Files every feature's run writes; never one feature's own, so never deleted with it. */
function sharedFiles(layout: ArtifactLayout): Set<string> {
  return new Set([layout.databaseConfig, layout.migrationsTest, layout.manifest, SCHEMA_FILE]);
}

/** read -> map -> diff the schema -> render: every file of the feature, plus the updated snapshot and manifest. */
export async function generateInfra({ projectRoot, feature, now, renames = [], allowDataLoss = false }: GenerateOptions): Promise<Generation> {
  const config = loadProjectConfig(projectRoot);
  const model = mapFeature(readDomain(projectRoot, config, feature));
  const layout = artifactLayout(config, feature, model.names);
  const priorPlans = ['001-domain-layer.md', '002-application-layer.md'].map((f) => `${layout.plansDir}/${f}`);
  const project = readProjectState(projectRoot, layout.migrationsDir, priorPlans, now);
  const previous = project.manifest.features[feature];
  const migrations = planMigration(
    { model, layout, snapshot: project.snapshot, previous, migrationFiles: project.migrationFiles },
    { now, renames, configRenames: config.renames, allowDataLoss },
  );
  const context = { model, layout, project, migrations, command: `npx gen infra ${feature}` };
  const rendered = [...(await renderArtifacts(INFRA_GENERATORS, context)), { path: SCHEMA_FILE, content: serializeSnapshot(migrations.snapshot) }];
  const shared = sharedFiles(layout);
  const migrationFiles = new Set(migrations.migrations.map((m) => m.file));
  // Migrations are history, not output: they are listed in `migrations`, and never deleted or rewritten.
  const own = rendered.map((f) => f.path).filter((p) => !shared.has(p) && !migrationFiles.has(p));
  const obsolete = (previous?.files ?? []).filter((p) => !own.includes(p));
  const entry = { ...featureEntry(context), files: own };
  const manifest = nextManifest(project.manifest, feature, entry, rendered, obsolete);
  return { model, layout, migrations, obsolete, manifest, previousManifest: project.manifest, files: [...rendered, { path: layout.manifest, content: serializeManifest(manifest) }] };
}

function nextManifest(previous: Manifest, feature: string, entry: FeatureEntry, files: readonly GeneratedFile[], obsolete: readonly string[]): Manifest {
  const hashes = { ...previous.files };
  for (const path of obsolete) delete hashes[path];
  for (const file of files) hashes[file.path] = contentHash(file.content);
  return { version: 1, features: { ...previous.features, [feature]: entry }, files: hashes };
}
