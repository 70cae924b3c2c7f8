import { BillingError } from '../billing-error';
import { Money } from '../money';

/** One billed item, numbered within its invoice: what it is, how many, at what unit price. */
export class InvoiceLine {
  constructor(
    readonly id: number,
    readonly description: string,
    readonly quantity: number,
    readonly unitPrice: Money,
  ) {
    if (!Number.isInteger(id) || id < 1) {
      throw new BillingError(`An invoice line is numbered from 1, got ${id}`);
    }
    if (description.trim().length === 0) {
      throw new BillingError('An invoice line needs a description');
    }
    if (!Number.isInteger(quantity) || quantity < 1) {
      throw new BillingError(
        `An invoice line needs a whole, positive quantity, got ${quantity}`,
      );
    }
  }

  get total(): Money {
    return this.unitPrice.times(this.quantity);
  }
}
