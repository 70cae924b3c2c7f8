import { describe, expect, it } from 'vitest';
import { derivedCases } from '../../../generators/methods/derived-query.js';
import { repositorySamples } from '../../../generators/repository-test.js';
import { emitted, orderModel, testCasesOf } from './method-fixture.js';

// Derived queries of each action and result: given a port method, want both bodies and the plan row.
const model = orderModel([
  'save(order: Order): Promise<void>',
  'findByStatusInAndNoteNotInAndTotalGreaterThan(statuses: OrderStatus[], notes: string[], total: number): Promise<Order[]>',
  'findFirstByStatusOrderByTotalDesc(status: OrderStatus): Promise<Order | null>',
  'findOneByCustomerEmail(email: string): Promise<Order>',
  'deleteByPaid(paid: boolean): Promise<number>',
  'existsByCustomerEmailIgnoreCase(email: string): Promise<boolean>',
  'countByNoteIsNotNull(): Promise<number>',
]);
const settled = (...lines: string[]) => ['return settled(() => {', ...lines, '});'];

describe('the emitter of derived queries', () => {
  it.each([
    {
      given: 'findByStatusInAndNoteNotInAndTotalGreaterThan',
      typeorm: [
        "checkArgument('findByStatusInAndNoteNotInAndTotalGreaterThan', orderColumns, 'status', statuses);",
        "checkArgument('findByStatusInAndNoteNotInAndTotalGreaterThan', orderColumns, 'note', notes);",
        "checkArgument('findByStatusInAndNoteNotInAndTotalGreaterThan', orderColumns, 'total', total);",
        "const models = await this.orm.find({ where: { status: In(statuses), note: Not(In(notes)), total: MoreThan(total) }, order: { id: 'ASC' } });",
        'return models.map((model) => this.loaded(model));',
      ],
      memory: settled(
        "checkArgument('findByStatusInAndNoteNotInAndTotalGreaterThan', orderColumns, 'status', statuses);",
        "checkArgument('findByStatusInAndNoteNotInAndTotalGreaterThan', orderColumns, 'note', notes);",
        "checkArgument('findByStatusInAndNoteNotInAndTotalGreaterThan', orderColumns, 'total', total);",
        'return this.rowsMatching((model) => statuses.some((item) => sameValue(model.status, item)) && (notes.length === 0 || (model.note !== null && !notes.some((item) => sameValue(model.note, item)))) && compareColumns(model.total, total) > 0, (a, b) => compareColumns(a.id, b.id)).map((model) => this.aggregates.load(model));',
      ),
      row: 'derived query: `SELECT … WHERE status IN (?) AND note NOT IN (?) AND total > ?`, rows',
    },
    {
      given: 'findFirstByStatusOrderByTotalDesc',
      typeorm: [
        "checkArgument('findFirstByStatusOrderByTotalDesc', orderColumns, 'status', status);",
        "const models = await this.orm.find({ where: { status }, order: { total: 'DESC', id: 'ASC' }, take: 1 });",
        'const [model] = models;',
        'return model ? this.loaded(model) : null;',
      ],
      memory: settled(
        "checkArgument('findFirstByStatusOrderByTotalDesc', orderColumns, 'status', status);",
        'const found = this.rowsMatching((model) => sameValue(model.status, status), (a, b) => compareColumns(b.total, a.total) || compareColumns(a.id, b.id));',
        'const [model] = found;',
        'return model ? this.aggregates.load(model) : null;',
      ),
      row: 'derived query: `SELECT … WHERE status = ? ORDER BY total DESC LIMIT 1`, at most one row',
    },
    {
      given: 'findOneByCustomerEmail',
      typeorm: [
        "checkArgument('findOneByCustomerEmail', orderColumns, 'customerEmail', email);",
        '// Two rows are enough to tell "one" from "more than one".',
        "const models = await this.orm.find({ where: { customerEmail: email }, order: { id: 'ASC' }, take: 2 });",
        "if (models.length > 1) throw new Error('findOneByCustomerEmail: expected at most one Order, found more');",
        'const [model] = models;',
        "if (!model) throw new Error('findOneByCustomerEmail: no Order found');",
        'return this.loaded(model);',
      ],
      memory: settled(
        "checkArgument('findOneByCustomerEmail', orderColumns, 'customerEmail', email);",
        'const found = this.rowsMatching((model) => sameValue(model.customerEmail, email), (a, b) => compareColumns(a.id, b.id));',
        "if (found.length > 1) throw new Error('findOneByCustomerEmail: expected at most one Order, found more');",
        'const [model] = found;',
        "if (!model) throw new Error('findOneByCustomerEmail: no Order found');",
        'return this.aggregates.load(model);',
      ),
      row: 'derived query: `SELECT … WHERE customer_email = ?`, at most one row',
    },
    {
      given: 'deleteByPaid',
      typeorm: [
        "checkArgument('deleteByPaid', orderColumns, 'paid', paid);",
        '// Select, then delete by id, in one transaction: the delete sees exactly the rows the conditions select.',
        'return this.store.atomically(async (manager) => {',
        '  const repository = manager.getRepository(OrderModel);',
        '  const models = await repository.find({ where: { paid }, select: { id: true } });',
        '  if (models.length > 0) await repository.delete(models.map((model) => model.id));',
        '  return models.length;',
        '});',
      ],
      memory: settled(
        "checkArgument('deleteByPaid', orderColumns, 'paid', paid);",
        'const found = this.rowsMatching((model) => sameValue(model.paid, paid));',
        'for (const model of found) this.aggregates.delete(model.id);',
        'return found.length;',
      ),
      row: 'derived delete: `DELETE WHERE paid = ?` (the matching ids, then delete by id, in one transaction), returns the rows deleted',
    },
    {
      given: 'existsByCustomerEmailIgnoreCase',
      typeorm: [
        "checkText('existsByCustomerEmailIgnoreCase', 'customerEmail', email);",
        "return this.orm.exists({ where: { customerEmail: equalsIgnoringCase(email, 'customerEmail_0') } });",
      ],
      memory: settled(
        "checkText('existsByCustomerEmailIgnoreCase', 'customerEmail', email);",
        'return this.rowsMatching((model) => foldCase(model.customerEmail) === foldCase(email)).length > 0;',
      ),
      row: 'derived exists: `SELECT 1 WHERE LOWER(customer_email) = LOWER(?) LIMIT 1`',
    },
    {
      given: 'countByNoteIsNotNull',
      typeorm: ['return this.orm.count({ where: { note: Not(IsNull()) } });'],
      memory: settled('return this.rowsMatching((model) => model.note !== null).length;'),
      row: 'derived count: `SELECT COUNT(*) WHERE note IS NOT NULL`',
    },
  ])('$given', ({ given, typeorm, memory, row }) => {
    const want = emitted(model, given);
    expect(want.typeorm).toEqual(typeorm);
    expect(want.memory).toEqual(memory);
    expect(want.row).toBe(row);
  });
});

describe('the contract-test cases of derived queries', () => {
  const cases = orderModel([
    'save(order: Order): Promise<void>',
    'findByStatusNotInAndPaid(statuses: OrderStatus[], paid: boolean): Promise<Order[]>',
    'findOneByCustomerEmail(email: string): Promise<Order | null>',
    'countByTotalGreaterThan(total: number): Promise<number>',
    'deleteByNoteIsNull(): Promise<void>',
  ]);
  const samples = repositorySamples(cases);
  const casesOf = (name: string) => {
    const method = cases.methods.find((m) => m.method.name === name);
    if (method?.kind !== 'derived') throw new Error(`${name} is not derived`);
    return derivedCases(method, cases, samples);
  };

  it.each([
    {
      // With In or NotIn, a second case with empty lists: an empty NotIn restricts nothing.
      given: 'findByStatusNotInAndPaid',
      want: [
        {
          name: 'findByStatusNotInAndPaid',
          call: 'findByStatusNotInAndPaid([OrderStatus.Placed], true)',
          result: 'many',
          absent: 'null',
          title: 'findByStatusNotInAndPaid finds nothing',
          expectedIds: '[]',
        },
        {
          name: 'findByStatusNotInAndPaid',
          call: 'findByStatusNotInAndPaid([], true)',
          result: 'many',
          absent: 'null',
          title: 'findByStatusNotInAndPaid finds order-1, order-3',
          expectedIds: "['order-1', 'order-3']",
          emptyLists: true,
        },
      ],
    },
    {
      given: 'findOneByCustomerEmail',
      want: [
        {
          name: 'findOneByCustomerEmail',
          call: "findOneByCustomerEmail('CustomerEmail Alpha')",
          result: 'one',
          absent: 'null',
          title: 'findOneByCustomerEmail finds order-1',
          expectedSample: 0,
        },
      ],
    },
    {
      given: 'countByTotalGreaterThan',
      want: [
        {
          name: 'countByTotalGreaterThan',
          call: 'countByTotalGreaterThan(10.25)',
          result: 'count',
          absent: 'null',
          title: 'countByTotalGreaterThan counts 2',
          expected: '2',
        },
      ],
    },
    {
      given: 'deleteByNoteIsNull',
      want: [
        {
          name: 'deleteByNoteIsNull',
          call: 'deleteByNoteIsNull()',
          result: 'void',
          absent: 'null',
          title: 'deleteByNoteIsNull deletes order-3',
          remaining: "['order-1', 'order-2', 'order-4']",
        },
      ],
    },
  ])('$given', ({ given, want }) => {
    expect(casesOf(given)).toEqual(want);
  });

  it('calls for ids() after a delete only where a findAll reads what is left (unused, it fails noUnusedLocals)', () => {
    expect(testCasesOf(cases, 'deleteByNoteIsNull')[0].uses).toEqual(['saveAll']);
  });
});

describe('the contract test lines of derived queries', () => {
  const model = orderModel([
    'save(order: Order): Promise<void>',
    'findAll(): Promise<Order[]>',
    'findByStatusInAndNoteNotInAndTotalGreaterThan(statuses: OrderStatus[], notes: string[], total: number): Promise<Order[]>',
    'findFirstByStatusOrderByTotalDesc(status: OrderStatus): Promise<Order | null>',
    'findOneByCustomerEmailAndPaidNot(email: string, paid: boolean): Promise<Order | null>',
    'findByCustomerEmailAndPaidNot(email: string, paid: boolean): Promise<Order>',
    'findOneByPaid(paid: boolean): Promise<Order | null>',
    'deleteByPaid(paid: boolean): Promise<number>',
    'deleteByStatus(status: OrderStatus): Promise<void>',
    'existsByCustomerEmailIgnoreCase(email: string): Promise<boolean>',
    'countByNoteIsNotNull(): Promise<number>',
  ]);
  // Every case stores the samples first, then runs the query.
  const test = (title: string, expectations: string[], uses: string[] = ['saveAll']) => ({
    lines: [`it('${title}', async () => {`, '  await saveAll();', '', ...expectations.map((e) => (e ? `  ${e}` : '')), '});'],
    uses,
  });

  it.each([
    {
      given: 'findByStatusInAndNoteNotInAndTotalGreaterThan',
      want: [
        test(
          'findByStatusInAndNoteNotInAndTotalGreaterThan finds order-2, order-4',
          [
            "expect(ids(await subject.repository.findByStatusInAndNoteNotInAndTotalGreaterThan([OrderStatus.Placed, OrderStatus.Paid], ['Note Alpha'], 10.25))).toStrictEqual(['order-2', 'order-4']);",
          ],
          ['saveAll', 'ids'],
        ),
        test(
          'findByStatusInAndNoteNotInAndTotalGreaterThan finds nothing given empty lists',
          ['expect(ids(await subject.repository.findByStatusInAndNoteNotInAndTotalGreaterThan([], [], 10.25))).toStrictEqual([]);'],
          ['saveAll', 'ids'],
        ),
      ],
    },
    {
      given: 'findFirstByStatusOrderByTotalDesc',
      want: [
        test('findFirstByStatusOrderByTotalDesc finds order-1', [
          'expect(await subject.repository.findFirstByStatusOrderByTotalDesc(OrderStatus.Placed)).toStrictEqual(sampleOrders()[0]);',
        ]),
      ],
    },
    {
      given: 'findOneByCustomerEmailAndPaidNot',
      want: [
        test('findOneByCustomerEmailAndPaidNot finds nothing', [
          "expect(await subject.repository.findOneByCustomerEmailAndPaidNot('CustomerEmail Alpha', true)).toBe(null);",
        ]),
      ],
    },
    {
      given: 'findByCustomerEmailAndPaidNot',
      want: [
        test('findByCustomerEmailAndPaidNot finds nothing', [
          "await expect(subject.repository.findByCustomerEmailAndPaidNot('CustomerEmail Alpha', true)).rejects.toThrow('findByCustomerEmailAndPaidNot: no Order found');",
        ]),
      ],
    },
    {
      given: 'findOneByPaid',
      want: [
        test('findOneByPaid rejects more than one match', [
          "await expect(subject.repository.findOneByPaid(true)).rejects.toThrow('findOneByPaid: expected at most one Order, found more');",
        ]),
      ],
    },
    {
      given: 'deleteByPaid',
      want: [
        test(
          'deleteByPaid deletes order-1, order-3',
          [
            'expect(await subject.repository.deleteByPaid(true)).toBe(2);',
            '',
            "expect(ids(await subject.repository.findAll())).toStrictEqual(['order-2', 'order-4']);",
          ],
          ['saveAll', 'ids'],
        ),
      ],
    },
    {
      given: 'deleteByStatus',
      want: [
        test(
          'deleteByStatus deletes order-1, order-3',
          [
            'await subject.repository.deleteByStatus(OrderStatus.Placed);',
            '',
            "expect(ids(await subject.repository.findAll())).toStrictEqual(['order-2', 'order-4']);",
          ],
          ['saveAll', 'ids'],
        ),
      ],
    },
    {
      given: 'existsByCustomerEmailIgnoreCase',
      want: [
        test('existsByCustomerEmailIgnoreCase is true', [
          "expect(await subject.repository.existsByCustomerEmailIgnoreCase('CUSTOMEREMAIL ALPHA')).toBe(true);",
        ]),
      ],
    },
    {
      given: 'countByNoteIsNotNull',
      want: [test('countByNoteIsNotNull counts 3', ['expect(await subject.repository.countByNoteIsNotNull()).toBe(3);'])],
    },
  ])('$given', ({ given, want }) => {
    expect(testCasesOf(model, given)).toEqual(want);
  });
});
