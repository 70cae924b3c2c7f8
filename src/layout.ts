import { posix } from 'node:path';
import type { NameSet } from './map/persistence-model.js';
import type { FeaturePaths } from './read/feature-locator.js';

/** Where every artifact of one feature goes, relative to the project root (POSIX paths). */
export interface ArtifactLayout {
  model: string;
  mapper: string;
  repository: string;
  inMemoryRepository: string;
  /** The user-owned parts of the repositories, for methods gen cannot derive: created once, never overwritten. */
  repositoryCustom: string;
  inMemoryRepositoryCustom: string;
  querySupport: string;
  /** Loads roots with their child collections (features with children). */
  aggregateRows: string;
  migrationsDir: string;
  databaseConfig: string;
  test: string;
  /** The project's one test that every migration's down undoes its up. */
  migrationsTest: string;
  /** Where the generated tests get their database (SQLite in memory, or GEN_TEST_DATABASE_URL's). */
  testDatabase: string;
  plan: string;
  plansDir: string;
  applicationDir: string;
  infrastructureDir: string;
  manifest: string;
}

export const MANIFEST_FILE = '.gen/manifest.json';

/**
 * `paths`: the feature's folders, from its layout. The feature's own files go to its infrastructure and tests
 * folders; what every feature shares (database config, migrations, query support, test database) to the
 * project's one database and shared-tests folders, so runs of different features agree on where they are.
 */
export function artifactLayout(paths: FeaturePaths, names: NameSet): ArtifactLayout {
  const persistence = `${paths.infrastructureDir}/persistence`;
  const shared = `${paths.databaseDir}/persistence`;
  const plansDir = paths.plansDir;
  return {
    model: `${persistence}/models/${names.kebab}.model.ts`,
    mapper: `${persistence}/mappers/${names.kebab}.mapper.ts`,
    repository: `${persistence}/repositories/${names.kebab}.repository.ts`,
    inMemoryRepository: `${persistence}/in-memory/${names.kebab}.repository.ts`,
    repositoryCustom: `${persistence}/repositories/${names.kebab}.repository.custom.ts`,
    inMemoryRepositoryCustom: `${persistence}/in-memory/${names.kebab}.repository.custom.ts`,
    querySupport: `${shared}/support/query-semantics.ts`,
    aggregateRows: `${shared}/support/aggregate-rows.ts`,
    migrationsDir: `${shared}/migrations`,
    databaseConfig: `${paths.databaseDir}/config/database.ts`,
    test: `${paths.testsDir}/${names.kebab}.repository.test.ts`,
    migrationsTest: `${paths.sharedTestsDir}/migrations.test.ts`,
    testDatabase: `${paths.sharedTestsDir}/support/test-database.ts`,
    plan: `${plansDir}/003-infrastructure-layer.md`,
    plansDir,
    applicationDir: paths.applicationDir,
    infrastructureDir: paths.infrastructureDir,
    manifest: MANIFEST_FILE,
  };
}

/** The specifier with which `from` imports `to` (both project-relative .ts paths): relative, no extension. */
export function importPath(from: string, to: string): string {
  const relative = posix.relative(posix.dirname(from), to.replace(/\.ts$/, ''));
  return relative.startsWith('.') ? relative : `./${relative}`;
}
