// Created by gen from src/domain/aggregates/ordering/order.repository.ts for you to complete; gen never overwrites this file.
import { In, LessThan, type Repository } from 'typeorm';
import type { Order } from '../../../domain/aggregates/ordering/order';
import { OrderStatus } from '../../../domain/aggregates/ordering/order-status';
import { OrderMapper } from '../mappers/order.mapper';
import type { OrderModel } from '../models/order.model';

/** Orders that are still open: placed, or paid but not yet shipped. */
export const OPEN_STATUSES: string[] = [OrderStatus.Placed, OrderStatus.Paid];

/**
 * The methods of OrderRepository that gen cannot derive from their names. TypeOrmOrderRepository extends this
 * class; write each method here with `this.orm` and OrderMapper, then test it in your own suite.
 */
export abstract class TypeOrmOrderRepositoryCustom {
  constructor(protected readonly orm: Repository<OrderModel>) {}

  /** Open orders placed before `since`, oldest first. */
  async findDormant(since: Date): Promise<Order[]> {
    const models = await this.orm.find({
      where: { status: In(OPEN_STATUSES), placedAt: LessThan(since) },
      order: { placedAt: 'ASC', id: 'ASC' },
    });
    return models.map((model) => OrderMapper.toDomain(model));
  }
}
