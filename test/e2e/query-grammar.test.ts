import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CATALOG_DOMAIN } from '../fixtures/query-grammar.js';
import { databaseServers } from '../support/databases.js';
import { read, removeCopies, runGen, runTool, writeProject } from '../support/projects.js';

const servers = await databaseServers();

afterAll(removeCopies);

// One test per derived query (plus the empty-list variants), the CRUD tests and the schema tests.
const ALL_PASSED = /Tests\s+1[0-9]{2} passed/;

describe.each(['0.3', '1'] as const)('on TypeORM %s', (typeorm) => {
  let dir: string;

  beforeAll(async () => {
    // On 1.x the project sits beside the library example, and gen finds TypeORM 1.x installed there.
    dir = writeProject(
      {
        ...CATALOG_DOMAIN,
        'vitest.config.ts':
          "import { defineConfig } from 'vitest/config';\nexport default defineConfig({ test: { include: ['tests/**/*.test.ts'] } });\n",
      },
      { typeorm, compiled: true },
    );
    const run = await runGen(['infra', 'catalog', '--cwd', dir, '--now', '2024-06-01T00:00:00Z']);
    // Warnings about the plan method's prerequisites are expected: this fixture has no use cases or plans.
    expect(run.err.split('\n').filter((line) => line !== '' && !line.startsWith('gen: warning:'))).toEqual([]);
    expect(run.code).toBe(0);
    expect(read(dir, 'src/infrastructure/config/database.ts')).toContain(`type: '${typeorm === '1' ? 'better-sqlite3' : 'sqlite'}'`);
  });

  it('implements every keyword and modifier of the grammar the same way on SQLite and in memory', () => {
    const tsc = runTool('tsc', ['-p', 'tsconfig.json', '--noEmit'], dir);
    expect(tsc.output).toBe('');

    const tests = runTool('vitest', ['run'], dir);
    expect(tests.status, tests.output).toBe(0);
    expect(tests.output).toMatch(ALL_PASSED);
  });

  for (const server of servers) {
    it.skipIf(!server.run)(`implements them the same way on ${server.name}`, () => {
      expect(server.reachable, `${server.name} is not reachable at ${server.url}, and GEN_REQUIRE_DATABASES is set`).toBe(true);
      const tests = runTool('vitest', ['run'], dir, { GEN_TEST_DATABASE_URL: server.url });
      expect(tests.status, tests.output).toBe(0);
      expect(tests.output).toMatch(ALL_PASSED);
    });
  }
});
