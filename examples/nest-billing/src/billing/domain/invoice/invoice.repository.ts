import { Invoice } from './invoice';
import { InvoiceId } from './invoice-id';
import { InvoiceStatus } from './invoice-status';

/** Nest injects the port by this token: an interface is no value at run time. */
export const INVOICE_REPOSITORY = Symbol('InvoiceRepository');

/** Persistence port for {@link Invoice} aggregates. */
export interface InvoiceRepository {
  save(invoice: Invoice): Promise<void>;
  findById(id: InvoiceId): Promise<Invoice | null>;
  findByCustomerIdOrderByIssuedAtDesc(customerId: string): Promise<Invoice[]>;
  findByStatusAndIssuedAtBefore(
    status: InvoiceStatus,
    date: Date,
  ): Promise<Invoice[]>;
  countByStatus(status: InvoiceStatus): Promise<number>;
}
