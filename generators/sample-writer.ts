import { GenError } from '../src/errors.js';
import type { PersistenceModel, RepositoryMethod } from '../src/map/persistence-model.js';

type Writer = Extract<RepositoryMethod, { kind: 'save' }> | Extract<RepositoryMethod, { kind: 'write' }>;

/**
 * The port method the generated tests store their samples with: `save`, else (a port with only `create`/`insert`)
 * that method, and the call that stores one (`insert([x])` when it takes only lists). A port with neither is an error.
 */
export function sampleWriter(model: PersistenceModel): { method: Writer; store: (argument: string) => string } {
  const { port, names } = model;
  const save = model.methods.find((m): m is Writer => m.kind === 'save');
  const creator = model.methods.find((m): m is Writer => m.kind === 'write' && m.mode === 'create');
  const method = save ?? creator;
  if (!method)
    throw new GenError(
      `port ${port.name} has no method that stores a new ${names.aggregate}`,
      port.location,
      'Add save(x), upsert(x), create(x) or insert(x): the generated tests need one to store their samples.',
    );
  return {
    method,
    store: (argument) => `${method.method.name}(${method.kind === 'write' && method.list === 'yes' ? `[${argument}]` : argument})`,
  };
}
