import { join, posix } from 'node:path';
import picomatch from 'picomatch';
import type { Loaded } from '../errors.js';
import { isFolder, type CompilerSetup, type ProjectSources } from './project-sources.js';
import { TSCONFIG } from './tsconfig-reader.js';
import { matchAlias, pathAliases } from './module-settings-reader.js';

/**
 * Which part of a monorepo a file belongs to. A workspace (npm/yarn `workspaces`, pnpm-workspace.yaml) keeps each
 * package's compiler options, path aliases included, in the package's own tsconfig.json: gen reads a feature with the
 * tsconfig.json of the package holding its domain folder, as tsc and editors do, and places what it generates in that
 * package.
 */

type Listing = Pick<ProjectSources, 'root' | 'files' | 'folders'>;

/**
 * The workspace packages' folders (project-relative, sorted): the folders holding a package.json that the root
 * package.json's `workspaces` (an array, or yarn's `{ packages: [...] }`) or pnpm-workspace.yaml's `packages` match;
 * `!pattern` leaves folders out, as both managers do.
 */
export function workspacePackages(listing: Listing, read: (absolutePath: string) => string | undefined): string[] {
  const patterns = [
    ...npmWorkspaces(read(join(listing.root, 'package.json'))),
    ...pnpmWorkspaces(read(join(listing.root, 'pnpm-workspace.yaml'))),
  ]
    .map((p) => posix.normalize(p.trim()).replace(/^\.\//, '').replace(/\/$/, ''))
    .filter((p) => p !== '' && p !== '.');
  const included = patterns.filter((p) => !p.startsWith('!'));
  if (included.length === 0) return [];
  const matches = picomatch(included);
  const excluded = patterns.filter((p) => p.startsWith('!')).map((p) => p.slice(1));
  const left = excluded.length > 0 ? picomatch(excluded) : () => false;
  const files = new Set(listing.files);
  return [...listing.folders].filter((f) => matches(f) && !left(f) && files.has(`${f}/package.json`)).sort();
}

function npmWorkspaces(text: string | undefined): string[] {
  if (text === undefined) return [];
  try {
    const workspaces = (JSON.parse(text) as { workspaces?: unknown }).workspaces;
    const list = Array.isArray(workspaces) ? workspaces : (workspaces as { packages?: unknown } | undefined)?.packages;
    return Array.isArray(list) ? list.filter((p): p is string => typeof p === 'string') : [];
  } catch {
    // An unreadable package.json is reported by the stage that reads it.
    return [];
  }
}

/** pnpm-workspace.yaml's `packages`: a block list (`- 'packages/*'`, indented or not) or a flow one (`packages: [a, b]`). */
function pnpmWorkspaces(text: string | undefined): string[] {
  if (text === undefined) return [];
  const unquote = (s: string) => s.trim().replace(/^(['"])(.*)\1$/, '$2');
  const lines = text.split(/\r?\n/).map((line) => line.replace(/\s+#.*$/, ''));
  const at = lines.findIndex((line) => /^packages\s*:/.test(line));
  if (at < 0) return [];
  const flow = /^packages\s*:\s*\[(.*)\]\s*$/.exec(lines[at]);
  if (flow)
    return flow[1]
      .split(',')
      .map(unquote)
      .filter((p) => p !== '');
  const found: string[] = [];
  for (const line of lines.slice(at + 1)) {
    if (line.trim() === '' || line.trim().startsWith('#')) continue;
    // Indented or not: YAML lets a block sequence under a mapping key start at the key's own column.
    const item = /^\s*-\s*(.+)$/.exec(line);
    if (!item) break;
    found.push(unquote(item[1]));
  }
  return found;
}

/**
 * The folder of the tsconfig.json of the package holding `path` (project-relative): the nearest at or above it with a
 * package.json beside it (a workspace package, or a package outside `workspaces`); '' for the root's (or none). A
 * tsconfig.json in a folder of a single package (src/modules/tsconfig.json, for an editor or a build step) is not
 * what the project compiles with.
 */
export function tsconfigFolder(project: Pick<ProjectSources, 'files'>, path: string): string {
  const files = fileSet(project.files);
  for (let dir = normalize(path); dir !== ''; dir = parent(dir))
    if (files.has(`${dir}/${TSCONFIG}`) && files.has(`${dir}/package.json`)) return dir;
  return '';
}

/** The tsconfig.json that governs `path`, project-relative: what messages name. */
export function tsconfigPathFor(project: Pick<ProjectSources, 'files'>, path: string): string {
  const folder = tsconfigFolder(project, path);
  return folder === '' ? TSCONFIG : `${folder}/${TSCONFIG}`;
}

/** How the files at `path` compile: the setup of the tsconfig.json nearest above them. */
export function compilerFor(project: ProjectSources, path: string): Loaded<CompilerSetup> {
  const folder = tsconfigFolder(project, path);
  return folder === '' ? project.compiler : project.compilerAt(folder);
}

/**
 * The package `path` is in (project-relative; '' for the root): the innermost workspace package holding it, else
 * the folder of its nearest tsconfig.json when a package.json sits beside it (a package outside `workspaces`).
 */
export function packageFolder(project: Pick<ProjectSources, 'files' | 'packages'>, path: string): string {
  const normalized = normalize(path);
  const within = project.packages.filter((p) => normalized === p || normalized.startsWith(`${p}/`));
  if (within.length > 0) return within.reduce((a, b) => (b.length > a.length ? b : a));
  return tsconfigFolder(project, normalized);
}

/**
 * Where the code of the package holding `path` lives: its `src/` when it has one, else its folder; at the root,
 * `src/` when there is one, else '.'.
 */
export function packageSourceRoot(project: Pick<ProjectSources, 'files' | 'packages' | 'folders'>, path: string): string {
  const folder = packageFolder(project, path);
  const src = folder === '' ? 'src' : `${folder}/src`;
  if (project.folders.has(src)) return src;
  return folder === '' ? '.' : folder;
}

/** The folders ports are looked for in: the root's source root, and every workspace package outside it. */
export function sourceRoots(project: ProjectSources): string[] {
  const root = isFolder(project, 'src') ? 'src' : '.';
  if (root === '.') return ['.'];
  return [root, ...project.packages.filter((p) => p !== root && !p.startsWith(`${root}/`))];
}

/**
 * Where an import through a path alias of the tsconfig.json governing `file` may point (project-relative, without
 * extension): the alias's targets with the wildcard filled, in the order TypeScript tries them. None for a specifier
 * no alias matches, or when that tsconfig cannot be read (the stage that needs it reports it).
 */
export function aliasedPaths(project: ProjectSources, file: string, specifier: string): string[] {
  const setup = compilerFor(project, posix.dirname(file));
  if ('error' in setup || !setup.value.tsconfig) return [];
  const alias = matchAlias(specifier, pathAliases(project.root, setup.value.tsconfig.options));
  if (!alias) return [];
  const star = alias.pattern.indexOf('*');
  const filled = star < 0 ? '' : specifier.slice(star, specifier.length - (alias.pattern.length - star - 1));
  return alias.targets.map((target) => posix.normalize(target.replace('*', filled)).replace(/\.(js|ts)$/, ''));
}

const sets = new WeakMap<readonly string[], Set<string>>();

function fileSet(files: readonly string[]): Set<string> {
  let set = sets.get(files);
  if (!set) {
    set = new Set(files);
    sets.set(files, set);
  }
  return set;
}

function parent(dir: string): string {
  const up = posix.dirname(dir);
  return up === '.' ? '' : up;
}

function normalize(path: string): string {
  const p = posix.normalize(path.split('\\').join('/')).replace(/\/$/, '');
  return p === '.' ? '' : p.replace(/^\.\//, '');
}
