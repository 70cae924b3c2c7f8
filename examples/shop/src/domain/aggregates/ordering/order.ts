import { DomainError } from '../../shared/domain-error';
import { OrderId } from './order-id';
import { OrderStatus } from './order-status';

const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const MAX_NOTE_LENGTH = 500;

/**
 * Aggregate root of the ordering feature: a customer's order, from checkout
 * through payment to shipping (or cancellation).
 */
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

  /** Places a new, unpaid order. */
  static create(id: OrderId, customerEmail: string, total: number, note?: string): Order {
    const email = customerEmail.trim().toLowerCase();
    if (!EMAIL_PATTERN.test(email)) {
      throw new DomainError(`Invalid customer email: ${customerEmail}`);
    }
    if (!Number.isFinite(total) || total <= 0) {
      throw new DomainError('Order total must be a positive amount');
    }
    Order.assertNote(note);
    return new Order(id, OrderStatus.Placed, email, new Date(), total, false, note);
  }

  /** Records the payment. Only a placed, unpaid order can be paid. */
  pay(): void {
    if (this.status !== OrderStatus.Placed || this.paid) {
      throw new DomainError(`Order ${this.id.value} cannot be paid in status ${this.status}`);
    }
    this.paid = true;
    this.status = OrderStatus.Paid;
  }

  /** Hands the order to the carrier. Requires a prior payment. */
  ship(): void {
    if (this.status !== OrderStatus.Paid) {
      throw new DomainError(`Order ${this.id.value} must be paid before it is shipped`);
    }
    this.status = OrderStatus.Shipped;
  }

  /** Cancels the order. Shipped orders can no longer be cancelled. */
  cancel(): void {
    if (this.status === OrderStatus.Shipped) {
      throw new DomainError(`Order ${this.id.value} has already been shipped`);
    }
    if (this.status === OrderStatus.Cancelled) {
      throw new DomainError(`Order ${this.id.value} is already cancelled`);
    }
    this.status = OrderStatus.Cancelled;
  }

  /** Adds or replaces the customer's delivery note while the order is still open. */
  annotate(note: string): void {
    if (this.status === OrderStatus.Shipped || this.status === OrderStatus.Cancelled) {
      throw new DomainError(`Order ${this.id.value} can no longer be annotated`);
    }
    Order.assertNote(note);
    this.note = note;
  }

  isOpen(): boolean {
    return this.status === OrderStatus.Placed || this.status === OrderStatus.Paid;
  }

  private static assertNote(note: string | undefined): void {
    if (note !== undefined && note.length > MAX_NOTE_LENGTH) {
      throw new DomainError(`Order note must be at most ${MAX_NOTE_LENGTH} characters`);
    }
  }
}
