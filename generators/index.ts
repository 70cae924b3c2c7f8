import type { ArtifactGenerator } from '../src/render/artifact.js';
import { databaseConfig } from './database-config.js';
import { inMemoryRepositoryCustom } from './in-memory-repository-custom.js';
import { entity } from './entity.js';
import { entitySchema } from './entity-schema.js';
import { inMemoryRepository } from './in-memory-repository.js';
import { mapper } from './mapper.js';
import { migration } from './migration.js';
import { migrationsTest } from './migrations-test.js';
import { persistenceIndex } from './persistence-index.js';
import { planDocument } from './plan-document.js';
import { repository } from './repository.js';
import { repositoryCustom } from './repository-custom.js';
import { querySupport } from './query-support.js';
import { aggregateRows } from './aggregate-rows.js';
import { dynamicQuerySupport, featureQueries } from './dynamic-queries.js';
import { repositoryTest } from './repository-test.js';
import { queriesTest } from './queries-test.js';
import { testDatabase } from './test-database.js';
import { testApi } from './test-api.js';
import { transactions } from './transactions.js';
import { persistenceErrors } from './persistence-errors.js';
import { aggregateStore } from './aggregate-store.js';
import { outbox } from './outbox.js';
import { cliDataSource, nestModule } from './nest-module.js';
import { valueChecks } from './value-checks.js';

/** Every artifact of `gen infra`, one generator (and one template) each. */
export const INFRA_GENERATORS: readonly ArtifactGenerator[] = [
  (context) => (context.entityStyle === 'schema' ? entitySchema(context) : entity(context)),
  mapper,
  repository,
  repositoryCustom,
  inMemoryRepository,
  inMemoryRepositoryCustom,
  nestModule,
  querySupport,
  aggregateRows,
  transactions,
  persistenceErrors,
  aggregateStore,
  valueChecks,
  outbox,
  featureQueries,
  dynamicQuerySupport,
  migration,
  persistenceIndex,
  databaseConfig,
  cliDataSource,
  repositoryTest,
  queriesTest,
  migrationsTest,
  testDatabase,
  testApi,
  planDocument,
];

/** The artifacts of a feature as a whole, rendered once however many aggregates it holds: the rest are rendered per aggregate. */
export const FEATURE_GENERATORS: ReadonlySet<ArtifactGenerator> = new Set([nestModule, migration, planDocument]);

export { migration } from './migration.js';
export { planDocument } from './plan-document.js';
