import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { databaseServers } from '../support/databases.js';
import { copyExample, removeCopies, runGen, runTool } from '../support/projects.js';

const servers = await databaseServers();
const postgres = servers.find((s) => s.name === 'PostgreSQL')!;

afterAll(removeCopies);

/**
 * A DataSource of the project's own (the README's "A DataSource of your own", or Nest's TypeOrmModule) built
 * from the exported options and passed through prepareDataSource: after the migrations, TypeORM's schema
 * builder (what `schema:log` and `synchronize` run) finds nothing to change. Without prepareDataSource it
 * proposes to drop and re-add every Date column, which `synchronize: true` would do, losing data.
 */
it.skipIf(!postgres.run)('a DataSource of your own, from the exported options, has no drift on PostgreSQL', async () => {
  const dir = copyExample('catalog');
  expect((await runGen(['infra', 'catalog', '--cwd', dir])).code).toBe(0);
  writeFileSync(
    join(dir, 'tests/integration/own-datasource.test.ts'),
    `import { DataSource } from 'typeorm';
import { afterAll, expect, it } from 'vitest';
import { dataSourceOptions, prepareDataSource } from '../../src/infrastructure/config/database';

const url = process.env.GEN_TEST_DATABASE_URL!;
const schema = \`own_\${process.pid}\`;
const admin = new DataSource({ type: 'postgres', url });

afterAll(async () => {
  await admin.query(\`DROP SCHEMA IF EXISTS "\${schema}" CASCADE\`);
  await admin.destroy();
});

async function pendingChanges(own: DataSource): Promise<string[]> {
  await own.initialize();
  try {
    return (await own.driver.createSchemaBuilder().log()).upQueries.map((q) => q.query);
  } finally {
    await own.destroy();
  }
}

it('finds no drift through prepareDataSource, and drift without it', async () => {
  await admin.initialize();
  await admin.query(\`CREATE SCHEMA "\${schema}"\`);
  const options = { ...dataSourceOptions({ type: 'postgres' }), url, schema, applicationName: 'my-app' };
  const migrated = prepareDataSource(new DataSource(options));
  await migrated.initialize();
  await migrated.runMigrations();
  await migrated.destroy();

  expect(await pendingChanges(prepareDataSource(new DataSource(options)))).toEqual([]);
  expect((await pendingChanges(new DataSource(options))).join('\\n')).toMatch(/created_at/);
});
`,
  );

  const run = runTool('vitest', ['run', 'tests/integration/own-datasource.test.ts'], dir, { GEN_TEST_DATABASE_URL: postgres.url });

  expect(run.status, run.output).toBe(0);
});
