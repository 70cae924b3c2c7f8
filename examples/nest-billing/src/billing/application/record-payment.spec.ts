import { describe, expect, it } from '@jest/globals';
import { Test } from '@nestjs/testing';
import { BillingModule } from '../billing.module';
import { BillingError } from '../domain/billing-error';
import { InvoiceId } from '../domain/invoice/invoice-id';
import { InvoiceStatus } from '../domain/invoice/invoice-status';
import { INVOICE_REPOSITORY } from '../domain/invoice/invoice.repository';
import { Money } from '../domain/money';
import { PaymentMethod } from '../domain/payment/payment-method';
import { PAYMENT_REPOSITORY } from '../domain/payment/payment.repository';
import { InMemoryInvoiceRepository } from '../infrastructure/persistence/in-memory/invoice.repository';
import { InMemoryPaymentRepository } from '../infrastructure/persistence/in-memory/payment.repository';
import { IssueInvoice } from './issue-invoice';
import { RecordPayment } from './record-payment';

// The use cases on the generated in-memory twins, bound in place of TypeORM: no database, no TypeOrmModule.
async function billing() {
  const invoices = new InMemoryInvoiceRepository();
  const payments = new InMemoryPaymentRepository();
  const app = await Test.createTestingModule({ imports: [BillingModule] })
    .overrideProvider(INVOICE_REPOSITORY)
    .useValue(invoices)
    .overrideProvider(PAYMENT_REPOSITORY)
    .useValue(payments)
    .compile();
  return { app, invoices, payments };
}

describe('RecordPayment', () => {
  it('marks the invoice paid once a payment covers its total', async () => {
    const { app, invoices, payments } = await billing();
    await app
      .get(IssueInvoice)
      .execute('INV-1', 'customer-1', 'EUR', [
        { description: 'Support plan', quantity: 12, unitPrice: 15 },
      ]);

    await app
      .get(RecordPayment)
      .execute('PAY-1', 'INV-1', new Money(180, 'EUR'), PaymentMethod.Card);

    expect((await invoices.findById(new InvoiceId('INV-1')))?.status).toBe(
      InvoiceStatus.Paid,
    );
    expect(
      (await payments.findByInvoiceId(new InvoiceId('INV-1'))).map(
        (p) => p.id.value,
      ),
    ).toEqual(['PAY-1']);
    await app.close();
  });

  it('refuses a payment against an invoice that does not exist', async () => {
    const { app, payments } = await billing();

    await expect(
      app
        .get(RecordPayment)
        .execute('PAY-1', 'INV-404', new Money(10, 'EUR'), PaymentMethod.Cash),
    ).rejects.toThrow(BillingError);
    expect(await payments.findByInvoiceId(new InvoiceId('INV-404'))).toEqual(
      [],
    );
    await app.close();
  });
});
