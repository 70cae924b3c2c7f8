import type { Artifact, GeneratorContext } from '../src/render/artifact.js';
import { ImportSet } from '../src/render/imports.js';

/** How TypeORM repositories load aggregates with children: one file per project, written by the features that have children. */
export function aggregateRows({ model, layout, specifiers }: GeneratorContext): Artifact | undefined {
  if (model.children.length === 0) return undefined;
  const imports = new ImportSet();
  for (const name of [
    'DataSource',
    'EntityManager',
    'EntityMetadata',
    'FindOptionsOrder',
    'FindOptionsWhere',
    'ObjectLiteral',
    'SelectQueryBuilder',
  ])
    imports.add('typeorm', name, { typeOnly: true });
  // Reads join the transaction that is running (support/transactions.ts).
  imports.add(specifiers.generated(layout.aggregateRows, layout.transactions), 'exclusive');
  imports.add(specifiers.generated(layout.aggregateRows, layout.transactions), 'managerOf');
  return { path: layout.aggregateRows, template: 'aggregate-rows.ejs', source: layout.manifest, data: { imports: imports.lines() } };
}
