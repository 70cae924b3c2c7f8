import { compareText } from '../src/compare.js';
import type { FeatureEntry } from '../src/manifest.js';
import type { Artifact, GeneratorContext } from '../src/render/artifact.js';
import { ImportSet } from '../src/render/imports.js';

/** What this feature registers in database.ts; recorded in the manifest so later runs of other features keep it. */
export function featureEntry(context: GeneratorContext): FeatureEntry {
  return {
    aggregate: context.model.names.aggregate,
    entities: [context.model.names.modelClass, ...context.model.children.map((c) => c.modelClass)].map((className) => ({ className, file: context.layout.model })),
    migrations: context.migrations.migrations,
  };
}

/** Every feature's entities and migrations: this run's, plus those the manifest records for the others. */
export function registeredFeatures(context: GeneratorContext): Record<string, FeatureEntry> {
  return { ...context.project.manifest.features, [context.model.feature]: featureEntry(context) };
}

/** `createDataSource()`: the project's one DataSource factory, registering the entities and migrations of all features. */
export function databaseConfig(context: GeneratorContext): Artifact {
  const path = context.layout.databaseConfig;
  const features = Object.values(registeredFeatures(context));
  const byClass = (a: { className: string }, b: { className: string }) => compareText(a.className, b.className);
  const entities = features.flatMap((f) => f.entities).sort(byClass);
  // Migrations run in timestamp order, so list them that way.
  const migrations = features.flatMap((f) => f.migrations).sort((a, b) => compareText(a.file.split('/').pop()!, b.file.split('/').pop()!));
  const imports = new ImportSet().addSideEffect('reflect-metadata').add('typeorm', 'DataSource').add('typeorm', 'Logger', { typeOnly: true });
  for (const ref of [...entities, ...migrations]) imports.add(context.specifiers.generated(path, ref.file), ref.className);
  return {
    path,
    template: 'database-config.ejs',
    source: context.layout.manifest,
    data: {
      imports: imports.lines(),
      entities: entities.map((e) => e.className),
      migrations: migrations.map((m) => m.className),
      // TypeORM 1.x has no `sqlite` driver (it dropped sqlite3); better-sqlite3 is its SQLite.
      sqliteType: context.typeorm === '1' ? 'better-sqlite3' : 'sqlite',
      sqlitePackage: context.typeorm === '1' ? 'better-sqlite3' : 'sqlite3',
    },
  };
}
