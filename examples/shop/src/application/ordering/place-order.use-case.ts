import { randomUUID } from 'node:crypto';
import { Order } from '../../domain/aggregates/ordering/order';
import { OrderId } from '../../domain/aggregates/ordering/order-id';
import { OrderRepository } from '../../domain/aggregates/ordering/order.repository';

export interface PlaceOrderInput {
  customerEmail: string;
  total: number;
  note?: string;
}

/** Checks a customer out: creates a new order and stores it. */
export class PlaceOrderUseCase {
  constructor(private readonly orders: OrderRepository) {}

  async execute(input: PlaceOrderInput): Promise<Order> {
    const order = Order.create(new OrderId(randomUUID()), input.customerEmail, input.total, input.note);
    await this.orders.save(order);
    return order;
  }
}
