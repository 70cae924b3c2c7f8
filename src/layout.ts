import { featureDir, type ProjectConfig } from './config/project-config.js';
import type { NameSet } from './map/persistence-model.js';
import { featureFileNames, type FileNameStyle } from './render/file-names.js';

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
  /** Every generated entity and migration of the project, for a DataSource of the project's own. */
  persistenceIndex: string;
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

export function artifactLayout(config: ProjectConfig, feature: string, names: NameSet, style: FileNameStyle = 'kebab'): ArtifactLayout {
  const persistence = `${config.infrastructureDir}/persistence`;
  const plansDir = featureDir(config.plansDir, feature);
  const files = featureFileNames(style, names);
  return {
    model: `${persistence}/models/${files.model}`,
    mapper: `${persistence}/mappers/${files.mapper}`,
    repository: `${persistence}/repositories/${files.repository}`,
    inMemoryRepository: `${persistence}/in-memory/${files.inMemoryRepository}`,
    repositoryCustom: `${persistence}/repositories/${files.repositoryCustom}`,
    inMemoryRepositoryCustom: `${persistence}/in-memory/${files.inMemoryRepositoryCustom}`,
    querySupport: `${persistence}/support/query-semantics.ts`,
    aggregateRows: `${persistence}/support/aggregate-rows.ts`,
    migrationsDir: `${persistence}/migrations`,
    persistenceIndex: `${persistence}/index.ts`,
    databaseConfig: `${config.infrastructureDir}/config/database.ts`,
    test: `${config.testsDir}/${files.test}`,
    migrationsTest: `${config.testsDir}/migrations.test.ts`,
    testDatabase: `${config.testsDir}/support/test-database.ts`,
    plan: `${plansDir}/003-infrastructure-layer.md`,
    plansDir,
    applicationDir: config.applicationDir,
    infrastructureDir: config.infrastructureDir,
    manifest: MANIFEST_FILE,
  };
}
