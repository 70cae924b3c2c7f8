import { describe, expect, it } from 'vitest';
import { CATALOG, CLUB, LEDGER, MEMBERS, SHELF, STOCK } from '../fixtures/option-ports.js';
import { databaseServers } from '../support/databases.js';
import { ProjectBatch, read } from '../support/projects.js';

const servers = await databaseServers();

// The projects are type-checked by one tsc and their suites run by one vitest, in the last tests.
const batch = new ProjectBatch();
/** The projects whose suites also run on every database server. */
const onEveryDatabase: string[] = [];

const REPOSITORY = 'src/infrastructure/persistence/repositories/product.repository.ts';

describe.each([
  {
    feature: 'members',
    files: MEMBERS,
    wrapper: 'oxide.ts',
    repository: 'src/infrastructure/persistence/repositories/user.repository.ts',
    imports: "import { None, type Option, Some } from 'oxide.ts';",
    // create/insert/update check before they write, and delete reports what the driver says it deleted: every database.
    everyDatabase: true,
    tests: [
      'resolves to an empty Option for an id that was never saved',
      'insert stores new Users, and none of a list in which one id is stored: DuplicateError',
      'create stores a new User, and refuses one whose id is stored: DuplicateError',
      'update replaces a stored User, and refuses one that is not stored',
      'saveUser resolves to the User it saved',
      'tells whether it deleted a User: false for a missing one, and the second time',
      'findOneByName finds user-1',
      'exists is true',
    ],
  },
  // `cheapest` is hand-written: its stub names O.Option too, and type-checks.
  {
    feature: 'catalog',
    files: CATALOG,
    wrapper: 'fp-ts (namespace)',
    repository: REPOSITORY,
    imports: "import * as O from 'fp-ts/Option';",
    tests: [
      'resolves to an empty Option for an id that was never saved',
      'findOneBySku finds product-1',
      'cheapest is hand-written: test it in your own suite',
    ],
  },
  {
    feature: 'shelf',
    files: SHELF,
    wrapper: 'fp-ts (named)',
    repository: REPOSITORY,
    imports: "import { type Option, none, some } from 'fp-ts/lib/Option';",
    tests: ['resolves to an empty Option for an id that was never saved'],
  },
  {
    feature: 'stock',
    files: STOCK,
    wrapper: 'Effect',
    repository: REPOSITORY,
    imports: "import { Option } from 'effect';",
    tests: ['resolves to an empty Option for an id that was never saved', 'findOneByPrice finds product-1'],
  },
  {
    feature: 'ledger',
    files: LEDGER,
    wrapper: 'the project Maybe of gen.config.json',
    repository: REPOSITORY,
    imports: "import { Maybe } from '../../../domain/shared/maybe';",
    tests: ['resolves to an empty Option for an id that was never saved'],
  },
  {
    feature: 'club',
    files: CLUB,
    wrapper: 'T | undefined, with no save',
    repository: 'src/infrastructure/persistence/repositories/member.repository.ts',
    imports: "import type { DataSource, Repository } from 'typeorm';",
    tests: [
      'insert stores new Members, and none of a list in which one id is stored: DuplicateError',
      'update replaces a stored Member, and refuses one that is not stored',
      'tells whether it deleted a Member: false for a missing one, and the second time',
    ],
  },
])('a port returning $wrapper ($feature)', ({ feature, files, repository, imports, tests, everyDatabase }) => {
  it('gets repositories that build the wrapper as the port imports it, and suites that test each method', async () => {
    const dir = await batch.generate(feature, files, feature);

    expect(read(dir, repository)).toContain(imports);
    const suite = read(dir, `tests/integration/infrastructure/${repository.split('/').pop()!.replace('.ts', '.test.ts')}`);
    for (const title of tests)
      expect(
        [`it('${title}'`, `it.todo('${title}'`].some((call) => suite.includes(call)),
        title,
      ).toBe(true);
    if (everyDatabase) onEveryDatabase.push(feature);
  });
});

describe('every port above', () => {
  it('gets repositories that type-check under strict and pass their generated suites, none skipped', () => {
    batch.typecheck();
    for (const [name, suites] of batch.runSuites()) expect(suites.skipped, `${name}: skipped tests`).toBe(0);
  }, 600_000);

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
