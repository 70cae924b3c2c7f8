import { loadProjectContext } from '../../src/project-context.js';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, type ProjectConfig } from '../../src/config/project-config.js';
import type { TypeUse } from '../../src/model/domain-model.js';
import { readDomain } from '../../src/read/domain-reader.js';
import { ORDER_DOMAIN, PORT_FILE } from '../support/fixtures.js';
import { writeProject } from '../support/projects.js';

const MAYBE = { type: 'Maybe', some: 'Maybe.some(value)', none: 'Maybe.none()', isSome: 'option.isSome()', get: 'option.getValue()' };

/** The return of `findById` in a port with the given imports and return type. */
function returnOf(imports: string, returns: string, extra: Record<string, string> = {}, config: ProjectConfig = DEFAULT_CONFIG): TypeUse {
  const port = `import { Order } from './order';
import { OrderId } from './order-id';
import { loadProjectContext } from '../../src/project-context.js';
${imports}

export interface OrderRepository {
  save(order: Order): Promise<void>;
  findById(id: OrderId): Promise<${returns}>;
}
`;
  const domain = readDomain(loadProjectContext(writeProject({ ...ORDER_DOMAIN, ...extra, [PORT_FILE]: port })), config, 'ordering');
  return domain.port.methods.find((m) => m.name === 'findById')!.returns;
}

describe('not-found encodings in a port', () => {
  it.each([
    ['', 'Order | null', 'null'],
    ['', 'Order | undefined', 'undefined'],
    ['type Nullable<T> = T | null;', 'Nullable<Order>', 'null'],
    ['', 'Order', 'none'],
  ])('%s %s: absent is %s', (imports, returns, absent) => {
    const use = returnOf(imports, returns);

    expect(use.type.kind).toBe('aggregate');
    expect(use.absent).toBe(absent);
    expect(use.option).toBeUndefined();
  });

  it.each([
    [
      "import { Option } from 'oxide.ts';",
      'Option<Order>',
      {
        library: 'oxide.ts',
        module: { specifier: 'oxide.ts' },
        binding: { imported: 'Option', local: 'Option' },
        some: 'Some($value)',
        none: 'None',
        isSome: '$option.isSome()',
        get: '$option.unwrap()',
        values: { repository: ['Some', 'None'], test: [] },
      },
    ],
    [
      "import * as O from 'fp-ts/Option';",
      'O.Option<Order>',
      {
        library: 'fp-ts',
        module: { specifier: 'fp-ts/Option' },
        binding: { imported: '*', local: 'O' },
        some: 'O.some($value)',
        none: 'O.none',
        isSome: 'O.isSome($option)',
        get: '$option.value',
        values: { repository: [], test: [] },
      },
    ],
    [
      "import { Option } from 'fp-ts/lib/Option';",
      'Option<Order>',
      {
        library: 'fp-ts',
        module: { specifier: 'fp-ts/lib/Option' },
        binding: { imported: 'Option', local: 'Option' },
        some: 'some($value)',
        none: 'none',
        isSome: 'isSome($option)',
        get: '$option.value',
        values: { repository: ['some', 'none'], test: ['isSome'] },
      },
    ],
    [
      "import { Option } from 'effect';",
      'Option.Option<Order>',
      {
        library: 'effect',
        module: { specifier: 'effect' },
        binding: { imported: 'Option', local: 'Option' },
        some: 'Option.some($value)',
        none: 'Option.none()',
        isSome: 'Option.isSome($option)',
        get: '$option.value',
        values: { repository: [], test: [] },
      },
    ],
    [
      "import { Option as Opt } from 'effect';",
      'Opt.Option<Order>',
      { library: 'effect', binding: { imported: 'Option', local: 'Opt' }, some: 'Opt.some($value)' },
    ],
  ])('%s %s: an Option of its library, imported as the port does', (imports, returns, option) => {
    const use = returnOf(imports, returns);

    expect(use.type.kind).toBe('aggregate');
    expect(use.absent).toBe('option');
    expect(use.option).toMatchObject(option);
  });

  it('does not take a class of the project for an Option because of its name', () => {
    const own = { 'src/domain/shared/option.ts': 'export class Option<T> {\n  constructor(readonly value: T | null) {}\n}\n' };
    const use = returnOf("import { Option } from '../../shared/option';", 'Option<Order>', own);

    expect(use.absent).toBe('none');
    expect(use.option).toBeUndefined();
  });

  it("takes the project's own wrapper that gen.config.json names, imported from its file", () => {
    const maybe = { 'src/domain/shared/maybe.ts': 'export class Maybe<T> {\n  constructor(readonly value: T | null) {}\n}\n' };
    const use = returnOf("import { Maybe } from '../../shared/maybe';", 'Maybe<Order>', maybe, { ...DEFAULT_CONFIG, option: MAYBE });

    expect(use.absent).toBe('option');
    expect(use.option).toEqual({
      library: 'project',
      module: { file: 'src/domain/shared/maybe.ts' },
      binding: { imported: 'Maybe', local: 'Maybe' },
      some: 'Maybe.some($value)',
      none: 'Maybe.none()',
      isSome: '$option.isSome()',
      get: '$option.getValue()',
      values: { repository: [], test: [] },
    });
  });
});

describe('an Option declared in a generic base port', () => {
  it.each([
    ["import { Option } from 'oxide.ts';", 'Option<T>', 'oxide.ts'],
    ["import * as O from 'fp-ts/Option';", 'O.Option<T>', 'fp-ts'],
    ["import { Option } from 'effect';", 'Option.Option<T>', 'effect'],
  ])('%s %s: inherited with the aggregate substituted, imported as the base port does', (imports, returns, library) => {
    const base = `${imports}\n\nexport interface RepositoryPort<T> {\n  save(entity: T): Promise<void>;\n  findOneById(id: string): Promise<${returns}>;\n}\n`;
    const port =
      "import { Order } from './order';\nimport { RepositoryPort } from '../../shared/repository.port';\n\nexport interface OrderRepository extends RepositoryPort<Order> {}\n";
    const domain = readDomain(
      loadProjectContext(writeProject({ ...ORDER_DOMAIN, 'src/domain/shared/repository.port.ts': base, [PORT_FILE]: port })),
      DEFAULT_CONFIG,
      'ordering',
    );
    const use = domain.port.methods.find((m) => m.name === 'findOneById')!.returns;

    expect(use.type).toMatchObject({ kind: 'aggregate', name: 'Order' });
    expect(use.absent).toBe('option');
    expect(use.option).toMatchObject({ library });
  });
});
