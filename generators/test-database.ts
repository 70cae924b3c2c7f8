import type { Artifact, GeneratorContext } from '../src/render/artifact.js';

/** The generated tests' database: one file per project, the same for all features. */
export function testDatabase({ layout, specifiers }: GeneratorContext): Artifact {
  return {
    path: layout.testDatabase,
    template: 'test-database.ejs',
    source: layout.manifest,
    data: { databaseConfig: specifiers.generated(layout.testDatabase, layout.databaseConfig) },
  };
}
