import { randomUUID } from 'node:crypto';
import { AggregateRoot } from '@libs/ddd/aggregate-root.base';
import { DomainError } from '@libs/ddd/domain-error';
import { Money } from './money.value-object';
import { WalletCreatedEvent } from './wallet-created.event';
import { CreateWalletProps, WalletProps, WalletStatus } from './wallet.types';

export class WalletEntity extends AggregateRoot<WalletProps> {
  /** A new, empty, active wallet; it raises WalletCreatedEvent. A stored wallet is rebuilt with the constructor. */
  static create({ ownerId, currency }: CreateWalletProps): WalletEntity {
    const wallet = new WalletEntity({ id: randomUUID(), props: { ownerId, balance: Money.zero(currency), status: WalletStatus.Active } });
    wallet.addEvent(new WalletCreatedEvent(wallet.id, ownerId));
    return wallet;
  }

  get ownerId(): string {
    return this.props.ownerId;
  }

  get balance(): Money {
    return this.props.balance;
  }

  get status(): WalletStatus {
    return this.props.status;
  }

  deposit(amount: Money): void {
    this.assertActive();
    this.props.balance = this.props.balance.add(amount);
    this.markUpdated();
  }

  withdraw(amount: Money): void {
    this.assertActive();
    if (amount.amount > this.props.balance.amount) throw new DomainError(`Wallet ${this.id} holds less than ${amount.amount} ${amount.currency}`);
    this.props.balance = this.props.balance.subtract(amount);
    this.markUpdated();
  }

  freeze(): void {
    if (this.props.status === WalletStatus.Closed) throw new DomainError(`Wallet ${this.id} is closed`);
    this.props.status = WalletStatus.Frozen;
    this.markUpdated();
  }

  close(): void {
    if (this.props.balance.amount !== 0) throw new DomainError(`Wallet ${this.id} still holds money`);
    this.props.status = WalletStatus.Closed;
    this.markUpdated();
  }

  private assertActive(): void {
    if (this.props.status !== WalletStatus.Active) throw new DomainError(`Wallet ${this.id} is ${this.props.status}`);
  }
}
