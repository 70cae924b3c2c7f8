import { pascalCase } from 'change-case';
import picomatch from 'picomatch';
import type { NameSet } from './map/persistence-model.js';
import type { FeaturePaths } from './read/feature-locator.js';
import { featureFileNames, type FileNameStyle } from './render/file-names.js';

/** Where every artifact of one feature goes, relative to the project root (POSIX paths). */
export interface ArtifactLayout {
  /** The ORM entity (the persistence model class, `OrderModel`). */
  entity: string;
  mapper: string;
  repository: string;
  inMemoryRepository: string;
  /** The user-owned parts of the repositories, for methods gen cannot derive: created once, never overwritten. */
  repositoryCustom: string;
  inMemoryRepositoryCustom: string;
  /** NestJS projects: the module that provides the port's token. */
  nestModule: string;
  querySupport: string;
  /** Queries read at run time (Criteria, page requests): shared support, and each feature's fields and readers. */
  dynamicQuerySupport: string;
  queries: string;
  /** Loads roots with their child collections (features with children). */
  aggregateRows: string;
  /** The transaction every generated repository joins (AsyncLocalStorage), and its in-memory twin. */
  transactions: string;
  /** The typed errors both repositories of every feature reject with (stale or duplicate writes, unstorable values). */
  persistenceErrors: string;
  /** How every TypeORM repository saves its aggregates: versions, plain inserts, what changed since the load. */
  aggregateStore: string;
  /** The checks both repositories run on every value before it reaches SQL (NUL, lengths, NaN, dates, enums, pages). */
  valueChecks: string;
  /** With --outbox: the outbox table's entity and the rows of pulled domain events. */
  outbox: string;
  migrationsDir: string;
  /** Every generated entity and migration of the project, for a DataSource of the project's own. */
  persistenceIndex: string;
  databaseConfig: string;
  /** NestJS projects: the DataSource the TypeORM CLI runs the migrations with. */
  dataSource: string;
  test: string;
  /** The project's one test that every migration's down undoes its up. */
  migrationsTest: string;
  /** Where the generated tests get their database (SQLite in memory, or GEN_TEST_DATABASE_URL's). */
  testDatabase: string;
  /** Mocha projects: the vitest-style `describe.each`, hooks and `expect` the generated tests use, on mocha and node:assert. */
  testApi: string;
  /** The plan document (documentation/plans/<feature>/003-infrastructure-layer.md). */
  planDocument: string;
  planDocumentsDir: string;
  applicationDir: string;
  infrastructureDir: string;
  manifest: string;
}

export const MANIFEST_FILE = '.gen/manifest.json';

/**
 * `paths`: the feature's folders, from its layout. The feature's own files go to its infrastructure and tests
 * folders; what every feature shares (database config, migrations, query support, persistence index, test
 * database) to the project's one database and shared-tests folders, so runs of different features agree on
 * where they are. `style`: the project's file-name style.
 */
export function artifactLayout(paths: FeaturePaths, names: NameSet, style: FileNameStyle = 'kebab'): ArtifactLayout {
  const persistence = `${paths.infrastructureDir}/persistence`;
  const shared = `${paths.databaseDir}/persistence`;
  const plansDir = paths.plansDir;
  const files = featureFileNames(style, names);
  return {
    entity: `${persistence}/models/${files.model}`,
    mapper: `${persistence}/mappers/${files.mapper}`,
    repository: `${persistence}/repositories/${files.repository}`,
    inMemoryRepository: `${persistence}/in-memory/${files.inMemoryRepository}`,
    repositoryCustom: `${persistence}/repositories/${files.repositoryCustom}`,
    inMemoryRepositoryCustom: `${persistence}/in-memory/${files.inMemoryRepositoryCustom}`,
    nestModule: `${persistence}/${files.nestModule}`,
    querySupport: `${shared}/support/query-semantics.ts`,
    dynamicQuerySupport: `${shared}/support/dynamic-queries.ts`,
    queries: `${persistence}/queries/${files.queries}`,
    aggregateRows: `${shared}/support/aggregate-rows.ts`,
    transactions: `${shared}/support/transactions.ts`,
    persistenceErrors: `${shared}/support/errors.ts`,
    aggregateStore: `${shared}/support/aggregate-store.ts`,
    valueChecks: `${shared}/support/value-checks.ts`,
    outbox: `${shared}/support/outbox.ts`,
    migrationsDir: `${shared}/migrations`,
    persistenceIndex: `${shared}/index.ts`,
    databaseConfig: `${paths.databaseDir}/config/database.ts`,
    dataSource: `${paths.databaseDir}/config/data-source.ts`,
    test: `${paths.testsDir}/${files.test}`,
    migrationsTest: `${paths.sharedTestsDir}/migrations.test.ts`,
    testDatabase: `${paths.sharedTestsDir}/support/test-database.ts`,
    testApi: `${paths.sharedTestsDir}/support/test-api.ts`,
    planDocument: `${plansDir}/003-infrastructure-layer.md`,
    planDocumentsDir: plansDir,
    applicationDir: paths.applicationDir,
    infrastructureDir: paths.infrastructureDir,
    manifest: MANIFEST_FILE,
  };
}

/** A feature of several aggregates has one Nest module, named for the feature, where each aggregate's would be. */
export function featureNestModule(layout: ArtifactLayout, feature: string, style: FileNameStyle): string {
  const folder = layout.nestModule.slice(0, layout.nestModule.lastIndexOf('/'));
  return `${folder}/${style === 'pascal' ? `${pascalCase(feature)}PersistenceModule.ts` : `${feature}-persistence.module.ts`}`;
}

/** Which test files the project's runner picks up (see config/test-discovery.ts). */
export interface TestFinder {
  from: string;
  finds(path: string): boolean;
  entryFor(folder: string, suffix: string): string;
}

/**
 * The layout with its two test files where the project's test runner finds them: as the layout says, else named
 * `.spec.ts` (Nest's `testRegex`), else beside the code they test (a jest `rootDir: src`), else as the layout
 * says with a warning naming the one configuration entry that makes the runner find them. Tests placed under the
 * tsconfig's `rootDir` take their support files with them (`test-support/` beside the migrations test): tsc refuses
 * a file they import from outside it (TS6059), whatever `include` says.
 */
export function placeTests(layout: ArtifactLayout, finder: TestFinder, rootDir?: string): { layout: ArtifactLayout; warning?: string } {
  const spec = (path: string) => path.replace(/\.test\.ts$/, '.spec.ts');
  const folder = (path: string) => path.slice(0, path.lastIndexOf('/'));
  const name = (path: string) => path.slice(path.lastIndexOf('/') + 1);
  // The same path under the project's other test root (`test/` where the layout says `tests/`), where its runner looks.
  const roots = ['test', 'tests', 'spec', '__tests__'];
  const rerooted = (path: string) => {
    const [first, ...rest] = path.split('/');
    return roots.includes(first) ? roots.filter((root) => root !== first).map((root) => [root, ...rest].join('/')) : [];
  };
  const candidates = (test: string, besideDir: string) => [
    test,
    spec(test),
    ...rerooted(test).flatMap((path) => [path, spec(path)]),
    `${besideDir}/${name(test)}`,
    `${besideDir}/${spec(name(test))}`,
  ];
  const test = candidates(layout.test, folder(layout.repository)).find((path) => finder.finds(path));
  const migrationsTest = candidates(layout.migrationsTest, folder(layout.migrationsDir)).find((path) => finder.finds(path));
  if (test === undefined || migrationsTest === undefined) {
    const missed = [...(test === undefined ? [layout.test] : []), ...(migrationsTest === undefined ? [layout.migrationsTest] : [])];
    // One entry for the folder holding every missed test: the feature's suite and the shared migrations test.
    return {
      layout,
      warning: `${finder.from} does not pick up ${missed.join(' or ')}: the generated tests would never run. Add ${finder.entryFor(commonFolder(missed.map(folder)), '.test.ts')}, or set "testsDir" in gen.config.json to a folder it runs.`,
    };
  }
  // The tests' support files go with the migrations test when that moved to the project's other test root.
  const root = (path: string) => path.split('/')[0];
  const moved =
    root(migrationsTest) !== root(layout.migrationsTest) && rerooted(layout.migrationsTest).some((p) => root(p) === root(migrationsTest));
  const rerootedSupport = (path: string) =>
    moved && root(path) === root(layout.migrationsTest) ? [root(migrationsTest), ...path.split('/').slice(1)].join('/') : path;
  const base = rootDir?.replace(/^\.\/?/, '').replace(/\/$/, '');
  const under = (path: string) => base !== undefined && base !== '' && path.startsWith(`${base}/`);
  const support = (path: string) => {
    const placed = rerootedSupport(path);
    if (under(placed) || !(under(test) || under(migrationsTest))) return placed;
    return `${folder(under(migrationsTest) ? migrationsTest : test)}/test-support/${name(placed)}`;
  };
  return { layout: { ...layout, test, migrationsTest, testDatabase: support(layout.testDatabase), testApi: support(layout.testApi) } };
}

/** The deepest folder holding all of the given folders ('' when they share none). */
function commonFolder(folders: readonly string[]): string {
  const [first, ...rest] = folders.map((f) => f.split('/'));
  let length = first.length;
  for (const parts of rest) {
    let same = 0;
    while (same < Math.min(length, parts.length) && parts[same] === first[same]) same++;
    length = same;
  }
  return first.slice(0, length).join('/');
}

/** What of a tsconfig.json decides whether tsc compiles a file: its rootDir and its include/exclude (project-relative). */
export interface CompiledFiles {
  rootDir?: string;
  include?: readonly string[];
  exclude?: readonly string[];
}

/**
 * A generated test outside the tsconfig's `rootDir` that its `include` still takes (the default include takes every
 * file) breaks the project's own `tsc -p tsconfig.json` (TS6059, "not under rootDir"): said, with the two ways out.
 */
export function rootDirWarning(paths: readonly string[], compiled: CompiledFiles): string | undefined {
  const rootDir = compiled.rootDir?.replace(/^\.\/?/, '').replace(/\/$/, '');
  if (rootDir === undefined || rootDir === '') return undefined;
  const matcher = (specs: readonly string[]) => {
    const matches = specs.map((spec) => {
      const clean = spec.replace(/^\.\/?/, '').replace(/\/$/, '');
      if (picomatch.scan(clean).isGlob) return picomatch(clean, { dot: true });
      return (path: string) => path === clean || path.startsWith(`${clean}/`);
    });
    return (path: string) => matches.some((match) => match(path));
  };
  const included = matcher(compiled.include ?? ['**/*']);
  const excluded = matcher(compiled.exclude ?? []);
  const outside = paths.filter((path) => !path.startsWith(`${rootDir}/`) && included(path) && !excluded(path));
  if (outside.length === 0) return undefined;
  const folder = commonFolder(outside.map((path) => path.slice(0, path.lastIndexOf('/'))));
  return `tsconfig.json sets rootDir to ${rootDir} and includes ${outside[0]}, outside it: the project's tsc -p tsconfig.json would fail on the generated tests (TS6059). Set "testsDir" and "sharedTestsDir" in gen.config.json to folders under ${rootDir}/, or add "${folder.split('/')[0]}" to "exclude" in tsconfig.json.`;
}
