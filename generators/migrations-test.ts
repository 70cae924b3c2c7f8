import type { Artifact, GeneratorContext } from '../src/render/artifact.js';
import { entityLoadingImports } from './entity-schema.js';

/**
 * The project's migration test: each migration's `down` gives back exactly the schema its `up`
 * started from, `up` again gives the same schema, and all of them end with zero drift from the
 * entities. Shared by every feature, like database.ts, so it lives in its own file.
 */
export function migrationsTest({ layout, specifiers, testRunner, entityStyle }: GeneratorContext): Artifact {
  const path = layout.migrationsTest;
  const imports = entityLoadingImports(entityStyle)
    .add('typeorm', 'QueryRunner', { typeOnly: true })
    .add(testRunner.module, 'describe')
    .add(testRunner.module, 'expect')
    .add(testRunner.module, 'it')
    .add(specifiers.generated(path, layout.databaseConfig), 'createDataSource')
    .add(specifiers.generated(path, layout.persistenceIndex), 'migrations');
  return {
    path,
    template: 'migrations-test.ejs',
    source: layout.manifest,
    data: { imports: imports.lines(), expectMessages: testRunner.name === 'vitest' },
  };
}
