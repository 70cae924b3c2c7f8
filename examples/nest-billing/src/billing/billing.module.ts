import { Module } from '@nestjs/common';
import { IssueInvoice } from './application/issue-invoice';
import { RecordPayment } from './application/record-payment';
import { BillingPersistenceModule } from './infrastructure/persistence/billing-persistence.module';

/** The billing context: its use cases, on the ports the generated persistence module provides. */
@Module({
  imports: [BillingPersistenceModule],
  providers: [IssueInvoice, RecordPayment],
  exports: [IssueInvoice, RecordPayment],
})
export class BillingModule {}
