import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  LEDGER_UNDER_SRC_ON_JEST,
  MEMBERSHIP_ON_JEST,
  MEMBERSHIP_ON_NAMED_JEST_CONFIG,
  MEMBERSHIP_ON_NEST_JEST,
} from '../fixtures/base-classes.js';
import { USERS_ON_JEST } from '../fixtures/record-aggregates.js';
import { databaseServers } from '../support/databases.js';
import { ProjectBatch, generateProject, runProjectSuites, runTool } from '../support/projects.js';

const servers = await databaseServers();

function filesUnder(dir: string, mayBeAbsent = false): string[] {
  if (mayBeAbsent && !existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

/**
 * Every project below, type-checked by one tsc --build at the end (each under its own tsconfig) rather than one tsc
 * each; jest runs each project's suites itself, under the project's own config.
 */
const typechecked = new ProjectBatch();

/** Generates a project of the fixture and runs its suites under its own jest (asserting they passed); its type check waits for the end. */
async function generateAndTest(name: string, files: Record<string, string>, feature: string): Promise<{ dir: string; output: string }> {
  const dir = typechecked.add(name, await generateProject(files, feature));
  return { dir, output: runProjectSuites(files, dir) };
}

describe('a CommonJS project tested with jest and ts-jest', () => {
  it('gets tests written for jest that pass under its own jest config, on SQLite and every database server', async () => {
    const { dir, output } = await generateAndTest('jest config', MEMBERSHIP_ON_JEST, 'membership');

    expect(output).toContain('PASS tests/integration/infrastructure/user.repository.test.ts');
    expect(output).toContain('PASS tests/integration/infrastructure/migrations.test.ts');
    const tests = filesUnder(join(dir, 'tests'));
    for (const file of tests) expect(readFileSync(file, 'utf8'), file).not.toMatch(/vitest/);
    expect(readFileSync(join(dir, 'tests/integration/infrastructure/user.repository.test.ts'), 'utf8')).toContain(
      "import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';",
    );
    expect(readFileSync(join(dir, 'documentation/plans/membership/003-infrastructure-layer.md'), 'utf8')).toContain(
      '`npx jest tests/integration/infrastructure/user.repository.test.ts`',
    );

    for (const server of servers) {
      if (!server.run) continue;
      const run = runTool('jest', [], dir, { GEN_TEST_DATABASE_URL: server.url });
      expect(run.status, `${server.name}: ${run.output}`).toBe(0);
    }
  });

  it("puts the tests where Nest's default jest config (rootDir src, .spec.ts) finds them, and they pass", async () => {
    const { dir, output } = await generateAndTest('nest jest', MEMBERSHIP_ON_NEST_JEST, 'membership');

    expect(output).toMatch(/PASS .*user\.repository\.spec\.ts/);
    expect(output).toMatch(/PASS .*migrations\.spec\.ts/);
    const specs = filesUnder(join(dir, 'src')).filter((file) => file.endsWith('.spec.ts'));
    expect(specs.map((file) => file.slice(dir.length + 1)).sort()).toEqual([
      'src/infrastructure/persistence/migrations.spec.ts',
      'src/infrastructure/persistence/repositories/user.repository.spec.ts',
    ]);
  });

  it('keeps every generated test file under a tsconfig rootDir of src, and a save-only port leaves no describe without tests', async () => {
    const { dir, output } = await generateAndTest('rootDir src', LEDGER_UNDER_SRC_ON_JEST, 'ledger');

    expect(output).toMatch(/PASS .*entry\.repository\.test\.ts/);
    expect(output).toMatch(/PASS .*migrations\.test\.ts/);
    expect(filesUnder(join(dir, 'tests'), true)).toEqual([]);
    const suite = filesUnder(join(dir, 'src')).find((file) => file.endsWith('entry.repository.test.ts'));
    // jest fails a describe block whose hooks have no test in it.
    expect(readFileSync(suite ?? '', 'utf8')).not.toMatch(/describe\.each\(implementations\)\('%s', /);
  });

  it('puts the tests where the jest config named by the test script (rootDir ../.., a spread base) finds them, and they pass', async () => {
    const { output } = await generateAndTest('named jest config', MEMBERSHIP_ON_NAMED_JEST_CONFIG, 'membership');

    expect(output).toMatch(/PASS tests\/integration\/infrastructure\/user\.repository\.spec\.ts/);
    expect(output).toMatch(/PASS .*migrations\.spec\.ts/);
  });

  it('stores an aggregate typed as an interface under isolatedModules, imported as a type, and its suite passes', async () => {
    const { dir, output } = await generateAndTest('isolatedModules', USERS_ON_JEST, 'users');

    expect(output).toContain('PASS tests/users/user.repository.test.ts');
    expect(readFileSync(join(dir, 'src/infrastructure/users/persistence/repositories/user.repository.ts'), 'utf8')).toContain(
      "import type { User } from '../../../../domain/users/user';",
    );
  });

  it('every project above type-checks under its own tsconfig (one tsc --build)', () => {
    typechecked.typecheck();
  }, 600_000);
});
