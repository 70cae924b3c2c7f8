import type { Artifact, GeneratorContext } from '../src/render/artifact.js';
import { testApiModule } from './test-api.js';
import { entityLoadingImports } from './entity-schema.js';

/**
 * The project's migration test: each migration's `down` gives back exactly the schema its `up`
 * started from, `up` again gives the same schema, and all of them end with zero drift from the
 * entities. Shared by every feature, like database.ts, so it lives in its own file.
 */
export function migrationsTest({ layout, specifiers, testRunner, entityStyle }: GeneratorContext): Artifact {
  const path = layout.migrationsTest;
  // vitest's or jest's own module, or for mocha the generated one that gives their API.
  const api = testApiModule(testRunner, specifiers, path, layout);
  const imports = entityLoadingImports(entityStyle)
    .add('typeorm', 'QueryRunner', { typeOnly: true })
    .add(api, 'describe')
    .add(api, 'expect')
    .add(api, 'it')
    .add(specifiers.generated(path, layout.databaseConfig), 'createDataSource')
    .add(specifiers.generated(path, layout.persistenceIndex), 'migrations');
  return {
    path,
    template: 'migrations-test.ejs',
    source: layout.manifest,
    data: { imports: imports.lines(), expectMessages: testRunner.name !== 'jest' },
  };
}
