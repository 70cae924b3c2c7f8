import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { OUTBOX_TEST, UNIT_OF_WORK, UNIT_OF_WORK_TEST } from '../fixtures/unit-of-work.js';
import { FULL_RUN, databaseServers } from '../support/databases.js';
import { ProjectBatch, read, removeCopies, runGen, writeProject } from '../support/projects.js';

const servers = await databaseServers();

afterAll(removeCopies);

// TypeORM 1.x repeats these projects: in CI only (FULL_RUN).
const TYPEORM_LINES = FULL_RUN ? (['0.3', '1'] as const) : (['0.3'] as const);

const VITEST_CONFIG =
  "import { defineConfig } from 'vitest/config';\nexport default defineConfig({ test: { include: ['tests/**/*.test.ts'] } });\n";

/**
 * Every project below, type-checked by one tsc and its suites run by one vitest per database (each project under its
 * own config), instead of a tsc and a vitest per project and database.
 */
const batch = new ProjectBatch();
/** The fixture's own test file each project runs, and how many tests it holds. */
const ownTests = new Map<string, { file: string; tests: number }>();

describe.each(TYPEORM_LINES)('transaction() across two features, on TypeORM %s', (typeorm) => {
  let dir: string;

  beforeAll(async () => {
    dir = writeProject(
      { ...UNIT_OF_WORK, 'vitest.config.ts': VITEST_CONFIG, 'tests/unit-of-work.test.ts': UNIT_OF_WORK_TEST },
      { typeorm, compiled: true },
    );
    for (const feature of ['ordering', 'stock']) {
      const run = await runGen(['infra', feature, '--cwd', dir, '--now', '2024-06-01T00:00:00Z']);
      // Warnings about the plan method's prerequisites are expected: this fixture has no use cases or plans.
      expect(run.err.split('\n').filter((line) => line !== '' && !line.startsWith('gen: warning:'))).toEqual([]);
      expect(run.code).toBe(0);
    }
    batch.add(`transaction() on TypeORM ${typeorm}`, dir);
    // The project's own test of the two features, TypeORM and in memory.
    ownTests.set(`transaction() on TypeORM ${typeorm}`, { file: 'tests/unit-of-work.test.ts', tests: 10 });
  });

  it('implements transaction() in both repositories, with no hand-written stub', () => {
    for (const file of ['order.repository.ts', 'stock-item.repository.ts']) {
      expect(read(dir, `src/infrastructure/persistence/repositories/${file}`)).toContain(
        'async transaction<T>(work: () => Promise<T>): Promise<T> {\n    return inTransaction(this.dataSource, work);',
      );
      expect(read(dir, `src/infrastructure/persistence/in-memory/${file}`)).toContain('return inMemoryTransaction(work);');
    }
    // No outbox unless asked for.
    expect(existsSync(join(dir, 'src/infrastructure/persistence/support/outbox.ts'))).toBe(false);
    expect(read(dir, '.gen/schema.json')).not.toContain('"outbox"');
  });

  // Type-checked under strict, and a use case over both repositories commits or rolls back both: below.
});

describe.each(TYPEORM_LINES)('--outbox, on TypeORM %s', (typeorm) => {
  it("writes the events a save pulls to the outbox table in the save's transaction, on every database", async () => {
    const dir = writeProject(
      { ...UNIT_OF_WORK, 'vitest.config.ts': VITEST_CONFIG, 'tests/outbox.test.ts': OUTBOX_TEST },
      { typeorm, compiled: true },
    );
    for (const feature of ['ordering', 'stock']) {
      const run = await runGen(['infra', feature, '--cwd', dir, '--now', '2024-06-01T00:00:00Z', '--outbox']);
      expect(run.err.split('\n').filter((line) => line !== '' && !line.startsWith('gen: warning:'))).toEqual([]);
      expect(run.code).toBe(0);
      const outboxMigration = run.out.split('\n').filter((line) => /CreateOutbox|table outbox/.test(line));
      if (feature === 'ordering') {
        expect(outboxMigration).toEqual([
          'CREATE    src/infrastructure/persistence/migrations/1717200000001-CreateOutbox.ts',
          'New migration src/infrastructure/persistence/migrations/1717200000001-CreateOutbox.ts:',
          '  create table outbox (id, aggregate_type, aggregate_id, event_type, payload, occurred_at)',
        ]);
      } else {
        expect(outboxMigration).toEqual([]);
      }
    }
    // Generating again with --outbox changes nothing.
    expect((await runGen(['infra', 'ordering', '--cwd', dir, '--now', '2024-07-01T00:00:00Z', '--outbox', '--check'])).code).toBe(0);
    // The first feature's run creates the table, in a migration of its own; the second's finds it.
    const migrations = read(dir, 'src/infrastructure/persistence/index.ts');
    expect(migrations.match(/CreateOutbox\d+/g)).toHaveLength(2);

    batch.add(`--outbox on TypeORM ${typeorm}`, dir);
    ownTests.set(`--outbox on TypeORM ${typeorm}`, { file: 'tests/outbox.test.ts', tests: 3 });
    // Type-checked and run below, on every database.
  });
});

describe('every project above', () => {
  it('type-checks under strict (one tsc --build) and passes its generated suites and its own test on SQLite (one vitest)', () => {
    expect(ownTests.size, 'the projects generated above').toBe(2 * TYPEORM_LINES.length);
    batch.typecheck();
    for (const [name, ran] of batch.runSuites()) {
      const own = ownTests.get(name);
      expect(ran.tests[own?.file ?? 'its own test'], `${name}: the tests of ${own?.file}`).toBe(own?.tests);
    }
  }, 900_000);

  // On SQLite one connection serves every call, so a repository that did not join the transaction would still
  // pass there; on a server it works on a connection of its own, and its writes would survive the rollback.
  for (const server of servers) {
    it.skipIf(!server.run)(
      `passes them on ${server.name} too`,
      () => {
        expect(server.reachable, `${server.name} is not reachable at ${server.url}, and GEN_REQUIRE_DATABASES is set`).toBe(true);
        batch.runSuites({ GEN_TEST_DATABASE_URL: server.url });
      },
      600_000,
    );
  }
});
