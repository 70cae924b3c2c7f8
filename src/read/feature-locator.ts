import { kebabCase } from 'change-case';
import { compareText } from '../compare.js';
import {
  LAYOUT_KEYS,
  LAYOUT_PRESETS,
  PRESET_NAMES,
  fillTemplate,
  isGlob,
  type LayoutKey,
  type LayoutTemplate,
  type PresetName,
} from '../config/layout-presets.js';
import { CONFIG_FILE, keyLine, type LayoutOverrides, type ProjectConfig } from '../config/project-config.js';
import { GenError, type SourceLocation } from '../errors.js';
import { spellAsOnDisk, spelledFolders } from './folder-spelling.js';
import { GEN } from '../gen-command.js';
import { findFeatureInCode } from './code-layout.js';
import { discoverPorts, featureNamedCandidates, leftToInfrastructure, sourceRoot, type DiscoveredPort } from './port-discovery.js';
import { globTree, isFolder, textOf, type ProjectSources } from './project-sources.js';

/** A feature's folders, placeholders filled: every path is relative to the project root (portDir may be a glob). */
export type FeaturePaths = LayoutTemplate;

/** Where a feature is, and how gen learnt it. */
export interface FeatureLocation {
  feature: string;
  paths: FeaturePaths;
  /**
   * The preset the folders start from (the plan method's when gen.config.json sets folders without one); none when
   * the folders were found from the code and no preset names them.
   */
  preset?: PresetName;
  /** `config`: gen.config.json describes the layout; `detected`: it does not, and a preset or the code fit. */
  source: 'config' | 'detected';
  /** The ports that told where the feature is, when no preset's folders did. */
  foundBy?: { port: string; file: string; line: number; aggregate: string }[];
  /** The `{context}` of the feature, for layouts that have one. */
  context?: string;
  /**
   * The module folder (the `{feature}` of the layout's folders) when the feature is a name inside it (`member` in
   * `forum`): its folders are the module's, its plans its own.
   */
  module?: string;
}

/** What the command line says about where the feature is: `--context`, `--module`. */
export interface LocateOptions {
  context?: string | undefined;
  module?: string | undefined;
}

/** What the port's name ends with: the reader finds the port by it. */
export const PORT_NAME = /(Repository|Repo|Port)(Interface)?$/;

/** Pairs of keys where the first follows the second unless set itself, when the preset has them equal. */
const FOLLOWS: readonly [LayoutKey, LayoutKey][] = [
  ['portDir', 'domainDir'],
  ['databaseDir', 'infrastructureDir'],
  ['sharedTestsDir', 'testsDir'],
];

/**
 * Where the feature's domain, port and outputs are: from gen.config.json when it describes the layout,
 * else from the one preset whose folders exist for the feature and hold a port.
 */
export function locateFeature(
  project: ProjectSources,
  config: ProjectConfig,
  feature: string,
  options: LocateOptions = {},
): FeatureLocation {
  const own = config.layout.features[feature] ?? {};
  const context = options.context ?? own.context ?? config.layout.paths.context;
  if (isConfigured(config, feature)) {
    const preset = config.layout.preset ?? 'plan';
    const template = layoutTemplate(preset, config.layout.paths, own);
    // A name that is no folder of the layout may name an aggregate inside a module (`member` in `forum`).
    const ownFolder = options.module === undefined && hasDomainFolder(project, template, feature, context);
    const inModule =
      options.module !== undefined
        ? { module: options.module, context }
        : ownFolder
          ? undefined
          : oneModule(modulesHolding(project, [preset], feature, context, template), feature);
    // The preset names no folder for it, nor a module holding it, and gen.config.json says nothing of this feature:
    // what gen finds without a config stands (`billing` for the context `src/billing/` whose aggregates the
    // `context-domains` preset that `gen init` wrote would take as features of their own).
    if (inModule === undefined && options.module === undefined && !isFeatureConfigured(config, feature)) {
      const detected = ownFolder ? undefined : detectedOrUndefined(project, feature, context);
      if (detected) return detected;
    }
    const module = inModule?.module;
    const found = resolveContext(project, template, module ?? feature, context ?? inModule?.context, config);
    const paths = fillPaths(template, feature, found, module, project);
    checkConfiguredFolders(project, paths, feature, preset, config);
    return {
      feature,
      paths,
      preset,
      source: 'config',
      ...(found === undefined ? {} : { context: found }),
      ...(module === undefined ? {} : { module }),
    };
  }
  return detectLayout(project, feature, context, options.module);
}

function isFeatureConfigured(config: ProjectConfig, feature: string): boolean {
  return Object.keys(config.layout.features[feature] ?? {}).length > 0;
}

/** Detection as a fallback: its refusal is not this run's, whose own (from the configured layout) says more. */
function detectedOrUndefined(project: ProjectSources, feature: string, context: string | undefined): FeatureLocation | undefined {
  try {
    return detectLayout(project, feature, context, undefined);
  } catch (error) {
    if (error instanceof GenError) return undefined;
    throw error;
  }
}

function hasDomainFolder(project: ProjectSources, template: LayoutTemplate, feature: string, context: string | undefined): boolean {
  if (template.domainDir.includes('{context}') && context === undefined)
    return findContexts(project, template.domainDir, feature).length > 0;
  return isFolder(project, fillTemplate(template.domainDir, feature, context));
}

/** A module that holds the feature's aggregate (by a class or a port named for it), found in one preset's folders. */
interface ModuleMatch {
  preset: PresetName;
  module: string;
  context: string | undefined;
  paths: FeaturePaths;
  ports: string[];
}

/**
 * The modules whose domain folder declares a class named for the feature (`member` -> `Member`, `MemberEntity`)
 * or whose port folder declares a port named for it (`MemberRepo`), with a port: `member` inside `forum`.
 */
function modulesHolding(
  project: ProjectSources,
  presets: readonly PresetName[],
  feature: string,
  context: string | undefined,
  own?: LayoutTemplate,
): ModuleMatch[] {
  const matches: ModuleMatch[] = [];
  for (const preset of presets) {
    const template = own ?? LAYOUT_PRESETS[preset];
    if (!template.domainDir.includes('{feature}')) continue;
    const pattern = templatePattern(template.domainDir, {
      feature: '([^/]+)',
      context: '([^/]+)',
    });
    const hasContext = template.domainDir.includes('{context}');
    const featureFirst = !hasContext || template.domainDir.indexOf('{feature}') < template.domainDir.indexOf('{context}');
    const folders = globTree(project, [fillTemplate(template.domainDir, '*', context ?? '*')], {
      onlyDirectories: true,
      ignore: ['**/node_modules/**'],
    });
    for (const folder of folders.map((f) => f.replace(/\/$/, '')).sort(compareText)) {
      const match = pattern.exec(folder);
      if (!match) continue;
      const module = match[featureFirst ? 1 : 2];
      const found = hasContext ? (context ?? match[featureFirst ? 2 : 1]) : undefined;
      if (module === feature || LAYER_FOLDER.test(module)) continue;
      const paths = fillPaths(template, feature, found, module);
      const ports = portFiles(project, paths.portDir);
      if (ports.length === 0) continue;
      const named = (texts: string[], declared: RegExp, strip: (name: string) => string) =>
        texts.some((text) => [...text.matchAll(declared)].some((m) => namesFeature(strip(m[1]), feature)));
      const domainTexts = globTree(project, ['**/*.ts'], {
        cwd: paths.domainDir,
        ignore: ['**/*.d.ts', '**/*.{test,spec}.ts'],
      }).map((f) => textOf(project, `${paths.domainDir}/${f}`));
      const portTexts = ports.map((f) => textOf(project, f));
      if (
        named(domainTexts, EXPORTED_CLASS, (n) => n) ||
        named(portTexts, EXPORTED_TYPE, (n) =>
          n
            .replace(/^(Load|Save|Find|Get|Delete|Update|Create)(?=[A-Z])/, '')
            .replace(PORT_NAME, '')
            .replace(/^I(?=[A-Z][a-z])/, ''),
        )
      ) {
        matches.push({ preset, module, context: found, paths, ports });
      }
    }
  }
  return matches;
}

/**
 * Folders a domain layer is divided into, never a module: `src/core/domain/ports/` matches `src/{context}/domain/{feature}`
 * with `ports` for the feature, where `src/core/domain/` is the module and `ports/outbound/` its ports.
 */
const LAYER_FOLDER = /^(ports?|repositor(y|ies)|repos|outbound|inbound|entities|value-?objects|vos?)$/i;

const EXPORTED_CLASS = /\bexport\s+(?:default\s+)?(?:abstract\s+)?class\s+([A-Za-z_$][\w$]*)/g;

/** `member` names `Member`, `users` names `User` and `UserEntity`, `categories` names `Category`. */
export function namesFeature(className: string, feature: string): boolean {
  const stem = kebabCase(className.replace(/(Entity|AggregateRoot|Aggregate|Model)$/, ''));
  return stem !== '' && (stem === feature || `${stem}s` === feature || `${stem}es` === feature || stem.replace(/y$/, 'ies') === feature);
}

/** The one module holding the feature; several stop generation with the flag that picks one. */
function oneModule(matches: ModuleMatch[], feature: string): ModuleMatch | undefined {
  const distinct = matches.filter((m, i) => matches.findIndex((o) => o.module === m.module && o.context === m.context) === i);
  if (distinct.length <= 1) return matches[0];
  const list = distinct
    .map((m) => `${m.paths.domainDir}/ (layout ${m.preset}${m.context === undefined ? '' : `, context ${m.context}`})`)
    .join(', ');
  const contexts = new Set(distinct.map((m) => m.context));
  const pick =
    contexts.size === distinct.length && distinct.every((m) => m.module === distinct[0].module)
      ? `--context ${distinct[0].context}`
      : `--module ${distinct[0].module}${distinct[0].context === undefined ? '' : ` --context ${distinct[0].context}`}`;
  return failAmbiguous(
    `'${feature}' names an aggregate in ${distinct.length} modules: ${list}`,
    `Pick one with ${pick} (${GEN} infra ${feature} ${pick}).`,
  );
}

function failAmbiguous(message: string, hint: string): never {
  throw new GenError(message, undefined, hint);
}

/** Whether gen.config.json says anything about where this feature is (a `context` alone only narrows detection). */
function isConfigured(config: ProjectConfig, feature: string): boolean {
  const keys = (overrides: LayoutOverrides) => Object.keys(overrides).some((k) => k !== 'context');
  return config.layout.preset !== undefined || keys(config.layout.paths) || keys(config.layout.features[feature] ?? {});
}

/** The preset's folders with the project's and the feature's keys over them. */
export function layoutTemplate(preset: PresetName, paths: LayoutOverrides, own: LayoutOverrides): LayoutTemplate {
  const base = LAYOUT_PRESETS[preset];
  const set = (key: LayoutKey) => own[key] ?? paths[key];
  const template = { ...base };
  for (const key of Object.keys(base) as LayoutKey[]) template[key] = set(key) ?? base[key];
  for (const [derived, source] of FOLLOWS) {
    if (set(derived) !== undefined || base[derived] !== base[source]) continue;
    // A shared folder cannot follow a folder of one feature.
    if (derived !== 'portDir' && /\{(feature|context)\}/.test(template[source])) continue;
    template[derived] = template[source];
  }
  return template;
}

/** With a module, every folder is the module's but the plans, which are the feature's own. */
function fillPaths(
  template: LayoutTemplate,
  feature: string,
  context: string | undefined,
  module?: string,
  project?: ProjectSources,
): FeaturePaths {
  const paths = { ...template };
  for (const key of LAYOUT_KEYS)
    paths[key] = fillTemplate(paths[key], key === 'plansDir' || module === undefined ? feature : module, context);
  return project === undefined ? paths : spellPaths(project, paths, [module ?? feature, ...(context === undefined ? [] : [context])]);
}

/**
 * The folders as the project spells them (`src/Contexts/Mooc/Courses/domain` for `src/contexts/mooc/courses/domain`);
 * folders still to be written take the domain folder's spelling of the feature and context. Plans keep gen's.
 */
function spellPaths(project: ProjectSources, paths: FeaturePaths, names: readonly string[]): FeaturePaths {
  const domainDir = spellAsOnDisk(project, paths.domainDir, new Map());
  const written = paths.domainDir.split('/');
  const spellings = new Map(
    domainDir
      .split('/')
      .flatMap((segment, i) => (names.includes(written[i]) && segment !== written[i] ? [[written[i], segment] as const] : [])),
  );
  const spelled = { ...paths };
  for (const key of LAYOUT_KEYS) if (key !== 'plansDir') spelled[key] = spellAsOnDisk(project, paths[key], spellings);
  return spelled;
}

/** The `{context}` of the feature: the one set in gen.config.json, else the one folder that matches. */
function resolveContext(
  project: ProjectSources,
  template: LayoutTemplate,
  feature: string,
  context: string | undefined,
  config: ProjectConfig,
): string | undefined {
  if (!LAYOUT_KEYS.some((key) => template[key].includes('{context}'))) return undefined;
  if (context !== undefined) return context;
  const found = findContexts(project, template.domainDir, feature);
  if (found.length === 1) return found[0];
  if (found.length === 0) {
    throw new GenError(
      `feature '${feature}' has no domain folder: looked for ${fillTemplate(template.domainDir, feature, '*')}/`,
      configLocation(config, feature, 'domainDir'),
      `Complete the domain layer first, or say which context holds it in ${CONFIG_FILE}: ${contextLine(feature, 'the-context')}.`,
    );
  }
  throw twoContextsError(template, feature, found, configLocation(config, feature, 'domainDir'), project);
}

function twoContextsError(
  template: LayoutTemplate,
  feature: string,
  contexts: readonly string[],
  location: SourceLocation | undefined,
  project?: ProjectSources,
): GenError {
  const folders = contexts
    .map(
      (c) =>
        `${project === undefined ? fillTemplate(template.domainDir, feature, c) : fillPaths(template, feature, c, undefined, project).domainDir}/`,
    )
    .join(', ');
  return new GenError(
    `feature '${feature}' is in ${contexts.length} contexts: ${folders}`,
    location,
    `Pick one with --context ${contexts[0]} (${GEN} infra ${feature} --context ${contexts[0]}), or say which in ${CONFIG_FILE}: ${contextLine(feature, contexts[0])}.`,
  );
}

function contextLine(feature: string, context: string): string {
  return `"features": { "${feature}": { "context": "${context}" } }`;
}

/** The values of `{context}` for which the feature's domain folder exists, sorted. */
export function findContexts(project: ProjectSources, domainTemplate: string, feature: string): string[] {
  // As the project spells its folders: `Mooc` in src/Contexts/Mooc/Courses/domain for the feature `courses`.
  const contexts = spelledFolders(project, domainTemplate, { feature })
    .map((f) => f.values.context)
    .filter((c): c is string => c !== undefined);
  return [...new Set(contexts)].sort(compareText);
}

/** A regular expression for a folder template, each placeholder a capture group of the given pattern. */
function templatePattern(template: string, groups: Record<string, string>): RegExp {
  const source = template
    .split(/(\{(?:feature|context)\})/)
    .map((part) => {
      const name = /^\{(feature|context)\}$/.exec(part)?.[1];
      return name !== undefined ? (groups[name] ?? '[^/]+') : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    })
    .join('');
  return new RegExp(`^${source}$`);
}

function checkConfiguredFolders(
  project: ProjectSources,
  paths: FeaturePaths,
  feature: string,
  preset: PresetName,
  config: ProjectConfig,
): void {
  const by = (key: LayoutKey) => (setFor(config, feature, key) ? `"${key}" in ${CONFIG_FILE}` : `the ${preset} layout`);
  if (!isFolder(project, paths.domainDir)) {
    throw new GenError(
      `feature '${feature}' has no domain folder: looked for ${paths.domainDir}/ (${by('domainDir')})`,
      configLocation(config, feature, 'domainDir'),
      `Complete the domain layer first (aggregate, value objects, repository port), or set where it is: "features": { "${feature}": { "domainDir": "..." } } in ${CONFIG_FILE}.`,
    );
  }
  if (paths.portDir !== paths.domainDir && !isGlob(paths.portDir) && !paths.portDir.endsWith('.ts') && !isFolder(project, paths.portDir)) {
    throw new GenError(
      `feature '${feature}' has no port folder: looked for ${paths.portDir}/ (${by('portDir')})`,
      configLocation(config, feature, 'portDir'),
      `Put the repository port there, or set where it is (a folder, a file or a glob): "features": { "${feature}": { "portDir": "${paths.domainDir}" } } in ${CONFIG_FILE}.`,
    );
  }
}

function setFor(config: ProjectConfig, feature: string, key: LayoutKey): boolean {
  return config.layout.features[feature]?.[key] !== undefined || config.layout.paths[key] !== undefined;
}

/** The line of gen.config.json that decides a key for the feature: its own entry, the project's, or "layout". */
function configLocation(config: ProjectConfig, feature: string, key: LayoutKey): SourceLocation | undefined {
  const text = config.layout.text;
  if (text === '') return undefined;
  if (config.layout.features[feature]?.[key] !== undefined) {
    return {
      file: CONFIG_FILE,
      line: keyLine(text, key, keyLine(text, feature, keyLine(text, 'features'))),
    };
  }
  if (config.layout.paths[key] !== undefined) return { file: CONFIG_FILE, line: keyLine(text, key) };
  if (config.layout.preset !== undefined) return { file: CONFIG_FILE, line: keyLine(text, 'layout') };
  return undefined;
}

/**
 * The .ts files where the port may be (project-relative, sorted): a folder's (recursively), a file, or a glob's matches;
 * tests left out. A port may be declared in a `.d.ts`; one beside a `.ts` of the same name is compiler output, left out.
 */
export function portSourceFiles(project: ProjectSources, portDir: string): string[] {
  const pattern = isGlob(portDir) || portDir.endsWith('.ts') ? portDir : `${portDir}/**/*.ts`;
  const files = globTree(project, [pattern], {
    ignore: ['**/*.{test,spec}.ts', '**/node_modules/**'],
  });
  const all = new Set(files);
  return files.filter((file) => !(file.endsWith('.d.ts') && all.has(file.replace(/\.d\.ts$/, '.ts')))).sort(compareText);
}

/** Files (project-relative, sorted) under the port folder that export a type named like a port, by a look at their text. */
export function portFiles(project: ProjectSources, portDir: string): string[] {
  return portSourceFiles(project, portDir).filter((file) => declaresPort(textOf(project, file)));
}

const EXPORTED_TYPE = /\bexport\s+(?:declare\s+)?(?:default\s+)?(?:interface|abstract\s+class|type)\s+([A-Za-z_$][\w$]*)/g;

/** `interface UserRepository {...}` exported afterwards: `export default UserRepository;`, `export { UserRepository }`. */
const EXPORTED_LATER = /\bexport\s+(?:default\s+([A-Za-z_$][\w$]*)\s*;|(?:type\s+)?\{([^}]*)\})/g;
const DECLARED_TYPE = /\b(?:interface|abstract\s+class|type)\s+([A-Za-z_$][\w$]*)/g;

/**
 * Whether a port file holds a port of a concrete aggregate: one discovery found (it stores an exported class or record),
 * or, in a folder discovery leaves to the adapters (the `modules` layout's `database/`), a port that is not generic.
 * `interface IRepository<T>` of a `core/` folder of base classes, or a `Repository { save(a: AggregateRoot) }` over an
 * abstract base, is what the features' ports extend, not a feature's own.
 */
function declaresFeaturePort(project: ProjectSources, file: string, discovered: ReadonlySet<string>): boolean {
  if (discovered.has(file)) return true;
  // Discovery read it and found no class it stores: a base port over an abstract AggregateRoot, or none at all.
  if (!leftToInfrastructure(project, file)) return false;
  const text = textOf(project, file);
  const generic = new Set([...text.matchAll(GENERIC_TYPE)].map((m) => m[1]));
  const exported = [...text.matchAll(EXPORTED_TYPE)].map((m) => m[1]);
  const declared = new Set([...text.matchAll(DECLARED_TYPE)].map((m) => m[1]));
  const later = [...text.matchAll(EXPORTED_LATER)]
    .flatMap((m) => (m[1] !== undefined ? [m[1]] : m[2].split(',').map((n) => n.trim().split(/\s+as\s+/)[0])))
    .filter((name) => declared.has(name));
  return [...exported, ...later].some((name) => PORT_NAME.test(name) && !generic.has(name));
}

/** A type declared with type parameters of its own: `interface IRepository<T>`, `abstract class BaseRepo<E extends Entity>`. */
const GENERIC_TYPE = /\b(?:interface|class|type)\s+([A-Za-z_$][\w$]*)\s*</g;

function declaresPort(text: string): boolean {
  if ([...text.matchAll(EXPORTED_TYPE)].some((m) => PORT_NAME.test(m[1]))) return true;
  const declared = new Set([...text.matchAll(DECLARED_TYPE)].map((m) => m[1]));
  const later = [...text.matchAll(EXPORTED_LATER)].flatMap((m) =>
    m[1] !== undefined ? [m[1]] : m[2].split(',').map((n) => n.trim().split(/\s+as\s+/)[0]),
  );
  return later.some((name) => declared.has(name) && PORT_NAME.test(name));
}

/** One way a preset may hold the feature: its domain folder exists (for one context), and maybe a port. */
interface Candidate {
  preset: PresetName;
  context: string | undefined;
  paths: FeaturePaths;
  ports: string[];
}

function candidates(
  project: ProjectSources,
  preset: PresetName,
  feature: string,
  context: string | undefined,
  module?: string,
): Candidate[] {
  const template = LAYOUT_PRESETS[preset];
  const hasContext = template.domainDir.includes('{context}');
  const contexts = !hasContext
    ? [undefined]
    : context !== undefined
      ? [context]
      : findContexts(project, template.domainDir, module ?? feature);
  return contexts
    .map((c) => fillPaths(template, feature, c, module, project))
    .filter((paths) => isFolder(project, paths.domainDir))
    .map((paths, i) => ({
      preset,
      context: hasContext ? (context ?? contexts[i]) : undefined,
      paths,
      ports: portFiles(project, paths.portDir),
    }));
}

function detectLayout(project: ProjectSources, feature: string, context: string | undefined, module: string | undefined): FeatureLocation {
  const all = PRESET_NAMES.flatMap((preset) => candidates(project, preset, feature, context, module));
  if (all.length === 0 && module === undefined) {
    // No folder is named for the feature: it may name an aggregate inside a module.
    const inModules = modulesHolding(project, PRESET_NAMES, feature, context);
    const chosen = oneModule(inModules, feature);
    if (chosen)
      return {
        feature,
        paths: chosen.paths,
        preset: chosen.preset,
        source: 'detected',
        module: chosen.module,
        ...(chosen.context === undefined ? {} : { context: chosen.context }),
      };
  }
  const fitting = all.filter((c) => c.ports.length > 0);
  // No preset's folders hold a port: the ports under the source root say where the feature is.
  const inCode = fitting.length === 0 && module === undefined ? findFeatureInCode(project, feature, namesFeature) : undefined;
  if (inCode?.kind === 'found') {
    return {
      feature,
      paths: inCode.paths,
      source: 'detected',
      foundBy: inCode.ports.map((p) => ({
        port: p.name,
        file: p.file,
        line: p.line,
        aggregate: p.aggregate,
      })),
    };
  }
  // With no port anywhere, one domain folder is still the feature's: the reader then says what the port needs.
  const chosen = fitting.length === 1 ? fitting[0] : fitting.length === 0 && all.length === 1 ? all[0] : undefined;
  if (chosen) {
    return {
      feature,
      paths: chosen.paths,
      preset: chosen.preset,
      source: 'detected',
      ...(chosen.context === undefined ? {} : { context: chosen.context }),
      ...(module === undefined ? {} : { module }),
    };
  }
  if (fitting.length > 1 && fitting.every((c) => c.preset === fitting[0].preset)) {
    throw twoContextsError(
      LAYOUT_PRESETS[fitting[0].preset],
      feature,
      fitting.map((c) => c.context!),
      undefined,
      project,
    );
  }
  if (fitting.length > 1) {
    const list = fitting.map((c) => `${c.preset} (port in ${c.ports.join(', ')})`).join('; ');
    const first = fitting[0].preset;
    throw new GenError(
      `${fitting.length} layouts fit feature '${feature}': ${list}`,
      undefined,
      `Name the project's layout in ${CONFIG_FILE}: { "layout": "${first}" } (${GEN} init --layout ${first} writes it).`,
    );
  }
  if (all.length === 0) {
    const looked = PRESET_NAMES.map((p) => [p, `${fillTemplate(LAYOUT_PRESETS[p].domainDir, feature, context ?? '*')}/`] as const);
    const byFolder = new Map<string, string[]>();
    for (const [preset, folder] of looked) byFolder.set(folder, [...(byFolder.get(folder) ?? []), preset]);
    const list = [...byFolder]
      .map(([folder, presets]) => `${folder} (${presets.length > 1 ? 'layouts' : 'layout'} ${presets.join(', ')})`)
      .join(', ');
    const near = inCode?.kind === 'none' ? featureNamedCandidates(project, (name) => namesFeature(name, feature)) : [];
    const closest =
      near.length === 0
        ? ''
        : `; closest candidates: ${near.map((c) => `${c.name} (${c.kind}) at ${c.file}:${c.line}`).join(', ')}, none a port whose methods take or return one class or record named for '${feature}'`;
    throw new GenError(
      `feature '${feature}' has no domain folder: looked for ${list}${inCode?.kind === 'none' ? `; ${portsNamedOtherwise(project, inCode.ports)}` : ''}${closest}`,
      undefined,
      `Complete the domain layer first (aggregate, value objects, repository port), or say where it is in ${CONFIG_FILE}: { "layout": "modules" } for one of the layouts above, or { "features": { "${feature}": { "domainDir": "...", "portDir": "..." } } }.`,
    );
  }
  const list = all.map((c) => `${c.paths.portDir}/ (layout ${c.preset})`).join(', ');
  throw new GenError(
    `no layout fits feature '${feature}': no repository port found in ${list}`,
    undefined,
    `Export the port (an interface, abstract class or type whose name ends in Repository, Repo or Port) in one of them, or say where it is in ${CONFIG_FILE}: { "layout": "${all[0].preset}", "features": { "${feature}": { "portDir": "${all[0].paths.domainDir}" } } }.`,
  );
}

/** What the ports under the source root store, when none is named for the feature. */
function portsNamedOtherwise(project: ProjectSources, ports: readonly DiscoveredPort[]): string {
  const root = sourceRoot(project);
  const under = root === '.' ? 'in the project' : `under ${root}/`;
  if (ports.length === 0) return `and no port ${under} takes or returns a class of the project`;
  const byAggregate = new Map<string, string[]>();
  for (const port of ports) byAggregate.set(port.aggregate, [...(byAggregate.get(port.aggregate) ?? []), port.name]);
  const list = [...byAggregate]
    .map(([aggregate, names]) => `${[...new Set(names)].sort(compareText).join(', ')} of ${aggregate}`)
    .join('; ');
  return `and no port ${under} takes or returns a class named for it (ports found: ${list})`;
}

/** For `gen init`: the presets that fit some feature of the project, with those features, in preset order. */
export function detectProjectLayouts(project: ProjectSources): { preset: PresetName; features: string[] }[] {
  const candidates: {
    preset: PresetName;
    feature: string;
    domainDir: string;
  }[] = [];
  // A folder is a feature when it holds a port of a concrete aggregate, not just the generic bases the ports extend.
  const discovered = new Set(discoverPorts(project).map((p) => p.file));
  for (const preset of PRESET_NAMES) {
    const template = LAYOUT_PRESETS[preset];
    // Folders in any spelling (src/Contexts/Mooc/Courses/domain), each feature by its kebab-case name.
    for (const { values } of spelledFolders(project, template.domainDir, {})) {
      if (values.feature === undefined) continue;
      const paths = fillPaths(template, values.feature, values.context, undefined, project);
      if (portFiles(project, paths.portDir).some((file) => declaresFeaturePort(project, file, discovered)))
        candidates.push({
          preset,
          feature: kebabCase(values.feature),
          domainDir: paths.domainDir,
        });
    }
  }
  // One candidate inside another's domain: a folder of nothing but ports (src/billing/domain/repositories/) belongs to
  // the outer feature; a folder with its own aggregate (src/sales/domain/ordering/) is the feature, the outer its context.
  const portsOnly = (c: (typeof candidates)[number]) => {
    const ports = new Set(portFiles(project, c.domainDir));
    return globTree(project, [`${c.domainDir}/**/*.ts`], {
      ignore: ['**/*.d.ts'],
    }).every((file) => ports.has(file));
  };
  const nested = candidates.filter((c) => candidates.some((other) => c.domainDir.startsWith(`${other.domainDir}/`)));
  const dropped = new Set(
    nested.flatMap((inner) =>
      portsOnly(inner) ? [inner] : candidates.filter((outer) => inner.domainDir.startsWith(`${outer.domainDir}/`)),
    ),
  );
  const features = candidates.filter((c) => !dropped.has(c));
  return PRESET_NAMES.flatMap((preset) => {
    const names = [...new Set(features.filter((f) => f.preset === preset).map((f) => f.feature))].sort(compareText);
    return names.length > 0 ? [{ preset, features: names }] : [];
  });
}
