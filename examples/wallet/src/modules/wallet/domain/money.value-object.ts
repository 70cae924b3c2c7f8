import { DomainError } from '@libs/ddd/domain-error';
import { ValueObject } from '@libs/ddd/value-object.base';

export type Currency = 'EUR' | 'GBP' | 'USD';

export interface MoneyProps {
  /** In the currency's minor unit (cents), so sums are exact. */
  amount: number;
  currency: Currency;
}

const CURRENCIES: readonly Currency[] = ['EUR', 'GBP', 'USD'];

export class Money extends ValueObject<MoneyProps> {
  static zero(currency: Currency): Money {
    return new Money({ amount: 0, currency });
  }

  get amount(): number {
    return this.props.amount;
  }

  get currency(): Currency {
    return this.props.currency;
  }

  add(other: Money): Money {
    this.assertSameCurrency(other);
    return new Money({ amount: this.amount + other.amount, currency: this.currency });
  }

  subtract(other: Money): Money {
    this.assertSameCurrency(other);
    return new Money({ amount: this.amount - other.amount, currency: this.currency });
  }

  protected validate({ amount, currency }: MoneyProps): void {
    if (!Number.isSafeInteger(amount) || amount < 0) throw new DomainError(`An amount is a whole, non-negative number of minor units: ${amount}`);
    if (!CURRENCIES.includes(currency)) throw new DomainError(`Not a currency a wallet holds: ${currency}`);
  }

  private assertSameCurrency(other: Money): void {
    if (other.currency !== this.currency) throw new DomainError(`Cannot combine ${this.currency} with ${other.currency}`);
  }
}
