import { loadProjectContext } from '../../src/project-context.js';
import { describe, expect, it } from 'vitest';
import { methodSignature } from '../../generators/port-signature.js';
import { DEFAULT_CONFIG } from '../../src/config/project-config.js';
import { mapFeature } from '../../src/map/map-feature.js';
import { readDomain } from '../../src/read/domain-reader.js';
import { ORDER_DOMAIN, PORT_FILE, withPortMethods } from '../support/fixtures.js';
import { writeProject } from '../support/projects.js';

/** The mapped method `name` of the Order port with `declaration` added to its methods. */
function mapped(declaration: string, name: string) {
  const model = mapFeature(
    readDomain(
      loadProjectContext(writeProject(withPortMethods(`  save(order: Order): Promise<void>;\n  ${declaration}`))),
      DEFAULT_CONFIG,
      'ordering',
    ),
  );
  return model.methods.find((m) => m.method.name === name)!;
}

describe('transaction methods', () => {
  it.each([
    ['transaction<T>(work: () => Promise<T>): Promise<T>;', 'transaction', 'T'],
    ['runInTransaction<R>(fn: () => Promise<R>): Promise<R>;', 'runInTransaction', 'R'],
    ['withTransaction<Result>(work: () => Promise<Result>): Promise<Result>;', 'withTransaction', 'Result'],
    ['inTransaction<T>(work: () => Promise<T>): Promise<T>;', 'inTransaction', 'T'],
  ])('implements %s', (declaration, name, typeParameter) => {
    const method = mapped(declaration, name);

    expect(method).toMatchObject({ kind: 'transaction', typeParameter });
    expect(methodSignature(method.method)).toBe(
      `async ${name}<${typeParameter}>(${method.method.parameters[0].name}: () => Promise<${typeParameter}>): Promise<${typeParameter}>`,
    );
  });

  it.each([
    ['a callback that does not return a promise', 'transaction<T>(work: () => T): Promise<T>;'],
    ['a callback that takes the transaction', 'transaction<T>(work: (manager: object) => Promise<T>): Promise<T>;'],
    ['a method that is not generic', 'transaction(work: () => Promise<void>): Promise<void>;'],
    ['a result that is not the callback one', 'transaction<T>(work: () => Promise<T>): Promise<void>;'],
    ['an optional callback', 'transaction<T>(work?: () => Promise<T>): Promise<T>;'],
    ['two parameters', 'transaction<T>(label: string, work: () => Promise<T>): Promise<T>;'],
    ['two type parameters', 'transaction<T, U>(work: () => Promise<T>): Promise<T>;'],
  ])('leaves %s to the user', (_, declaration) => {
    expect(mapped(declaration, 'transaction').kind).toBe('hand-written');
  });

  it('leaves a method of the same shape under another name to the user, as a stub that keeps its type parameter', () => {
    const method = mapped('retry<T>(work: () => Promise<T>): Promise<T>;', 'retry');

    expect(method.kind).toBe('hand-written');
    expect(methodSignature(method.method, { unusedParameters: true })).toBe('async retry<T>(_work: () => Promise<T>): Promise<T>');
  });

  it('implements one inherited from a generic base port, as domain-driven-hexagon declares it', () => {
    const files = {
      ...ORDER_DOMAIN,
      'src/libs/ddd/repository.port.ts': `export interface RepositoryPort<Entity> {
  save(entity: Entity): Promise<void>;
  transaction<T>(handler: () => Promise<T>): Promise<T>;
}
`,
      [PORT_FILE]: `import type { Order } from './order';
import type { RepositoryPort } from '../../../libs/ddd/repository.port';

export interface OrderRepository extends RepositoryPort<Order> {}
`,
    };
    const model = mapFeature(readDomain(loadProjectContext(writeProject(files)), DEFAULT_CONFIG, 'ordering'));
    const method = model.methods.find((m) => m.method.name === 'transaction')!;

    expect(method).toMatchObject({ kind: 'transaction', typeParameter: 'T' });
    expect(methodSignature(method.method)).toBe('async transaction<T>(handler: () => Promise<T>): Promise<T>');
  });
});
