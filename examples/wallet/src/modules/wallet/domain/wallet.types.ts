import { Currency, Money } from './money.value-object';

export enum WalletStatus {
  Active = 'active',
  Frozen = 'frozen',
  Closed = 'closed',
}

export interface WalletProps {
  /** The user who owns the wallet: another module's aggregate, referenced by id only. */
  ownerId: string;
  balance: Money;
  status: WalletStatus;
}

export interface CreateWalletProps {
  ownerId: string;
  currency: Currency;
}
