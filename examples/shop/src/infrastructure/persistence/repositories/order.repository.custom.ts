// Created by gen from src/domain/aggregates/ordering/order.repository.ts for you to complete; gen never overwrites this file.
import type { Repository } from 'typeorm';
import type { Order } from '../../../domain/aggregates/ordering/order';
import type { OrderModel } from '../models/order.model';

/**
 * The methods of OrderRepository that gen cannot derive from their names. TypeOrmOrderRepository extends this
 * class; write each method here with `this.orm` and OrderMapper, then test it in your own suite.
 */
export abstract class TypeOrmOrderRepositoryCustom {
  constructor(protected readonly orm: Repository<OrderModel>) {}

  async findDormant(_since: Date): Promise<Order[]> {
    throw new Error('not implemented: findDormant');
  }
}
