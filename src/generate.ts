import { INFRA_GENERATORS, featureEntry } from '../generators/index.js';
import { loadProjectConfig } from './config/project-config.js';
import { typeOrmTarget, type TypeOrmLine, type TypeOrmTarget } from './config/typeorm-line.js';
import { artifactLayout, type ArtifactLayout } from './layout.js';
import { contentHash, serializeManifest, type FeatureEntry, type Manifest } from './manifest.js';
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
  /** `--typeorm`: the TypeORM line to generate for, instead of the project's. */
  typeorm?: TypeOrmLine | undefined;
}

/** The whole output of one `gen infra` run, in memory: nothing is written here. */
export interface Generation {
  model: PersistenceModel;
  layout: ArtifactLayout;
  files: GeneratedFile[];
  manifest: Manifest;
  /** The manifest as it was before this run: what gen last wrote. */
  previousManifest: Manifest;
  /** The TypeORM line generated for, and where gen learnt it. */
  typeorm: TypeOrmTarget;
}

/** read -> map -> render: every file of the feature, plus the updated manifest. */
export async function generateInfra({ projectRoot, feature, now, typeorm: override }: GenerateOptions): Promise<Generation> {
  const config = loadProjectConfig(projectRoot);
  const model = mapFeature(readDomain(projectRoot, config, feature));
  const layout = artifactLayout(config, feature, model.names);
  const priorPlans = ['001-domain-layer.md', '002-application-layer.md'].map((f) => `${layout.plansDir}/${f}`);
  const project = readProjectState(projectRoot, layout.migrationsDir, priorPlans, now);
  const typeorm = typeOrmTarget(projectRoot, override);
  const context = { model, layout, project, command: `npx gen infra ${feature}`, typeorm: typeorm.line };
  const files = await renderArtifacts(INFRA_GENERATORS, context);
  const manifest = nextManifest(project.manifest, feature, featureEntry(context), files);
  return { model, layout, manifest, previousManifest: project.manifest, typeorm, files: [...files, { path: layout.manifest, content: serializeManifest(manifest) }] };
}

function nextManifest(previous: Manifest, feature: string, entry: FeatureEntry, files: readonly GeneratedFile[]): Manifest {
  const hashes = { ...previous.files };
  for (const file of files) if (file.owner !== 'user') hashes[file.path] = contentHash(file.content);
  return { version: 1, features: { ...previous.features, [feature]: entry }, files: hashes };
}
