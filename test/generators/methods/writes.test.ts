import { describe, expect, it } from 'vitest';
import { emitted, orderModel } from './method-fixture.js';

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
