import { DomainError } from '@libs/ddd/domain-error';
import { WalletRepositoryPort } from '@modules/wallet/database/wallet.repository.port';
import { Currency, Money } from '@modules/wallet/domain/money.value-object';

export interface DepositMoneyCommand {
  walletId: string;
  /** In minor units. */
  amount: number;
  currency: Currency;
}

/** Credits a wallet: loads it, deposits, saves it whole. */
export class DepositMoneyService {
  constructor(private readonly wallets: WalletRepositoryPort) {}

  async execute(command: DepositMoneyCommand): Promise<number> {
    const wallet = await this.wallets.findById(command.walletId);
    if (!wallet) throw new DomainError(`No wallet ${command.walletId}`);
    wallet.deposit(new Money({ amount: command.amount, currency: command.currency }));
    await this.wallets.save(wallet);
    return wallet.balance.amount;
  }
}
