import type { Artifact, GeneratorContext } from '../src/render/artifact.js';

/** The errors every generated repository rejects with, TypeORM and in memory alike: one file per project. */
export function persistenceErrors({ layout }: GeneratorContext): Artifact {
  return { path: layout.persistenceErrors, template: 'persistence-errors.ejs', source: layout.manifest, data: {} };
}
