import { BillingError } from '../billing-error';
import { InvoiceId } from '../invoice/invoice-id';
import { Money } from '../money';
import { PaymentId } from './payment-id';
import { PaymentMethod } from './payment-method';

/** Aggregate root: money received against an invoice, referred to by its id only. */
export class Payment {
  constructor(
    readonly id: PaymentId,
    readonly invoiceId: InvoiceId,
    readonly amount: Money,
    readonly method: PaymentMethod,
    readonly receivedAt: Date,
  ) {}

  static receive(
    id: PaymentId,
    invoiceId: InvoiceId,
    amount: Money,
    method: PaymentMethod,
    receivedAt: Date,
  ): Payment {
    if (amount.amount <= 0) {
      throw new BillingError(
        `A payment must be of a positive amount, got ${amount.amount}`,
      );
    }
    return new Payment(id, invoiceId, amount, method, receivedAt);
  }
}
