import { Inject, Injectable } from '@nestjs/common';
import { Invoice } from '../domain/invoice/invoice';
import { InvoiceId } from '../domain/invoice/invoice-id';
import { InvoiceLine } from '../domain/invoice/invoice-line';
import {
  INVOICE_REPOSITORY,
  type InvoiceRepository,
} from '../domain/invoice/invoice.repository';
import { Money } from '../domain/money';

export interface InvoiceLineInput {
  description: string;
  quantity: number;
  unitPrice: number;
}

/** Issues an invoice to a customer, lines numbered in the order given, all in one currency. */
@Injectable()
export class IssueInvoice {
  constructor(
    @Inject(INVOICE_REPOSITORY) private readonly invoices: InvoiceRepository,
  ) {}

  async execute(
    invoiceId: string,
    customerId: string,
    currency: string,
    lines: InvoiceLineInput[],
    issuedAt = new Date(),
  ): Promise<Invoice> {
    const invoice = Invoice.issue(
      new InvoiceId(invoiceId),
      customerId,
      lines.map(
        (line, index) =>
          new InvoiceLine(
            index + 1,
            line.description,
            line.quantity,
            new Money(line.unitPrice, currency),
          ),
      ),
      issuedAt,
    );
    await this.invoices.save(invoice);
    return invoice;
  }
}
