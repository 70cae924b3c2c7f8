import type { Artifact, GeneratorContext } from '../src/render/artifact.js';
import { ImportSet } from '../src/render/imports.js';

/** Transactions that every generated repository of the project joins (TypeORM and in memory): one file per project. */
export function transactions({ layout, specifiers }: GeneratorContext): Artifact {
  const imports = new ImportSet().add('node:async_hooks', 'AsyncLocalStorage');
  for (const name of ['DataSource', 'EntityManager', 'EntityTarget', 'ObjectLiteral', 'Repository'])
    imports.add('typeorm', name, { typeOnly: true });
  // What a transaction and the in-memory saves reject with (the TypeORM saves reject with the same, from aggregate-store.ts).
  for (const name of ['ConcurrencyError', 'DuplicateError', 'TransactionRolledBackError'])
    imports.add(specifiers.generated(layout.transactions, layout.persistenceErrors), name);
  return { path: layout.transactions, template: 'transactions.ejs', source: layout.manifest, data: { imports: imports.lines() } };
}
