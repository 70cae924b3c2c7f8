import { existsSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CONFIG_FILE } from '../../src/config/project-config.js';
import { generateInfra } from '../../src/generate.js';
import { MANIFEST_FILE } from '../../src/layout.js';
import { parseManifest } from '../../src/manifest.js';
import { SCHEMA_FILE } from '../../src/migrate/schema-snapshot.js';
import { databaseServers } from '../support/databases.js';
import { EXAMPLES, ProjectBatch, ROOT, copyExample, read, removeCopies, runGen, runTool, suiteRunnerOf } from '../support/projects.js';

const servers = await databaseServers();

afterAll(removeCopies);

/** Each example's copy, once regenerated from scratch, for the one tsc --build below that type-checks them all. */
const regenerated: { example: string; dir: string }[] = [];
/** The copies whose suites run under vitest, run by one vitest below; jest's (wallet) run in their own test. */
const vitestCopies = new ProjectBatch();
/** The copies whose suites run under jest, each in its own jest. */
const jestCopies: { example: string; dir: string; args: string[] }[] = [];

describe.each(EXAMPLES)('examples/$example', ({ example, feature, typeorm }) => {
  const committed = join(ROOT, 'examples', example);
  // Its own runner: jest for a project with a jest config (wallet), else vitest.
  const runner = suiteRunnerOf(readdirSync(committed));
  // Generated once, in memory, for both tests below.
  let generating: ReturnType<typeof generateInfra> | undefined;
  const generated = () => (generating ??= generateInfra({ projectRoot: committed, feature, now: 0 }));

  it('has its generated output committed exactly as gen generates it now', async () => {
    const generation = await generated();

    expect(generation.typeorm.line, `TypeORM line read from ${generation.typeorm.from}`).toBe(typeorm);
    for (const file of generation.files) {
      expect(existsSync(join(committed, file.path)), `${file.path} is not committed: run npm run examples`).toBe(true);
      // The user's part of a repository is created once and then written by hand.
      if (file.owner === 'user') continue;
      expect(read(committed, file.path), `${file.path} differs from a fresh generation: run npm run examples`).toBe(file.content);
    }
  });

  it(`generates from scratch the same bytes (its suites run below, on SQLite, TypeORM ${typeorm})`, async () => {
    const dir = copyExample(example);
    const manifest = parseManifest(read(dir, MANIFEST_FILE), MANIFEST_FILE);
    const generatedPaths = [...Object.keys(manifest.files), MANIFEST_FILE];
    const { layout } = await generated();
    const migrationsDir = join(dir, layout.migrationsDir);
    const history = readdirSync(migrationsDir);
    // Each example was created before gen had a version column, and regenerated once since, which added it.
    expect(
      history.map((file) => file.replace(/^\d+-/, '')),
      'the committed migrations',
    ).toEqual([expect.stringMatching(/^Create/), expect.stringMatching(/^Add(Row)?VersionTo/)]);
    const [created, versioned] = history.map((file) => new Date(Number(file.slice(0, 13))).toISOString());
    const generate = (now: string) => runGen(['infra', feature, '--cwd', dir, '--now', now]);
    const removeGenerated = () => {
      for (const path of generatedPaths) rmSync(join(dir, path), { force: true });
    };
    removeGenerated();

    // A new project: the create migration holds the version column, and leaves the schema the committed ones do.
    const fresh = await generate(created);
    expect(fresh.err).toBe('');
    expect(readdirSync(migrationsDir)).toEqual([history[0]]);
    expect(read(dir, SCHEMA_FILE)).toBe(read(committed, SCHEMA_FILE));
    removeGenerated();

    // The committed history, replayed: created as "concurrency": "none" still generates, then regenerated as configured.
    const config = existsSync(join(dir, CONFIG_FILE)) ? read(dir, CONFIG_FILE) : undefined;
    writeFileSync(join(dir, CONFIG_FILE), JSON.stringify({ ...(config === undefined ? {} : JSON.parse(config)), concurrency: 'none' }));
    const first = await generate(created);
    if (config === undefined) rmSync(join(dir, CONFIG_FILE));
    else writeFileSync(join(dir, CONFIG_FILE), config);
    const second = await generate(versioned);
    for (const run of [first, second]) {
      expect(run.err).toBe('');
      expect(run.code).toBe(0);
    }
    expect(second.out).toContain(`CREATE    ${layout.migrationsDir}/${history[1]}`);
    for (const path of generatedPaths) expect(read(dir, path), path).toBe(read(committed, path));

    regenerated.push({ example, dir });

    if (runner.tool === 'vitest') vitestCopies.add(example, dir);
    else {
      jestCopies.push({ example, dir, args: runner.args });
      const tests = runTool(runner.tool, runner.args, dir);
      expect(tests.status, tests.output).toBe(0);
      expect(tests.output).toMatch(/Tests:?\s+\d+ passed/);
    }

    const again = await runGen(['infra', feature, '--cwd', dir]);
    expect(again.code).toBe(0);
    expect(again.out).toContain('Nothing to change.');
  });
});

// One tsc for every copy above: it parses the lib and @types files once, not once per example (about 40% less CPU).
it('every example generated from scratch type-checks under strict, in one tsc --build', () => {
  expect(
    regenerated.map((r) => r.example),
    'the examples generated from scratch above',
  ).toEqual(EXAMPLES.map((e) => e.example));
  // --force: a build-info file copied along with an example must not let tsc skip it.
  const tsc = runTool('tsc', ['--build', '--force', ...regenerated.map((r) => r.dir)], ROOT, {}, 570_000);
  expect(tsc.output).toBe('');
  expect(tsc.status).toBe(0);
}, 600_000);

// One vitest for the suites of every copy above that runs them under vitest (each under its own config).
it('every example generated from scratch passes its own tests (SQLite), in one vitest run', () => {
  const suites = vitestCopies.runSuites();
  expect([...suites.keys()].sort(), 'the examples run').toEqual(
    EXAMPLES.map((e) => e.example)
      .filter((example) => suiteRunnerOf(readdirSync(join(ROOT, 'examples', example))).tool === 'vitest')
      .sort(),
  );
}, 600_000);

// The same copies on each database server: one vitest for all of them (each test file in a schema or database of its
// own), not one per example, which would start vitest twenty times.
for (const server of servers) {
  it.skipIf(!server.run)(
    `every example passes its generated tests on ${server.name}, in one vitest run`,
    () => {
      expect(server.reachable, `${server.name} is not reachable at ${server.url}, and GEN_REQUIRE_DATABASES is set`).toBe(true);
      const env = { GEN_TEST_DATABASE_URL: server.url };
      expect(vitestCopies.runSuites(env).size + jestCopies.length, 'the examples run').toBe(EXAMPLES.length);
      for (const { example, dir, args } of jestCopies) {
        const tests = runTool('jest', args, dir, env);
        expect(tests.status, `${example}: ${tests.output}`).toBe(0);
        expect(tests.output).toMatch(/Tests:?\s+\d+ passed/);
      }
    },
    900_000,
  );
}
