/** Lifecycle of an order, from checkout to delivery or cancellation. */
export enum OrderStatus {
  Placed = 'PLACED',
  Paid = 'PAID',
  Shipped = 'SHIPPED',
  Cancelled = 'CANCELLED',
}
