import { describe, expect, it } from 'vitest';
import { emitted, orderModel, testCasesOf } from './method-fixture.js';

// save, saveAll and the create/insert/update vocabulary: given a port method, want both bodies and the plan row.
const model = orderModel([
  'save(order: Order): Promise<void>',
  'saveOrder(order: Order): Promise<Order>',
  'saveAll(orders: Order[]): Promise<void>',
  'create(order: Order): Promise<boolean>',
  'update(order: Order): Promise<void>',
  'insert(orders: Order | Order[]): Promise<void>',
]);

describe('the emitters of writes', () => {
  it.each([
    {
      given: 'save',
      typeorm: ['await this.store.save([order]);'],
      memory: ['return settled(() => {', 'this.aggregates.save([order]);', '});'],
      row: /^CRUD: writes what changed since the repository loaded or saved the aggregate: .* upserted \(insert, or update of the row with the same id\)$/,
    },
    {
      given: 'saveOrder',
      typeorm: ['await this.store.save([order]);', 'return order;'],
      memory: ['return settled(() => {', 'this.aggregates.save([order]);', 'return order;', '});'],
      row: /^CRUD: writes what changed/,
    },
    {
      given: 'saveAll',
      typeorm: ['await this.store.save(orders);'],
      memory: ['return settled(() => {', 'this.aggregates.save(orders);', '});'],
      row: /^CRUD: each aggregate written as `save` writes it, all in one transaction/,
    },
    {
      given: 'create',
      typeorm: [
        '// A plain INSERT: an id stored already, even by a concurrent writer, is refused, never overwritten.',
        'try {',
        '  await this.store.insert([order]);',
        '} catch (error) {',
        '  if (error instanceof DuplicateError) return false;',
        '  throw error;',
        '}',
        'return true;',
      ],
      memory: [
        'return settled(() => {',
        'this.aggregates.checkAll([order]);',
        'if (this.rows.has(order.id.value)) return false;',
        'this.aggregates.insert([order]);',
        'return true;',
        '});',
      ],
      row: /^CRUD: written as `save` writes a new aggregate, after a primary-key lookup: an id already stored resolves to `false`$/,
    },
    {
      given: 'update',
      typeorm: ['if (!(await this.store.update([order]))) throw new Error(`Order not found: ${order.id.value}`);'],
      memory: [
        'return settled(() => {',
        'this.aggregates.checkAll([order]);',
        'if (!this.rows.has(order.id.value)) throw new Error(`Order not found: ${order.id.value}`);',
        'this.aggregates.save([order]);',
        '});',
      ],
      row: /^CRUD: written as `save` writes it, after a primary-key lookup: an id not stored rejects$/,
    },
    {
      given: 'insert',
      typeorm: [
        'const all = Array.isArray(orders) ? orders : [orders];',
        '// A plain INSERT: an id stored already, even by a concurrent writer, is a DuplicateError, never overwritten.',
        'await this.store.insert(all);',
      ],
      memory: ['return settled(() => {', 'const all = Array.isArray(orders) ? orders : [orders];', 'this.aggregates.insert(all);', '});'],
      row: /an id already stored rejects \(a list is written only if every id is new\)$/,
    },
  ])('$given', ({ given, typeorm, memory, row }) => {
    const want = emitted(model, given);
    expect(want.typeorm).toEqual(typeorm);
    expect(want.memory).toEqual(memory);
    expect(want.row).toMatch(row);
  });

  it('writes through the store member the repository names, `aggregateStore` beside a port method `store`', () => {
    expect(emitted(model, 'save', { store: 'aggregateStore' }).typeorm).toEqual(['await this.aggregateStore.save([order]);']);
  });

  it('says in the plan that an aggregate with children writes their tables too', () => {
    const withChildren = { ...model, children: [{ table: { name: 'order_lines' } }] } as unknown as typeof model;
    expect(emitted(withChildren, 'save').row).toContain('a DELETE of the `order_lines` rows it no longer has');
  });

  it('imports DuplicateError where a refused create resolves to false', () => {
    expect(emitted(model, 'create').imports.typeorm.persistenceErrors).toEqual(['DuplicateError']);
    expect(emitted(model, 'insert').imports.typeorm.persistenceErrors).toEqual([]);
  });
});

// The contract suite's cases of the writes: given a port method, want its it(...) blocks, the helpers and errors they use.
const REPLACEMENT =
  "new Order(new OrderId('order-1'), OrderStatus.Paid, 'customerEmail alpha_%', new Date('2024-02-15T09:30:00.250Z'), 20.5, false, 'note alpha_%')";

describe('the contract test cases of writes', () => {
  const suite = orderModel([
    'save(order: Order): Promise<void>',
    'saveOrder(order: Order): Promise<Order>',
    'saveAll(orders: Order[]): Promise<void>',
    'create(order: Order): Promise<boolean>',
    'update(order: Order): Promise<void>',
    'insert(orders: Order | Order[]): Promise<void>',
    'findById(id: OrderId): Promise<Order | null>',
    'findAll(): Promise<Order[]>',
  ]);

  it.each([
    // What save writes, every other case reads back: it has none of its own.
    { given: 'save', want: [] },
    {
      given: 'saveOrder',
      want: [
        {
          lines: [
            "it('saveOrder resolves to the Order it saved', async () => {",
            '  expect(await subject.repository.saveOrder(orders[0])).toBe(orders[0]);',
            '});',
          ],
          uses: ['list'],
        },
      ],
    },
    {
      given: 'saveAll',
      want: [
        {
          lines: [
            "it('saves many Orders at once', async () => {",
            '  await subject.repository.saveAll(orders);',
            '',
            '  expect(await subject.repository.findAll()).toStrictEqual(sampleOrders());',
            '});',
          ],
          uses: ['list'],
        },
      ],
    },
    {
      given: 'create',
      want: [
        {
          lines: [
            "it('create stores a new Order, and refuses one whose id is stored', async () => {",
            '  expect(await subject.repository.create(orders[0])).toBe(true);',
            '  expect(await subject.repository.findById(orders[0].id)).toStrictEqual(sampleOrders()[0]);',
            '',
            '  expect(await subject.repository.create(orders[0])).toBe(false);',
            '});',
          ],
          uses: ['list'],
        },
      ],
    },
    {
      given: 'update',
      want: [
        {
          lines: [
            "it('update replaces a stored Order, and refuses one that is not stored', async () => {",
            "  await expect(subject.repository.update(orders[0])).rejects.toThrow('Order not found: order-1');",
            '  await subject.repository.save(orders[0]);',
            `  const changed = ${REPLACEMENT};`,
            '',
            '  await subject.repository.update(changed);',
            '  expect(await subject.repository.findById(changed.id)).toStrictEqual(changed);',
            '});',
          ],
          uses: ['list'],
        },
      ],
    },
    {
      given: 'insert',
      want: [
        {
          lines: [
            "it('insert stores new Orders, and none of a list in which one id is stored: DuplicateError', async () => {",
            '  await subject.repository.insert([orders[0], orders[1]]);',
            '  await subject.repository.insert(orders[2]);',
            '',
            '  const duplicate = subject.repository.insert([orders[3], orders[0]]);',
            '  await expect(duplicate).rejects.toThrow(DuplicateError);',
            "  await expect(duplicate).rejects.toThrow('Order order-1 already exists');",
            '  expect(await subject.repository.findById(orders[1].id)).toStrictEqual(sampleOrders()[1]);',
            '  expect(await subject.repository.findById(orders[2].id)).toStrictEqual(sampleOrders()[2]);',
            '  expect(await subject.repository.findById(orders[3].id)).toBe(null);',
            '});',
          ],
          uses: ['list'],
          errors: ['DuplicateError'],
        },
      ],
    },
  ])('$given', ({ given, want }) => {
    expect(testCasesOf(suite, given)).toEqual(want);
  });

  it('checks writes by their results alone where the port cannot find by id, and stores samples with create without a save', () => {
    const model = orderModel([
      'create(order: Order): Promise<void>',
      'update(order: Order): Promise<boolean>',
      'saveAll(orders: Order[]): Promise<void>',
    ]);
    expect(testCasesOf(model, 'create')).toEqual([
      {
        lines: [
          "it('create stores a new Order, and refuses one whose id is stored: DuplicateError', async () => {",
          '  await subject.repository.create(orders[0]);',
          '',
          '  const duplicate = subject.repository.create(orders[0]);',
          '  await expect(duplicate).rejects.toThrow(DuplicateError);',
          "  await expect(duplicate).rejects.toThrow('Order order-1 already exists');",
          '});',
        ],
        uses: ['list'],
        errors: ['DuplicateError'],
      },
    ]);
    expect(testCasesOf(model, 'update')[0].lines).toEqual([
      "it('update replaces a stored Order, and refuses one that is not stored', async () => {",
      '  expect(await subject.repository.update(orders[0])).toBe(false);',
      '  await subject.repository.create(orders[0]);',
      `  const changed = ${REPLACEMENT};`,
      '',
      '  expect(await subject.repository.update(changed)).toBe(true);',
      '});',
    ]);
    // Without a findAll to read them back, saveAll has no case of its own.
    expect(testCasesOf(model, 'saveAll')).toEqual([]);
  });
});
