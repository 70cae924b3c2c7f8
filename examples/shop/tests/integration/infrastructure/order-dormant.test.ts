// Written by hand: the test of OrderRepository.findDormant, which gen leaves to us.
import 'reflect-metadata';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Order } from '../../../src/domain/aggregates/ordering/order';
import { OrderId } from '../../../src/domain/aggregates/ordering/order-id';
import { OrderStatus } from '../../../src/domain/aggregates/ordering/order-status';
import type { OrderRepository } from '../../../src/domain/aggregates/ordering/order.repository';
import { InMemoryOrderRepository } from '../../../src/infrastructure/persistence/in-memory/order.repository';
import { TypeOrmOrderRepository } from '../../../src/infrastructure/persistence/repositories/order.repository';
import { openTestDatabase, type TestDatabase } from './support/test-database';

function order(id: string, status: OrderStatus, placedAt: string): Order {
  return new Order(new OrderId(id), status, 'ada@example.com', new Date(placedAt), 10, status !== OrderStatus.Placed);
}

// The generated suite's database: in-memory SQLite, or GEN_TEST_DATABASE_URL's.
let database: TestDatabase;

beforeAll(async () => {
  database = await openTestDatabase();
});

afterAll(async () => {
  await database.close();
});

describe.each([
  [
    'TypeOrmOrderRepository',
    async () => {
      const dataSource = await database.connect();
      return {
        repository: new TypeOrmOrderRepository(dataSource) as OrderRepository,
        close: () => dataSource.destroy(),
      };
    },
  ],
  [
    'InMemoryOrderRepository',
    async () => ({ repository: new InMemoryOrderRepository() as OrderRepository, close: async () => {} }),
  ],
] as const)('%s.findDormant', (_name, connect) => {
  let subject: { repository: OrderRepository; close(): Promise<void> };

  beforeEach(async () => {
    subject = await connect();
  });

  afterEach(async () => {
    await subject.close();
  });

  it('finds the open orders placed before the date, oldest first', async () => {
    const orders = [
      order('o-1', OrderStatus.Paid, '2024-03-01T00:00:00Z'),
      order('o-2', OrderStatus.Placed, '2024-01-01T00:00:00Z'),
      order('o-3', OrderStatus.Shipped, '2024-01-01T00:00:00Z'),
      order('o-4', OrderStatus.Placed, '2024-06-01T00:00:00Z'),
    ];
    for (const o of orders) await subject.repository.save(o);

    const dormant = await subject.repository.findDormant(new Date('2024-05-01T00:00:00Z'));

    expect(dormant.map((o) => o.id.value)).toEqual(['o-2', 'o-1']);
  });
});
