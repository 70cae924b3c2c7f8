import { existsSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';
import { compareText } from './compare.js';
import { loaded, need, type Loaded } from './errors.js';
import { MANIFEST_FILE } from './layout.js';
import { emptyManifest, parseManifest, type Manifest } from './manifest.js';
import { parsePackageManifest, type InstalledVersions, type PackageFacts, type PackageManifest } from './config/package-manifest.js';
import { packageManagerOf } from './config/package-manager.js';
import { CONFIG_FILE, parseProjectConfig, type ProjectConfig } from './config/project-config.js';
import { jestConfigPath, spreadConfigPaths } from './config/jest-config.js';
import { mochaConfigPaths } from './config/mocha-options.js';
import { isJestConfig, isRunnerConfig, testDiscovery, type RunnerConfigFiles, type TestDiscovery } from './config/test-discovery.js';
import { testRunner, type TestRunner } from './config/test-runner.js';
import { projectTypeScript, type TypeScriptVersion } from './config/typescript-version.js';
import type { ModuleSettings } from './model/module-settings.js';
import { ownCompilerDefaults } from './read/compiler-defaults.js';
import { readModuleSettings } from './read/module-settings-reader.js';
import type { CompilerSetup, ProjectSources } from './read/project-sources.js';
import { readTsconfig, TSCONFIG } from './read/tsconfig-reader.js';
import { tsconfigFolder, workspacePackages } from './read/package-scope.js';

/**
 * Everything gen learns about a project before it generates, read once when a run starts: gen.config.json, the
 * project's files (listed, with their TypeScript texts), the tsconfig chain, package.json and the versions installed,
 * the test runner and what it picks up, gen's manifest and how the project's modules import each other. The stages
 * take what they need from it as data; after it only the writer, the formatter's config lookup and the domain
 * probe's child process touch the disk. A fact that cannot be read holds its error, raised by the stage that needs it.
 */
export interface ProjectContext extends ProjectSources, PackageFacts, RunnerConfigFiles {
  config: ProjectConfig;
  /** The `type` of the package.json nearest to the root: what Node takes the project's `.js` files for. */
  packageType: 'module' | 'commonjs';
  /** The project's TypeScript: installed, else the lowest its package.json allows; undefined when gen cannot tell. */
  typescript: TypeScriptVersion | undefined;
  testRunner: Loaded<TestRunner>;
  /** Which files the project's test runner picks up. */
  testDiscovery: Loaded<TestDiscovery>;
  /** What gen recorded in its last run (.gen/manifest.json), empty before the first. */
  manifest: Loaded<Manifest>;
  /** How the project's modules import each other; gen's own files (those the manifest lists) left out. */
  moduleSettings: Loaded<ModuleSettings>;
}

export function loadProjectContext(projectRoot: string): ProjectContext {
  const config = parseProjectConfig(readIfFile(join(projectRoot, CONFIG_FILE)));
  const packageText = readIfFile(join(projectRoot, 'package.json'));
  const packageManifest: PackageManifest | undefined = packageText === undefined ? undefined : parsePackageManifest(packageText);
  const installed: InstalledVersions = {
    ...installedVersion(projectRoot, 'typeorm', 'typeorm'),
    ...installedVersion(projectRoot, 'typescript', 'typescript'),
    ...installedVersion(projectRoot, 'jest', 'jest'),
    ...installedVersion(projectRoot, 'sqlite3', 'sqlite3'),
    ...installedVersion(projectRoot, 'betterSqlite3', 'better-sqlite3'),
  };
  const typescript = projectTypeScript({ packageManifest, installed });
  const sources = loadProjectSources(projectRoot, typescript);
  // readdir's order (code units): the first config file of a kind is the one the runner would see first too.
  const rootEntries = readdirSync(projectRoot).sort(compareText);
  const runnerConfigs = new Map(
    rootEntries
      .filter((name) => isRunnerConfig(name) && statSync(join(projectRoot, name)).isFile())
      .map((name): [string, string] => [name, readFileSync(join(projectRoot, name), 'utf8')]),
  );
  // A mocha config elsewhere, named by `mocha --config tests/.mocharc.json` in a script (an unreadable package.json
  // names none here: the stage that reads it reports it).
  for (const path of packageManifest?.fields === undefined ? [] : mochaConfigPaths(packageManifest)) {
    if (isFileAt(join(projectRoot, path))) runnerConfigs.set(path, readFileSync(join(projectRoot, path), 'utf8'));
  }
  // The jest config `jest --config test/config/jest-unit.config.ts` names in scripts.test, and the project files it
  // spreads in (`...baseConfig` from './jest-base.config'), in turn.
  const jestConfigs = new Set([
    ...(packageManifest?.fields === undefined ? [] : [jestConfigPath(packageManifest)].filter((p) => p !== undefined)),
    ...[...runnerConfigs.keys()].filter(isJestConfig),
  ]);
  for (const path of jestConfigs) {
    const text = runnerConfigs.get(path) ?? (isFileAt(join(projectRoot, path)) ? readFileSync(join(projectRoot, path), 'utf8') : undefined);
    if (text === undefined) continue;
    runnerConfigs.set(path, text);
    for (const base of spreadConfigPaths(path, text, (candidate) => isFileAt(join(projectRoot, candidate)))) jestConfigs.add(base);
  }
  const runner = loaded(() => testRunner(packageManifest, rootEntries));
  const manifestText = readIfFile(join(projectRoot, MANIFEST_FILE));
  const manifest = loaded(() => (manifestText === undefined ? emptyManifest() : parseManifest(manifestText, MANIFEST_FILE)));
  // A workspace package may declare what the root does not (packages/api/package.json with typeorm).
  const workspaceManifests = Object.fromEntries(
    sources.files
      .filter((file) => file.endsWith('/package.json'))
      .map((file): [string, PackageManifest] => [file, parsePackageManifest(readFileSync(join(projectRoot, file), 'utf8'))]),
  );
  const context: ProjectContext = {
    ...sources,
    config,
    packageManifest,
    installed,
    packageManager: packageManagerOf(packageManifest, rootEntries),
    workspaceManifests,
    typescript,
    packageType: packageManifest ? typeOf(packageManifest) : packageTypeAbove(projectRoot),
    runnerConfigs,
    testRunner: runner,
    testDiscovery: { value: undefined as never },
    manifest,
    moduleSettings: { value: undefined as never },
  };
  context.testDiscovery = loaded(() => testDiscovery(context, need(runner).name));
  // gen's own output says nothing about how the project imports: only the files the manifest does not list count.
  context.moduleSettings = loaded(() => {
    const files = need(manifest).files;
    return readModuleSettings(context, (path) => path in files);
  });
  return context;
}

/**
 * The context a feature is generated in: in a workspace package with a tsconfig.json of its own (the nearest above
 * `domainDir`), that tsconfig's options and path aliases, as tsc and editors read the package's files; else the
 * project's. Its package type is the `type` of the package.json nearest above `domainDir`, as Node and tsc (under
 * node16/nodenext) take the package's files: a `"type": "module"` package under a root without one imports with `.js`.
 */
export function featureContext(context: ProjectContext, domainDir: string): ProjectContext {
  const folder = tsconfigFolder(context, domainDir);
  const packageType = nearestPackageType(context, domainDir);
  if (folder === '' && packageType === context.packageType) return context;
  const scoped: ProjectContext = { ...context, compiler: folder === '' ? context.compiler : context.compilerAt(folder), packageType };
  scoped.moduleSettings = loaded(() => {
    const files = need(context.manifest).files;
    const settings = readModuleSettings(scoped, (path) => path in files);
    return folder === '' ? settings : { ...settings, tsconfig: `${folder}/${TSCONFIG}` };
  });
  return scoped;
}

/** The `type` of the package.json nearest at or above `path` (project-relative) within the project; the root's above that. */
function nearestPackageType(context: ProjectContext, path: string): 'module' | 'commonjs' {
  const files = new Set(context.files);
  for (let dir = posix.normalize(path).replace(/\/$/, ''); dir !== '' && dir !== '.'; dir = posix.dirname(dir)) {
    if (files.has(`${dir}/package.json`))
      return typeOf(parsePackageManifest(readFileSync(join(context.root, dir, 'package.json'), 'utf8')));
  }
  return context.packageType;
}

/**
 * The project's files and how it compiles, for the readers (src/read/): a folder walk without node_modules and
 * dot-folders (tinyglobby's and tsc's wildcards skip those too), every TypeScript file's text, the tsconfig chain.
 */
function loadProjectSources(projectRoot: string, typescript: TypeScriptVersion | undefined): ProjectSources {
  const files: string[] = [];
  const folders = new Set<string>();
  const subfolders = new Map<string, string[]>();
  const texts = new Map<string, string>();
  const seen = new Set<string>();
  const walk = (relative: string): void => {
    const absolute = relative === '' ? projectRoot : join(projectRoot, relative);
    const real = realpathSync(absolute);
    if (seen.has(real)) return;
    seen.add(real);
    const below: string[] = [];
    for (const entry of readdirSync(absolute, { withFileTypes: true })) {
      const path = relative === '' ? entry.name : `${relative}/${entry.name}`;
      const isDirectory = entry.isDirectory() || (entry.isSymbolicLink() && isDirectoryAt(join(absolute, entry.name)));
      if (isDirectory) {
        if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
        below.push(entry.name);
        folders.add(path);
        walk(path);
      } else {
        files.push(path);
        if (/\.(ts|tsx|mts|cts)$/.test(entry.name)) texts.set(path, readFileSync(join(absolute, entry.name), 'utf8'));
      }
    }
    subfolders.set(relative, below.sort(compareText));
  };
  walk('');
  const setups = new Map<string, Loaded<CompilerSetup>>();
  const compilerAt = (folder: string): Loaded<CompilerSetup> => {
    const known = setups.get(folder);
    if (known) return known;
    const setup = loaded((): CompilerSetup => {
      const tsconfig = readTsconfig(projectRoot, folder);
      const options = tsconfig?.options ?? {};
      const dir = folder === '' ? projectRoot : join(projectRoot, folder);
      return { tsconfig, defaults: ownCompilerDefaults(options, typescript, typesPackages(dir, options.typeRoots)) };
    });
    setups.set(folder, setup);
    return setup;
  };
  const sorted = files.sort(compareText);
  const listing = { root: projectRoot, files: sorted, folders, subfolders, texts };
  return { ...listing, compiler: compilerAt(''), compilerAt, packages: workspacePackages(listing, readIfFile) };
}

function readIfFile(path: string): string | undefined {
  return existsSync(path) ? readFileSync(path, 'utf8') : undefined;
}

function isFileAt(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

function isDirectoryAt(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** The version of `name` Node would load for the project: the nearest node_modules/<name> up from its root. */
function installedVersion<K extends keyof InstalledVersions>(
  projectRoot: string,
  key: K,
  name: string,
): Pick<InstalledVersions, K> | undefined {
  for (let dir = projectRoot; ; dir = dirname(dir)) {
    const path = join(dir, 'node_modules', name, 'package.json');
    if (existsSync(path)) {
      const version = (JSON.parse(readFileSync(path, 'utf8')) as { version?: unknown }).version;
      return typeof version === 'string' ? ({ [key]: version } as Pick<InstalledVersions, K>) : undefined;
    }
    if (dirname(dir) === dir) return undefined;
  }
}

/** What Node takes `.js` files under this package.json for; an unreadable one says CommonJS. */
function typeOf(manifest: PackageManifest): 'module' | 'commonjs' {
  return manifest.fields?.['type'] === 'module' ? 'module' : 'commonjs';
}

/** The `type` of the nearest package.json above a project root that has none. */
function packageTypeAbove(projectRoot: string): 'module' | 'commonjs' {
  for (let dir = dirname(projectRoot); ; dir = dirname(dir)) {
    const text = readIfFile(join(dir, 'package.json'));
    if (text !== undefined) return typeOf(parsePackageManifest(text));
    if (dirname(dir) === dir) return 'commonjs';
  }
}

/** What TypeScript 5 and older include without `types`: every package in the type roots (node_modules/@types up the tree). */
function typesPackages(projectRoot: string, typeRoots: readonly string[] | undefined): string[] {
  const roots = typeRoots ?? ancestors(projectRoot).map((dir) => join(dir, 'node_modules', '@types'));
  return roots
    .filter((root) => existsSync(root))
    .flatMap((root) =>
      readdirSync(root, { withFileTypes: true })
        .filter((e) => e.isDirectory() || e.isSymbolicLink())
        .map((e) => e.name),
    );
}

function ancestors(dir: string): string[] {
  const parent = dirname(dir);
  return parent === dir ? [dir] : [dir, ...ancestors(parent)];
}
