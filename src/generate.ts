import { INFRA_GENERATORS, featureEntry, planDate, planDocument } from '../generators/index.js';
import { checkDomainIsolation } from './check/domain-isolation.js';
import { prerequisiteWarnings, priorPlanPaths } from './check/prerequisites.js';
import { loadProjectConfig } from './config/project-config.js';
import { artifactLayout, type ArtifactLayout } from './layout.js';
import { contentHash, serializeManifest, type Manifest } from './manifest.js';
import { mapFeature } from './map/map-feature.js';
import type { PersistenceModel } from './map/persistence-model.js';
import { readProjectState } from './project-state.js';
import { readFeature } from './read/domain-reader.js';
import type { GeneratedFile, GeneratorContext } from './render/artifact.js';
import { renderArtifacts } from './render/render-artifacts.js';

export interface GenerateOptions {
  projectRoot: string;
  feature: string;
  /** Clock for new migration names and a new plan's date, in ms since the epoch. */
  now: number;
  /** `plan`: only the plan document (and the manifest's record of it), as `gen plan` writes. */
  artifacts?: 'all' | 'plan';
}

/** The whole output of one `gen infra` run, in memory: nothing is written here. */
export interface Generation {
  model: PersistenceModel;
  layout: ArtifactLayout;
  files: GeneratedFile[];
  manifest: Manifest;
  /** The manifest as it was before this run: what gen last wrote. */
  previousManifest: Manifest;
  /** Prerequisites of the plan method that are missing but do not stop generation. */
  warnings: string[];
}

/** read -> check -> map -> render: every file of the feature (or only its plan), plus the updated manifest. */
export async function generateInfra({ projectRoot, feature, now, artifacts = 'all' }: GenerateOptions): Promise<Generation> {
  const config = loadProjectConfig(projectRoot);
  const { domain, application, domainImports } = readFeature(projectRoot, config, feature);
  checkDomainIsolation(domainImports, config.infrastructureDir);
  const model = mapFeature(domain);
  const layout = artifactLayout(config, feature, model.names);
  const project = readProjectState(projectRoot, layout.migrationsDir, [...priorPlanPaths(layout), layout.plan], now);
  const context: GeneratorContext = { model, layout, project, application, domainImports, command: `npx gen infra ${feature}` };
  const files = await renderArtifacts(artifacts === 'plan' ? [planDocument] : INFRA_GENERATORS, context);
  const manifest = nextManifest(context, files, artifacts === 'all');
  return {
    model,
    layout,
    manifest,
    previousManifest: project.manifest,
    warnings: prerequisiteWarnings(application, domain.port, layout, project.documents),
    files: [...files, { path: layout.manifest, content: serializeManifest(manifest) }],
  };
}

/** The plan alone does not register the feature's classes: its entity and migration may not exist yet. */
function nextManifest(context: GeneratorContext, files: readonly GeneratedFile[], registerFeature: boolean): Manifest {
  const previous = context.project.manifest;
  const feature = context.model.feature;
  const hashes = { ...previous.files };
  for (const file of files) if (file.owner !== 'user') hashes[file.path] = contentHash(file.content);
  const features = registerFeature ? { ...previous.features, [feature]: featureEntry(context) } : previous.features;
  return { version: 1, features, files: hashes, planDates: { ...previous.planDates, [feature]: planDate(context) } };
}
