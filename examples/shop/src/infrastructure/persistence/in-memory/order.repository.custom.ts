// Created by gen from src/domain/aggregates/ordering/order.repository.ts for you to complete; gen never overwrites this file.
import type { Order } from '../../../domain/aggregates/ordering/order';
import type { OrderModel } from '../models/order.model';

/**
 * The methods of OrderRepository that gen cannot derive, in memory. InMemoryOrderRepository extends this class;
 * `rows` holds the stored OrderModel rows by id; rebuild aggregates from copies of them (see the generated class).
 */
export abstract class InMemoryOrderRepositoryCustom {
  protected readonly rows = new Map<string, OrderModel>();

  async findDormant(_since: Date): Promise<Order[]> {
    throw new Error('not implemented: findDormant');
  }
}
