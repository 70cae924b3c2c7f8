import { firstPageWarnings } from './map/page-numbers.js';
import { existsSync, readFileSync } from 'node:fs';
import { join, posix, relative } from 'node:path';
import type { ts } from 'ts-morph';
import { toPosix } from './paths.js';
import { GenError, need } from './errors.js';
import { missingTokenWarning, projectFramework } from './config/framework.js';
import { FEATURE_GENERATORS, INFRA_GENERATORS, migration, planDocument } from '../generators/index.js';
import { checkDomainIsolation, withoutAllowed } from './check/domain-isolation.js';
import { checkPersistencePackages, prerequisiteWarnings, priorPlanPaths } from './check/prerequisites.js';
import { entityStyle, type EntityStyle, type EntityStyleChoice } from './config/entity-style.js';
import { checkClassTarget, checkCollectionLibrary, checkTypeScriptVersion } from './config/typescript-version.js';
import { checkJestVersion, projectJest, projectTypeorm } from './config/jest-version.js';
import { typeOrmTarget, type TypeOrmLine, type TypeOrmTarget } from './config/typeorm-line.js';
import {
  MANIFEST_FILE,
  artifactLayout,
  featureNestModule,
  placeTests,
  rootDirWarning,
  type ArtifactLayout,
  type CompiledFiles,
} from './layout.js';
import {
  contentHash,
  featureEntryOf,
  otherContext,
  planDate,
  portMethods,
  serializeManifest,
  type FeatureEntry,
  type Manifest,
} from './manifest.js';
import { planMigration, type MigrationOptions, type MigrationPlan, type NewMigration } from './migrate/migration-plan.js';
import type { ColumnRename } from './config/column-renames.js';
import { SCHEMA_FILE, serializeSnapshot } from './migrate/schema-snapshot.js';
import { checkOtherOverrides } from './map/column-overrides.js';
import { entityExports } from './map/naming.js';
import { directWriteWarnings, fieldWriterWarnings, mapFeature, syncWriterWarnings } from './map/map-feature.js';
import { OUTBOX_OWNER, OUTBOX_TABLE, outboxEvents } from './map/outbox.js';
import type { PersistenceModel } from './map/persistence-model.js';
import type { ModuleSettings, PathAlias } from './model/module-settings.js';
import { projectFiles, unneededProjectFiles } from './project-files.js';
import { GEN_STATE, readProjectState, type ProjectState } from './project-state.js';
import { readFeature } from './read/domain-reader.js';
import { locateFeature } from './read/feature-locator.js';
import { checkToolchain } from './config/toolchain.js';
import type { FeatureLocation } from './read/feature-locator.js';
import type { GeneratedFile, GeneratorContext } from './render/artifact.js';
import { fileNameStyle } from './render/file-names.js';
import { ModuleSpecifiers } from './render/module-specifiers.js';
import { libReference, nodeTypesReference } from './read/lib-reference.js';
import { naturalKeyWarning } from './read/natural-key.js';
import { renderArtifacts } from './render/render-artifacts.js';
import { GEN } from './gen-command.js';
import { moneyColumnWarnings } from './map/money-columns.js';
import { aliasResolutionWarning } from './config/alias-resolution.js';
import { acceptedSamples } from './samples/accepted-samples.js';
import { DomainProbe } from './samples/domain-probe.js';
import { checkSampleKeys } from './samples/sample-keys.js';
import { featureContext, loadProjectContext, type ProjectContext } from './project-context.js';
import { tsconfigPathFor } from './read/package-scope.js';
import { keepUserMethods, type CustomFile } from './map/user-methods.js';
import { readCustomMethods } from './read/custom-class-reader.js';
import { customClass } from '../generators/repository.js';

export interface GenerateOptions {
  projectRoot: string;
  feature: string;
  /** Clock for new migration names and a new plan's date, in ms since the epoch. */
  now: number;
  /** `plan`: only the plan document (and the manifest's record of it), as `gen plan` writes. */
  artifacts?: 'all' | 'plan';
  /** Columns renamed since the last run (--rename). */
  renames?: ColumnRename[];
  /** Write a migration even if it drops a table or column, narrows a type or makes a column NOT NULL. */
  allowDataLoss?: boolean;
  /** `--typeorm`: the TypeORM line to generate for, instead of the project's. */
  typeorm?: TypeOrmLine | undefined;
  /** `--entity-style`: decorated classes or EntitySchemas, instead of what gen.config.json or the tsconfig says. */
  entityStyle?: EntityStyle | undefined;
  /** `--context`, `--module`: which bounded context or module holds the feature, when several do. */
  context?: string | undefined;
  module?: string | undefined;
  /** `--outbox` (or `"outbox": true` in gen.config.json): saves write the aggregate's pulled domain events to the outbox table. */
  outbox?: boolean;
}

/** The whole output of one `gen infra` run, in memory: nothing is written here. */
export interface Generation {
  /** The first of `models`. */
  model: PersistenceModel;
  /** One per aggregate of the feature: one, unless its port folder holds the ports of several. */
  models: PersistenceModel[];
  layout: ArtifactLayout;
  files: GeneratedFile[];
  /** Files gen wrote for this feature before that the model no longer needs. */
  obsolete: string[];
  migrations: MigrationPlan;
  /** With --outbox: the outbox table's migration, when this run creates or changes it. */
  outboxMigration?: NewMigration;
  manifest: Manifest;
  /** The manifest as it was before this run: what gen last wrote. */
  previousManifest: Manifest;
  /** Prerequisites of the plan method that are missing but do not stop generation. */
  warnings: string[];
  /** The TypeORM line generated for, and where gen learnt it. */
  typeorm: TypeOrmTarget;
  /** Decorated entity classes or EntitySchemas, and where gen learnt it. */
  entityStyle: EntityStyleChoice;
  /** Where the feature's folders are, and whether gen.config.json says so or gen detected them. */
  location: FeatureLocation;
}

/**
 * read -> check -> map -> diff the schema -> render: every file of the feature (or only its plan), plus the
 * updated snapshot and manifest.
 */
export async function generateInfra(options: GenerateOptions): Promise<Generation> {
  // The child process that checks the test samples starts now, so its loader starts while the domain is read.
  const probe = options.artifacts === 'plan' ? undefined : new DomainProbe(options.projectRoot).start();
  try {
    // Everything gen reads of the project before it writes, read once here: the stages below take it as data.
    return await generateWith(options, loadProjectContext(options.projectRoot), probe);
  } finally {
    probe?.close();
  }
}

async function generateWith(
  {
    projectRoot,
    feature,
    now,
    artifacts = 'all',
    renames = [],
    allowDataLoss = false,
    typeorm: override,
    entityStyle: styleOverride,
    context: contextOption,
    module,
    outbox = false,
  }: GenerateOptions,
  projectSources: ProjectContext,
  probe: DomainProbe | undefined,
): Promise<Generation> {
  const config = projectSources.config;
  const located = locateFeature(projectSources, config, feature, { context: contextOption, module });
  // In a workspace package, its own tsconfig.json: its options and path aliases decide how the generated code compiles and imports.
  const sources = featureContext(projectSources, located.paths.domainDir);
  // The toolchain first and all at once: an upgrade is one decision apart from the domain's, and needs no domain read.
  const typeorm = typeOrmTarget(sources, override);
  const tsconfig = need(sources.compiler).tsconfig;
  const runner = need(sources.testRunner);
  checkToolchain([
    () => checkTypeScriptVersion(sources.typescript, typeorm.line, tsconfig?.options.skipLibCheck === true),
    () => {
      if (!tsconfig) return;
      const text = readTextIfExists(join(projectRoot, tsconfigPathFor(sources, located.paths.domainDir)));
      checkClassTarget(tsconfig.options, text);
      checkCollectionLibrary(tsconfig.options, text);
    },
    () => checkJestVersion(runner.name, projectJest(sources), projectTypeorm(sources), sources.typescript),
  ]);
  const {
    domains,
    applications,
    domainImports: scanned,
    location,
  } = readFeature(projectSources, config, feature, { context: contextOption, module });
  const domainImports = withoutAllowed(scanned, config.allowDomainImports);
  for (const dir of new Set([location.paths.infrastructureDir, location.paths.databaseDir])) checkDomainIsolation(domainImports, dir);
  // One model per aggregate: one, unless the feature's port folder holds the ports of several (issue 20).
  const derived = domains.map((domain) => {
    const mapped = mapFeature(domain, config.columns, config.concurrency, config.firstPage);
    return outbox || config.outbox ? { ...mapped, outbox: { events: outboxEvents(mapped.aggregate) } } : mapped;
  });
  const several = derived.length > 1;
  refuseSharedTables(derived);
  const styles = derived.map((m) => fileNameStyle([m.aggregate.file, m.port.file]));
  const rootDir = compiledFiles(need(sources.compiler).tsconfig, projectRoot).rootDir;
  const placements = derived.map((m, i) =>
    placeTests(artifactLayout(location.paths, m.names, styles[i]), need(sources.testDiscovery), rootDir),
  );
  // Several aggregates share the feature's one Nest module.
  const layouts = placements.map(({ layout }) =>
    several ? { ...layout, nestModule: featureNestModule(layout, feature, styles[0]) } : layout,
  );
  // A port method the user wrote in an existing custom file stays theirs, though gen can implement it.
  const kept = derived.map((m, i) =>
    keepUserMethods(
      m,
      customFile(sources, layouts[i].repositoryCustom, customClass(m.names.typeOrmRepositoryClass)),
      customFile(sources, layouts[i].inMemoryRepositoryCustom, customClass(m.names.inMemoryRepositoryClass)),
    ),
  );
  const models = kept.map((k) => k.model);
  const model = models[0];
  const layout = layouts[0];
  const project = readProjectState(
    projectRoot,
    need(sources.manifest),
    layout.migrationsDir,
    [...priorPlanPaths(layout), layout.planDocument],
    now,
  );
  const date = planDate(project.manifest, feature, project.documents[layout.planDocument], now);
  const specifiers = new ModuleSpecifiers(need(sources.moduleSettings));
  const overrideWarnings = checkOtherOverrides(
    config.columns,
    models.flatMap((m) => [m.table.name, ...m.children.map((c) => c.table.name)]),
    project.snapshot.tables,
  );
  const previous = project.manifest.features[feature];
  refuseOtherContext(previous, feature, location.context, layout.entity, model);
  for (const m of models) refuseGeneratedElsewhere(project.manifest, feature, m);
  const migrations = planMigration(
    { models, layout, snapshot: project.snapshot, previous, migrationFiles: project.migrationFiles },
    { now, renames, configRenames: config.renames, allowDataLoss },
  );
  const outboxPlan = model.outbox
    ? planOutbox(model, layout, project, migrations, { now, renames: [], configRenames: [], allowDataLoss })
    : undefined;
  const style = entityStyle(tsconfig, config.entityStyle, styleOverride);
  // The plan alone compiles nothing: only the code needs typeorm installed.
  const packageWarnings = artifacts === 'plan' ? [] : checkPersistencePackages(sources, typeorm, style.style !== 'schema');
  if (model.outbox && style.style === 'schema') {
    throw new GenError(
      '--outbox writes the outbox as a decorated entity class, which this project does not compile (entity style: schema)',
      model.aggregate.location,
      'Generate without --outbox, or with --entity-style class in a project with experimentalDecorators.',
    );
  }
  // The outbox registers its entity and migrations like a feature, so the persistence index lists them.
  const registered = outboxPlan
    ? { ...project, manifest: { ...project.manifest, features: { ...project.manifest.features, [OUTBOX_OWNER]: outboxPlan.entry } } }
    : project;
  const framework = projectFramework(config, sources.packageManifest);
  const contexts: GeneratorContext[] = models.map((m, i) => ({
    model: m,
    layout: layouts[i],
    project: registered,
    application: applications[i],
    domainImports,
    migrations,
    typeorm: typeorm.line,
    framework,
    entityStyle: style.style,
    specifiers,
    ...(kept[i].typeorm === m && kept[i].inMemory === m ? {} : { repositories: { typeorm: kept[i].typeorm, inMemory: kept[i].inMemory } }),
    testRunner: runner,
    uncheckedIndexedAccess: tsconfig?.options.noUncheckedIndexedAccess === true,
    ...optionalLib(libReference(tsconfig?.options, sources.typescript?.version)),
    ...(nodeTypesReference(tsconfig?.options, sources.typescript?.version, projectRoot) ? { nodeTypesReference: true } : {}),
    command: `${GEN} infra ${feature}`,
  }));
  if (several) for (const c of contexts) c.aggregates = contexts;
  const context = contexts[0];
  const warnings = [
    ...new Set([
      ...placements.flatMap((p) => optional(p.warning)),
      ...optional(need(sources.testDiscovery).warning),
      ...optional(rootDirWarning(testFiles(layouts), compiledFiles(tsconfig, projectRoot))),
      ...(config.planWarnings
        ? contexts.flatMap((c, i) => prerequisiteWarnings(c.application, domains[i].port, c.layout, project.documents))
        : []),
      ...overrideWarnings,
      ...packageWarnings,
      ...kept.flatMap((k) => k.warnings),
      ...models.flatMap((m) => moneyColumnWarnings(m, config.columns)),
      ...models.flatMap(syncWriterWarnings),
      ...models.flatMap(fieldWriterWarnings),
      ...models.flatMap(directWriteWarnings),
      ...models.flatMap((m) => firstPageWarnings(m, config.firstPage)),
      ...domains.flatMap((d) => optional(naturalKeyWarning(d.aggregate))),
      ...domains.flatMap((d) => optional(missingTokenWarning(framework, d.port))),
      ...optional(aliasResolutionWarning(runner, sources, usedAliases(need(sources.moduleSettings)))),
    ]),
  ];
  const generation = {
    model,
    models,
    layout,
    location,
    migrations,
    previousManifest: project.manifest,
    warnings,
    typeorm,
    entityStyle: style,
  };
  if (artifacts === 'plan') {
    // The plan alone does not register the feature's classes: its entity and migration may not exist yet.
    const files = await renderArtifacts([planDocument], context, projectRoot);
    const manifest = nextManifest(project.manifest, feature, undefined, files, [], date);
    return { ...generation, obsolete: [], manifest, files: [...files, { path: layout.manifest, content: serializeManifest(manifest) }] };
  }
  // The domain's own code decides which sample values the generated tests may build (src/samples/).
  if (probe) {
    checkSampleKeys(
      contexts.map((c) => c.model),
      config,
      sources,
    );
    for (const c of contexts) {
      const accepted = await acceptedSamples(c.model, config.samples, projectRoot, probe);
      c.samples = accepted.choices;
      c.largeCollections = accepted.largeCollections;
      c.liveLists = accepted.liveLists;
      c.dateShifts = accepted.dateShifts;
    }
  }
  const outboxMigrationFile = outboxPlan
    ? await renderArtifacts(
        [migration],
        { ...context, model: outboxPlan.model, migrations: outboxPlan.migrations, aggregates: undefined },
        projectRoot,
      )
    : [];
  const snapshot = outboxPlan?.migrations.snapshot ?? migrations.snapshot;
  // The feature's own artifacts once (from the first aggregate's context, which lists them all), each aggregate's for each.
  const perAggregate = INFRA_GENERATORS.filter((g) => !FEATURE_GENERATORS.has(g));
  const renders: GeneratedFile[] = [];
  for (const [i, c] of contexts.entries())
    renders.push(...(await renderArtifacts(i === 0 ? INFRA_GENERATORS : perAggregate, c, projectRoot)));
  const rendered = [...onePerPath(renders), ...outboxMigrationFile, { path: SCHEMA_FILE, content: serializeSnapshot(snapshot) }];
  const ofProject = projectFiles(layout);
  const migrationFiles = new Set([...migrations.migrations, ...(outboxPlan?.migrations.migrations ?? [])].map((m) => m.file));
  // Migrations are history, not output: they are listed in `migrations`, and never deleted or rewritten.
  // The user's files (hand-written methods) are theirs: never listed, so never deleted.
  const own = rendered
    .filter((f) => f.owner !== 'user' && !ofProject.has(f.path) && !GEN_STATE.has(f.path) && !migrationFiles.has(f.path))
    .map((f) => f.path);
  // The project's files this feature needs, recorded so that one goes only when no feature needs it.
  const needed = rendered.filter((f) => ofProject.has(f.path)).map((f) => f.path);
  // An older manifest may list a project file among a feature's own: it is the project's, decided with the others.
  const obsolete = [
    ...(previous?.files ?? []).filter((p) => !own.includes(p) && !ofProject.has(p)),
    ...unneededProjectFiles(layout, registered.manifest, feature, needed),
  ];
  const entry = {
    ...featureEntryOf(contexts, style.style, migrations.migrations),
    files: own,
    projectFiles: needed,
    methods: portMethods(models),
    ...(location.context === undefined ? {} : { context: location.context }),
  };
  // A migration is rendered once, when it is new: its formatting key would only be recorded by the run that wrote it.
  const recorded = rendered.map(({ formatKey, ...file }) =>
    migrationFiles.has(file.path) || formatKey === undefined ? file : { ...file, formatKey },
  );
  const manifest = nextManifest(registered.manifest, feature, entry, recorded, obsolete, date);
  const outboxMigration = outboxPlan?.migrations.next;
  return {
    ...generation,
    ...(outboxMigration ? { outboxMigration } : {}),
    obsolete,
    manifest,
    files: [...rendered, { path: layout.manifest, content: serializeManifest(manifest) }],
  };
}

/** The custom file gen created for a repository's hand-written methods, as the project holds it now; undefined before. */
function customFile(sources: ProjectContext, path: string, className: string): CustomFile | undefined {
  const text = sources.texts.get(path);
  return text === undefined ? undefined : { path, className, methods: readCustomMethods(text, path, className) };
}

/** Each aggregate's run renders the project's shared files too: alike, since they depend on the feature, not the aggregate. */
function onePerPath(files: readonly GeneratedFile[]): GeneratedFile[] {
  const byPath = new Map<string, GeneratedFile>();
  for (const file of files) {
    const seen = byPath.get(file.path);
    if (seen && seen.content !== file.content) throw new Error(`gen rendered ${file.path} twice, differently: a bug in gen`);
    if (!seen) byPath.set(file.path, file);
  }
  return [...byPath.values()];
}

/** Two aggregates of a feature that map a table (or an entity class) of one name would overwrite each other's rows. */
function refuseSharedTables(models: readonly PersistenceModel[]): void {
  const owners = new Map<string, PersistenceModel>();
  for (const m of models) {
    const names = [m.table.name, ...m.children.map((c) => c.table.name), m.names.entityClass, ...m.children.map((c) => c.entityClass)];
    for (const name of names) {
      const other = owners.get(name);
      if (other && other !== m) {
        throw new GenError(
          `${other.names.aggregate} and ${m.names.aggregate} both map to ${name}: the feature's aggregates need tables and entity classes of their own`,
          m.aggregate.location,
          `Give one of them (or the child entity class they share) another name.`,
        );
      }
      owners.set(name, m);
    }
  }
}

/** `entry` undefined: the feature's registration stays as it was (gen plan). */
function nextManifest(
  previous: Manifest,
  feature: string,
  entry: FeatureEntry | undefined,
  files: readonly GeneratedFile[],
  obsolete: readonly string[],
  planDate: string,
): Manifest {
  const hashes = { ...previous.files };
  for (const path of obsolete) delete hashes[path];
  const formatted = { ...previous.formatted };
  for (const path of obsolete) delete formatted[path];
  for (const file of files) {
    if (file.owner !== 'user') hashes[file.path] = contentHash(file.content);
    if (file.formatKey !== undefined) formatted[file.path] = file.formatKey;
  }
  const features = entry ? { ...previous.features, [feature]: entry } : previous.features;
  return { version: 1, features, files: hashes, planDates: { ...previous.planDates, [feature]: planDate }, formatted };
}

/**
 * The outbox table's own migration, planned like a feature's (its tables owned by OUTBOX_OWNER) after this
 * feature's, on the snapshot that one leaves: whichever feature is generated first with --outbox creates it.
 */
function planOutbox(
  model: PersistenceModel,
  layout: ArtifactLayout,
  project: ProjectState,
  feature: MigrationPlan,
  options: MigrationOptions,
) {
  const outboxModel: PersistenceModel = {
    ...model,
    feature: OUTBOX_OWNER,
    table: OUTBOX_TABLE,
    children: [],
    names: { ...model.names, aggregate: 'outbox' },
  };
  const previous = project.manifest.features[OUTBOX_OWNER];
  const migrationFiles = [...project.migrationFiles, ...(feature.next ? [feature.next.file.split('/').pop()!] : [])];
  const migrations = planMigration({ models: [outboxModel], layout, snapshot: feature.snapshot, previous, migrationFiles }, options);
  // The outbox's entity lives in the project's support/outbox.ts: it needs that file while it is registered.
  const entry: FeatureEntry = {
    aggregate: 'outbox',
    entities: [{ className: 'OutboxModel', file: layout.outbox }],
    migrations: migrations.migrations,
    ...(previous?.files ? { files: previous.files } : {}),
    projectFiles: [layout.outbox],
  };
  return { model: outboxModel, migrations, entry };
}

/**
 * An aggregate is generated under one feature name: under a second one, gen would write a second create migration
 * and register its entities twice (issue 20). Refused, naming the feature that generates it.
 */
function refuseGeneratedElsewhere(manifest: Manifest, feature: string, model: PersistenceModel): void {
  const classes = [model.names.entityClass, ...model.children.map((c) => c.entityClass)];
  const ours = new Set([...classes, ...entityExports('schema', classes)]);
  for (const [other, entry] of Object.entries(manifest.features)) {
    if (other === feature || other === OUTBOX_OWNER) continue;
    const shared = entry.entities.find((e) => ours.has(e.className));
    if (!shared) continue;
    throw new GenError(
      `${model.names.aggregate} is already generated by feature '${other}' (${shared.className} in ${shared.file}): generating it as '${feature}' would create its tables again`,
      model.aggregate.location,
      `Run ${GEN} infra ${other}; if '${other}' is gone, delete its entry under "features" in ${MANIFEST_FILE}.`,
    );
  }
}

/**
 * The feature name was generated from another bounded context (`gen infra product --context shop`, now `--context
 * backoffice`): gen keys a feature's files, entities and tables by its name, so this run would delete the other's
 * generated files and map a second aggregate to its table. Refused at this aggregate before anything is written.
 */
function refuseOtherContext(
  previous: FeatureEntry | undefined,
  feature: string,
  context: string | undefined,
  entityFile: string,
  model: PersistenceModel,
): void {
  const other = otherContext(previous, context, entityFile);
  if (other === undefined || previous === undefined) return;
  const from = previous.context !== undefined ? `context '${other}'` : `another context (${other})`;
  throw new GenError(
    `feature '${feature}' is already generated from ${from}, as ${previous.entities.map((e) => e.className).join(', ')} on table(s) gen keeps under the name '${feature}': generating ${model.names.aggregate} of context '${context}' as '${feature}' would delete that context's generated files and map a second aggregate to table '${model.table.name}'`,
    model.aggregate.location,
    `gen keeps one feature per name in a database: generate only one context's '${feature}' here, or give one of the two aggregates another name (its table follows it). If the other context's '${feature}' is gone, delete its entry under "features" in ${MANIFEST_FILE} (and its tables in ${SCHEMA_FILE}).`,
  );
}

/** The path aliases the project's own code imports through (the ones the generated code may use too). */
function usedAliases(settings: ModuleSettings): PathAlias[] {
  return settings.aliases.filter((alias) => settings.usedAliases.includes(alias.pattern));
}

function optionalLib(lib: string | undefined): { libReference?: string } {
  return lib === undefined ? {} : { libReference: lib };
}

function optional<T>(value: T | undefined): T[] {
  return value === undefined ? [] : [value];
}

/** The generated test files of the features' layouts: what tsc must be able to compile beside the project's code. */
function testFiles(layouts: readonly ArtifactLayout[]): string[] {
  return [...new Set(layouts.flatMap((l) => [l.test, l.migrationsTest, l.testDatabase, l.testApi]))];
}

/**
 * The tsconfig's rootDir and include/exclude, project-relative; a `files` list without `include` takes nothing else.
 * TypeScript hands the lists a config inherits through `extends` over as written there, prefixed with the folder
 * between (`config/../src/**`), and keeps `${configDir}` as written: both made project-relative here.
 */
export function compiledFiles(tsconfig: ts.ParsedCommandLine | undefined, projectRoot: string): CompiledFiles {
  if (!tsconfig?.options.rootDir) return {};
  const raw = (tsconfig.raw ?? {}) as { include?: unknown; exclude?: unknown; files?: unknown };
  const spec = (value: string) => {
    const path = toPosix(value).replace(/^\$\{configDir\}/, '.');
    return path.startsWith('/') ? toPosix(relative(projectRoot, path)) : posix.normalize(path);
  };
  const strings = (value: unknown) =>
    Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string').map(spec) : undefined;
  const include = strings(raw.include) ?? (raw.files !== undefined ? [] : undefined);
  const exclude = strings(raw.exclude);
  return {
    rootDir: toPosix(relative(projectRoot, tsconfig.options.rootDir)),
    ...(include && { include }),
    ...(exclude && { exclude }),
  };
}

function readTextIfExists(path: string): string | undefined {
  return existsSync(path) ? readFileSync(path, 'utf8') : undefined;
}
