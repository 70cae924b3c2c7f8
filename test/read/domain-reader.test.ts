import { loadProjectContext } from '../../src/project-context.js';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/config/project-config.js';
import { GenError } from '../../src/errors.js';
import { readDomain } from '../../src/read/domain-reader.js';
import { INVENTORY, PRICING } from '../fixtures/domain-styles.js';
import { AGGREGATE_FILE, ORDER_DOMAIN, PORT_FILE, withPortMethods } from '../support/fixtures.js';
import { writeProject } from '../support/projects.js';

function read(files: Record<string, string>) {
  return readDomain(loadProjectContext(writeProject(files)), DEFAULT_CONFIG, 'ordering');
}

function readError(files: Record<string, string>): GenError {
  try {
    read(files);
  } catch (error) {
    if (error instanceof GenError) return error;
    throw error;
  }
  throw new Error('expected a GenError');
}

describe('readDomain', () => {
  it('reads the aggregate that the port saves, with every field kind', () => {
    const { aggregate } = read(ORDER_DOMAIN);

    expect(aggregate.name).toBe('Order');
    expect(aggregate.file).toBe(AGGREGATE_FILE);
    expect(aggregate.style).toBe('constructor-properties');
    expect(aggregate.rehydration).toEqual({
      call: { kind: 'constructor' },
      arguments: ['id', 'status', 'customerEmail', 'placedAt', 'total', 'paid', 'note'].map((field) => ({ kind: 'field', field })),
    });
    expect(aggregate.fields.every((f) => f.access === `.${f.name}` && !f.list)).toBe(true);
    expect(aggregate.fields.map((f) => [f.name, f.type, f.optional, f.nullable, f.mutable])).toEqual([
      [
        'id',
        {
          kind: 'value-object',
          name: 'OrderId',
          file: 'src/domain/aggregates/ordering/order-id.ts',
          valueAccess: '.value',
          primitive: 'string',
          rehydration: { call: { kind: 'constructor' }, arguments: [{ kind: 'field', field: 'value' }] },
        },
        false,
        false,
        false,
      ],
      [
        'status',
        {
          kind: 'enum',
          name: 'OrderStatus',
          file: 'src/domain/aggregates/ordering/order-status.ts',
          members: [
            { name: 'Placed', value: 'PLACED' },
            { name: 'Paid', value: 'PAID' },
          ],
          valueKind: 'string',
        },
        false,
        false,
        true,
      ],
      ['customerEmail', { kind: 'primitive', primitive: 'string' }, false, false, true],
      ['placedAt', { kind: 'primitive', primitive: 'date' }, false, false, true],
      ['total', { kind: 'primitive', primitive: 'number' }, false, false, true],
      ['paid', { kind: 'primitive', primitive: 'boolean' }, false, false, true],
      ['note', { kind: 'primitive', primitive: 'string' }, true, false, true],
    ]);
    expect(aggregate.fields[1].location).toEqual({ file: AGGREGATE_FILE, line: 7 });
  });

  it('reads the port methods with their parameter and result shapes', () => {
    const { port } = read(ORDER_DOMAIN);

    expect(port.name).toBe('OrderRepository');
    expect(port.kind).toBe('interface');
    expect(port.methods.map((m) => [m.name, m.location.line, m.async, m.returns.type.kind, m.returns.list, m.returns.absent])).toEqual([
      ['save', 6, true, 'void', false, 'none'],
      ['findById', 7, true, 'aggregate', false, 'null'],
      ['findAll', 8, true, 'aggregate', true, 'none'],
      ['delete', 9, true, 'void', false, 'none'],
      ['findByStatus', 10, true, 'aggregate', true, 'none'],
    ]);
    expect(port.methods[1].parameters[0].use.type).toMatchObject({ kind: 'value-object', name: 'OrderId' });
  });

  it('reads lists of a string-literal union, as a field and as the parameter of an In query', () => {
    const files = withPortMethods('  save(order: Order): Promise<void>;\n  findByChannelIn(channels: Channel[]): Promise<Order[]>;');
    files[AGGREGATE_FILE] = files[AGGREGATE_FILE].replace(
      'export class Order {',
      "export type Role = 'reader' | 'admin';\nexport type Channel = 'web' | 'store';\n\nexport class Order {",
    ).replace('    public paid: boolean,', '    public paid: boolean,\n    public channel: Channel,\n    public roles: readonly Role[],');
    files[PORT_FILE] = files[PORT_FILE].replace("import { Order } from './order';", "import { Order, type Channel } from './order';");

    const { aggregate, port } = read(files);

    expect(aggregate.fields.find((f) => f.name === 'roles')).toMatchObject({
      list: true,
      type: { kind: 'literal-union', values: ['admin', 'reader'] },
    });
    expect(port.methods.find((m) => m.name === 'findByChannelIn')!.parameters[0].use).toMatchObject({
      list: true,
      type: { kind: 'literal-union', values: ['store', 'web'] },
    });
  });

  it('reads a plain object type as a value of several fields, rebuilt as an object literal; a port keeps such types unread', () => {
    const files = withPortMethods('  save(order: Order): Promise<void>;\n  summaries(): Promise<{ id: string }[]>;');
    files[AGGREGATE_FILE] = files[AGGREGATE_FILE].replace(
      '    public paid: boolean,',
      '    public paid: boolean,\n    public address: { street: string; postalCode?: string | null },',
    );

    const { aggregate, port } = read(files);

    expect(aggregate.fields.find((f) => f.name === 'address')!.type).toMatchObject({
      kind: 'composite',
      plain: true,
      fields: [
        { name: 'street', optional: false },
        { name: 'postalCode', optional: true, nullable: true },
      ],
      rehydration: { call: { kind: 'literal' }, arguments: [{ kind: 'object', fields: ['street', 'postalCode'] }] },
    });
    expect(port.methods.find((m) => m.name === 'summaries')!.returns.type.kind).toBe('unknown');
  });

  it('rebuilds through a factory whose one object parameter is named like a field and lists every field', () => {
    const files = { ...ORDER_DOMAIN };
    files[AGGREGATE_FILE] = `import { OrderId } from './order-id';
import { OrderStatus } from './order-status';

export class Order {
  private constructor(
    readonly id: OrderId,
    readonly state: OrderStatus,
    readonly from: string,
    readonly placedAt: Date,
    readonly note?: string,
    readonly total?: number,
  ) {}

  static rehydrate(state: { id: OrderId; state: OrderStatus; from: string; placedAt: Date; note?: string; total?: number }): Order {
    return new Order(state.id, state.state, state.from, state.placedAt, state.note, state.total);
  }
}
`;
    files[PORT_FILE] = files[PORT_FILE].replace('  findByStatus(status: OrderStatus): Promise<Order[]>;\n', '');

    const { aggregate } = read(files);

    expect(aggregate.rehydration).toEqual({
      call: { kind: 'static', method: 'rehydrate' },
      arguments: [{ kind: 'object', fields: ['id', 'state', 'from', 'placedAt', 'note', 'total'], omittable: ['note', 'total'] }],
    });
  });

  it('stores the properties declared beside the constructor parameters, its own and a base class’s, and sets them after construction', () => {
    const files = { ...ORDER_DOMAIN };
    files[AGGREGATE_FILE] = `import { OrderId } from './order-id';
import { OrderStatus } from './order-status';

abstract class Tracked {
  updatedAt: Date = new Date(0);
  private readonly handlers: (() => void)[] = [];
}

export class Order extends Tracked {
  readonly kind = 'order';
  declare readonly brand: string;
  note: string | null = null;
  private _paid = false;
  private cache = new Map<string, string>();
  readonly log = (): string => this.note ?? '';

  constructor(readonly id: OrderId, public status: OrderStatus) {
    super();
  }

  get paid(): boolean {
    return this._paid;
  }

  set paid(paid: boolean) {
    this._paid = paid;
  }
}
`;

    const { aggregate } = read(files);

    // note, paid (behind its getter and setter) and the base's updatedAt are state; the constant kind, the declared
    // brand, the Map no one can read, the function and the base's private handlers are not.
    expect(aggregate.fields.map((f) => f.name)).toEqual(['id', 'status', 'note', 'paid', 'updatedAt']);
    expect(aggregate.rehydration).toEqual({
      call: { kind: 'constructor' },
      arguments: [
        { kind: 'field', field: 'id' },
        { kind: 'field', field: 'status' },
      ],
      assigned: ['note', 'paid', 'updatedAt'],
    });
  });

  it('writes a property beside the constructor parameters that nothing public can set straight onto the rebuilt instance, rather than lose it', () => {
    const files = { ...ORDER_DOMAIN };
    files[AGGREGATE_FILE] = `import { OrderId } from './order-id';
import { OrderStatus } from './order-status';

export class Order {
  readonly placedAt: Date = new Date();

  constructor(readonly id: OrderId, public status: OrderStatus) {}
}
`;

    expect(read(files).aggregate.rehydration).toEqual({
      call: { kind: 'constructor' },
      arguments: [
        { kind: 'field', field: 'id' },
        { kind: 'field', field: 'status' },
      ],
      written: [
        { field: 'placedAt', member: 'placedAt' },
        { field: 'id', member: 'id', taken: true },
        { field: 'status', member: 'status', taken: true },
      ],
    });
  });

  it('reads `| null` fields as nullable and `T | undefined` results as undefined', () => {
    const files = {
      ...withPortMethods('  save(order: Order): Promise<void>;\n  findById(id: OrderId): Promise<Order | undefined>;'),
      [AGGREGATE_FILE]: ORDER_DOMAIN[AGGREGATE_FILE].replace('public note?: string,', 'public note: string | null,'),
    };
    const { aggregate, port } = read(files);

    expect(aggregate.fields.find((f) => f.name === 'note')).toMatchObject({ optional: false, nullable: true });
    expect(port.methods[1].returns.absent).toBe('undefined');
  });

  it('reads an abstract class port and a value object built by a static factory', () => {
    const files = {
      ...ORDER_DOMAIN,
      'src/domain/aggregates/ordering/order-id.ts':
        'export class OrderId {\n  private constructor(readonly value: string) {}\n  static of(value: string): OrderId {\n    return new OrderId(value);\n  }\n}\n',
      [PORT_FILE]:
        "import { Order } from './order';\n\nexport abstract class OrderRepo {\n  abstract save(order: Order): Promise<void>;\n  helper(): void {}\n}\n",
    };
    const { aggregate, port } = read(files);

    expect(aggregate.fields[0].type).toMatchObject({ kind: 'value-object', rehydration: { call: { kind: 'static', method: 'of' } } });
    expect(port).toMatchObject({ name: 'OrderRepo', kind: 'abstract-class' });
    expect(port.methods.map((m) => m.name)).toEqual(['save']);
  });

  it.each([
    [
      'a missing feature folder',
      { 'src/other.ts': '' },
      undefined,
      /feature 'ordering' has no domain folder: looked for src\/domain\/aggregates\/ordering\//,
    ],
    [
      'no port',
      { ...ORDER_DOMAIN, [PORT_FILE]: 'export {};\n' },
      undefined,
      /no repository port found in src\/domain\/aggregates\/ordering\//,
    ],
    [
      'two ports that declare one method differently',
      {
        ...ORDER_DOMAIN,
        'src/domain/aggregates/ordering/other.repository.ts':
          "import { Order } from './order';\nexport interface OrderReadRepository {\n  findById(id: string): Promise<Order>;\n}\n",
      },
      { file: 'src/domain/aggregates/ordering/other.repository.ts', line: 3 },
      /ports OrderRepository and OrderReadRepository both declare 'findById', differently: \(OrderId\): Promise<Order \| null> \(src\/domain\/aggregates\/ordering\/order.repository.ts:7\) and \(string\): Promise<Order>, so one repository cannot implement both/,
    ],
    [
      'save of a non-class',
      withPortMethods('  save(order: string): Promise<void>;'),
      { file: PORT_FILE, line: 6 },
      /OrderRepository.save must take the aggregate root class/,
    ],
    [
      'a Map field',
      {
        ...ORDER_DOMAIN,
        [AGGREGATE_FILE]: ORDER_DOMAIN[AGGREGATE_FILE].replace('public paid: boolean,', 'public tags: Map<string, string>,'),
      },
      { file: AGGREGATE_FILE, line: 11 },
      /unsupported type 'Map<string, string>'/,
    ],
    [
      'a private field',
      { ...ORDER_DOMAIN, [AGGREGATE_FILE]: ORDER_DOMAIN[AGGREGATE_FILE].replace('public paid: boolean,', 'private paid: boolean,') },
      { file: AGGREGATE_FILE, line: 11 },
      /field 'paid' of Order cannot be read from outside the class/,
    ],
    [
      'a mixed enum',
      {
        ...ORDER_DOMAIN,
        'src/domain/aggregates/ordering/order-status.ts': "export enum OrderStatus {\n  Placed = 0,\n  Paid = 'PAID',\n}\n",
      },
      { file: 'src/domain/aggregates/ordering/order-status.ts', line: 1 },
      /enum OrderStatus mixes string and numeric members/,
    ],
    [
      'an id that is a composite value object',
      {
        ...ORDER_DOMAIN,
        'src/domain/aggregates/ordering/order-id.ts':
          'export class OrderId {\n  constructor(readonly raw: string, readonly shard: number) {}\n}\n',
      },
      { file: AGGREGATE_FILE, line: 6 },
      /the id 'id' of aggregate Order must be a required string, number or single-value object/,
    ],
    [
      'an optional id the database would assign, typed as a value object',
      {
        ...ORDER_DOMAIN,
        [AGGREGATE_FILE]: ORDER_DOMAIN[AGGREGATE_FILE].replace('    readonly id: OrderId,\n', '').replace(
          '    public note?: string,\n  ) {}',
          '    public note?: string,\n    public id?: OrderId,\n  ) {}',
        ),
      },
      { file: AGGREGATE_FILE, line: 12 },
      /the id 'id' of aggregate Order may be absent, so the database would assign it, but it is not a number or a string/,
    ],
    [
      'a status object holding the aggregate back (a state pattern)',
      {
        ...ORDER_DOMAIN,
        'src/domain/aggregates/ordering/payment-state.ts': `import type { Order } from './order';

export class PaymentState {
  constructor(readonly order: Order, readonly paid: boolean) {}
}
`,
        [AGGREGATE_FILE]:
          "import { PaymentState } from './payment-state';\n" +
          ORDER_DOMAIN[AGGREGATE_FILE].replace('public paid: boolean', 'public payment: PaymentState'),
      },
      { file: 'src/domain/aggregates/ordering/payment-state.ts', line: 4 },
      /field 'order' of PaymentState holds the aggregate Order, which gen does not store inside another value/,
    ],
    [
      'an abstract aggregate with no factory',
      {
        ...ORDER_DOMAIN,
        [AGGREGATE_FILE]: ORDER_DOMAIN[AGGREGATE_FILE].replace('export class Order', 'export abstract class Order'),
      },
      { file: AGGREGATE_FILE, line: 4 },
      /cannot rebuild Order from its stored fields \(.*\): it is abstract, and has no static factory/,
    ],
  ])('stops on %s with the place and what to do', (_case, files, location, message) => {
    const error = readError(files);

    expect(error.message).toMatch(message);
    expect(error.location).toEqual(location);
    expect(error.hint).toMatch(/\S/);
  });
});

describe('readDomain on ports as people write them', () => {
  it('reads methods inherited from a generic base port with the type arguments substituted', async () => {
    const { STAFF } = await import('../fixtures/domain-styles.js');
    const { port } = readDomain(loadProjectContext(writeProject(STAFF)), DEFAULT_CONFIG, 'staff');

    expect(
      port.methods.map((m) => [m.name, m.location.file, m.parameters.map((p) => p.use.type.kind), m.returns.type.kind, m.returns.absent]),
    ).toEqual([
      ['save', 'src/libs/ddd/repository.port.ts', ['aggregate'], 'void', 'none'],
      ['findById', 'src/libs/ddd/repository.port.ts', ['value-object'], 'aggregate', 'null'],
      ['findAll', 'src/libs/ddd/repository.port.ts', [], 'aggregate', 'none'],
      ['delete', 'src/libs/ddd/repository.port.ts', ['aggregate'], 'void', 'none'],
      ['findByEmail', 'src/domain/aggregates/staff/employee.repository.port.ts', ['primitive'], 'aggregate', 'none'],
    ]);
    // The signature as the base port writes it, its aliases kept and imported from where they are declared.
    expect(port.methods[1].signatureText).toEqual({ parameters: ['id: EmployeeId'], returns: 'Promise<Nullable<Employee>>' });
    expect(port.methods[1].typeReferences).toEqual([
      { name: 'Employee', file: 'src/domain/aggregates/staff/employee.ts' },
      { name: 'EmployeeId', file: 'src/domain/aggregates/staff/employee-id.ts' },
      { name: 'Nullable', file: 'src/libs/ddd/repository.port.ts' },
    ]);
  });

  it('reads a port declared as a type alias', () => {
    const { port } = read({
      ...ORDER_DOMAIN,
      [PORT_FILE]:
        "import { Order } from './order';\n\nexport type OrderRepository = {\n  save(order: Order): Promise<void>;\n  findAll(): Promise<Order[]>;\n};\n",
    });

    expect(port).toMatchObject({ name: 'OrderRepository', kind: 'type-alias' });
    expect(port.methods.map((m) => m.name)).toEqual(['save', 'findAll']);
  });
});

describe('readDomain on the primitives style', () => {
  const PRODUCT = 'src/domain/aggregates/inventory/product.ts';

  function readInventory(files: Record<string, string> = {}) {
    return readDomain(loadProjectContext(writeProject({ ...INVENTORY, ...files })), DEFAULT_CONFIG, 'inventory');
  }

  function inventoryError(files: Record<string, string>): GenError {
    try {
      readInventory(files);
    } catch (error) {
      if (error instanceof GenError) return error;
      throw error;
    }
    throw new Error('expected a GenError');
  }

  it('stores what toPrimitives() returns, read through one call, and rebuilds through fromPrimitives({ ... })', () => {
    const { aggregate } = readInventory();

    expect(aggregate.style).toBe('primitives');
    expect(aggregate.snapshot).toBe('toPrimitives()');
    expect(aggregate.rehydration).toEqual({
      call: { kind: 'static', method: 'fromPrimitives' },
      // `note?: string` may be left out, as exactOptionalPropertyTypes requires when it is absent.
      arguments: [
        { kind: 'object', fields: ['id', 'name', 'status', 'stock', 'supplierId', 'tags', 'releasedAt', 'note'], omittable: ['note'] },
      ],
    });
    // The members' own types and absence, located at the members of ProductPrimitives.
    expect(aggregate.fields.map((f) => [f.name, f.type.kind, f.list, f.optional, f.nullable, f.mutable, f.location.line])).toEqual([
      ['id', 'primitive', false, false, false, false, 6],
      ['name', 'primitive', false, false, false, false, 7],
      ['status', 'enum', false, false, false, false, 8],
      ['stock', 'primitive', false, false, false, false, 9],
      ['supplierId', 'primitive', false, false, false, false, 10],
      ['tags', 'primitive', true, false, false, false, 11],
      ['releasedAt', 'primitive', false, false, true, false, 12],
      ['note', 'primitive', false, true, false, false, 13],
    ]);
  });

  it('reads value objects that offer the pair: one value, or several fields from one call', () => {
    const { aggregate } = readDomain(loadProjectContext(writeProject(PRICING)), DEFAULT_CONFIG, 'pricing');
    const sku = aggregate.fields.find((f) => f.name === 'sku')!.type;
    const list = aggregate.fields.find((f) => f.name === 'list')!.type;

    expect(sku).toMatchObject({
      kind: 'value-object',
      name: 'Sku',
      valueAccess: '.toPrimitives()',
      primitive: 'string',
      rehydration: { call: { kind: 'static', method: 'fromPrimitives' }, arguments: [{ kind: 'field', field: 'value' }] },
    });
    expect(list).toMatchObject({
      kind: 'composite',
      name: 'Money',
      snapshot: 'toPrimitives()',
      rehydration: { call: { kind: 'static', method: 'fromPrimitives' }, arguments: [{ kind: 'object', fields: ['amount', 'currency'] }] },
    });
    expect(list.kind === 'composite' && list.fields.map((f) => `${f.name}:${f.access}`)).toEqual([
      'amount:.toPrimitives().amount',
      'currency:.toPrimitives().currency',
    ]);
  });

  it('leaves a class with only one half of the pair to the other styles', () => {
    const source = INVENTORY[PRODUCT].replace('toPrimitives(): ProductPrimitives {', 'private toPrimitives(): ProductPrimitives {');

    // Private fields without getters: the private-fields style, which cannot read them.
    expect(inventoryError({ [PRODUCT]: source }).message).toMatch(/field 'id' of Product cannot be read from outside the class/);
  });

  it.each([
    [
      'a fromPrimitives that takes something else',
      // The body follows (no note), so that the domain still type-checks.
      (source: string) =>
        source
          .replace(
            'static fromPrimitives(primitives: ProductPrimitives): Product {',
            'static fromPrimitives(primitives: Omit<ProductPrimitives, "note">): Product {',
          )
          .replace('      primitives.note,\n', '      undefined,\n'),
      /Product.fromPrimitives does not take what toPrimitives\(\) returns \(id, name, status, stock, supplierId, tags, releasedAt, note\)/,
      32,
    ],
    [
      'a fromPrimitives that returns something else',
      (source: string) =>
        source
          .replace(
            'static fromPrimitives(primitives: ProductPrimitives): Product {',
            'static fromPrimitives(primitives: ProductPrimitives): string {',
          )
          .replace('return new Product(\n      ProductId.of', 'return String(new Product(\n      ProductId.of')
          .replace('      primitives.note,\n    );', '      primitives.note,\n    ));'),
      /Product.fromPrimitives does not return a Product/,
      32,
    ],
    [
      'a toPrimitives that needs an argument',
      (source: string) =>
        source.replace('toPrimitives(): ProductPrimitives {', 'toPrimitives(full: boolean): ProductPrimitives {\n    void full;'),
      /Product.toPrimitives\(\) takes parameters/,
      45,
    ],
    [
      'a member gen cannot store',
      (source: string) => source.replace('  note?: string;\n}', '  note?: string;\n  extra?: Map<string, string>;\n}'),
      /unsupported type 'Map<string, string>'/,
      14,
    ],
  ])('stops on %s with the place and what to do', (_case, edit, message, line) => {
    const error = inventoryError({ [PRODUCT]: edit(INVENTORY[PRODUCT]) });

    expect(error.message).toMatch(message);
    expect(error.location).toEqual({ file: PRODUCT, line });
  });
});
