import { Option } from 'oxide.ts';
import { RepositoryPort } from '@libs/ddd/repository.port';
import { PlaylistEntity } from '@modules/playlist/domain/playlist.entity';

export interface PlaylistRepositoryPort extends RepositoryPort<PlaylistEntity> {
  update(playlist: PlaylistEntity): Promise<void>;
  findOneByName(name: string): Promise<Option<PlaylistEntity>>;
  findByOwnerId(ownerId: string): Promise<PlaylistEntity[]>;
}
