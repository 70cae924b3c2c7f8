/** A small Order domain in the plan method's layout; tests change one file at a time to make bad input. */
export const ORDER_DOMAIN: Record<string, string> = {
  'src/domain/aggregates/ordering/order-id.ts': `export class OrderId {
  constructor(readonly value: string) {}
}
`,
  'src/domain/aggregates/ordering/order-status.ts': `export enum OrderStatus {
  Placed = 'PLACED',
  Paid = 'PAID',
}
`,
  'src/domain/aggregates/ordering/order.ts': `import { OrderId } from './order-id';
import { OrderStatus } from './order-status';

export class Order {
  constructor(
    readonly id: OrderId,
    public status: OrderStatus,
    public customerEmail: string,
    public placedAt: Date,
    public total: number,
    public paid: boolean,
    public note?: string,
  ) {}
}
`,
  'src/domain/aggregates/ordering/order.repository.ts': `import { Order } from './order';
import { OrderId } from './order-id';
import { OrderStatus } from './order-status';

export interface OrderRepository {
  save(order: Order): Promise<void>;
  findById(id: OrderId): Promise<Order | null>;
  findAll(): Promise<Order[]>;
  delete(id: OrderId): Promise<void>;
  findByStatus(status: OrderStatus): Promise<Order[]>;
}
`,
};

export const PORT_FILE = 'src/domain/aggregates/ordering/order.repository.ts';
export const AGGREGATE_FILE = 'src/domain/aggregates/ordering/order.ts';

/** The Order domain with the port's method list replaced. */
export function withPortMethods(methods: string): Record<string, string> {
  return {
    ...ORDER_DOMAIN,
    [PORT_FILE]: `import { Order } from './order';
import { OrderId } from './order-id';
import { OrderStatus } from './order-status';

export interface OrderRepository {
${methods}
}
`,
  };
}
