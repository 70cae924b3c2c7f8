import type { Artifact, GeneratorContext } from '../src/render/artifact.js';

/** How TypeORM repositories load aggregates with children: one file per project, written by the features that have children. */
export function aggregateRows({ model, layout }: GeneratorContext): Artifact | undefined {
  if (model.children.length === 0) return undefined;
  return { path: layout.aggregateRows, template: 'aggregate-rows.ejs', source: layout.manifest, data: {} };
}
