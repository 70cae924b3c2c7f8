import { BillingError } from '../billing-error';

/** Identity of a {@link Payment}. */
export class PaymentId {
  constructor(readonly value: string) {
    if (value.trim().length === 0) {
      throw new BillingError('PaymentId must not be empty');
    }
  }
}
