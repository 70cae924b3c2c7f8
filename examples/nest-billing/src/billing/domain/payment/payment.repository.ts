import { InvoiceId } from '../invoice/invoice-id';
import { Payment } from './payment';
import { PaymentId } from './payment-id';
import { PaymentMethod } from './payment-method';

/** Nest injects the port by this token: an interface is no value at run time. */
export const PAYMENT_REPOSITORY = Symbol('PaymentRepository');

/** Persistence port for {@link Payment} aggregates. */
export interface PaymentRepository {
  save(payment: Payment): Promise<void>;
  findById(id: PaymentId): Promise<Payment | null>;
  findByInvoiceId(invoiceId: InvoiceId): Promise<Payment[]>;
  findByMethodAndReceivedAtAfter(
    method: PaymentMethod,
    date: Date,
  ): Promise<Payment[]>;
}
