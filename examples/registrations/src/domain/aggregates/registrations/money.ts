import { DomainError } from '../../shared/domain-error';

/** The ISO 4217 currencies the payment provider settles in. */
const CURRENCIES: readonly string[] = ['EUR', 'USD', 'GBP', 'CHF', 'JPY'];

/** An amount in whole cents (the currency's minor unit) of an ISO 4217 currency: no rounding anywhere. */
export class Money {
  private constructor(
    readonly cents: number,
    readonly currency: string,
  ) {}

  static of(cents: number, currency: string): Money {
    if (!Number.isSafeInteger(cents) || cents < 0) throw new DomainError(`An amount is a whole number of cents, at least 0: ${cents}`);
    if (!CURRENCIES.includes(currency)) throw new DomainError(`Unsupported currency '${currency}' (${CURRENCIES.join(', ')})`);
    return new Money(cents, currency);
  }

  static zero(currency: string): Money {
    return Money.of(0, currency);
  }

  get isFree(): boolean {
    return this.cents === 0;
  }

  times(quantity: number): Money {
    return Money.of(this.cents * quantity, this.currency);
  }

  equals(other: Money): boolean {
    return this.cents === other.cents && this.currency === other.currency;
  }
}
