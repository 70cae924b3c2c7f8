import type { Artifact, GeneratorContext } from '../src/render/artifact.js';
import { ImportSet } from '../src/render/imports.js';

/** How every TypeORM repository of the project saves its aggregates (versions, inserts, diffs): one file per project. */
export function aggregateStore({ layout, specifiers, uncheckedIndexedAccess }: GeneratorContext): Artifact {
  const path = layout.aggregateStore;
  const imports = new ImportSet();
  for (const name of ['DataSource', 'EntityManager', 'EntityMetadata', 'ObjectLiteral']) imports.add('typeorm', name, { typeOnly: true });
  imports
    .add(specifiers.generated(path, layout.persistenceErrors), 'ConcurrencyError')
    .add(specifiers.generated(path, layout.persistenceErrors), 'DuplicateError');
  imports
    .add(specifiers.generated(path, layout.transactions), 'onRollback')
    .add(specifiers.generated(path, layout.transactions), 'writeAtomically');
  return {
    path,
    template: 'aggregate-store.ejs',
    source: layout.manifest,
    data: { imports: imports.lines(), held: uncheckedIndexedAccess ? '!' : '' },
  };
}
