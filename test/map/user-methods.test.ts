import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/config/project-config.js';
import { GenError } from '../../src/errors.js';
import { mapFeature } from '../../src/map/map-feature.js';
import type { PersistenceModel } from '../../src/map/persistence-model.js';
import { keepUserMethods, type CustomFile } from '../../src/map/user-methods.js';
import { loadProjectContext } from '../../src/project-context.js';
import { readDomain } from '../../src/read/domain-reader.js';
import { withPortMethods } from '../support/fixtures.js';
import { writeProject } from '../support/projects.js';
import { thrown } from '../support/thrown.js';

function model(methods: string): PersistenceModel {
  return mapFeature(readDomain(loadProjectContext(writeProject(withPortMethods(methods))), DEFAULT_CONFIG, 'ordering'));
}

const PORT = `  save(order: Order): Promise<void>;
  findById(id: OrderId): Promise<Order | null>;
  findDormant(since: Date): Promise<Order[]>;`;

const typeorm = (methods: CustomFile['methods']): CustomFile => ({
  path: 'src/repositories/order.repository.custom.ts',
  className: 'TypeOrmOrderRepositoryCustom',
  methods,
});
const inMemory = (methods: CustomFile['methods']): CustomFile => ({
  path: 'src/in-memory/order.repository.custom.ts',
  className: 'InMemoryOrderRepositoryCustom',
  methods,
});

const kinds = (m: PersistenceModel) => Object.fromEntries(m.methods.map((method) => [method.method.name, method.kind]));

describe('keepUserMethods', () => {
  it('leaves the model as it is when the custom files hold only stubs and hand-written methods', () => {
    const mapped = model(PORT);
    const kept = keepUserMethods(
      mapped,
      typeorm([
        { name: 'findById', line: 8, stub: true },
        { name: 'findDormant', line: 12, stub: false },
      ]),
      undefined,
    );
    expect(kept).toEqual({ model: mapped, typeorm: mapped, inMemory: mapped, warnings: [] });
  });

  it('keeps a method the user wrote in both custom files hand-written in both repositories, and warns at each', () => {
    const kept = keepUserMethods(
      model(PORT),
      typeorm([{ name: 'findById', line: 8, stub: false }]),
      inMemory([{ name: 'findById', line: 9, stub: false }]),
    );
    const expected = { save: 'save', findById: 'hand-written', findDormant: 'hand-written' };
    expect([kinds(kept.model), kinds(kept.typeorm), kinds(kept.inMemory)]).toEqual([expected, expected, expected]);
    expect(kept.model.methods[1]).toMatchObject({
      written: ['src/repositories/order.repository.custom.ts', 'src/in-memory/order.repository.custom.ts'],
    });
    expect(kept.warnings).toEqual([
      "src/repositories/order.repository.custom.ts:8 and src/in-memory/order.repository.custom.ts:9: OrderRepository.findById is written by hand; gen can now implement it, but leaves yours to run (the generated repositories do not override it; the generated tests leave findById to your own suite). Delete it from the custom files to let gen's implementation take over.",
    ]);
  });

  it("keeps gen's implementation in the repository whose custom file does not have the user's body", () => {
    const kept = keepUserMethods(
      model(PORT),
      typeorm([{ name: 'findById', line: 8, stub: true }]),
      inMemory([{ name: 'findById', line: 9, stub: false }]),
    );
    expect(kinds(kept.model)).toMatchObject({ findById: 'hand-written' });
    expect(kinds(kept.inMemory)).toMatchObject({ findById: 'hand-written' });
    expect(kinds(kept.typeorm)).toMatchObject({ findById: 'find-by-id' });
    expect(kept.warnings).toEqual([
      "src/in-memory/order.repository.custom.ts:9: OrderRepository.findById is written by hand; gen can now implement it, but leaves yours to run (InMemoryOrderRepository does not override it, TypeOrmOrderRepository keeps gen's; the contract tests the two repositories share leave findById to your own suite in both, so gen's TypeOrmOrderRepository.findById is not tested either). Delete it from the custom file to let gen's implementation take over.",
    ]);
  });

  it("adds gen's own save for the tests' samples where the user wrote the port's only writer, and refuses where that is save", () => {
    const creating = model('  create(order: Order): Promise<void>;\n  findById(id: OrderId): Promise<Order | null>;');
    const kept = keepUserMethods(creating, typeorm([{ name: 'create', line: 5, stub: false }]), inMemory([]));
    expect(kept.model.methods.map((m) => [m.method.name, m.kind, m.kind === 'save' ? m.inPort : undefined])).toEqual([
      ['create', 'hand-written', undefined],
      ['findById', 'find-by-id', undefined],
      ['save', 'save', false],
    ]);
    // The in-memory repository implements create, and gen's save beside it, as the tests call it on both.
    expect(kinds(kept.inMemory)).toEqual({ create: 'write', findById: 'find-by-id', save: 'save' });

    const error = thrown(() => keepUserMethods(model(PORT), typeorm([{ name: 'save', line: 5, stub: false }]), undefined));
    expect(error).toBeInstanceOf(GenError);
    expect(error.message).toContain("OrderRepository.save is written by hand, and it is the port's only method");
    expect(error.location).toEqual({ file: 'src/repositories/order.repository.custom.ts', line: 5 });
  });

  it("refuses a user's helper named save where gen adds its own beside the user's create, as it refuses the port's save", () => {
    const creating = model('  create(order: Order): Promise<void>;\n  findById(id: OrderId): Promise<Order | null>;');
    for (const [typeormFile, inMemoryFile, at] of [
      [
        typeorm([
          { name: 'create', line: 5, stub: false },
          { name: 'save', line: 9, stub: false },
        ]),
        inMemory([]),
        'src/repositories/order.repository.custom.ts',
      ],
      [
        typeorm([{ name: 'create', line: 5, stub: false }]),
        inMemory([{ name: 'save', line: 9, stub: false }]),
        'src/in-memory/order.repository.custom.ts',
      ],
    ] as const) {
      const error = thrown(() => keepUserMethods(creating, typeormFile, inMemoryFile));
      expect(error).toBeInstanceOf(GenError);
      expect(error.message).toContain('.save is written by hand');
      expect(error.message).toContain('which would override yours');
      expect(error.location).toEqual({ file: at, line: 9 });
      expect(error.hint).toContain('delete create from the custom files');
    }
  });

  it("refuses a user's save where gen adds its own for a port without a writer", () => {
    const reading = model('  findById(id: OrderId): Promise<Order | null>;');
    const error = thrown(() => keepUserMethods(reading, typeorm([{ name: 'save', line: 5, stub: false }]), undefined));
    expect(error).toBeInstanceOf(GenError);
    expect(error.location).toEqual({ file: 'src/repositories/order.repository.custom.ts', line: 5 });
  });
});
