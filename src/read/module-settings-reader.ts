import { join, relative } from 'node:path';
import { ts } from 'ts-morph';
import { compareText } from '../compare.js';
import { GenError, need } from '../errors.js';
import { DEFAULT_MODULE_SETTINGS, type ModuleSettings, type PathAlias } from '../model/module-settings.js';
import { toPosix } from '../paths.js';
import { isFolder, type ProjectSources } from './project-sources.js';
import { TSCONFIG } from './tsconfig-reader.js';

/** What the module settings are read from: the project's sources and the `type` of its nearest package.json. */
export interface ModuleFacts extends ProjectSources {
  packageType: 'module' | 'commonjs';
}

/**
 * How the project's modules import each other, read from its tsconfig as tsc reads it (see readTsconfig) and with
 * TypeScript's module resolution (which looks at the disk: this runs when the run starts, in src/project-context.ts).
 * `ignore` leaves out project files whose imports say nothing about the project's habits (gen's own output).
 */
export function readModuleSettings(project: ModuleFacts, ignore: (path: string) => boolean = () => false): ModuleSettings {
  const options = need(project.compiler).tsconfig;
  if (!options) return DEFAULT_MODULE_SETTINGS;
  const resolution = moduleResolution(options.options);
  const nodeResolution = resolution === ts.ModuleResolutionKind.Node16 || resolution === ts.ModuleResolutionKind.NodeNext;
  const esm = project.packageType === 'module';
  const aliases = pathAliases(project.root, options.options);
  return {
    tsconfig: TSCONFIG,
    // Node's ESM loader needs the file's extension; TypeScript maps `./x.js` to `./x.ts`. CommonJS and bundlers do not.
    extension: nodeResolution && esm ? '.js' : '',
    description: describe(resolution, esm),
    aliases,
    usedAliases: usedAliases(project, options, aliases, ignore),
  };
}

/** What tsc resolves with: `moduleResolution`, else what `module` implies (TypeScript's own rule where it exposes it). */
function moduleResolution(options: ts.CompilerOptions): ts.ModuleResolutionKind {
  const internal = ts as unknown as {
    getEmitModuleResolutionKind?: (o: ts.CompilerOptions) => ts.ModuleResolutionKind;
  };
  if (internal.getEmitModuleResolutionKind) return internal.getEmitModuleResolutionKind(options);
  if (options.moduleResolution !== undefined) return options.moduleResolution;
  const module = options.module ?? ts.ModuleKind.CommonJS;
  if (module >= ts.ModuleKind.Node16 && module <= ts.ModuleKind.Node20) return ts.ModuleResolutionKind.Node16;
  if (module === ts.ModuleKind.NodeNext) return ts.ModuleResolutionKind.NodeNext;
  return ts.ModuleResolutionKind.Bundler;
}

function describe(resolution: ts.ModuleResolutionKind, esm: boolean): string {
  switch (resolution) {
    case ts.ModuleResolutionKind.Node16:
    case ts.ModuleResolutionKind.NodeNext:
      return `${esm ? 'ESM' : 'CommonJS'} (${ts.ModuleResolutionKind[resolution]} resolution)`;
    case ts.ModuleResolutionKind.Bundler:
      return 'bundler resolution';
    default:
      return 'CommonJS (node10 resolution)';
  }
}

/** `paths`, its targets made project-relative: TypeScript resolves them from `baseUrl`, else from the tsconfig that declares them. */
export function pathAliases(projectRoot: string, options: ts.CompilerOptions): PathAlias[] {
  const paths = options.paths ?? {};
  const base = options.baseUrl ?? (options['pathsBasePath'] as string | undefined) ?? projectRoot;
  return Object.entries(paths).map(([pattern, targets]) => ({
    pattern,
    targets: targets.map((target) => toPosix(relative(projectRoot, join(base, target)))),
  }));
}

/** The alias pattern a specifier matches, as TypeScript chooses it: an exact key, else the wildcard with the longest prefix. */
export function matchAlias(specifier: string, aliases: readonly PathAlias[]): PathAlias | undefined {
  const exact = aliases.find((a) => !a.pattern.includes('*') && a.pattern === specifier);
  if (exact) return exact;
  let best: PathAlias | undefined;
  for (const alias of aliases) {
    const star = alias.pattern.indexOf('*');
    if (star < 0) continue;
    const prefix = alias.pattern.slice(0, star);
    const suffix = alias.pattern.slice(star + 1);
    if (specifier.length < prefix.length + suffix.length || !specifier.startsWith(prefix) || !specifier.endsWith(suffix)) continue;
    if (!best || prefix.length > best.pattern.indexOf('*')) best = alias;
  }
  return best;
}

/** Whether a folder that the alias points into exists (`src/modules` for `@modules/*` -> `src/modules/*`). */
function aliasFolderExists(project: ProjectSources, alias: PathAlias): boolean {
  return alias.targets.some((target) => {
    const star = target.indexOf('*');
    return star >= 0 && isFolder(project, target.slice(0, star));
  });
}

/**
 * The aliases the project's files import through, most used first. An import through an alias that does not
 * resolve into a folder that does not exist stops generation: gen would write imports that cannot resolve either.
 */
function usedAliases(
  project: ProjectSources,
  parsed: ts.ParsedCommandLine,
  aliases: readonly PathAlias[],
  ignore: (path: string) => boolean,
): string[] {
  if (aliases.length === 0) return [];
  const projectRoot = project.root;
  const counts = new Map<string, number>();
  const cache = ts.createModuleResolutionCache(projectRoot, (f) => f, parsed.options);
  const files = parsed.fileNames
    .map((file) => ({ file, path: toPosix(relative(projectRoot, file)) }))
    .filter(
      ({ file, path }) =>
        /\.[cm]?tsx?$/.test(file) &&
        !/\.d\.[cm]?ts$/.test(file) &&
        !path.startsWith('..') &&
        !path.split('/').includes('node_modules') &&
        !ignore(path),
    )
    .sort((a, b) => compareText(a.path, b.path));
  for (const { file, path } of files) {
    // Files in dot-folders are not listed (tsc's wildcards skip them too).
    const text = project.texts.get(path);
    if (text === undefined) continue;
    for (const imported of ts.preProcessFile(text, true, true).importedFiles) {
      const specifier = imported.fileName;
      if (specifier.startsWith('.')) continue;
      const alias = matchAlias(specifier, aliases);
      if (!alias) continue;
      const resolved = ts.resolveModuleName(specifier, file, parsed.options, ts.sys, cache).resolvedModule;
      if (resolved?.isExternalLibraryImport) continue; // a catch-all alias (`*`) that found a package
      // A missing file under an alias whose folder exists may be one gen is about to write (a hand-written test of
      // the generated repository, before the first generation): the alias itself is sound.
      if (!resolved && !aliasFolderExists(project, alias)) {
        const line = text.slice(0, imported.pos).split('\n').length;
        throw new GenError(
          `'${specifier}' does not resolve: tsconfig.json maps '${alias.pattern}' to ${alias.targets.map((t) => `'${t}'`).join(', ')}, and no file is there`,
          { file: path, line },
          `Point '${alias.pattern}' in the "paths" of tsconfig.json at the folder that holds the file (relative to ${parsed.options.baseUrl !== undefined ? 'its baseUrl' : 'tsconfig.json'}), or fix the import.`,
        );
      }
      counts.set(alias.pattern, (counts.get(alias.pattern) ?? 0) + 1);
    }
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || compareText(a[0], b[0])).map(([pattern]) => pattern);
}
