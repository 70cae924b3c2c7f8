import { spawnSync } from 'node:child_process';
import {
  appendFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { expect } from 'vitest';
import { main, type Io } from '../../src/cli.js';
import { packageRoot } from '../../src/paths.js';
import { cpuMilliseconds } from './cpu.js';

export const ROOT = packageRoot();

/** The examples, their features and the TypeORM line each is pinned to (library has its own node_modules: TypeORM 1.x, better-sqlite3; forum is in the repos layout, detected; wallet is tested with jest; playlists has no experimentalDecorators, so EntitySchemas). */
export const EXAMPLES = [
  { example: 'shop', feature: 'ordering', typeorm: '0.3' },
  { example: 'education', feature: 'education', typeorm: '0.3' },
  { example: 'ruleset', feature: 'ruleset', typeorm: '0.3' },
  { example: 'library', feature: 'lending', typeorm: '1' },
  { example: 'catalog', feature: 'catalog', typeorm: '0.3' },
  { example: 'forum', feature: 'forum', typeorm: '0.3' },
  { example: 'courses', feature: 'courses', typeorm: '0.3' },
  { example: 'wallet', feature: 'wallet', typeorm: '0.3' },
  { example: 'playlists', feature: 'playlist', typeorm: '0.3' },
  { example: 'registrations', feature: 'registrations', typeorm: '0.3' },
] as const;

/** The example whose node_modules hold TypeORM 1.x, for projects that must run on it. */
export const TYPEORM_1_EXAMPLE = 'library';

const copies: string[] = [];

/**
 * A temporary copy of an example, inside the example's own `.tmp/` (git-ignored): Node resolves packages from
 * the example's node_modules first (TypeORM 1.x for library), then from this repository's.
 */
export function copyExample(example: string): string {
  const home = join(ROOT, 'examples', example);
  const dir = temporaryDir(example);
  // Entry by entry: cpSync refuses to copy a folder into its own subfolder.
  for (const entry of readdirSync(home).filter((name) => name !== '.tmp' && name !== 'node_modules')) {
    cpSync(join(home, entry), join(dir, entry), { recursive: true });
  }
  return dir;
}

/** An empty folder inside an example's `.tmp/`, removed by removeCopies(). */
export function temporaryDir(example: string): string {
  const parent = join(ROOT, 'examples', example, '.tmp');
  mkdirSync(parent, { recursive: true });
  const dir = mkdtempSync(join(parent, 'copy-'));
  copies.push(dir);
  return dir;
}

export function removeCopies(): void {
  for (const dir of copies.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** What the README promises the generated code compiles under, whatever the module system. */
export const STRICT_COMPILER_OPTIONS = {
  target: 'ES2022',
  strict: true,
  exactOptionalPropertyTypes: true,
  noUncheckedIndexedAccess: true,
  experimentalDecorators: true,
  emitDecoratorMetadata: true,
  skipLibCheck: true,
  noEmit: true,
  noUnusedLocals: true,
  noUnusedParameters: true,
  types: ['node'],
};

const STRICT_TSCONFIG = {
  compilerOptions: { ...STRICT_COMPILER_OPTIONS, module: 'ESNext', moduleResolution: 'bundler' },
  include: ['src', 'tests'],
};

/**
 * The same options without the DOM lib (which target ES2022 alone brings in) and without @types/node, for a project
 * gen only reads: its reader type-checks the domain against every declaration the tsconfig names, and those two are
 * most of them (about 1 s of CPU per read with them, 0.2 s without). Generated code needs both to compile and run.
 */
const READ_ONLY_TSCONFIG = {
  compilerOptions: { ...STRICT_TSCONFIG.compilerOptions, lib: ['ES2022'], types: [] },
  include: STRICT_TSCONFIG.include,
};

/**
 * A temporary project made of the given files (paths relative to its root), with a strict tsconfig unless given one:
 * with `compiled`, one under which the generated code compiles and runs (tsc, the generated suites); without, a
 * quicker one to read (see READ_ONLY_TSCONFIG).
 * On TypeORM 1.x it lives inside that example's `.tmp/`, to resolve its packages; otherwise in the system's temp folder.
 */
export function writeProject(files: Record<string, string>, options: { typeorm?: '0.3' | '1'; compiled?: boolean } = {}): string {
  const onTypeOrm1 = options.typeorm === '1';
  const dir = onTypeOrm1 ? temporaryDir(TYPEORM_1_EXAMPLE) : mkdtempSync(join(tmpdir(), 'gen-fixture-'));
  const all = { 'tsconfig.json': JSON.stringify(options.compiled ? STRICT_TSCONFIG : READ_ONLY_TSCONFIG, null, 2), ...files };
  for (const [path, content] of Object.entries(all)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  if (!onTypeOrm1) symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
  return dir;
}

export function read(dir: string, path: string): string {
  return readFileSync(join(dir, path), 'utf8');
}

export interface CliRun {
  code: number;
  out: string;
  err: string;
}

/** Runs the CLI in-process with captured output. */
export async function runGen(args: string[]): Promise<CliRun> {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = { out: (t) => out.push(t), err: (t) => err.push(t), color: false };
  const code = await main(args, io);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** With GEN_TEST_SPAWN_LOG set to a file, runTool appends one line per run there: the tool, its arguments, its CPU and wall time in ms. */
const spawnLog = process.env['GEN_TEST_SPAWN_LOG'];

/** Runs one of this repository's installed tools (tsc, vitest, jest, mocha) in `cwd`, outside the current vitest. */
export function runTool(
  tool: 'tsc' | 'vitest' | 'jest' | 'mocha',
  args: string[],
  cwd: string,
  extraEnv: Record<string, string> = {},
  timeout = 170_000,
): { status: number | null; output: string } {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !key.startsWith('VITEST') && key !== 'NODE_ENV' && key !== 'GEN_TEST_DATABASE_URL'),
  );
  const before = spawnLog === undefined ? 0 : cpuMilliseconds().children;
  const started = Date.now();
  const result = spawnSync(join(ROOT, 'node_modules', '.bin', tool), args, {
    cwd,
    env: { ...env, NO_COLOR: '1', ...extraEnv },
    encoding: 'utf8',
    timeout,
  });
  if (spawnLog !== undefined) {
    const cpu = cpuMilliseconds().children - before;
    const line = { file: expect.getState().testPath, test: expect.getState().currentTestName, tool, args, cpu, wall: Date.now() - started };
    appendFileSync(spawnLog, `${JSON.stringify(line)}\n`);
  }
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

const VITEST_CONFIG =
  "import { defineConfig } from 'vitest/config';\nexport default defineConfig({ test: { include: ['tests/**/*.test.ts'] } });\n";

type SuiteRunner = { tool: 'vitest' | 'jest' | 'mocha'; args: string[] };

/** The runner a project's generated suites run under, from the paths at its root: jest or mocha when it brings its own config, else vitest. */
export function suiteRunnerOf(paths: readonly string[]): SuiteRunner {
  if (paths.some((path) => /^jest\.config\./.test(path))) return { tool: 'jest', args: [] };
  if (paths.some((path) => /^\.mocharc\./.test(path))) return { tool: 'mocha', args: [] };
  return { tool: 'vitest', args: ['run'] };
}

/**
 * The runner a fixture's generated suites run under (see suiteRunnerOf); a `jest` section in its package.json counts as
 * a jest config, a `jest …` test script jest run with its arguments, and a `mocha …` test script as mocha's, run with that script's arguments.
 */
export function suiteRunner(files: Record<string, string>): SuiteRunner {
  const manifest =
    files['package.json'] === undefined ? {} : (JSON.parse(files['package.json']) as { jest?: unknown; scripts?: { test?: string } });
  if (manifest.jest !== undefined) return { tool: 'jest', args: [] };
  // `jest --config test/config/jest-unit.config.js`: the config the script names, not a root one.
  if (/^jest\s/.test(manifest.scripts?.test ?? '')) return { tool: 'jest', args: (manifest.scripts?.test ?? '').split(/\s+/).slice(1) };
  const script = /^mocha(\s|$)/.test(manifest.scripts?.test ?? '') ? manifest.scripts?.test : undefined;
  if (script !== undefined)
    return { tool: 'mocha', args: (script.match(/'[^']*'|\S+/g) ?? []).slice(1).map((arg) => arg.replace(/^'(.*)'$/, '$1')) };
  return suiteRunnerOf(Object.keys(files));
}

/**
 * Writes a project of the given domain files (with a vitest config unless it brings its own, or another runner's) and
 * runs `gen infra` on it, asserting that gen succeeded with no more than warnings; returns the project's folder.
 */
export async function generateProject(
  files: Record<string, string>,
  feature: string,
  options: { typeorm?: '0.3' | '1' } = {},
): Promise<string> {
  // A project's own vitest config (path aliases, say) wins over the default one.
  const dir = writeProject(suiteRunner(files).tool === 'vitest' ? { 'vitest.config.ts': VITEST_CONFIG, ...files } : files, {
    ...options,
    compiled: true,
  });
  const run = await runGen(['infra', feature, '--cwd', dir, '--now', '2024-06-01T00:00:00Z']);
  // Warnings about the plan method's prerequisites are expected: these fixtures have no use cases or plans.
  expect(run.err.split('\n').filter((line) => line !== '' && !line.startsWith('gen: warning:'))).toEqual([]);
  expect(run.code).toBe(0);
  return dir;
}

/** Runs a generated project's suites with its own runner (see suiteRunner), asserting they passed; returns their output. */
export function runProjectSuites(files: Record<string, string>, dir: string, env: Record<string, string> = {}): string {
  const runner = suiteRunner(files);
  const tests = runTool(runner.tool, runner.args, dir, env);
  expect(tests.status, tests.output).toBe(0);
  expect(tests.output).toMatch(runner.tool === 'mocha' ? /\d+ passing/ : /Tests:?\s+\d+ passed/);
  return tests.output;
}

/**
 * Writes a project of the given domain files, runs `gen infra` on it, type-checks the result and runs the
 * generated suites with the project's runner, asserting each step; returns the suites' output so a test can check what ran.
 */
export async function generateAndRun(
  files: Record<string, string>,
  feature: string,
  options: { typeorm?: '0.3' | '1' } = {},
): Promise<{ dir: string; output: string }> {
  const dir = await generateProject(files, feature, options);
  const tsc = runTool('tsc', ['-p', 'tsconfig.json', '--noEmit'], dir);
  expect(tsc.output).toBe('');
  return { dir, output: runProjectSuites(files, dir) };
}

/**
 * What one project's suites did in a ProjectBatch's vitest run: its test files (relative paths), how many tests each
 * file holds, and its tests passed, skipped and todo.
 */
export interface BatchedSuites {
  files: string[];
  tests: Record<string, number>;
  passed: number;
  skipped: number;
  todo: number;
}

/**
 * Projects a test file generates and compiles, type-checked by one `tsc --build` and their generated vitest suites run
 * by one vitest, instead of one tsc and one vitest per project: each run parses the lib, @types and TypeORM
 * declarations and starts vitest anew, which is most of a small project's cost.
 */
export class ProjectBatch {
  private readonly projects: { name: string; dir: string }[] = [];

  /** Adds a project already written and generated (see writeProject with `compiled`); its vitest config must include its suites. */
  add(name: string, dir: string): string {
    expect(
      this.projects.map((p) => p.name),
      'project names in a batch',
    ).not.toContain(name);
    this.projects.push({ name, dir });
    return dir;
  }

  /**
   * Writes a project of the given domain files and runs `gen infra` on it, asserting as generateAndRun does; the type
   * check and the suites wait for check(). Vitest projects only: jest runs its own.
   */
  async generate(name: string, files: Record<string, string>, feature: string, options: { typeorm?: '0.3' | '1' } = {}): Promise<string> {
    expect(suiteRunner(files).tool, `${name} runs its suites under vitest`).toBe('vitest');
    return this.add(name, await generateProject(files, feature, options));
  }

  /** Every project so far type-checks (tsc's own output must be empty) under its own tsconfig, in one tsc --build. */
  typecheck(): void {
    expect(this.projects.length, 'projects in the batch').toBeGreaterThan(0);
    // --noEmit: a project whose tsconfig emits must not get .js files beside its sources (vitest would import them).
    const tsc = runTool('tsc', ['--build', '--force', '--noEmit', ...this.projects.map((p) => p.dir)], ROOT, {}, 870_000);
    expect(tsc.output).toBe('');
    expect(tsc.status).toBe(0);
  }

  /**
   * Runs every project's vitest suites in one vitest (each project under its own config), asserts that every test file
   * of every project passed and that each project passed at least one test, and returns what each project ran, by name.
   * `env` (a GEN_TEST_DATABASE_URL) and `only` (project names) run them on a database server: each test file there
   * works in a schema or database of its own.
   */
  runSuites(env: Record<string, string> = {}, only?: readonly string[]): Map<string, BatchedSuites> {
    const chosen = only === undefined ? this.projects : this.projects.filter((p) => only.includes(p.name));
    expect(chosen.length, 'projects to run').toBe(only?.length ?? this.projects.length);
    expect(chosen.length, 'projects to run').toBeGreaterThan(0);
    const home = mkdtempSync(join(tmpdir(), 'gen-batch-'));
    const projects = chosen.map(({ name, dir }) => {
      const config = ['ts', 'mts', 'js', 'mjs'].map((ext) => join(dir, `vitest.config.${ext}`)).find((path) => existsSync(path));
      expect(config, `${name}: its vitest config`).toBeDefined();
      return { extends: config, root: dir, test: { name, root: dir } };
    });
    writeFileSync(join(home, 'vitest.config.mjs'), `export default ${JSON.stringify({ test: { projects } }, null, 2)};\n`);
    const report = join(home, 'report.json');
    const run = runTool('vitest', ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`], home, env, 870_000);
    expect(run.status, run.output).toBe(0);
    const results = JSON.parse(readFileSync(report, 'utf8')) as {
      testResults: { name: string; status: string; assertionResults: { status: string }[] }[];
    };
    const byProject = new Map<string, BatchedSuites>();
    for (const { name, dir } of chosen) {
      const files = results.testResults.filter((file) => file.name.startsWith(`${dir}/`));
      expect(files.length, `${name}: test files run`).toBeGreaterThan(0);
      for (const file of files) expect(file.status, `${name}: ${file.name}\n${run.output}`).toBe('passed');
      const tests = files.flatMap((file) => file.assertionResults);
      const relative = (file: { name: string }) => file.name.slice(dir.length + 1);
      const suites = {
        files: files.map(relative).sort(),
        tests: Object.fromEntries(files.map((file) => [relative(file), file.assertionResults.length])),
        passed: tests.filter((test) => test.status === 'passed').length,
        skipped: tests.filter((test) => test.status === 'skipped' || test.status === 'pending').length,
        todo: tests.filter((test) => test.status === 'todo').length,
      };
      expect(suites.passed, `${name}: tests passed`).toBeGreaterThan(0);
      byProject.set(name, suites);
    }
    rmSync(home, { recursive: true, force: true });
    return byProject;
  }
}
