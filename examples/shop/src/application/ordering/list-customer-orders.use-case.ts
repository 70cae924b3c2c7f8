import { Order } from '../../domain/aggregates/ordering/order';
import { OrderRepository } from '../../domain/aggregates/ordering/order.repository';

export interface CustomerOrders {
  open: Order[];
  closed: Order[];
}

/** Lists a customer's orders, most recent first, split into open and closed. */
export class ListCustomerOrdersUseCase {
  constructor(private readonly orders: OrderRepository) {}

  async execute(customerEmail: string): Promise<CustomerOrders> {
    const orders = await this.orders.findByCustomerEmail(customerEmail.trim().toLowerCase());
    const sorted = [...orders].sort((a, b) => b.placedAt.getTime() - a.placedAt.getTime());
    return {
      open: sorted.filter((order) => order.isOpen()),
      closed: sorted.filter((order) => !order.isOpen()),
    };
  }
}
