import type { PersistenceModel, RepositoryMethod } from '../src/map/persistence-model.js';

type Writer = Extract<RepositoryMethod, { kind: 'save' }> | Extract<RepositoryMethod, { kind: 'write' }>;

/**
 * The method the generated tests store their samples with: `save` (the port's, or gen's own where the port has no
 * writer of new ones: map-feature.ts), else (a port with only `create`/`insert`) that method, and the call that
 * stores one (`insert([x])` when it takes only lists).
 */
export function sampleWriter(model: PersistenceModel): { method: Writer; store: (argument: string) => string } {
  const { port, names } = model;
  const save = model.methods.find((m): m is Writer => m.kind === 'save');
  const creator = model.methods.find((m): m is Writer => m.kind === 'write' && m.mode === 'create');
  const method = save ?? creator;
  if (!method) throw new Error(`${port.name}: the map stage gives every model a method that stores a new ${names.aggregate}`);
  return {
    method,
    store: (argument) => `${method.method.name}(${method.kind === 'write' && method.list === 'yes' ? `[${argument}]` : argument})`,
  };
}

/**
 * The type the generated tests hold a repository as: every port it implements, and, where the tests store samples
 * with gen's own `save` (outside the port), that method as the TypeORM class declares it (the twin's is the same).
 */
export function subjectType(model: PersistenceModel): string {
  const ports = model.port.ports.map((p) => p.name).join(' & ');
  const { method } = sampleWriter(model);
  const own = method.kind === 'save' && method.inPort === false ? [method.method.name] : [];
  // A port method declared `void` is held as the class declares it (Promise<void>), so the tests await a Promise.
  const awaited = model.methods.filter((m) => m.method.declaredSync === true).map((m) => m.method.name);
  const taken = [...new Set([...own, ...awaited])].map((name) => `'${name}'`).join(' | ');
  if (taken === '') return ports;
  const held = awaited.length > 0 ? `Omit<${ports}, ${awaited.map((name) => `'${name}'`).join(' | ')}>` : ports;
  return `${held} & Pick<${model.names.typeOrmRepositoryClass}, ${taken}>`;
}
