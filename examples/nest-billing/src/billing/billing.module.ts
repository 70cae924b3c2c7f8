import { Module } from '@nestjs/common';
import { IssueInvoice } from './application/issue-invoice';
import { RecordPayment } from './application/record-payment';
import { InvoicePersistenceModule } from './infrastructure/persistence/invoice-persistence.module';
import { PaymentPersistenceModule } from './infrastructure/persistence/payment-persistence.module';

/** The billing context: its use cases, on the ports the generated persistence modules provide. */
@Module({
  imports: [InvoicePersistenceModule, PaymentPersistenceModule],
  providers: [IssueInvoice, RecordPayment],
  exports: [IssueInvoice, RecordPayment],
})
export class BillingModule {}
