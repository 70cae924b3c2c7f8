import { Order } from '../../domain/aggregates/ordering/order';
import { OrderId } from '../../domain/aggregates/ordering/order-id';
import { OrderRepository } from '../../domain/aggregates/ordering/order.repository';

export class OrderNotFoundError extends Error {
  constructor(id: string) {
    super(`Order ${id} not found`);
    this.name = 'OrderNotFoundError';
  }
}

/** Records the payment of an existing order. */
export class PayOrderUseCase {
  constructor(private readonly orders: OrderRepository) {}

  async execute(orderId: string): Promise<Order> {
    const order = await this.orders.findById(new OrderId(orderId));
    if (order === null) {
      throw new OrderNotFoundError(orderId);
    }
    order.pay();
    await this.orders.save(order);
    return order;
  }
}
