// Created by gen from src/domain/aggregates/ordering/order.repository.ts for you to complete; gen never overwrites this file.
import type { Order } from '../../../domain/aggregates/ordering/order';
import { OrderMapper } from '../mappers/order.mapper';
import type { OrderModel } from '../models/order.model';
import { OPEN_STATUSES } from '../repositories/order.repository.custom';

/**
 * The methods of OrderRepository that gen cannot derive, in memory. InMemoryOrderRepository extends this class;
 * `rows` holds the stored OrderModel rows by id; rebuild aggregates from copies of them (see the generated class).
 */
export abstract class InMemoryOrderRepositoryCustom {
  protected readonly rows = new Map<string, OrderModel>();

  /** Open orders placed before `since`, oldest first. */
  async findDormant(since: Date): Promise<Order[]> {
    return [...this.rows.values()]
      .filter((model) => OPEN_STATUSES.includes(model.status) && model.placedAt.getTime() < since.getTime())
      .sort((a, b) => a.placedAt.getTime() - b.placedAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
      .map((model) => OrderMapper.toDomain(structuredClone(model)));
  }
}
