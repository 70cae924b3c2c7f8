import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateInfra } from '../../src/generate.js';
import { MANIFEST_FILE } from '../../src/layout.js';
import { parseManifest } from '../../src/manifest.js';
import { REQUIRE_DATABASES, databaseServers } from '../support/databases.js';
import { EXAMPLES, ROOT, copyExample, read, removeCopies, runGen, runTool, suiteRunnerOf } from '../support/projects.js';

const servers = await databaseServers();

afterAll(removeCopies);

describe.each(EXAMPLES)('examples/$example', ({ example, feature, typeorm }) => {
  const committed = join(ROOT, 'examples', example);
  // Its own runner: jest for a project with a jest config (wallet), else vitest.
  const runner = suiteRunnerOf(readdirSync(committed));

  it('has its generated output committed exactly as gen generates it now', async () => {
    const generation = await generateInfra({ projectRoot: committed, feature, now: 0 });

    expect(generation.typeorm.line, `TypeORM line read from ${generation.typeorm.from}`).toBe(typeorm);
    for (const file of generation.files) {
      expect(existsSync(join(committed, file.path)), `${file.path} is not committed: run npm run examples`).toBe(true);
      // The user's part of a repository is created once and then written by hand.
      if (file.owner === 'user') continue;
      expect(read(committed, file.path), `${file.path} differs from a fresh generation: run npm run examples`).toBe(file.content);
    }
  });

  it(`generates from scratch the same bytes, which type-check under strict and pass their own tests (SQLite, TypeORM ${typeorm})`, async () => {
    const dir = copyExample(example);
    const manifest = parseManifest(read(dir, MANIFEST_FILE), MANIFEST_FILE);
    const generatedPaths = [...Object.keys(manifest.files), MANIFEST_FILE];
    const { layout } = await generateInfra({ projectRoot: committed, feature, now: 0 });
    const migrationsDir = join(dir, layout.migrationsDir);
    const timestamp = Number(readdirSync(migrationsDir)[0]!.slice(0, 13));
    for (const path of generatedPaths) rmSync(join(dir, path));

    const first = await runGen(['infra', feature, '--cwd', dir, '--now', new Date(timestamp).toISOString()]);
    expect(first.err).toBe('');
    expect(first.code).toBe(0);
    for (const path of generatedPaths) expect(read(dir, path), path).toBe(read(committed, path));

    const tsc = runTool('tsc', ['-p', 'tsconfig.json', '--noEmit'], dir);
    expect(tsc.output).toBe('');
    expect(tsc.status).toBe(0);

    const tests = runTool(runner.tool, runner.args, dir);
    expect(tests.status, tests.output).toBe(0);
    expect(tests.output).toMatch(/Tests:?\s+\d+ passed/);

    const again = await runGen(['infra', feature, '--cwd', dir]);
    expect(again.code).toBe(0);
    expect(again.out).toContain('Nothing to change.');
  });

  // The committed output is what gen generates (above), so its suite runs as committed.
  for (const server of servers) {
    it.skipIf(!server.reachable && !REQUIRE_DATABASES)(`passes its generated tests on ${server.name} (TypeORM ${typeorm})`, () => {
      expect(server.reachable, `${server.name} is not reachable at ${server.url}, and GEN_REQUIRE_DATABASES is set`).toBe(true);
      const tests = runTool(runner.tool, runner.args, copyExample(example), { GEN_TEST_DATABASE_URL: server.url });
      expect(tests.status, tests.output).toBe(0);
      expect(tests.output).toMatch(/Tests:?\s+\d+ passed/);
    });
  }
});
