import { spawnSync } from 'node:child_process';
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { afterAll, describe, expect, it } from 'vitest';
import { MANIFEST_FILE } from '../../src/layout.js';
import { parseManifest } from '../../src/manifest.js';
import { databaseServers } from '../support/databases.js';
import { ROOT, copyExample, read, removeCopies, runGen, runTool } from '../support/projects.js';

/**
 * examples/nest-billing: a NestJS 11 app of two aggregates in one context, laid out and configured as `nest new`
 * writes it (jest in package.json, rootDir src, `.spec.ts`; the e2e config in test/jest-e2e.json). Both aggregates
 * are one feature, generated in one run at this time (that of the committed migration).
 */
const GENERATIONS = [{ feature: 'billing', now: '2026-12-01T09:00:00.000Z' }];
const EXAMPLE = 'nest-billing';
const DATA_SOURCE = 'src/infrastructure/config/data-source.ts';

const postgres = (await databaseServers()).find((s) => s.name === 'PostgreSQL')!;

afterAll(removeCopies);

/** The example's own jest: the unit config of its package.json (the generated suites and record-payment.spec.ts), or the e2e one. */
const jest = (dir: string, env: Record<string, string> = {}, config?: string) =>
  runTool('jest', config === undefined ? [] : ['--config', config], dir, env);

/** The TypeORM CLI through the generated data-source.ts, TypeScript loaded by tsx (ts-node is not installed). */
const typeormCli = (dir: string, command: string, env: Record<string, string>) => {
  const run = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'node_modules/typeorm/cli.js'), command, '-d', DATA_SOURCE], {
    cwd: dir,
    env: { ...process.env, ...env },
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
};

describe(`examples/${EXAMPLE}`, () => {
  // One copy for the local (SQLite) checks: generated from scratch, then run as the app's own tooling runs it.
  let copy: string | undefined;

  it('generates from scratch the bytes committed, both aggregates in one run', async () => {
    const dir = copyExample(EXAMPLE);
    const committed = join(ROOT, 'examples', EXAMPLE);
    const manifest = parseManifest(read(dir, MANIFEST_FILE), MANIFEST_FILE);
    const generatedPaths = [...new Set([...Object.keys(manifest.files), MANIFEST_FILE])];
    for (const path of generatedPaths) rmSync(join(dir, path), { force: true });

    for (const { feature, now } of GENERATIONS) {
      const run = await runGen(['infra', feature, '--cwd', dir, '--now', now]);
      expect(run.code, feature).toBe(0);
      expect(run.err, feature).toBe('');
    }
    for (const path of generatedPaths) expect(read(dir, path), `${path}: run npm run examples`).toBe(read(committed, path));
    expect(readdirSync(join(dir, 'src/infrastructure/persistence/migrations'))).toEqual(
      readdirSync(join(committed, 'src/infrastructure/persistence/migrations')),
    );
    // Wherever jest finds them: the default Nest config's rootDir is src and it runs only *.spec.ts.
    expect(generatedPaths.filter((path) => /\.(spec|test)\.ts$/.test(path)).sort()).toEqual([
      'src/billing/infrastructure/persistence/repositories/invoice.repository.spec.ts',
      'src/billing/infrastructure/persistence/repositories/payment.repository.spec.ts',
      'src/infrastructure/persistence/migrations.spec.ts',
    ]);

    copy = dir;
  });

  it('type-checks under its own tsconfig (Nest’s, with types: node)', () => {
    expect(copy, 'generated above').toBeDefined();
    const tsc = runTool('tsc', ['-p', 'tsconfig.json', '--noEmit', '--incremental', 'false'], copy!);
    expect(tsc.output).toBe('');
    expect(tsc.status).toBe(0);
  });

  it('passes the generated suites, and its spec of the use cases on the in-memory twins, under its own jest config (SQLite)', () => {
    expect(copy, 'generated above').toBeDefined();
    const tests = jest(copy!);
    expect(tests.status, tests.output).toBe(0);
    expect(tests.output).toMatch(/Test Suites: 4 passed, 4 total/);
  });

  it('boots AppModule with Test.createTestingModule and runs IssueInvoice and RecordPayment through the ports (SQLite)', () => {
    expect(copy, 'generated above').toBeDefined();
    const e2e = jest(copy!, {}, './test/jest-e2e.json');
    expect(e2e.status, e2e.output).toBe(0);
    expect(e2e.output).toMatch(/Tests:\s+3 passed, 3 total/);
  });

  it('runs its migrations with the TypeORM CLI through the generated data-source.ts; schema:log finds no drift (SQLite)', () => {
    expect(copy, 'generated above').toBeDefined();
    const env = { DATABASE_TYPE: 'sqlite', DATABASE_NAME: join(copy!, 'cli.sqlite') };
    const migrated = typeormCli(copy!, 'migration:run', env);
    expect(migrated.status, migrated.output).toBe(0);
    // One migration for the feature's tables, both aggregates'.
    expect(migrated.output).toMatch(/Migration CreateInvoicesAndPaymentsAndInvoiceLines\d+ has been\s+executed successfully/);
    const log = typeormCli(copy!, 'schema:log', env);
    expect(log.output).toMatch(/Your schema is up to date/);
  });

  // PostgreSQL in CI (and with GEN_TEST_DATABASES=1), on the committed example, each run in a schema of its own.
  describe.skipIf(!postgres.run)(`on PostgreSQL (${postgres.url}; a local run without GEN_TEST_DATABASES=1 skips it)`, () => {
    const schemas: string[] = [];
    let admin: DataSource | undefined;
    const schema = async (name: string) => {
      expect(postgres.reachable, `PostgreSQL is not reachable at ${postgres.url}, and GEN_REQUIRE_DATABASES is set`).toBe(true);
      admin ??= await new DataSource({ type: 'postgres', url: postgres.url }).initialize();
      const full = `${name}_${process.pid}`;
      await admin.query(`DROP SCHEMA IF EXISTS "${full}" CASCADE`);
      await admin.query(`CREATE SCHEMA "${full}"`);
      schemas.push(full);
      return full;
    };
    afterAll(async () => {
      for (const name of schemas) await admin?.query(`DROP SCHEMA IF EXISTS "${name}" CASCADE`);
      await admin?.destroy();
    });
    const committed = () => copyExample(EXAMPLE);

    it('boots AppModule and runs the use cases through the ports', async () => {
      const env = { DATABASE_TYPE: 'postgres', DATABASE_URL: postgres.url, DATABASE_SCHEMA: await schema('nest_billing_e2e') };
      const e2e = jest(committed(), env, './test/jest-e2e.json');
      expect(e2e.status, e2e.output).toBe(0);
      expect(e2e.output).toMatch(/Tests:\s+3 passed, 3 total/);
    });

    it('passes the generated suites', () => {
      const tests = jest(committed(), { GEN_TEST_DATABASE_URL: postgres.url });
      expect(tests.status, tests.output).toBe(0);
      expect(tests.output).toMatch(/Test Suites: 4 passed, 4 total/);
    });

    it('runs its migrations with the TypeORM CLI; schema:log finds no drift', async () => {
      const dir = committed();
      const env = { DATABASE_TYPE: 'postgres', DATABASE_URL: postgres.url, DATABASE_SCHEMA: await schema('nest_billing_cli') };
      const migrated = typeormCli(dir, 'migration:run', env);
      expect(migrated.status, migrated.output).toBe(0);
      expect(migrated.output).toMatch(/Migration CreateInvoicesAndPaymentsAndInvoiceLines\d+ has been\s+executed successfully/);
      const log = typeormCli(dir, 'schema:log', env);
      expect(log.output).toMatch(/Your schema is up to date/);
    });
  });
});
