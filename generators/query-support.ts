import type { Artifact, GeneratorContext } from '../src/render/artifact.js';

/** The query semantics both repositories of every feature share: one file per project, the same for all features. */
export function querySupport({ layout }: GeneratorContext): Artifact {
  return { path: layout.querySupport, template: 'query-support.ejs', source: layout.manifest, data: {} };
}
