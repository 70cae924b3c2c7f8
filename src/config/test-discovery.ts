import { posix } from 'node:path';
import picomatch from 'picomatch';
import { jestConfigPath, spreadConfigPaths } from './jest-config.js';
import { manifestFields, type PackageManifest } from './package-manifest.js';
import { loadsTypeScript, mochaOptions } from './mocha-options.js';
import { MOCHA_CONFIG, type TestRunnerName } from './test-runner.js';

/**
 * Which files the project's test runner picks up, as far as its configuration says so in plain literals:
 * jest's `rootDir`, `roots`, `testMatch`, `testRegex` and `testPathIgnorePatterns` (package.json `jest`, jest.config.json,
 * or the literals of jest.config.js/ts), vitest's `test.include` and `test.exclude` (vitest.config.*, vite.config.*;
 * never `coverage`'s), mocha's `spec`, `extension` and `recursive` (.mocharc.*, package.json's `mocha` and the mocha
 * commands of its scripts). Keys it cannot read keep the
 * runner's defaults. Paths are project-relative, POSIX.
 */
export interface TestDiscovery {
  /** Where the rules come from: `package.json (jest)`, `jest.config.js`, `vitest's defaults`. */
  from: string;
  /** Whether the runner would run the test file at `path`. */
  finds(path: string): boolean;
  /** The one configuration entry that makes it find tests in `folder`, for a message. */
  entryFor(folder: string, suffix: string): string;
  /** jest's `rootDir` relative to the project ('' for the project root). */
  rootDir: string;
  /** Why the runner, as configured, cannot run the generated TypeScript tests at all, and what to add. */
  warning?: string;
}

const JEST_DEFAULT_MATCH = ['**/__tests__/**/*.?([mc])[jt]s?(x)', '**/?(*.)+(spec|test).?([mc])[jt]s?(x)'];
const VITEST_DEFAULT_INCLUDE = ['**/*.{test,spec}.?(c|m)[jt]s?(x)'];
const JEST_CONFIG = /^jest\.config\.(js|cjs|mjs|ts|cts|mts|json)$/;
const VITEST_CONFIG = /^(vitest|vite)\.config\.(js|cjs|mjs|ts|cts|mts)$/;

/** Whether a file at the project root may configure the runner's discovery: its text is read when the run starts. */
export function isRunnerConfig(file: string): boolean {
  return JEST_CONFIG.test(file) || VITEST_CONFIG.test(file) || MOCHA_CONFIG.test(file);
}

export function isJestConfig(file: string): boolean {
  return JEST_CONFIG.test(file);
}

/** What discovery reads: package.json, and the runner config files at the project root by name (see isRunnerConfig), in directory order. */
export interface RunnerConfigFiles {
  packageManifest: PackageManifest | undefined;
  runnerConfigs: ReadonlyMap<string, string>;
}

interface JestRules {
  rootDir?: string;
  roots?: string[];
  testMatch?: string[];
  testRegex?: string[];
  testPathIgnorePatterns?: string[];
}

export function testDiscovery(project: RunnerConfigFiles, runner: TestRunnerName): TestDiscovery {
  if (runner === 'mocha') return mochaDiscovery(project);
  return runner === 'jest' ? jestDiscovery(project) : vitestDiscovery(project);
}

/**
 * Mocha runs each spec: a file, a glob (matched as is, whatever its extension) or a folder (its files with one of
 * the `extension`s, and its subfolders' with `recursive`); `./test` when nothing names a spec.
 */
function mochaDiscovery(project: RunnerConfigFiles): TestDiscovery {
  const options = mochaOptions(project.packageManifest, project.runnerConfigs);
  const specs = (options.spec ?? ['./test']).map(trimDot);
  const matchers = specs.map((spec): ((path: string) => boolean) => {
    if (picomatch.scan(spec).isGlob) return picomatch(spec);
    return (path) => {
      if (path === spec) return true;
      if (!path.startsWith(`${spec}/`)) return false;
      const rest = path.slice(spec.length + 1);
      return (options.recursive || !rest.includes('/')) && options.extension.some((ext) => rest.endsWith(`.${ext}`));
    };
  });
  const file = options.sources.find((source) => !source.startsWith('package.json')) ?? options.sources[0] ?? '.mocharc.json';
  return {
    from: options.sources.length > 0 ? options.sources.join(', ') : "mocha's defaults",
    rootDir: '',
    finds: (path) => !path.includes('node_modules/') && matchers.some((match) => match(path)),
    entryFor: (folder, suffix) =>
      `"spec": [${[...(options.spec ?? []), `${folder}/**/*${suffix}`].map((spec) => JSON.stringify(spec)).join(', ')}] (in ${file})`,
    ...optionalWarning(
      !loadsTypeScript(options)
        ? `mocha, as ${options.sources.length > 0 ? options.sources.join(', ') : 'configured'} runs it, loads no TypeScript compiler, so it cannot run the generated .ts tests: add \`"require": ["tsx/cjs"]\` (CommonJS), \`"node-option": ["import=tsx"]\` (ES modules) or \`"require": ["ts-node/register"]\` to ${file}`
        : !dependsOn(project.packageManifest, '@types/mocha')
          ? "package.json does not list @types/mocha, which the generated tests' support module (test-api.ts) type-checks against: add it to devDependencies"
          : undefined,
    ),
  };
}

function optionalWarning(warning: string | undefined): { warning?: string } {
  return warning === undefined ? {} : { warning };
}

function dependsOn(packageManifest: PackageManifest | undefined, name: string): boolean {
  const manifest = manifestFields(packageManifest);
  return ['dependencies', 'devDependencies'].some((field) => name in ((manifest[field] as Record<string, unknown> | undefined) ?? {}));
}

function jestDiscovery(project: RunnerConfigFiles): TestDiscovery {
  const { rules, from, unread } = jestRules(project);
  const rootDir = trimDot(rules.rootDir ?? '');
  const expand = (pattern: string) => trimDot(pattern.replace(/<rootDir>\/?/g, rootDir === '' ? '' : `${rootDir}/`));
  const roots = (rules.roots ?? ['<rootDir>']).map(expand);
  const underRoot = (path: string) => roots.some((root) => root === '' || path === root || path.startsWith(`${root}/`));
  const regexes = rules.testRegex?.map((r) => new RegExp(r));
  const ignored = (rules.testPathIgnorePatterns ?? []).map((r) => new RegExp(expandRootDir(r, rootDir)));
  // jest matches testMatch globs against absolute paths: a leading `**/` or an expanded <rootDir> both work on relative ones.
  const globs = (rules.testMatch ?? JEST_DEFAULT_MATCH).map(expand).map((glob) => picomatch(glob, { dot: true }));
  return {
    from,
    rootDir,
    finds: (path) =>
      underRoot(path) &&
      !path.includes('/node_modules/') &&
      !ignored.some((r) => r.test(`/${path}`)) &&
      (regexes ? regexes.some((r) => r.test(`/${path}`)) : globs.some((match) => match(path))),
    entryFor: (folder, suffix) =>
      `"testMatch": [${(rules.testMatch ?? JEST_DEFAULT_MATCH).map((m) => JSON.stringify(m)).join(', ')}, "<rootDir>/${relativeTo(rootDir, folder)}/**/*${suffix}"]${rules.roots ? ` and "<rootDir>/${relativeTo(rootDir, folder)}" in "roots"` : ''} (in ${from})`,
    ...optionalWarning(
      unread.length > 0
        ? `${unread.join(', ')}: gen cannot read this jest option as a literal, so it placed the generated tests by jest's default for it (${from}, rootDir ${rootDir === '' ? 'the project root' : rootDir}); write the option as a literal string or array there, or add a literal "testMatch" naming the folder of the generated tests, so that gen places them where jest runs them`
        : undefined,
    ),
  };
}

function vitestDiscovery(project: RunnerConfigFiles): TestDiscovery {
  const config = [...project.runnerConfigs.keys()].find((file) => VITEST_CONFIG.test(file));
  // `coverage: { include, exclude }` says what is measured, not what runs.
  const text = config ? withoutBlock(withoutComments(project.runnerConfigs.get(config)!), 'coverage') : '';
  const file = config ?? 'vitest.config.ts';
  const projects = projectList(text);
  if (projects) return vitestProjectsDiscovery(projects, file);
  const include = stringArray(text, 'include') ?? VITEST_DEFAULT_INCLUDE;
  const globs = include.map((glob) => picomatch(trimDot(glob), { dot: true }));
  // `exclude: ['test/**']` beside `include: ['**/*.spec.ts']`: a spec under test/ does not run.
  const excluded = (stringArray(text, 'exclude') ?? []).map((glob) => picomatch(trimDot(glob), { dot: true }));
  return {
    from: config ?? "vitest's defaults",
    rootDir: '',
    finds: (path) => !path.includes('node_modules/') && globs.some((match) => match(path)) && !excluded.some((match) => match(path)),
    entryFor: (folder, suffix) => `test: { include: [${include.map((i) => `'${i}'`).join(', ')}, '${folder}/**/*${suffix}'] } (in ${file})`,
  };
}

/**
 * `test: { workspace: [...] }` (vitest 2-3) or `test: { projects: [...] }` (vitest 3.2+): each inline project runs
 * its own `include`, and the root's `include` runs nothing. A project named by path (`'packages/*'`) has its own
 * config, which is not read: the default include stands for it.
 */
function vitestProjectsDiscovery(projects: { key: string; text: string }, file: string): TestDiscovery {
  // A project without an include (or one named by path) runs vitest's default include.
  const globs = topLevelItems(projects.text)
    .flatMap((item) => (item.startsWith('{') ? (stringArray(item, 'include') ?? VITEST_DEFAULT_INCLUDE) : VITEST_DEFAULT_INCLUDE))
    .map((glob) => picomatch(trimDot(glob), { dot: true }));
  return {
    from: file,
    rootDir: '',
    finds: (path) => !path.includes('node_modules/') && globs.some((match) => match(path)),
    entryFor: (folder, suffix) =>
      `a project { test: { name: 'infrastructure', include: ['${folder}/**/*${suffix}'] } } to test.${projects.key} (in ${file})`,
  };
}

/** The elements of an array literal's text (`[a, { b: [c, d] }]` -> `a`, `{ b: [c, d] }`), split at its own commas. */
function topLevelItems(array: string): string[] {
  const items: string[] = [];
  let depth = 0;
  let from = 1;
  for (let i = 0; i < array.length; i++) {
    const c = array[i];
    if (c === '[' || c === '{' || c === '(') depth++;
    else if (c === ']' || c === '}' || c === ')') depth--;
    if ((c === ',' && depth === 1) || (c === ']' && depth === 0)) {
      items.push(array.slice(from, i).trim());
      from = i + 1;
    }
  }
  return items.filter((item) => item !== '');
}

/** The text of the `workspace: [...]` or `projects: [...]` array (bracket-matched), when the config has one. */
function projectList(text: string): { key: string; text: string } | undefined {
  const start = /\b(workspace|projects)\s*:\s*\[/.exec(text);
  if (!start) return undefined;
  let depth = 0;
  for (let i = start.index + start[0].length - 1; i < text.length; i++) {
    if (text[i] === '[') depth++;
    else if (text[i] === ']' && --depth === 0) return { key: start[1], text: text.slice(start.index + start[0].length - 1, i + 1) };
  }
  return undefined;
}

/**
 * The config `jest --config <path>` names in scripts.test, else package.json's `jest`, else a root jest.config.*.
 * A named config's rootDir is relative to its own folder (its folder when it sets none); a project file it spreads in
 * (`...baseConfig`) gives the keys the config does not set itself.
 */
function jestRules(project: RunnerConfigFiles): { rules: JestRules; from: string; unread: string[] } {
  const named = jestConfigPath(project.packageManifest);
  const jest = manifestFields(project.packageManifest)['jest'];
  const config =
    named !== undefined && project.runnerConfigs.has(named)
      ? named
      : [...project.runnerConfigs.keys()].find((file) => JEST_CONFIG.test(file));
  if (config === undefined || (config !== named && jest && typeof jest === 'object'))
    return jest && typeof jest === 'object'
      ? { rules: fromObject(jest as Record<string, unknown>), from: 'package.json (jest)', unread: [] }
      : { rules: {}, from: "jest's defaults", unread: [] };
  const { rules, unread } = fileRules(config, project.runnerConfigs, new Set());
  // jest resolves rootDir against the config file's folder, and takes that folder when rootDir is not set.
  const rootDir = posix.normalize(posix.join(posix.dirname(config), rules.rootDir ?? '.'));
  return { rules: { ...rules, rootDir: rootDir === '.' ? '' : rootDir }, from: config, unread };
}

const JEST_KEYS = ['rootDir', 'roots', 'testMatch', 'testRegex', 'testPathIgnorePatterns'] as const;

/** One config file's rules, over those of the project files it spreads in; `unread`: `file:line: key` gen cannot read as a literal. */
function fileRules(file: string, configs: ReadonlyMap<string, string>, seen: Set<string>): { rules: JestRules; unread: string[] } {
  seen.add(file);
  // `jest --init` writes every option it leaves at its default as a comment (`// testRegex: [],`): not a setting.
  const text = withoutComments(configs.get(file)!);
  if (file.endsWith('.json')) return { rules: fromObject(JSON.parse(text) as Record<string, unknown>), unread: [] };
  const bases = spreadConfigPaths(file, text, (path) => configs.has(path)).filter((path) => !seen.has(path));
  const inherited = bases.map((base) => fileRules(base, configs, seen));
  const own: JestRules = {};
  const unread: string[] = inherited.flatMap((base) => base.unread);
  for (const key of JEST_KEYS) {
    const value =
      key === 'rootDir'
        ? stringValue(text, key)
        : (stringArray(text, key) ?? (key === 'testRegex' || key === 'testMatch' ? optional(stringValue(text, key)) : undefined));
    if (value !== undefined) Object.assign(own, { [key]: value });
    else {
      const written = new RegExp(`\\b${key}\\b\\s*[:,}\\n]`).exec(text);
      if (written) unread.push(`${file}:${text.slice(0, written.index).split('\n').length}: ${key}`);
    }
  }
  return { rules: Object.assign({}, ...inherited.map((base) => base.rules), own) as JestRules, unread };
}

function fromObject(config: Record<string, unknown>): JestRules {
  const strings = (value: unknown) =>
    typeof value === 'string' ? [value] : Array.isArray(value) && value.every((v) => typeof v === 'string') ? value : undefined;
  const rootDir = typeof config['rootDir'] === 'string' ? config['rootDir'] : undefined;
  const roots = strings(config['roots']);
  const testMatch = strings(config['testMatch']);
  const testRegex = strings(config['testRegex']);
  const testPathIgnorePatterns = strings(config['testPathIgnorePatterns']);
  return {
    ...(rootDir !== undefined && { rootDir }),
    ...(roots && { roots }),
    ...(testMatch && { testMatch }),
    ...(testRegex && { testRegex }),
    ...(testPathIgnorePatterns && { testPathIgnorePatterns }),
  };
}

/** `<rootDir>/dist/` as a pattern on project-relative paths (matched with a leading `/`). */
function expandRootDir(pattern: string, rootDir: string): string {
  return pattern.replace(/<rootDir>\/?/g, rootDir === '' ? '/' : `/${rootDir}/`);
}

/** The text without its comments; string literals are kept whole (a glob's slash and star are not a comment). */
export function withoutComments(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === "'" || c === '"' || c === '`') {
      let j = i + 1;
      while (j < text.length && text[j] !== c) j += text[j] === '\\' ? 2 : 1;
      out += text.slice(i, j + 1);
      i = j;
    } else if (c === '\\') {
      out += text.slice(i, i + 2);
      i++;
    } else if (c === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') i++;
      out += '\n';
    } else if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      // Its line breaks stay, so that a line number counted in the result is the file's.
      out += text.slice(i, end === -1 ? text.length : end + 2).replace(/[^\n]/g, '') || ' ';
      i = end === -1 ? text.length : end + 1;
    } else out += c;
  }
  return out;
}

/** The text without the object literal under `key:` (brace-matched), so that its members are not read as the config's own. */
function withoutBlock(text: string, key: string): string {
  const start = new RegExp(`\\b${key}\\s*:\\s*\\{`).exec(text);
  if (!start) return text;
  let depth = 0;
  for (let i = start.index + start[0].length - 1; i < text.length; i++) {
    if (text[i] === '{') depth++;
    else if (text[i] === '}' && --depth === 0) return text.slice(0, start.index) + text.slice(i + 1);
  }
  return text;
}

/** `key: 'value'` in a config file's text, as a string literal; a regex literal's source for testRegex. */
function stringValue(text: string, key: string): string | undefined {
  const match = new RegExp(
    `\\b${key}\\s*:\\s*(?:'((?:[^'\\\\]|\\\\.)*)'|"((?:[^"\\\\]|\\\\.)*)"|\`([^\`$]*)\`|/((?:[^/\\\\\\n]|\\\\.)+)/[a-z]*)`,
  ).exec(text);
  if (!match) return undefined;
  return match[4] ?? unescape(match[1] ?? match[2] ?? match[3] ?? '');
}

/**
 * `key: ['a', "b"]` in a config file's text; undefined when absent or not all string literals. A comma or a `]`
 * inside a literal is part of it: `['src/{a,b}.test.[jt]s']` is one glob.
 */
function stringArray(text: string, key: string): string[] | undefined {
  const match = new RegExp(`\\b${key}\\s*:\\s*\\[((?:'(?:[^'\\\\]|\\\\.)*'|"(?:[^"\\\\]|\\\\.)*"|[^\\]'"])*)\\]`).exec(text);
  if (!match) return undefined;
  const literal = /\s*(?:'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)"|`([^`$\\]*)`)\s*(?:,|$)/y;
  const literals: string[] = [];
  const body = match[1].trim();
  while (literal.lastIndex < body.length) {
    const item = literal.exec(body);
    if (!item) return undefined;
    literals.push(unescape(item[1] ?? item[2] ?? item[3]));
  }
  return literals;
}

function unescape(literal: string): string {
  return literal.replace(/\\(.)/g, '$1');
}

function optional(value: string | undefined): string[] | undefined {
  return value === undefined ? undefined : [value];
}

function trimDot(path: string): string {
  return path.replace(/^\.\/?/, '').replace(/\/$/, '');
}

function relativeTo(rootDir: string, folder: string): string {
  return rootDir !== '' && folder.startsWith(`${rootDir}/`) ? folder.slice(rootDir.length + 1) : folder;
}
