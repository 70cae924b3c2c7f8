import { describe, expect, it } from 'vitest';
import { emitted, orderModel, testCasesOf } from './method-fixture.js';

// The CRUD reads and deletes, nextId and transaction: given a port method, want both bodies and the plan row.
const model = orderModel([
  'save(order: Order): Promise<void>',
  'findById(id: OrderId): Promise<Order | null>',
  'find(id: OrderId): Promise<Order>',
  'findByIds(ids: OrderId[]): Promise<Order[]>',
  'list(page: { limit: number; offset: number }): Promise<Order[]>',
  'count(): Promise<number>',
  'exists(order: Order): Promise<boolean>',
  'remove(id: OrderId): Promise<boolean>',
  'delete(order: Order): Promise<void>',
  'nextId(): OrderId',
  'transaction<T>(work: () => Promise<T>): Promise<T>',
]);
const settled = (...lines: string[]) => ['return settled(() => {', ...lines, '});'];

describe('the emitters of reads, deletes, ids and transactions', () => {
  it.each([
    {
      given: 'findById',
      typeorm: [
        "checkArgument('findById', orderColumns, 'id', id.value);",
        'const model = await this.orm.findOneBy({ id: id.value });',
        'return model ? this.loaded(model) : null;',
      ],
      memory: settled(
        "checkArgument('findById', orderColumns, 'id', id.value);",
        'const model = this.rows.get(id.value);',
        'return model ? this.aggregates.load(model) : null;',
      ),
      row: 'CRUD: primary-key lookup, one statement, `null` when absent',
    },
    {
      given: 'find',
      typeorm: [
        "checkArgument('find', orderColumns, 'id', id.value);",
        'const model = await this.orm.findOneBy({ id: id.value });',
        'if (!model) throw new Error(`Order not found: ${id.value}`);',
        'return this.loaded(model);',
      ],
      memory: settled(
        "checkArgument('find', orderColumns, 'id', id.value);",
        'const model = this.rows.get(id.value);',
        'if (!model) throw new Error(`Order not found: ${id.value}`);',
        'return this.aggregates.load(model);',
      ),
      row: 'CRUD: primary-key lookup, one statement, `throw` when absent',
    },
    {
      given: 'findByIds',
      typeorm: [
        "checkArgument('findByIds', orderColumns, 'id', ids.map((id) => id.value));",
        "const models = await this.orm.find({ where: { id: In(ids.map((id) => id.value)) }, order: { id: 'ASC' } });",
        'return models.map((model) => this.loaded(model));',
      ],
      memory: settled(
        "checkArgument('findByIds', orderColumns, 'id', ids.map((id) => id.value));",
        'const wanted = ids.map((id) => id.value);',
        'return this.rowsMatching((model) => wanted.some((id) => sameValue(model.id, id))).map((model) => this.aggregates.load(model));',
      ),
      row: 'CRUD: `WHERE id IN (…)`, in id order',
    },
    {
      given: 'list',
      typeorm: [
        "checkPage('list', 'offset', page.offset);",
        "checkPage('list', 'limit', page.limit);",
        "const models = await this.orm.find({ order: { id: 'ASC' }, skip: page.offset, take: page.limit });",
        'return models.map((model) => this.loaded(model));',
      ],
      memory: settled(
        "checkPage('list', 'offset', page.offset);",
        "checkPage('list', 'limit', page.limit);",
        'return this.rowsMatching(() => true).slice(page.offset ?? 0, (page.offset ?? 0) + page.limit).map((model) => this.aggregates.load(model));',
      ),
      row: 'CRUD: every row, in id order, `offset`/`limit` as OFFSET/LIMIT',
    },
    { given: 'count', typeorm: ['return this.orm.count();'], memory: settled('return this.rows.size;'), row: 'CRUD: `COUNT(*)`' },
    {
      given: 'exists',
      typeorm: ['return this.orm.exists({ where: { id: order.id.value } });'],
      memory: settled('return this.rows.has(order.id.value);'),
      row: 'CRUD: primary-key lookup, `true` when found',
    },
    {
      given: 'remove',
      typeorm: [
        "checkArgument('remove', orderColumns, 'id', id.value);",
        'const result = await this.orm.delete({ id: id.value });',
        'return (result.affected ?? 0) > 0;',
      ],
      memory: settled("checkArgument('remove', orderColumns, 'id', id.value);", 'return this.aggregates.delete(id.value);'),
      row: 'CRUD: delete by primary key; resolves to whether a row was deleted',
    },
    {
      given: 'delete',
      typeorm: [
        'const result = await this.orm.delete({ id: order.id.value });',
        'if (!result.affected) throw new Error(`Order not found: ${order.id.value}`);',
      ],
      memory: settled('if (!this.aggregates.delete(order.id.value)) throw new Error(`Order not found: ${order.id.value}`);'),
      row: 'CRUD: delete by primary key; rejects when no row was deleted',
    },
    {
      given: 'transaction',
      typeorm: ['return inTransaction(this.dataSource, work);'],
      memory: settled('return inMemoryTransaction(work);'),
      row: /^unit of work: runs the callback in one transaction .*\(`src\/infrastructure\/persistence\/support\/transactions\.ts`\)/,
    },
  ])('$given', ({ given, typeorm, memory, row }) => {
    const want = emitted(model, given);
    expect(want.typeorm).toEqual(typeorm);
    expect(want.memory).toEqual(memory);
    expect(want.row).toMatch(row);
  });

  it('nextId returns the new id as the repository builds it, and is not settled: it is not async', () => {
    const want = emitted(model, 'nextId', { newId: 'new OrderId(randomUUID())' });
    expect(want.typeorm).toEqual(['return new OrderId(randomUUID());']);
    expect(want.memory).toEqual(['return new OrderId(randomUUID());']);
  });

  it('reads roots with their children through AggregateRows, in one statement', () => {
    expect(emitted(model, 'findById', { rows: true }).typeorm).toEqual([
      "checkArgument('findById', orderColumns, 'id', id.value);",
      '// One statement: the root and its children.',
      'const [model] = await this.rows.byIds([id.value]);',
      'return model ? this.loaded(model) : null;',
    ]);
    // A page counts roots: ids first, then their rows.
    expect(emitted(model, 'list', { rows: true }).typeorm[2]).toBe(
      "const models = await this.rootsMatching({ order: { id: 'ASC' }, skip: page.offset, take: page.limit });",
    );
    expect(emitted(model, 'findByIds', { rows: true }).typeorm[1]).toMatch(/^const models = await this\.rows\.find\(/);
  });

  it('imports what each body calls: In and sameValue for findByIds, the transaction of each side, settled for an async method', () => {
    const none = { typeorm: [], querySupport: [], transactions: [], persistenceErrors: [] };
    expect(emitted(model, 'findByIds').imports).toEqual({
      typeorm: { ...none, typeorm: ['In'] },
      memory: { ...none, querySupport: ['sameValue'], transactions: ['settled'] },
    });
    expect(emitted(model, 'transaction').imports).toEqual({
      typeorm: { ...none, transactions: ['inTransaction'] },
      memory: { ...none, transactions: ['settled', 'inMemoryTransaction'] },
    });
    expect(emitted(model, 'nextId').imports).toEqual({ typeorm: none, memory: none });
  });
});

// The contract suite's cases of the same kinds: given a port method, want its it(...) blocks and the helpers they call.
const MISSING_ORDER =
  "new Order(new OrderId('order-999'), OrderStatus.Placed, 'CustomerEmail Alpha', new Date('2024-01-15T09:30:00.250Z'), 10.25, true, 'Note Alpha')";
const REPLACEMENT =
  "new Order(new OrderId('order-1'), OrderStatus.Paid, 'customerEmail alpha_%', new Date('2024-02-15T09:30:00.250Z'), 20.5, false, 'note alpha_%')";

describe('the contract test cases of reads, deletes and ids', () => {
  const suite = orderModel([
    'save(order: Order): Promise<void>',
    'findById(id: OrderId): Promise<Order | null>',
    'find(id: OrderId): Promise<Order>',
    'findByIds(ids: OrderId[]): Promise<Order[]>',
    'findAll(): Promise<Order[]>',
    'count(): Promise<number>',
    'exists(order: Order): Promise<boolean>',
    'remove(id: OrderId): Promise<boolean>',
    'delete(order: Order): Promise<void>',
    'nextId(): OrderId',
    'transaction<T>(work: () => Promise<T>): Promise<T>',
  ]);

  it.each([
    {
      given: 'findById',
      want: [
        {
          lines: [
            "it('saves Orders and finds each by id with every field intact', async () => {",
            '  await saveAll();',
            '',
            '  for (const order of sampleOrders()) {',
            '    expect(await subject.repository.findById(order.id)).toStrictEqual(order);',
            '  }',
            '});',
          ],
          uses: ['saveAll'],
        },
        {
          lines: [
            "it('replaces the stored Order when one with the same id is saved', async () => {",
            '  await subject.repository.save(orders[0]);',
            `  const changed = ${REPLACEMENT};`,
            '',
            '  await subject.repository.save(changed);',
            '',
            '  expect(await subject.repository.findById(changed.id)).toStrictEqual(changed);',
            '});',
          ],
          uses: ['list'],
        },
        {
          lines: [
            "it('resolves to null for an id that was never saved', async () => {",
            "  expect(await subject.repository.findById(new OrderId('order-999'))).toBe(null);",
            '});',
          ],
          uses: [],
        },
        {
          lines: [
            "it('keeps what was saved when the Order changes afterwards', async () => {",
            '  const order = orders[0];',
            '  await subject.repository.save(order);',
            '',
            '  order.status = OrderStatus.Paid;',
            '',
            '  expect((await subject.repository.findById(order.id))?.status).toStrictEqual(OrderStatus.Placed);',
            '});',
          ],
          uses: ['list'],
        },
      ],
    },
    {
      given: 'findByIds',
      want: [
        {
          lines: [
            "it('finds Orders by several ids, skipping unknown ones, in id order', async () => {",
            '  await saveAll();',
            '',
            "  expect(ids(await subject.repository.findByIds([orders[2].id, new OrderId('order-999'), orders[0].id]))).toStrictEqual(ids([orders[0], orders[2]]));",
            '});',
          ],
          uses: ['saveAll', 'ids'],
        },
      ],
    },
    {
      given: 'findAll',
      want: [
        {
          lines: [
            "it('finds all Orders in id order', async () => {",
            '  for (const order of [...orders].reverse()) await subject.repository.save(order);',
            '',
            '  expect(await subject.repository.findAll()).toStrictEqual(sampleOrders());',
            '});',
          ],
          uses: ['list'],
        },
      ],
    },
    {
      given: 'count',
      want: [
        {
          lines: [
            "it('counts the stored Orders', async () => {",
            '  expect(await subject.repository.count()).toBe(0);',
            '  await saveAll();',
            '',
            '  expect(await subject.repository.count()).toBe(4);',
            '});',
          ],
          uses: ['saveAll'],
        },
      ],
    },
    {
      given: 'exists',
      want: [
        {
          lines: [
            "it('tells whether a Order exists', async () => {",
            '  await saveAll();',
            '',
            '  expect(await subject.repository.exists(orders[0])).toBe(true);',
            `  expect(await subject.repository.exists(${MISSING_ORDER})).toBe(false);`,
            '});',
          ],
          uses: ['saveAll'],
        },
      ],
    },
    {
      given: 'remove',
      want: [
        {
          lines: [
            "it('deletes one Order and keeps the others', async () => {",
            '  await saveAll();',
            '',
            '  await subject.repository.remove(orders[0].id);',
            '',
            '  expect(await subject.repository.findById(orders[0].id)).toBe(null);',
            '  expect(await subject.repository.findAll()).toStrictEqual(sampleOrders().slice(1));',
            '});',
          ],
          uses: ['saveAll'],
        },
        {
          lines: [
            "it('tells whether it deleted a Order: false for a missing one, and the second time', async () => {",
            '  await saveAll();',
            '',
            "  expect(await subject.repository.remove(new OrderId('order-999'))).toBe(false);",
            '  expect(await subject.repository.remove(orders[0].id)).toBe(true);',
            '  expect(await subject.repository.remove(orders[0].id)).toBe(false);',
            '});',
          ],
          uses: ['saveAll'],
        },
      ],
    },
    {
      given: 'delete',
      want: [
        {
          lines: [
            "it('deletes one Order and keeps the others', async () => {",
            '  await saveAll();',
            '',
            '  await subject.repository.delete(orders[0]);',
            '',
            '  expect(await subject.repository.findById(orders[0].id)).toBe(null);',
            '  expect(await subject.repository.findAll()).toStrictEqual(sampleOrders().slice(1));',
            '});',
          ],
          uses: ['saveAll'],
        },
        {
          lines: [
            "it('rejects the deletion of a missing Order, naming it', async () => {",
            `  await expect(subject.repository.delete(${MISSING_ORDER})).rejects.toThrow('Order not found: order-999');`,
            '});',
          ],
          uses: [],
        },
      ],
    },
    {
      given: 'nextId',
      want: [
        {
          lines: [
            "it('hands out a new id each time', () => {",
            '  const first = subject.repository.nextId();',
            '  const second = subject.repository.nextId();',
            '',
            '  expect(first).not.toStrictEqual(second);',
            '});',
          ],
          uses: [],
        },
      ],
    },
    { given: 'transaction', want: [] },
  ])('$given', ({ given, want }) => {
    expect(testCasesOf(suite, given)).toEqual(want);
  });

  it('rejects a lookup that throws for a missing id, naming it', () => {
    expect(testCasesOf(suite, 'find')[2]).toEqual({
      lines: [
        "it('rejects a lookup of an id that was never saved, naming it', async () => {",
        "  await expect(subject.repository.find(new OrderId('order-999'))).rejects.toThrow('Order not found: order-999');",
        '});',
      ],
      uses: [],
    });
  });

  it('pages through findAll, stores samples with create where there is no save, awaits an async nextId, checks a delete by what the port reads back', () => {
    const other = orderModel([
      'create(order: Order): Promise<void>',
      'find(id: OrderId): Promise<Order>',
      'list(page: { take: number; skip: number }): Promise<Order[]>',
      'existsById(id: OrderId): Promise<boolean>',
      'nextId(): Promise<OrderId>',
    ]);
    // Its page is required: the case that reads every Order passes one that holds them all.
    expect(testCasesOf(other, 'list')[0].lines[3]).toBe(
      '  expect(await subject.repository.list({ take: 1000, skip: 0 })).toStrictEqual(sampleOrders());',
    );
    expect(testCasesOf(other, 'list')[1]).toEqual({
      lines: [
        "it('finds a page of Orders', async () => {",
        '  await saveAll();',
        '',
        '  expect(ids(await subject.repository.list({ take: 2, skip: 1 }))).toStrictEqual(ids(sampleOrders().slice(1, 3)));',
        '});',
      ],
      uses: ['saveAll', 'ids'],
    });
    // Without a save, the tests store samples with create and leave out the replacing save.
    expect(testCasesOf(other, 'find').map((c) => c.lines[0])).toEqual([
      "it('saves Orders and finds each by id with every field intact', async () => {",
      "it('rejects a lookup of an id that was never saved, naming it', async () => {",
      "it('keeps what was saved when the Order changes afterwards', async () => {",
    ]);
    expect(testCasesOf(other, 'existsById')[0].lines.slice(3, 5)).toEqual([
      '  expect(await subject.repository.existsById(orders[0].id)).toBe(true);',
      "  expect(await subject.repository.existsById(new OrderId('order-999'))).toBe(false);",
    ]);
    expect(testCasesOf(other, 'nextId')[0].lines.slice(0, 3)).toEqual([
      "it('hands out a new id each time', async () => {",
      '  const first = await subject.repository.nextId();',
      '  const second = await subject.repository.nextId();',
    ]);
    // A findById that throws cannot show the deleted one missing: findAll shows the others kept.
    const throwing = orderModel([
      'save(order: Order): Promise<void>',
      'find(id: OrderId): Promise<Order>',
      'findAll(): Promise<Order[]>',
      'delete(id: OrderId): Promise<void>',
    ]);
    expect(testCasesOf(throwing, 'delete')[0].lines.slice(3)).toEqual([
      '  await subject.repository.delete(orders[0].id);',
      '',
      '  expect(await subject.repository.findAll()).toStrictEqual(sampleOrders().slice(1));',
      '});',
    ]);
  });
});
