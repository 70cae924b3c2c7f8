import { BillingError } from '../billing-error';
import { Money } from '../money';
import { InvoiceId } from './invoice-id';
import { InvoiceLine } from './invoice-line';
import { InvoiceStatus } from './invoice-status';

/** Aggregate root: what a customer owes, line by line, from issue until paid (or voided). */
export class Invoice {
  constructor(
    readonly id: InvoiceId,
    readonly customerId: string,
    public status: InvoiceStatus,
    readonly issuedAt: Date,
    readonly lines: InvoiceLine[],
    public paidAt?: Date,
  ) {}

  /** Issues an invoice of at least one line, all in one currency. */
  static issue(
    id: InvoiceId,
    customerId: string,
    lines: InvoiceLine[],
    issuedAt: Date,
  ): Invoice {
    if (customerId.trim().length === 0) {
      throw new BillingError('An invoice needs a customer');
    }
    const first = lines[0];
    if (first === undefined) {
      throw new BillingError('An invoice needs at least one line');
    }
    // Summing checks that every line is in the first line's currency.
    lines.reduce(
      (sum, line) => sum.add(line.total),
      Money.zero(first.unitPrice.currency),
    );
    return new Invoice(
      id,
      customerId,
      InvoiceStatus.Issued,
      issuedAt,
      lines,
      undefined,
    );
  }

  get total(): Money {
    const [first, ...rest] = this.lines;
    if (first === undefined)
      throw new BillingError(`Invoice ${this.id.value} has no lines`);
    return rest.reduce((sum, line) => sum.add(line.total), first.total);
  }

  /** Settles the invoice with a payment covering its total. */
  markPaid(amount: Money, at: Date): void {
    if (this.status !== InvoiceStatus.Issued) {
      throw new BillingError(
        `Invoice ${this.id.value} cannot be paid in status ${this.status}`,
      );
    }
    if (!amount.isAtLeast(this.total)) {
      throw new BillingError(
        `Invoice ${this.id.value} totals ${this.total.amount}, a payment of ${amount.amount} does not cover it`,
      );
    }
    this.status = InvoiceStatus.Paid;
    this.paidAt = at;
  }

  void(): void {
    if (this.status === InvoiceStatus.Paid) {
      throw new BillingError(
        `Invoice ${this.id.value} is paid and cannot be voided`,
      );
    }
    this.status = InvoiceStatus.Void;
  }
}
