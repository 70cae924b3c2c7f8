import { Order } from './order';
import { OrderId } from './order-id';
import { OrderStatus } from './order-status';

/** A page of a listing: `limit` orders after skipping `offset`. */
export interface OrderPage {
  limit: number;
  offset: number;
}

/** Persistence port for {@link Order} aggregates. */
export interface OrderRepository {
  save(order: Order): Promise<void>;
  findById(id: OrderId): Promise<Order | null>;
  findAll(page?: OrderPage): Promise<Order[]>;
  delete(id: OrderId): Promise<void>;
  findByStatus(status: OrderStatus): Promise<Order[]>;
  findByCustomerEmail(customerEmail: string): Promise<Order[]>;
  findByStatusIn(statuses: OrderStatus[]): Promise<Order[]>;
  findByTotalBetween(min: number, max: number): Promise<Order[]>;
  findByPlacedAtBefore(date: Date): Promise<Order[]>;
  /** The three largest paid orders. */
  findTop3ByPaidTrueOrderByTotalDesc(): Promise<Order[]>;
  findByNoteIsNull(): Promise<Order[]>;
  countByStatus(status: OrderStatus): Promise<number>;
  existsByCustomerEmailIgnoreCase(customerEmail: string): Promise<boolean>;
  /** Purges orders in a status; resolves to how many were deleted. */
  deleteByStatus(status: OrderStatus): Promise<number>;
  /** Open orders not touched since `since`: needs a rule gen cannot derive, so it is written by hand. */
  findDormant(since: Date): Promise<Order[]>;
}
