import { Order } from './order';
import { OrderId } from './order-id';
import { OrderStatus } from './order-status';

/** Persistence port for {@link Order} aggregates. */
export interface OrderRepository {
  save(order: Order): Promise<void>;
  findById(id: OrderId): Promise<Order | null>;
  findAll(): Promise<Order[]>;
  delete(id: OrderId): Promise<void>;
  findByStatus(status: OrderStatus): Promise<Order[]>;
  findByCustomerEmail(customerEmail: string): Promise<Order[]>;
}
