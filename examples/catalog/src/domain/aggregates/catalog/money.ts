import { DomainError } from '../../shared/domain-error';

export type Currency = 'EUR' | 'GBP' | 'USD';

/** An amount in a currency. Amounts are kept in the currency's major unit, with at most two decimals. */
export class Money {
  private constructor(
    readonly amount: number,
    readonly currency: Currency,
  ) {}

  static of(amount: number, currency: Currency): Money {
    if (!Number.isFinite(amount) || amount < 0) throw new DomainError(`Invalid amount: ${amount}`);
    if (Math.round(amount * 100) !== amount * 100) throw new DomainError(`Amounts have at most two decimals: ${amount}`);
    return new Money(amount, currency);
  }

  equals(other: Money): boolean {
    return this.amount === other.amount && this.currency === other.currency;
  }
}
