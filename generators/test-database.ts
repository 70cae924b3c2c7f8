import { importPath } from '../src/layout.js';
import type { Artifact, GeneratorContext } from '../src/render/artifact.js';

/** The generated tests' database: one file per project, the same for all features. */
export function testDatabase({ layout }: GeneratorContext): Artifact {
  return {
    path: layout.testDatabase,
    template: 'test-database.ejs',
    source: layout.manifest,
    data: { databaseConfig: importPath(layout.testDatabase, layout.databaseConfig) },
  };
}
