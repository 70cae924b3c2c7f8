import { randomUUID } from 'node:crypto';
import { AggregateRoot } from '@libs/ddd/aggregate-root.base';
import { DomainError } from '@libs/ddd/domain-error';
import { PlaylistCreatedEvent, TrackAddedEvent } from './playlist.events';
import { CreatePlaylistProps, PlaylistProps, Visibility } from './playlist.types';
import { TrackEntity } from './track.entity';
import { Tracks } from './tracks';

const MAX_TRACKS = 500;

export class PlaylistEntity extends AggregateRoot<PlaylistProps> {
  /** A new, empty, private playlist; it raises PlaylistCreatedEvent. A stored one is rebuilt with the constructor. */
  static create({ name, ownerId }: CreatePlaylistProps): PlaylistEntity {
    if (name.trim() === '') throw new DomainError('A playlist needs a name');
    const playlist = new PlaylistEntity({ id: randomUUID(), props: { name, ownerId, visibility: Visibility.Private, tracks: new Tracks() } });
    playlist.addEvent(new PlaylistCreatedEvent(playlist.id, name));
    return playlist;
  }

  get name(): string {
    return this.props.name;
  }

  get ownerId(): string {
    return this.props.ownerId;
  }

  get visibility(): Visibility {
    return this.props.visibility;
  }

  get tracks(): Tracks {
    return this.props.tracks;
  }

  addTrack(track: TrackEntity): void {
    if (this.props.tracks.getItems().length >= MAX_TRACKS) throw new DomainError(`Playlist ${this.id} is full`);
    this.props.tracks.add(track);
    this.addEvent(new TrackAddedEvent(this.id, track.id));
    this.markUpdated();
  }

  removeTrack(track: TrackEntity): void {
    this.props.tracks.remove(track);
    this.markUpdated();
  }

  share(): void {
    this.props.visibility = Visibility.Shared;
    this.markUpdated();
  }

  publish(): void {
    if (this.props.tracks.getItems().length === 0) throw new DomainError(`Playlist ${this.id} is empty`);
    this.props.visibility = Visibility.Public;
    this.markUpdated();
  }
}
