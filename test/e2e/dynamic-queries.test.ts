import { describe, expect, it } from 'vitest';
import { ACADEMY, SHELF } from '../fixtures/dynamic-queries.js';
import { FULL_RUN, databaseServers } from '../support/databases.js';
import { ProjectBatch, read } from '../support/projects.js';

const servers = await databaseServers();

/**
 * Every project below, type-checked by one tsc and its suites run by one vitest per database (each project under its
 * own config), instead of a tsc and a vitest per project and database.
 */
const batch = new ProjectBatch();
/** The test files each project must have run (the generated suites and the fixture's own), by the name of their file. */
const expectedSuites = new Map<string, string[]>();
/** The projects whose suites run on every database server too. */
const onEveryDatabase: string[] = [];

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
  it('generates the queries (type-checked under strict, the generated suites and the fixture own cross-repository test run below, on every database)', async () => {
    const dir = await batch.generate(feature, files, feature);
    expect(read(dir, queries)).toContain('QUERY_FIELDS');
    expectedSuites.set(feature, suites);
    onEveryDatabase.push(feature);
  });
});

describe('queries read at run time on TypeORM 1.x (academy)', () => {
  it.runIf(FULL_RUN)(
    'generates them on TypeORM 1.x (type-checked, its suites and the cross-repository test run below on better-sqlite3)',
    async () => {
      await batch.generate('academy on TypeORM 1.x', ACADEMY, 'academy', { typeorm: '1' });
      expectedSuites.set('academy on TypeORM 1.x', ['course.repository.queries.test.ts']);
    },
  );
});

describe('a Criteria library class named like the aggregate (CodelyTV criteria beside an Order aggregate)', () => {
  it('imports the library class under a name of its own in the generated test (type-checked and run below)', async () => {
    // The academy's Course renamed Order: the test builds criteria with the library's `Order` and samples of the aggregate.
    const files = Object.fromEntries(
      Object.entries(ACADEMY)
        .filter(([path]) => !path.startsWith('tests/'))
        .map(([path, text]) => [path, path.includes('/shared/') ? text : text.replace(/\bCourse\b/g, 'Order')]),
    );
    const dir = await batch.generate('criteria order', files, 'academy');
    expectedSuites.set('criteria order', ['order.repository.queries.test.ts']);
    const test = read(dir, 'tests/integration/infrastructure/order.repository.queries.test.ts');
    expect(test).toContain("import { Order as CriteriaOrder } from '../../../src/domain/shared/criteria/order';");
    expect(test).toContain('new CriteriaOrder(');
  });
});

describe('every project above', () => {
  it('type-checks under strict (one tsc --build) and passes its generated suites and its own tests (one vitest)', () => {
    expect(expectedSuites.size, 'the projects generated above').toBe(FULL_RUN ? 4 : 3);
    batch.typecheck();
    for (const [name, ran] of batch.runSuites()) {
      const names = ran.files.map((file) => file.slice(file.lastIndexOf('/') + 1));
      expect(names, `${name}: the test files run`).toEqual(expect.arrayContaining(expectedSuites.get(name) ?? ['its suites']));
    }
  }, 900_000);

  for (const server of servers) {
    it.skipIf(!server.run)(
      `passes them on ${server.name} too, where asked above`,
      () => {
        expect(server.reachable, `${server.name} is not reachable at ${server.url}, and GEN_REQUIRE_DATABASES is set`).toBe(true);
        batch.runSuites({ GEN_TEST_DATABASE_URL: server.url }, onEveryDatabase);
      },
      600_000,
    );
  }
});
