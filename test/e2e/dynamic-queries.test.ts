import { describe, expect, it } from 'vitest';
import { ACADEMY, SHELF } from '../fixtures/dynamic-queries.js';
import { FULL_RUN, databaseServers } from '../support/databases.js';
import { generateAndRun, read, runTool } from '../support/projects.js';

const servers = await databaseServers();

describe.each([
  {
    feature: 'shelf',
    files: SHELF,
    queries: 'src/infrastructure/persistence/queries/book.queries.ts',
    suites: ['shelf-pages.test.ts', 'book.repository.test.ts', 'book.repository.queries.test.ts'],
  },
  {
    feature: 'academy',
    files: ACADEMY,
    queries: 'src/infrastructure/persistence/queries/course.queries.ts',
    suites: ['academy-criteria.test.ts', 'course.repository.test.ts', 'course.repository.queries.test.ts'],
  },
])('queries read at run time ($feature)', ({ feature, files, queries, suites }) => {
  it('type-checks under strict and passes the generated suites and the fixture own cross-repository test, on every database', async () => {
    const { dir, output } = await generateAndRun(files, feature);
    for (const suite of suites) expect(output).toContain(suite);
    expect(read(dir, queries)).toContain('QUERY_FIELDS');
    for (const server of servers) {
      if (!server.run) continue;
      const tests = runTool('vitest', ['run'], dir, { GEN_TEST_DATABASE_URL: server.url });
      expect(tests.status, `${server.name}: ${tests.output}`).toBe(0);
    }
  });
});

describe('queries read at run time on TypeORM 1.x (academy)', () => {
  it.runIf(FULL_RUN)('type-checks and passes its generated suites and the cross-repository test on better-sqlite3', async () => {
    const { output } = await generateAndRun(ACADEMY, 'academy', { typeorm: '1' });
    expect(output).toContain('course.repository.queries.test.ts');
  });
});

describe('a Criteria library class named like the aggregate (CodelyTV criteria beside an Order aggregate)', () => {
  it('imports the library class under a name of its own in the generated test, which type-checks and passes', async () => {
    // The academy's Course renamed Order: the test builds criteria with the library's `Order` and samples of the aggregate.
    const files = Object.fromEntries(
      Object.entries(ACADEMY)
        .filter(([path]) => !path.startsWith('tests/'))
        .map(([path, text]) => [path, path.includes('/shared/') ? text : text.replace(/\bCourse\b/g, 'Order')]),
    );
    const { dir, output } = await generateAndRun(files, 'academy');
    expect(output).toContain('order.repository.queries.test.ts');
    const test = read(dir, 'tests/integration/infrastructure/order.repository.queries.test.ts');
    expect(test).toContain("import { Order as CriteriaOrder } from '../../../src/domain/shared/criteria/order';");
    expect(test).toContain('new CriteriaOrder(');
  });
});
