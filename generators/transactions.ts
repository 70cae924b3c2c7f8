import type { Artifact, GeneratorContext } from '../src/render/artifact.js';

/** Transactions that every generated repository of the project joins (TypeORM and in memory): one file per project. */
export function transactions({ layout }: GeneratorContext): Artifact {
  return { path: layout.transactions, template: 'transactions.ejs', source: layout.manifest, data: {} };
}
