/**
 * Where a project keeps each layer of a feature: folder templates with `{feature}` and `{context}`
 * placeholders, relative to the project root. The presets are the layouts real TypeScript DDD projects use.
 */
export interface LayoutTemplate {
  /** The feature's domain layer: every .ts file below it is read. */
  domainDir: string;
  /** Where the repository port is: a folder, or a glob of files; the domain folder when it is there. */
  portDir: string;
  /** The use cases that call the port (read for the plan). */
  applicationDir: string;
  /** The feature's generated models, mappers and repositories (under `persistence/`). */
  infrastructureDir: string;
  /** The feature's generated repository tests. */
  testsDir: string;
  /** The feature's plan documents. */
  plansDir: string;
  /** Shared by every feature: `config/database.ts`, `persistence/migrations/` and `persistence/support/`. */
  databaseDir: string;
  /** Shared by every feature: `migrations.test.ts` and `support/test-database.ts`. */
  sharedTestsDir: string;
}

export type LayoutKey = keyof LayoutTemplate;

export const LAYOUT_KEYS: readonly LayoutKey[] = [
  'domainDir',
  'portDir',
  'applicationDir',
  'infrastructureDir',
  'testsDir',
  'plansDir',
  'databaseDir',
  'sharedTestsDir',
];

/** Folders every feature shares: one per project, so they may not depend on the feature. */
export const SHARED_KEYS: readonly LayoutKey[] = ['databaseDir', 'sharedTestsDir'];

export const PRESET_NAMES = ['plan', 'modules', 'contexts', 'repos', 'context-domains', 'feature-layers'] as const;
export type PresetName = (typeof PRESET_NAMES)[number];

export const LAYOUT_PRESETS: Readonly<Record<PresetName, LayoutTemplate>> = {
  // The plan method's layout, and gen's default.
  plan: {
    domainDir: 'src/domain/aggregates/{feature}',
    portDir: 'src/domain/aggregates/{feature}',
    applicationDir: 'src/application',
    infrastructureDir: 'src/infrastructure',
    testsDir: 'tests/integration/infrastructure',
    plansDir: 'documentation/plans/{feature}',
    databaseDir: 'src/infrastructure',
    sharedTestsDir: 'tests/integration/infrastructure',
  },
  // NestJS-style hexagonal modules: the port beside the module's database code, use cases as commands.
  modules: {
    domainDir: 'src/modules/{feature}/domain',
    portDir: 'src/modules/{feature}/database',
    applicationDir: 'src/modules/{feature}/commands',
    infrastructureDir: 'src/modules/{feature}/infrastructure',
    testsDir: 'tests/{feature}',
    plansDir: 'documentation/plans/{feature}',
    databaseDir: 'src/infrastructure',
    sharedTestsDir: 'tests',
  },
  // Bounded contexts holding modules, the port inside the domain folder.
  contexts: {
    domainDir: 'src/contexts/{context}/{feature}/domain',
    portDir: 'src/contexts/{context}/{feature}/domain',
    applicationDir: 'src/contexts/{context}/{feature}/application',
    infrastructureDir: 'src/contexts/{context}/{feature}/infrastructure',
    testsDir: 'tests/contexts/{context}/{feature}',
    plansDir: 'documentation/plans/{feature}',
    databaseDir: 'src/contexts/shared/infrastructure',
    sharedTestsDir: 'tests/contexts/shared',
  },
  // Modules with a repos folder for the port and a useCases folder.
  repos: {
    domainDir: 'src/modules/{feature}/domain',
    portDir: 'src/modules/{feature}/repos',
    applicationDir: 'src/modules/{feature}/useCases',
    infrastructureDir: 'src/modules/{feature}/infra',
    testsDir: 'tests/{feature}',
    plansDir: 'documentation/plans/{feature}',
    databaseDir: 'src/shared/infra',
    sharedTestsDir: 'tests',
  },
  // Bounded contexts at the top of src, each with a domain folder per aggregate (src/account/domain/user), its
  // use cases beside it (src/account/application/user) and one infrastructure folder for the context.
  'context-domains': {
    domainDir: 'src/{context}/domain/{feature}',
    portDir: 'src/{context}/domain/{feature}',
    applicationDir: 'src/{context}/application/{feature}',
    infrastructureDir: 'src/{context}/infrastructure',
    testsDir: 'tests/{context}/{feature}',
    plansDir: 'documentation/plans/{feature}',
    databaseDir: 'src/shared/infrastructure',
    sharedTestsDir: 'tests/shared',
  },
  // A folder per feature (or bounded context) at the top of src holding its layers, as NestJS services are laid out:
  // src/billing/{domain,application,infrastructure}, the port anywhere in the domain folder.
  'feature-layers': {
    domainDir: 'src/{feature}/domain',
    portDir: 'src/{feature}/domain',
    applicationDir: 'src/{feature}/application',
    infrastructureDir: 'src/{feature}/infrastructure',
    testsDir: 'test/{feature}',
    plansDir: 'documentation/plans/{feature}',
    databaseDir: 'src/infrastructure',
    sharedTestsDir: 'test',
  },
};

export function isPresetName(name: unknown): name is PresetName {
  return typeof name === 'string' && (PRESET_NAMES as readonly string[]).includes(name);
}

/** A template with its placeholders filled; `{context}` stays when no context is known. */
export function fillTemplate(template: string, feature: string, context?: string): string {
  const withFeature = template.split('{feature}').join(feature);
  return context === undefined ? withFeature : withFeature.split('{context}').join(context);
}

/** Whether a path (placeholders filled) is a glob rather than a folder. */
export function isGlob(path: string): boolean {
  return /[*?[\]{}]/.test(path);
}

/** A preset's folders for one feature (and context). */
export function presetPaths(preset: PresetName, feature: string, context?: string): LayoutTemplate {
  const template = LAYOUT_PRESETS[preset];
  const paths = { ...template };
  for (const key of LAYOUT_KEYS) paths[key] = fillTemplate(template[key], feature, context);
  return paths;
}
