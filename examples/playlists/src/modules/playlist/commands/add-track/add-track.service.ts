import { DomainError } from '@libs/ddd/domain-error';
import { PlaylistRepositoryPort } from '@modules/playlist/database/playlist.repository.port';
import { TrackEntity } from '@modules/playlist/domain/track.entity';

export interface AddTrackCommand {
  playlistId: string;
  title: string;
  durationSeconds: number;
}

/** Adds a track to a playlist, in one transaction: load, add, update. */
export class AddTrackService {
  constructor(private readonly playlists: PlaylistRepositoryPort) {}

  async execute(command: AddTrackCommand): Promise<string> {
    return this.playlists.transaction(async () => {
      const found = await this.playlists.findOneById(command.playlistId);
      if (found.isNone()) throw new DomainError(`No playlist ${command.playlistId}`);
      const playlist = found.unwrap();
      const track = TrackEntity.create({ title: command.title, durationSeconds: command.durationSeconds });
      playlist.addTrack(track);
      await this.playlists.update(playlist);
      return track.id;
    });
  }
}
