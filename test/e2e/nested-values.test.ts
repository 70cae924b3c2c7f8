import { expect, it } from 'vitest';
import { databaseServers } from '../support/databases.js';
import { generateAndRun, read, runTool } from '../support/projects.js';
import { SHIPMENTS, SHIPMENTS_DIR } from '../fixtures/nested-values.js';

const servers = await databaseServers();

// Values inside values that issue 19's codebases refused: a class inside a class (stored as prefixed columns, some
// past PostgreSQL's 63-character limit), a list of value objects holding a value object and an optional object with a
// list and a Date (one JSON column), an optional inline object holding lists (JSON columns, NULL when it is absent).
it('stores values inside values, and the generated suites round-trip them on every database', async () => {
  const { dir } = await generateAndRun(SHIPMENTS, 'shipments');

  const mapper = read(dir, 'src/infrastructure/persistence/mappers/shipment.mapper.ts');
  expect(mapper).toContain('new Address(');
  expect(mapper).toContain('releasedAt: new Date(item.product.releasedAt)');
  expect(read(dir, `${SHIPMENTS_DIR}/shipment.ts`)).toBe(SHIPMENTS[`${SHIPMENTS_DIR}/shipment.ts`]);

  for (const server of servers) {
    if (!server.run) continue;
    const tests = runTool('vitest', ['run'], dir, { GEN_TEST_DATABASE_URL: server.url });
    expect(tests.status, `${server.name}: ${tests.output}`).toBe(0);
  }
});
