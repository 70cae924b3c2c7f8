import { DomainError } from '@libs/ddd/domain-error';
import { PlaylistRepositoryPort } from '@modules/playlist/database/playlist.repository.port';
import { PlaylistEntity } from '@modules/playlist/domain/playlist.entity';

export interface CreatePlaylistCommand {
  name: string;
  ownerId: string;
}

/** Creates a playlist whose name is not taken yet. */
export class CreatePlaylistService {
  constructor(private readonly playlists: PlaylistRepositoryPort) {}

  async execute(command: CreatePlaylistCommand): Promise<string> {
    const taken = await this.playlists.findOneByName(command.name);
    if (taken.isSome()) throw new DomainError(`A playlist named '${command.name}' exists`);
    const playlist = PlaylistEntity.create(command);
    await this.playlists.insert(playlist);
    return playlist.id;
  }
}
