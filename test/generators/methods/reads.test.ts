import { describe, expect, it } from 'vitest';
import { emitted, orderModel } from './method-fixture.js';

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
