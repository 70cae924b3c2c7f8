import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Test, type TestingModule } from '@nestjs/testing';
import { AppModule } from '../src/app.module';
import { IssueInvoice } from '../src/billing/application/issue-invoice';
import { RecordPayment } from '../src/billing/application/record-payment';
import { BillingError } from '../src/billing/domain/billing-error';
import { InvoiceId } from '../src/billing/domain/invoice/invoice-id';
import { InvoiceStatus } from '../src/billing/domain/invoice/invoice-status';
import {
  INVOICE_REPOSITORY,
  type InvoiceRepository,
} from '../src/billing/domain/invoice/invoice.repository';
import { Money } from '../src/billing/domain/money';
import { PaymentMethod } from '../src/billing/domain/payment/payment-method';
import {
  PAYMENT_REPOSITORY,
  type PaymentRepository,
} from '../src/billing/domain/payment/payment.repository';

// The whole app as main.ts boots it, on the database the environment names (SQLite in memory by default; the
// PostgreSQL run sets DATABASE_TYPE, DATABASE_URL and DATABASE_SCHEMA): its migrations run at start.
describe('billing (e2e)', () => {
  let app: TestingModule;
  let invoices: InvoiceRepository;
  let payments: PaymentRepository;
  const issuedAt = new Date('2026-11-02T09:30:00.000Z');

  beforeAll(async () => {
    app = await Test.createTestingModule({ imports: [AppModule] }).compile();
    await app.init();
    invoices = app.get(INVOICE_REPOSITORY);
    payments = app.get(PAYMENT_REPOSITORY);
  });

  afterAll(async () => {
    await app?.close();
  });

  it('issues an invoice and reads it back, lines and amounts included', async () => {
    await app.get(IssueInvoice).execute(
      'INV-1',
      'customer-7',
      'EUR',
      [
        { description: 'Consulting, hours', quantity: 3, unitPrice: 120.5 },
        { description: 'Travel', quantity: 1, unitPrice: 0.1 },
      ],
      issuedAt,
    );

    const read = await invoices.findById(new InvoiceId('INV-1'));
    expect(read?.status).toBe(InvoiceStatus.Issued);
    expect(read?.issuedAt.toISOString()).toBe(issuedAt.toISOString());
    expect(
      read?.lines.map((l) => [
        l.id,
        l.description,
        l.quantity,
        l.unitPrice.amount,
        l.unitPrice.currency,
      ]),
    ).toEqual([
      [1, 'Consulting, hours', 3, 120.5, 'EUR'],
      [2, 'Travel', 1, 0.1, 'EUR'],
    ]);
    expect(read?.total).toEqual(new Money(361.6, 'EUR'));
    expect(
      (await invoices.findByCustomerIdOrderByIssuedAtDesc('customer-7')).map(
        (i) => i.id.value,
      ),
    ).toEqual(['INV-1']);
  });

  it('records a payment that marks the invoice paid, and finds it by the invoice', async () => {
    const receivedAt = new Date('2026-11-20T16:00:00.000Z');
    await app
      .get(RecordPayment)
      .execute(
        'PAY-1',
        'INV-1',
        new Money(361.6, 'EUR'),
        PaymentMethod.BankTransfer,
        receivedAt,
      );

    const invoice = await invoices.findById(new InvoiceId('INV-1'));
    expect(invoice?.status).toBe(InvoiceStatus.Paid);
    expect(invoice?.paidAt?.toISOString()).toBe(receivedAt.toISOString());
    const [payment, ...others] = await payments.findByInvoiceId(
      new InvoiceId('INV-1'),
    );
    expect(others).toEqual([]);
    expect([payment?.id.value, payment?.amount, payment?.method]).toEqual([
      'PAY-1',
      new Money(361.6, 'EUR'),
      PaymentMethod.BankTransfer,
    ]);
    expect(await invoices.countByStatus(InvoiceStatus.Paid)).toBe(1);
    expect(await invoices.countByStatus(InvoiceStatus.Issued)).toBe(0);
  });

  it('refuses a payment short of the total, and stores neither the payment nor a change to the invoice', async () => {
    await app
      .get(IssueInvoice)
      .execute(
        'INV-2',
        'customer-7',
        'EUR',
        [{ description: 'Licence', quantity: 2, unitPrice: 49.99 }],
        issuedAt,
      );

    await expect(
      app
        .get(RecordPayment)
        .execute('PAY-2', 'INV-2', new Money(50, 'EUR'), PaymentMethod.Card),
    ).rejects.toThrow(BillingError);

    expect((await invoices.findById(new InvoiceId('INV-2')))?.status).toBe(
      InvoiceStatus.Issued,
    );
    expect(await payments.findByInvoiceId(new InvoiceId('INV-2'))).toEqual([]);
    expect(
      await payments.findByMethodAndReceivedAtAfter(
        PaymentMethod.Card,
        issuedAt,
      ),
    ).toEqual([]);
    expect(
      (
        await payments.findByMethodAndReceivedAtAfter(
          PaymentMethod.BankTransfer,
          issuedAt,
        )
      ).map((p) => p.id.value),
    ).toEqual(['PAY-1']);
  });
});
