import { RepositoryPort } from '@libs/ddd/repository.port';
import { WalletEntity } from '@modules/wallet/domain/wallet.entity';
import { WalletStatus } from '@modules/wallet/domain/wallet.types';

export interface WalletRepositoryPort extends RepositoryPort<WalletEntity> {
  findByOwnerId(ownerId: string): Promise<WalletEntity[]>;
  countByStatus(status: WalletStatus): Promise<number>;
}
