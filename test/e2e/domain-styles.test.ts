import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/config/project-config.js';
import { readDomain } from '../../src/read/domain-reader.js';
import { MEMBERSHIP } from '../fixtures/base-classes.js';
import { BANKING, GARAGE, INVENTORY, KITCHEN, LIBRARY, PRICING, STAFF, VOUCHERS } from '../fixtures/domain-styles.js';
import { FULL_RUN, databaseServers } from '../support/databases.js';
import { ProjectBatch, writeProject } from '../support/projects.js';
import { loadProjectContext } from '../../src/project-context.js';

const servers = await databaseServers();

// Every aggregate's project is type-checked by one tsc and their suites run by one vitest, in the last test.
const batch = new ProjectBatch();
/** The projects whose suites also run on every database server. */
const onEveryDatabase: string[] = [];

describe.each([
  {
    feature: 'garage',
    files: GARAGE,
    style: 'constructor-properties',
    fields: ['id:.id', 'condition:.condition', 'mileage:.getMileage()', 'electric:.isElectric()', 'owners:.getOwners()'],
  },
  {
    feature: 'library',
    files: LIBRARY,
    style: 'props-object',
    fields: [
      'id:.id',
      'title:.title',
      'author:.author',
      'price:.price',
      'format:.format',
      'tags:.tags',
      'discount:.discount',
      'publishedAt:.publishedAt',
    ],
  },
  {
    feature: 'banking',
    files: BANKING,
    style: 'private-fields',
    fields: ['id:.getId()', 'email:.getEmail()', 'balance:.getBalance()', 'closedAt:.getClosedAt()'],
  },
  { feature: 'staff', files: STAFF, style: 'constructor-properties', fields: ['id:.id', 'email:.email', 'salary:.salary'] },
  {
    feature: 'inventory',
    files: INVENTORY,
    style: 'primitives',
    fields: ['id', 'name', 'status', 'stock', 'supplierId', 'tags', 'releasedAt', 'note'].map((f) => `${f}:.toPrimitives().${f}`),
  },
  // Frozen: the repositories cannot keep what they loaded on the aggregate itself; also on every database server.
  {
    feature: 'vouchers',
    files: VOUCHERS,
    style: 'constructor-properties',
    fields: ['id:.id', 'code:.code', 'percent:.percent', 'tags:.tags', 'expiresAt:.expiresAt'],
    everyDatabase: true,
  },
  { feature: 'pricing', files: PRICING, style: 'constructor-properties', fields: ['id:.id', 'sku:.sku', 'list:.list', 'floor:.floor'] },
  // Child tables with number keys and a cascading foreign key: also run on every database server.
  // State in shared-kernel base classes (id, createdAt, updatedAt, props behind getProps()), rebuilt through the inherited constructor.
  {
    feature: 'membership',
    files: MEMBERSHIP,
    style: 'props-object',
    fields: [
      'id:.id',
      'email:.getProps().email',
      'role:.role',
      'address:.getProps().address',
      'nickname:.getProps().nickname',
      'createdAt:.createdAt',
      'updatedAt:.updatedAt',
    ],
    everyDatabase: true,
  },
  {
    feature: 'kitchen',
    files: KITCHEN,
    style: 'constructor-properties',
    fields: ['id:.id', 'title:.title', 'servings:.servings', 'ingredients:.ingredients'],
    everyDatabase: true,
  },
])('an aggregate in the $style style ($feature)', ({ feature, files, style, fields, everyDatabase }) => {
  it('is read with each stored field and how to read it, derived getters left out', () => {
    // The same tsconfig the generated code compiles under: the membership fixture's shared kernel imports node:crypto.
    const { aggregate } = readDomain(loadProjectContext(writeProject(files, { compiled: true })), DEFAULT_CONFIG, feature);

    expect(aggregate.style).toBe(style);
    expect(aggregate.fields.map((f) => `${f.name}:${f.access}`)).toEqual(fields);
  });

  it('gets an infrastructure layer (type-checked and run below)', async () => {
    await batch.generate(feature, files, feature);
    if (everyDatabase) onEveryDatabase.push(feature);
  });
});

describe('child tables on TypeORM 1.x (kitchen)', () => {
  // The child-row writes build their own SQL (upserts, deletes): this runs them through better-sqlite3 and
  // TypeORM 1.x's drivers as well. In CI only (FULL_RUN): the same project runs on TypeORM 0.3 above.
  it.runIf(FULL_RUN)('gets an infrastructure layer on TypeORM 1.x (type-checked and run below)', async () => {
    await batch.generate('kitchen on TypeORM 1.x', KITCHEN, 'kitchen', { typeorm: '1' });
    onEveryDatabase.push('kitchen on TypeORM 1.x');
  });
});

describe('every aggregate above', () => {
  it('type-checks under strict and passes its own round-trip and query tests (better-sqlite3 on TypeORM 1.x)', () => {
    batch.typecheck();
    batch.runSuites();
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
