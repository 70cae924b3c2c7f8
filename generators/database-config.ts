import { featureEntryOf, type FeatureEntry } from '../src/manifest.js';
import type { Artifact, GeneratorContext } from '../src/render/artifact.js';
import { entityLoadingImports } from './entity-schema.js';

/** Every feature's entities and migrations: this run's, plus those the manifest records for the others. */
export function registeredFeatures(context: GeneratorContext): Record<string, FeatureEntry> {
  return {
    ...context.project.manifest.features,
    [context.model.feature]: featureEntryOf(context.aggregates ?? [context], context.entityStyle, context.migrations.migrations),
  };
}

/** `createDataSource()`: the project's one DataSource factory, registering every feature's entities and migrations (from the persistence index). */
export function databaseConfig(context: GeneratorContext): Artifact {
  const path = context.layout.databaseConfig;
  const imports = entityLoadingImports(context.entityStyle)
    .add('typeorm', 'DataSource')
    .add('typeorm', 'DataSourceOptions', { typeOnly: true })
    .add('typeorm', 'Logger', { typeOnly: true })
    .add(context.specifiers.generated(path, context.layout.persistenceIndex), 'entities')
    .add(context.specifiers.generated(path, context.layout.persistenceIndex), 'migrations');
  return {
    path,
    template: 'database-config.ejs',
    source: context.layout.manifest,
    data: {
      imports: imports.lines(),
      // TypeORM 1.x has no `sqlite` driver (it dropped sqlite3); better-sqlite3 is its SQLite.
      sqliteType: context.typeorm === '1' ? 'better-sqlite3' : 'sqlite',
      sqlitePackage: context.typeorm === '1' ? 'better-sqlite3' : 'sqlite3',
    },
  };
}
