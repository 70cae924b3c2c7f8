import { Inject, Injectable } from '@nestjs/common';
import { BillingError } from '../domain/billing-error';
import { InvoiceId } from '../domain/invoice/invoice-id';
import {
  INVOICE_REPOSITORY,
  type InvoiceRepository,
} from '../domain/invoice/invoice.repository';
import { Money } from '../domain/money';
import { Payment } from '../domain/payment/payment';
import { PaymentId } from '../domain/payment/payment-id';
import { PaymentMethod } from '../domain/payment/payment-method';
import {
  PAYMENT_REPOSITORY,
  type PaymentRepository,
} from '../domain/payment/payment.repository';

/** Records a payment against an invoice and marks the invoice paid: the payment must cover its total. */
@Injectable()
export class RecordPayment {
  constructor(
    @Inject(INVOICE_REPOSITORY) private readonly invoices: InvoiceRepository,
    @Inject(PAYMENT_REPOSITORY) private readonly payments: PaymentRepository,
  ) {}

  async execute(
    paymentId: string,
    invoiceId: string,
    amount: Money,
    method: PaymentMethod,
    receivedAt = new Date(),
  ): Promise<Payment> {
    const invoice = await this.invoices.findById(new InvoiceId(invoiceId));
    if (invoice === null) {
      throw new BillingError(`Invoice ${invoiceId} does not exist`);
    }
    const payment = Payment.receive(
      new PaymentId(paymentId),
      invoice.id,
      amount,
      method,
      receivedAt,
    );
    invoice.markPaid(amount, receivedAt);
    await this.payments.save(payment);
    await this.invoices.save(invoice);
    return payment;
  }
}
