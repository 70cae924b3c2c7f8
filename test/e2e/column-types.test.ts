import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KEYWORDS, LEDGER } from '../fixtures/column-types.js';
import { ORDER_DOMAIN } from '../support/fixtures.js';
import { FULL_RUN, databaseServers } from '../support/databases.js';
import {
  ProjectBatch,
  STRICT_COMPILER_OPTIONS,
  read,
  removeCopies,
  runGen,
  writeProject,
  type BatchedSuites,
} from '../support/projects.js';

const servers = await databaseServers();

afterAll(removeCopies);

// TypeORM 1.x repeats these projects: in CI only (FULL_RUN).
const TYPEORM_LINES = FULL_RUN ? (['0.3', '1'] as const) : (['0.3'] as const);

const VITEST_CONFIG =
  "import { defineConfig } from 'vitest/config';\nexport default defineConfig({ test: { include: ['tests/**/*.test.ts'] } });\n";

/**
 * Every project below, type-checked by one tsc and its generated suites run by one vitest per database (each project
 * under its own config), instead of a tsc and a vitest per project and database.
 */
const batch = new ProjectBatch();
/** The projects whose suites run on SQLite, with how many test files each must pass, none skipped (where it says). */
const suiteFiles = new Map<string, number | undefined>();
/** Those whose suites run on every database server too. */
const onEveryDatabase: string[] = [];

describe.each([
  { name: 'number column types', files: LEDGER, features: ['ledger'] },
  { name: 'SQL and JS keywords as names', files: KEYWORDS, features: ['groups', 'users', 'cases'] },
])('$name', ({ name, files, features }) => {
  describe.each(TYPEORM_LINES)('on TypeORM %s', (typeorm) => {
    it('is generated for every feature (type-checked under strict and its suites run below, on every database)', async () => {
      const dir = writeProject({ ...files, 'vitest.config.ts': VITEST_CONFIG }, { typeorm, compiled: true });
      for (const feature of features) {
        const run = await runGen(['infra', feature, '--cwd', dir, '--now', '2024-06-01T00:00:00Z']);
        // Warnings about the plan method's prerequisites are expected: these fixtures have no use cases or plans.
        expect(run.err.split('\n').filter((line) => line !== '' && !line.startsWith('gen: warning:'))).toEqual([]);
        expect(run.code).toBe(0);
      }
      expect(read(dir, 'src/infrastructure/config/database.ts')).toContain(`type: '${typeorm === '1' ? 'better-sqlite3' : 'sqlite'}'`);
      const project = `${name} on TypeORM ${typeorm}`;
      batch.add(project, dir);
      // One suite per feature, the migrations suite, and the fixture's own tests.
      suiteFiles.set(project, features.length + 1 + Object.keys(files).filter((path) => path.startsWith('tests/')).length);
      onEveryDatabase.push(project);
    });
  });
});

describe('a column type changed in gen.config.json', () => {
  let dir: string;
  const config = (type: string) => ({ 'gen.config.json': `{\n  "columns": {\n    "orders.total": "${type}"\n  }\n}\n` });
  const migrations = () => readdirSync(join(dir, 'src/infrastructure/persistence/migrations')).sort();

  beforeAll(async () => {
    dir = writeProject({ ...ORDER_DOMAIN, ...config('decimal(10,2)'), 'vitest.config.ts': VITEST_CONFIG }, { compiled: true });
    const generate = async (day: number, ...flags: string[]) =>
      runGen(['infra', 'ordering', '--cwd', dir, '--now', `2024-06-0${day}T00:00:00Z`, ...flags]);
    expect((await generate(1)).code).toBe(0);

    // Wider: every value fits, so no decision is needed.
    writeFileSync(join(dir, 'gen.config.json'), config('decimal(14,3)')['gen.config.json']);
    expect((await generate(2)).code).toBe(0);
    expect(read(dir, `src/infrastructure/persistence/migrations/${migrations()[1]}`)).toContain(
      "new TableColumn({ name: 'total', ...type.decimal, precision: 14, scale: 3 })",
    );

    // Narrower: refused until the data loss is allowed.
    writeFileSync(join(dir, 'gen.config.json'), config('integer')['gen.config.json']);
    const refused = await generate(3);
    expect(refused.code).toBe(2);
    expect(refused.err).toContain('narrows column orders.total from decimal(14,3) NOT NULL to integer NOT NULL');
    expect((await generate(3, '--allow-data-loss')).code).toBe(0);
    batch.add('a column type changed', dir);
  });

  it('gets one migration per change, recorded in the schema snapshot', () => {
    expect(migrations()).toEqual([
      '1717200000000-CreateOrders.ts',
      '1717286400000-AlterTotalInOrders.ts',
      '1717372800000-AlterTotalInOrders.ts',
    ]);
    expect(read(dir, '.gen/schema.json')).toContain('{"name": "total", "type": "integer", "nullable": false, "primary": false}');
    expect(read(dir, 'src/infrastructure/persistence/models/order.model.ts')).toContain("@Column({ name: 'total', type: 'integer' })");
  });

  it('runs every migration up, down and up again with zero drift (type-checked and run below, on every database)', () => {
    suiteFiles.set('a column type changed', 2);
    onEveryDatabase.push('a column type changed');
  });
});

describe('a project whose tsconfig targets ES2017 (no bigint literals there)', () => {
  it('gets bigint samples and value checks it compiles and runs (type-checked and run below, on SQLite)', async () => {
    const domain = Object.fromEntries(Object.entries(LEDGER).filter(([path]) => !path.startsWith('tests/')));
    const tsconfig = {
      compilerOptions: { ...STRICT_COMPILER_OPTIONS, target: 'ES2017', lib: ['ES2017'], module: 'ESNext', moduleResolution: 'bundler' },
      include: ['src', 'tests'],
    };
    const dir = writeProject({ ...domain, 'tsconfig.json': JSON.stringify(tsconfig, null, 2), 'vitest.config.ts': VITEST_CONFIG });
    expect((await runGen(['infra', 'ledger', '--cwd', dir, '--now', '2024-06-01T00:00:00Z'])).code).toBe(0);
    batch.add('targets ES2017', dir);
    // Its suites pass, whatever their number.
    suiteFiles.set('targets ES2017', undefined);
  });
});

describe('a project whose tsconfig lists types without node (`"types": ["reflect-metadata"]`)', () => {
  it('gets generated files that reference Node types themselves, and type-check (below)', async () => {
    const domain = Object.fromEntries(Object.entries(LEDGER).filter(([path]) => !path.startsWith('tests/')));
    const tsconfig = {
      compilerOptions: { ...STRICT_COMPILER_OPTIONS, types: ['reflect-metadata'], module: 'ESNext', moduleResolution: 'bundler' },
      include: ['src', 'tests'],
    };
    const dir = writeProject({ ...domain, 'tsconfig.json': JSON.stringify(tsconfig, null, 2), 'vitest.config.ts': VITEST_CONFIG });
    expect((await runGen(['infra', 'ledger', '--cwd', dir, '--now', '2024-06-01T00:00:00Z'])).code).toBe(0);

    const support = readdirSync(join(dir, 'src'), { recursive: true, encoding: 'utf8' }).find((p) => p.endsWith('transactions.ts'));
    expect(support).toBeDefined();
    expect(read(dir, join('src', support ?? '')).split('\n')[1]).toBe('/// <reference types="node" />');
    // Type-checked only: its suites are the ledger's above.
    batch.add('types without node', dir);
  });
});

/** Every generated suite of each project passed, in as many files as it must have (when it says), none skipped. */
function expectAllPassed(suites: Map<string, BatchedSuites>): void {
  for (const [name, ran] of suites) {
    const files = suiteFiles.get(name);
    if (files === undefined) continue;
    expect(ran.files, `${name}: test files`).toHaveLength(files);
    expect(ran.skipped + ran.todo, `${name}: tests skipped or todo`).toBe(0);
  }
}

describe('every project above', () => {
  it('type-checks under strict (one tsc --build) and passes its generated suites on SQLite (one vitest)', () => {
    expect(suiteFiles.size, 'the projects whose suites run').toBe(2 * TYPEORM_LINES.length + 2);
    batch.typecheck();
    const suites = batch.runSuites({}, [...suiteFiles.keys()]);
    expectAllPassed(suites);
  }, 900_000);

  for (const server of servers) {
    it.skipIf(!server.run)(
      `passes them on ${server.name} too, where asked above`,
      () => {
        expect(server.reachable, `${server.name} is not reachable at ${server.url}, and GEN_REQUIRE_DATABASES is set`).toBe(true);
        expectAllPassed(batch.runSuites({ GEN_TEST_DATABASE_URL: server.url }, onEveryDatabase));
      },
      600_000,
    );
  }
});
