import { BillingError } from './billing-error';

/** An amount in one currency, kept to the cent. */
export class Money {
  constructor(
    readonly amount: number,
    readonly currency: string,
  ) {
    if (!Number.isFinite(amount) || Math.round(amount * 100) !== amount * 100) {
      throw new BillingError(
        `Money needs an amount in whole cents, got ${amount}`,
      );
    }
    if (!/^[A-Z]{3}$/.test(currency)) {
      throw new BillingError(
        `Money needs an ISO 4217 currency code, got '${currency}'`,
      );
    }
  }

  static zero(currency: string): Money {
    return new Money(0, currency);
  }

  add(other: Money): Money {
    this.assertSameCurrency(other);
    return new Money(
      Math.round((this.amount + other.amount) * 100) / 100,
      this.currency,
    );
  }

  times(factor: number): Money {
    return new Money(
      Math.round(this.amount * factor * 100) / 100,
      this.currency,
    );
  }

  isAtLeast(other: Money): boolean {
    this.assertSameCurrency(other);
    return this.amount >= other.amount;
  }

  equals(other: Money): boolean {
    return this.amount === other.amount && this.currency === other.currency;
  }

  private assertSameCurrency(other: Money): void {
    if (other.currency !== this.currency) {
      throw new BillingError(
        `Cannot combine ${this.currency} with ${other.currency}`,
      );
    }
  }
}
