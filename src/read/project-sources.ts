import { posix } from 'node:path';
import picomatch from 'picomatch';
import type { ts } from 'ts-morph';
import { compareText } from '../compare.js';
import { GenError, type Loaded } from '../errors.js';

/**
 * The project's files as one run sees them, listed once at its start (see src/project-context.ts): every file and
 * folder under the root but node_modules and dot-folders, and the text of every `.ts` file. The locator globs and
 * reads this listing, and ts-morph is given these texts, so no reader goes back to the disk for the project's own files.
 * Paths are project-relative, POSIX.
 */
export interface ProjectSources {
  /** Absolute path of the project root. */
  root: string;
  /** Every file, sorted. */
  files: readonly string[];
  /** Every folder ('' is the root's own entry in `subfolders`, not a member). */
  folders: ReadonlySet<string>;
  /** Folder -> the names of its subfolders, sorted. */
  subfolders: ReadonlyMap<string, readonly string[]>;
  /** The text of every TypeScript file (`.ts`, `.d.ts`, `.tsx`, `.mts`, `.cts`). */
  texts: ReadonlyMap<string, string>;
  /** How the project compiles: what ts-morph projects are created with (the root's tsconfig.json). */
  compiler: Loaded<CompilerSetup>;
  /**
   * The setup of the tsconfig.json in a project folder ('' is the root's, `compiler`): a workspace package's own,
   * with its `extends` and `paths`. Read once per folder; see package-scope.ts for which folder governs a file.
   */
  compilerAt: (folder: string) => Loaded<CompilerSetup>;
  /**
   * The workspace packages' folders, sorted: what package.json `workspaces` (npm, yarn) or pnpm-workspace.yaml
   * `packages` match among the project's folders that hold a package.json. None outside a monorepo.
   */
  packages: readonly string[];
}

/** The project's tsconfig.json as tsc reads it (undefined without one), and its own TypeScript's defaults (see compiler-defaults.ts). */
export interface CompilerSetup {
  tsconfig: ts.ParsedCommandLine | undefined;
  defaults: ts.CompilerOptions;
}

export interface GlobOptions {
  /** A folder the patterns and the results are relative to. */
  cwd?: string;
  ignore?: readonly string[];
  onlyDirectories?: boolean;
}

/**
 * tinyglobby's answer for a pattern on this listing (the locator's globs were tinyglobby's): paths relative to
 * `cwd`, sorted; dot-files left out unless named; a pattern also matches what is under what it names
 * (tinyglobby's `expandDirectories`).
 */
export function globTree(tree: ProjectSources, patterns: readonly string[], options: GlobOptions = {}): string[] {
  const cwd = normalize(options.cwd ?? '');
  const prefix = cwd === '' ? '' : `${cwd}/`;
  const matches = picomatch(patterns.map(expanded), { dot: false });
  const ignored = options.ignore && options.ignore.length > 0 ? picomatch(options.ignore.map(expanded), { dot: true }) : () => false;
  const candidates = options.onlyDirectories ? [...tree.folders] : tree.files;
  return candidates
    .filter((path) => path.startsWith(prefix))
    .map((path) => path.slice(prefix.length))
    .filter((path) => path !== '' && matches(path) && !ignored(path))
    .sort(compareText);
}

/** Whether the project has a folder at `path` (project-relative). */
export function isFolder(tree: ProjectSources, path: string): boolean {
  const normalized = normalize(path);
  return normalized === '' || tree.folders.has(normalized);
}

/** Whether the project has a file or a folder at `path`. */
export function exists(tree: ProjectSources, path: string): boolean {
  const normalized = normalize(path);
  return isFolder(tree, normalized) || tree.texts.has(normalized) || tree.files.includes(normalized);
}

/** The folder names under `path` (project-relative), sorted; none when it is no folder. */
export function subfoldersOf(tree: ProjectSources, path: string): readonly string[] {
  return tree.subfolders.get(normalize(path)) ?? [];
}

/** The text of a `.ts` file of the listing. */
export function textOf(tree: ProjectSources, path: string): string {
  const text = tree.texts.get(normalize(path));
  if (text === undefined)
    throw new GenError(`${path}: gen did not find this file when the run started`, undefined, 'Run gen again once the file is in place.');
  return text;
}

/** `src/domain` -> `src/domain/**`, which picomatch also matches `src/domain` itself with; `src/*` stays. */
function expanded(pattern: string): string {
  const path = normalize(pattern);
  return path.endsWith('*') ? path : `${path}/**`;
}

/** `./src//domain/` -> `src/domain`. */
function normalize(path: string): string {
  const posixPath = posix.normalize(path.split('\\').join('/'));
  return posixPath === '.' ? '' : posixPath.replace(/^\.\//, '').replace(/\/$/, '');
}
