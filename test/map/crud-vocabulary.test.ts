import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/config/project-config.js';
import { GenError } from '../../src/errors.js';
import { mapFeature, syncWriterWarnings } from '../../src/map/map-feature.js';
import type { RepositoryMethod } from '../../src/map/persistence-model.js';
import { readDomain } from '../../src/read/domain-reader.js';
import { withPortMethods } from '../support/fixtures.js';
import { writeProject } from '../support/projects.js';
import { loadProjectContext } from '../../src/project-context.js';

function mapped(signature: string): RepositoryMethod {
  const model = mapFeature(
    readDomain(
      loadProjectContext(writeProject(withPortMethods(`  save(order: Order): Promise<void>;\n  ${signature};`))),
      DEFAULT_CONFIG,
      'ordering',
    ),
  );
  return model.methods[1];
}

/** The parts of a mapped method that say how it is implemented. */
function shape(method: RepositoryMethod): Record<string, unknown> {
  const { method: _, ...rest } = method;
  return rest.kind === 'derived'
    ? { kind: 'derived', action: rest.query.action, result: rest.query.result, absent: rest.query.absent, where: rest.query.where }
    : rest;
}

describe('the CRUD vocabulary', () => {
  it.each([
    ['insert(order: Order | Order[]): Promise<void>', { kind: 'write', mode: 'create', list: 'either', result: 'void' }],
    ['insert(orders: Order[]): Promise<Order[]>', { kind: 'write', mode: 'create', list: 'yes', result: 'aggregate' }],
    ['create(order: Order): Promise<boolean>', { kind: 'write', mode: 'create', list: 'no', result: 'boolean' }],
    ['create(order: Order): Promise<Order>', { kind: 'write', mode: 'create', list: 'no', result: 'aggregate' }],
    ['update(order: Order): Promise<void>', { kind: 'write', mode: 'update', list: 'no', result: 'void' }],
    ['saveOrder(order: Order): Promise<Order>', { kind: 'save', returnsAggregate: true }],
    // The id of the aggregate it took, read as the aggregate gives it.
    ['saveOrder(order: Order): Promise<OrderId>', { kind: 'save', returnsId: '.id' }],
    ['saveDraft(order: Order): Promise<void>', { kind: 'save' }],
    ['upsert(order: Order): Promise<void>', { kind: 'save' }],
    ['findOneById(id: OrderId): Promise<Order | undefined>', { kind: 'find-by-id', absent: 'undefined' }],
    ['find(id: OrderId): Promise<Order>', { kind: 'find-by-id', absent: 'throw' }],
    ['search(id: OrderId): Promise<Order | null>', { kind: 'find-by-id', absent: 'null' }],
    ['getOrderById(id: OrderId): Promise<Order | null>', { kind: 'find-by-id', absent: 'null' }],
    ['findOrderById(id: OrderId): Promise<Order | null>', { kind: 'find-by-id', absent: 'null' }],
    ['searchAll(): Promise<Order[]>', { kind: 'find-all' }],
    [
      'findOneByCustomerEmail(email: string): Promise<Order | null>',
      {
        kind: 'derived',
        action: 'find',
        result: 'one',
        absent: 'null',
        where: [[{ field: 'customerEmail', operator: 'equals', ignoreCase: false, parameters: [0] }]],
      },
    ],
    [
      'exists(status: OrderStatus): Promise<boolean>',
      {
        kind: 'derived',
        action: 'exists',
        result: 'exists',
        absent: 'null',
        where: [[{ field: 'status', operator: 'equals', ignoreCase: false, parameters: [0] }]],
      },
    ],
    // The only Date field: its type is enough to name it.
    [
      'exists(at: Date): Promise<boolean>',
      {
        kind: 'derived',
        action: 'exists',
        result: 'exists',
        absent: 'null',
        where: [[{ field: 'placedAt', operator: 'equals', ignoreCase: false, parameters: [0] }]],
      },
    ],
    ['exists(id: OrderId): Promise<boolean>', { kind: 'exists-by-id' }],
    ['exists(order: Order): Promise<boolean>', { kind: 'exists-by-id', argument: 'aggregate' }],
    ['delete(order: Order): Promise<boolean>', { kind: 'delete-by-id', argument: 'aggregate', reports: true }],
    ['remove(id: OrderId): Promise<boolean>', { kind: 'delete-by-id', argument: 'id', reports: true }],
    ['delete(id: OrderId): Promise<void>', { kind: 'delete-by-id', argument: 'id' }],
    // Names that read as anything are implemented only when their shape fits, else left to the user.
    ['find(text: string): Promise<Order[]>', { kind: 'hand-written' }],
    ['search(text: string): Promise<Order[]>', { kind: 'hand-written' }],
    ['searchAll(text: string): Promise<Order[]>', { kind: 'hand-written' }],
    ['get(key: string): string', { kind: 'hand-written' }],
    // save<Something> that takes no Order saves something else: the user's to write (issue 19).
    [
      'saveReadStatus(id: OrderId, read: boolean): Promise<void>',
      { kind: 'hand-written', reason: 'its name reads as save, but it takes no Order' },
    ],
  ])('%s', (signature, expected) => {
    expect(shape(mapped(signature))).toEqual(expected);
  });

  // Writers that take fields, not the aggregate (issue 19): implemented where the fields name the aggregate's.
  it.each([
    [
      'create(id: OrderId, status: OrderStatus, customerEmail: string, placedAt: Date, total: number, paid: boolean): Promise<Order>',
      { mode: 'create', id: { from: 'given' }, result: 'aggregate', absent: 'throw' },
      ['id', 'status', 'customerEmail', 'placedAt', 'total', 'paid'],
    ],
    // No id among them: a string id gen makes with randomUUID(); `note` is optional, so left absent.
    [
      "insert(data: Omit<Order, 'id' | 'note'>): Promise<OrderId>",
      { mode: 'create', id: { from: 'uuid' }, result: 'id' },
      ['status', 'customerEmail', 'placedAt', 'total', 'paid'],
    ],
    [
      'update(id: OrderId, changes: Partial<Order>): Promise<Order | null>',
      { mode: 'update', id: { from: 'parameter', value: 'id', optional: false }, result: 'aggregate', absent: 'null' },
      ['status', 'customerEmail', 'placedAt', 'total', 'paid', 'note'],
    ],
    // The id inside the changes: an absent one is not stored.
    [
      'updateOrder(order: Partial<Order>): Promise<void>',
      { mode: 'update', id: { from: 'parameter', value: 'order.id', optional: true }, result: 'void', absent: 'throw' },
      ['status', 'customerEmail', 'placedAt', 'total', 'paid', 'note'],
    ],
    [
      'update(id: OrderId, changes: { total: number; note?: string }): Promise<Order>',
      { mode: 'update', result: 'aggregate', absent: 'throw' },
      ['total', 'note'],
    ],
  ])('%s is implemented from its fields', (signature, expected, fields) => {
    const method = mapped(signature);
    expect(method).toMatchObject({ kind: 'field-write', ...expected });
    expect(method.kind === 'field-write' && method.given.map((g) => g.field)).toEqual(fields);
  });

  // The others are left to the user (with what stops gen and the decision gen warns with), not refused.
  it.each([
    [
      'create(customerEmail: string): Promise<Order>',
      "it takes fields of Order, but 'status', 'placedAt', 'total', 'paid' are required and not among its parameters (give them as parameters, or make them optional in Order)",
    ],
    ['insert(data: Partial<Order>): Promise<void>', "it takes fields of Order, but 'id' may be absent, where the field may not"],
    [
      'update(id: OrderId, changes: { total: string }): Promise<void>',
      "it takes fields of Order, but 'total' is typed string, where the field is number",
    ],
    ['update(id: OrderId, changes: { discount: number }): Promise<void>', "it takes fields of Order, but 'discount' is no field of Order"],
    [
      'updateOrder(changes: Partial<Order>): Promise<boolean>',
      "it takes fields of Order, but it returns 'boolean', where gen implements void, the Order",
    ],
    [
      'update(id: OrderId, total: number): Promise<void>',
      'it takes fields of Order, but it takes no object of changes (`changes: Partial<T>` or a DTO)',
    ],
    [
      'add(customerEmail: string): Promise<void>',
      "it takes fields of Order, but 'status', 'placedAt', 'total', 'paid' are required and not among its parameters (give them as parameters, or make them optional in Order)",
    ],
    ['upsert(data: Partial<Order>): Promise<Order>', 'its name reads as save, but it takes no Order'],
    ['saveOrder(data: Partial<Order>): Promise<void>', 'its name reads as save, but it takes no Order'],
  ])('%s is hand-written', (signature, reason) => {
    const method = mapped(signature);
    expect(method).toMatchObject({ kind: 'hand-written', reason });
    expect(method.kind === 'hand-written' && method.decision).toMatch(/make it take the whole Order/);
  });

  it.each([
    ['create(order: Order): Promise<number>', /it returns 'number'/],
    ['insert(order: Order | Order[]): Promise<Order>', /it returns 'Order'/],
    ['saveOrder(order: Order): Promise<number>', /it returns 'number'/],
    ['saveOrder(order: Order, force: boolean): Promise<void>', /expected saveOrder\(x: Order\)/],
    // customerEmail and note are both strings: the type names no single field.
    ['exists(email: string): Promise<boolean>', /fields 'customerEmail', 'note' are all string/],
    ['exists(count: bigint): Promise<boolean>', /no field of Order is a bigint/],
  ])('refuses %s, pointing at it', (signature, message) => {
    let error: unknown;
    try {
      mapped(signature);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(GenError);
    expect((error as GenError).message).toMatch(message);
    expect((error as GenError).location?.file).toBe('src/domain/aggregates/ordering/order.repository.ts');
  });

  // An update gen does not implement is the user's to write, as create/delete of such shapes are: never the whole feature refused.
  it.each([
    ['update(orders: Order[]): Promise<void>', 'it takes orders: Order[]'],
    ['update(order: Order, by: string): Promise<void>', 'it takes order: Order, by: string'],
    ['updateOrder(order: Order): Promise<OrderId>', "it returns 'OrderId'"],
    ['update(order: Order): Promise<number>', "it returns 'number'"],
  ])('%s is hand-written, with why and the signature gen implements', (signature, why) => {
    const method = mapped(signature);
    expect(method).toMatchObject({ kind: 'hand-written', reason: expect.stringContaining(`its name reads as update, but ${why}`) });
    expect(method.kind === 'hand-written' && method.decision).toMatch(/\(order: Order\): Promise<void>` so that gen implements it/);
  });

  // A create resolving to the id it wrote: as the id's type, or the primitive a value-object id holds.
  it.each([
    ['create(order: Order): Promise<OrderId>', { kind: 'write', mode: 'create', list: 'no', result: 'id', returnsId: '.id' }],
    ['insert(order: Order): Promise<string>', { kind: 'write', mode: 'create', list: 'no', result: 'id', returnsId: '.id.value' }],
    ['createOrder(order: Order): Promise<string>', { kind: 'write', mode: 'create', list: 'no', result: 'id', returnsId: '.id.value' }],
    ['add(order: Order): Promise<string>', { kind: 'save', returnsId: '.id.value' }],
    ['saveOrder(order: Order): Promise<string>', { kind: 'save', returnsId: '.id.value' }],
  ])('%s resolves to the id it wrote', (signature, expected) => {
    expect(shape(mapped(signature))).toEqual(expected);
  });

  // An enum-filtered list: the one field of that type; absent, every Order (issue: port shapes from public projects).
  it.each([
    ['findAll(status?: OrderStatus): Promise<Order[]>', true],
    ['list(status: OrderStatus): Promise<Order[]>', false],
  ])('%s filters on status', (signature, unlessAbsent) => {
    const method = mapped(signature);
    expect(shape(method)).toEqual({
      kind: 'derived',
      action: 'find',
      result: 'many',
      absent: 'null',
      where: [[{ field: 'status', operator: 'equals', ignoreCase: false, parameters: [0] }]],
    });
    expect(method.kind === 'derived' && method.unlessAbsent === true).toBe(unlessAbsent);
  });

  it("leaves findAll(status?: OrderStatus | 'all') to the user: 'all' is no stored status, its meaning theirs", () => {
    expect(mapped("findAll(status?: OrderStatus | 'all'): Promise<Order[]>")).toMatchObject({
      kind: 'hand-written',
      reason: "it filters on 'status', but 'all' is no value Order.status can hold, so what it means is yours to say",
      decision: expect.stringContaining('`status?: OrderStatus`'),
    });
  });

  it('reads a parameter destructured into one member as that member, and leaves a wider pattern to the user', () => {
    const findOne = mapped('findOne({ id }: { id: OrderId }): Promise<Order | null>');
    expect(findOne).toMatchObject({ kind: 'find-by-id', absent: 'null' });
    expect(findOne.method.parameters[0]).toMatchObject({ name: 'id', destructured: { pattern: '{ id }', member: 'id' } });
    expect(findOne.method.signatureText.parameters).toEqual(['{ id }: { id: OrderId }']);

    const findBy = mapped("findBy({ customerEmail }: Pick<Order, 'customerEmail'>): Promise<Order[]>");
    expect(shape(findBy)).toMatchObject({ kind: 'derived', result: 'many', where: [[{ field: 'customerEmail', parameters: [0] }]] });
    expect(findBy.method.parameters[0].use.text).toBe('string');

    expect(mapped('search({ status, paid }: { status: OrderStatus; paid: boolean }): Promise<Order[]>')).toMatchObject({
      kind: 'hand-written',
      reason: "it destructures its parameter into '{ status, paid }', where gen reads a pattern of one member (`{ id }: { id: string }`)",
    });
    // One member of a wider type: the members left out would be ignored.
    expect(mapped('findByStatus({ status }: { status: OrderStatus; paid: boolean }): Promise<Order[]>')).toMatchObject({
      kind: 'hand-written',
      reason: "it destructures its parameter into '{ status }', where gen reads a pattern of one member (`{ id }: { id: string }`)",
    });
  });

  it('takes a parameter named for the id and typed any as the id (findById(id: any)), as stored', () => {
    expect(mapped('findById(id: any): Promise<Order>')).toMatchObject({ kind: 'find-by-id', absent: 'throw' });
    expect(mapped('existsById(id: any): Promise<boolean>')).toMatchObject({ kind: 'exists-by-id' });
    // Named for something else, an any is not the id.
    expect(() => mapped('findById(key: any): Promise<Order>')).toThrow(/expected findById\(id: OrderId\)/);
  });

  it('implements a writer declared void async (a void method may return a Promise), and says callers cannot await it', () => {
    const files = withPortMethods('  save(order: Order): void;\n  insert(order: Order): void;');
    const model = mapFeature(readDomain(loadProjectContext(writeProject(files)), DEFAULT_CONFIG, 'ordering'));

    expect(
      model.methods.map((m) => [m.kind, m.method.name, m.method.async, m.method.declaredSync, m.method.signatureText.returns]),
    ).toEqual([
      ['save', 'save', true, true, 'Promise<void>'],
      ['write', 'insert', true, true, 'Promise<void>'],
    ]);
    expect(syncWriterWarnings(model)).toEqual([
      expect.stringMatching(
        /^src\/domain\/aggregates\/ordering\/order\.repository\.ts:\d+: OrderRepository\.save returns void: gen implements it async .*declare it Promise<void>\.$/,
      ),
      expect.stringMatching(/OrderRepository\.insert returns void/),
    ]);
  });

  it('refuses a derived query returning an Option of a list', () => {
    const files = withPortMethods('  save(order: Order): Promise<void>;\n  findByStatus(status: OrderStatus): Promise<Option<Order[]>>;');
    const port = files['src/domain/aggregates/ordering/order.repository.ts'];
    files['src/domain/aggregates/ordering/order.repository.ts'] = `import { Option } from 'oxide.ts';\n${port}`;

    expect(() => mapFeature(readDomain(loadProjectContext(writeProject(files)), DEFAULT_CONFIG, 'ordering'))).toThrow(
      /returns an Option of a list/,
    );
  });

  it('finds the aggregate through the first writer when the port has no save', () => {
    const domain = readDomain(
      loadProjectContext(
        writeProject(
          withPortMethods('  findOneById(id: OrderId): Promise<Order | null>;\n  insert(orders: Order | Order[]): Promise<void>;'),
        ),
      ),
      DEFAULT_CONFIG,
      'ordering',
    );

    expect(domain.aggregate.name).toBe('Order');
  });
});

/** The Order domain with a global `Nullable<T>` (a .d.ts of the project) and an imported `Maybe<T>`, as issue 19's projects have them. */
function mappedInProject(signature: string): RepositoryMethod {
  const files = withPortMethods(`  save(order: Order): Promise<void>;\n  ${signature};`);
  files['src/types.d.ts'] = 'type Nullable<T> = T | null;\n';
  files['src/domain/aggregates/ordering/maybe.ts'] = 'export type Maybe<T> = T | undefined;\n';
  files['src/domain/aggregates/ordering/order.repository.ts'] =
    `import type { Maybe } from './maybe';\n${files['src/domain/aggregates/ordering/order.repository.ts']}`;
  return mapFeature(readDomain(loadProjectContext(writeProject(files)), DEFAULT_CONFIG, 'ordering')).methods[1];
}

describe('the CRUD vocabulary as projects spell it (issue 19)', () => {
  it.each([
    // Writers named for storing: save's insert-or-replace, as Spring Data's save.
    ['add(order: Order): Promise<void>', { kind: 'save' }],
    ['addOrder(order: Order): Promise<Order>', { kind: 'save', returnsAggregate: true }],
    ['store(order: Order): Promise<void>', { kind: 'save' }],
    ['store(order: Order): Promise<OrderId>', { kind: 'save', returnsId: '.id' }],
    ['persistOrder(order: Order): Promise<void>', { kind: 'save' }],
    ['updateOrder(order: Order): Promise<Order>', { kind: 'write', mode: 'update', list: 'no', result: 'aggregate' }],
    ['all(): Promise<Order[]>', { kind: 'find-all' }],
    ['getAll(): Promise<Order[]>', { kind: 'find-all' }],
    [
      'list(page: { limit: number; offset: number }): Promise<Order[]>',
      { kind: 'find-all', page: { parameter: 0, take: 'limit', skip: 'offset' } },
    ],
    ["find(id: Order['id']): Promise<Nullable<Order>>", { kind: 'find-by-id', absent: 'null' }],
    ['get(id: OrderId): Promise<Maybe<Order>>', { kind: 'find-by-id', absent: 'undefined' }],
    // A parameter named for the id, holding what the OrderId holds.
    ['exists(orderId: string): Promise<boolean>', { kind: 'exists-by-id' }],
    ['getOrderByOrderId(orderId: string): Promise<Order | null>', { kind: 'find-by-id', absent: 'null' }],
    ['findByOrderId(orderId: OrderId): Promise<Order | null>', { kind: 'find-by-id', absent: 'null' }],
    // Not the aggregate: the user's to write.
    [
      'add(line: string): Promise<void>',
      {
        kind: 'hand-written',
        reason: "it takes fields of Order, but 'line' is no field of Order",
        decision: expect.stringContaining('make it take the whole Order (`add(order: Order)`)'),
      },
    ],
    ['addLine(order: Order): Promise<void>', { kind: 'hand-written' }],
    // Nest services' spelling: the verb named for the aggregate (createStudent, deleteStudent).
    ['createOrder(order: Order): Promise<void>', { kind: 'write', mode: 'create', list: 'no', result: 'void' }],
    ['insertOrder(order: Order): Promise<Order>', { kind: 'write', mode: 'create', list: 'no', result: 'aggregate' }],
    ['deleteOrder(id: OrderId): Promise<void>', { kind: 'delete-by-id', argument: 'id' }],
    ['deleteOrder(orderId: string): Promise<boolean>', { kind: 'delete-by-id', argument: 'id', reports: true }],
    ['removeOrder(order: Order): Promise<void>', { kind: 'delete-by-id', argument: 'aggregate' }],
    ['deleteOrder(id: OrderId, reason: string): Promise<void>', { kind: 'hand-written' }],
    // The id's own type says it is the id, whatever the parameter's name.
    ['removeOrder(target: OrderId): Promise<void>', { kind: 'delete-by-id', argument: 'id' }],
    // `One` in the aggregate's place, as MongoDB and TypeORM spell their verbs (findOne is read so already).
    ['updateOne(order: Order): Promise<void>', { kind: 'write', mode: 'update', list: 'no', result: 'void' }],
    ['insertOne(order: Order): Promise<Order>', { kind: 'write', mode: 'create', list: 'no', result: 'aggregate' }],
    ['deleteOne(id: OrderId): Promise<void>', { kind: 'delete-by-id', argument: 'id' }],
    ['removeOne(order: Order): Promise<boolean>', { kind: 'delete-by-id', argument: 'aggregate', reports: true }],
    ['deleteOne(customerEmail: string): Promise<void>', { kind: 'hand-written' }],
    // A shape gen does not implement, under a name the user's service may mean anything by: a stub, with why.
    [
      'createOrder(order: Order): Promise<number>',
      {
        kind: 'hand-written',
        reason: expect.stringContaining("it returns 'number'"),
        decision: expect.stringContaining('so that gen implements it'),
      },
    ],
    [
      'updateOrder(orders: Order[]): Promise<void>',
      {
        kind: 'hand-written',
        reason: expect.stringContaining('it takes orders: Order[]'),
        decision: expect.stringContaining('so that gen implements it'),
      },
    ],
    [
      'insertOrder(order: Order, note: string): Promise<void>',
      {
        kind: 'hand-written',
        reason: expect.stringContaining('it takes order: Order, note: string'),
        decision: expect.stringContaining('so that gen implements it'),
      },
    ],
  ])('%s', (signature, expected) => {
    expect(shape(mappedInProject(signature))).toEqual(expected);
  });

  it.each([
    ['store(order: Order): Promise<number>', /cannot implement OrderRepository.store: it returns 'number'/],
    // The bare create/insert are gen's own: a shape that does not fit is refused, not stubbed.
    ['create(order: Order): Promise<number>', /cannot implement OrderRepository.create: it returns 'number'/],
    ['insert(order: Order, note: string): Promise<void>', /expected insert\(x: Order/],
    // A string not named for the id is a value: customerEmail and note are both strings.
    ['exists(email: string): Promise<boolean>', /fields 'customerEmail', 'note' are all string/],
  ])('refuses %s', (signature, message) => {
    expect(() => mappedInProject(signature)).toThrow(message);
  });
});

/** A record aggregate in src/domain/<feature>, its port holding `methods` after save. */
function mappedRecord(feature: string, aggregate: string, methods: string, config = DEFAULT_CONFIG): RepositoryMethod[] {
  const T = aggregate.match(/interface (\w+)/)![1];
  const file = T.toLowerCase();
  return mapFeature(
    readDomain(
      loadProjectContext(
        writeProject({
          [`src/domain/${feature}/${file}.ts`]: aggregate,
          [`src/domain/${feature}/${file}.repository.ts`]: `import type { ${T} } from './${file}';\n\nexport interface ${T}Repository {\n  save(x: ${T}): Promise<void>;\n${methods}}\n`,
        }),
      ),
      config,
      feature,
    ),
  ).methods.slice(1);
}

describe('lookups and writers keyed by the id, read by name as well as type', () => {
  const USER = 'export interface User {\n  id: string;\n  email: string;\n}\n';

  it('reads findUser(email: string) as no lookup by id, though the id is a string too', () => {
    const [byEmail, byId, one] = mappedRecord(
      'users',
      USER,
      '  findUser(email: string): Promise<User | null>;\n  getUser(userId: string): Promise<User | null>;\n  findOne(id: string): Promise<User | null>;\n',
    );
    expect(byEmail.kind).not.toBe('find-by-id');
    expect(byId.kind).toBe('find-by-id');
    expect(one.kind).toBe('find-by-id');
  });

  it('reads find(email)/get(email)/search(email) as no lookup by id either, find(id)/get(userId)/search(uuid) as one', () => {
    const port = (a: string, b: string, c: string) =>
      `  find(${a}: string): Promise<User | null>;\n  get(${b}: string): Promise<User | null>;\n  search(${c}: string): Promise<User | null>;\n`;
    const byEmail = mappedRecord('users', USER, port('email', 'email', 'email'));
    const byId = mappedRecord('users', USER, port('id', 'userId', 'uuid'));
    expect(byEmail.map((m) => m.kind)).not.toContain('find-by-id');
    expect(byId.map((m) => m.kind)).toEqual(['find-by-id', 'find-by-id', 'find-by-id']);
  });

  it('reads deleteUser(email: string) as no delete by id, though the id is a string too; removeUser(userId)/deleteUser(uuid) as one', () => {
    const [byEmail, byId] = mappedRecord(
      'users',
      USER,
      '  deleteUser(email: string): Promise<void>;\n  removeUser(userId: string): Promise<void>;\n',
    );
    const [byUuid, byUser] = mappedRecord(
      'users',
      USER,
      '  deleteUser(uuid: string): Promise<boolean>;\n  removeUser(user: User): Promise<void>;\n',
    );
    expect(byEmail).toMatchObject({ kind: 'hand-written', reason: expect.stringContaining("'email' is not named for the id") });
    expect(byId).toMatchObject({ kind: 'delete-by-id', argument: 'id' });
    expect(byUuid).toMatchObject({ kind: 'delete-by-id', argument: 'id', reports: true });
    expect(byUser).toMatchObject({ kind: 'delete-by-id', argument: 'aggregate' });
  });

  it('leaves create(...) to the user when a natural key is not among its parameters', () => {
    const [create] = mappedRecord(
      'settings',
      'export interface Setting {\n  key: string;\n  value: string;\n}\n',
      '  getSetting(key: string): Promise<Setting | null>;\n  create(value: string): Promise<Setting>;\n',
    ).slice(1);
    expect(create).toMatchObject({ kind: 'hand-written', reason: expect.stringContaining('natural key') });
  });

  it('leaves create(...) to the user when it gives an id the database assigns', () => {
    const [create, created] = mappedRecord(
      'todos',
      'export interface Todo {\n  id?: number;\n  title: string;\n}\n',
      '  create(id: number, title: string): Promise<Todo>;\n  insert(title: string): Promise<Todo>;\n',
    );
    expect(create).toMatchObject({ kind: 'hand-written', reason: expect.stringContaining('assigned by the database') });
    expect(created).toMatchObject({ kind: 'field-write', id: { from: 'database' } });
  });
});
