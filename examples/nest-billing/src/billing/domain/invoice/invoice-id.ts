import { BillingError } from '../billing-error';

/** Identity of an {@link Invoice}; payments refer to it. */
export class InvoiceId {
  constructor(readonly value: string) {
    if (value.trim().length === 0) {
      throw new BillingError('InvoiceId must not be empty');
    }
  }

  equals(other: InvoiceId): boolean {
    return this.value === other.value;
  }
}
