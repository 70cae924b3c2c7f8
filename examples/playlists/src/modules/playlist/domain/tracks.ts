import { WatchedList } from '@libs/ddd/watched-list';
import { TrackEntity } from './track.entity';

/** The tracks of a playlist, in play order. */
export class Tracks extends WatchedList<TrackEntity> {
  compareItems(a: TrackEntity, b: TrackEntity): boolean {
    return a.id === b.id;
  }
}
