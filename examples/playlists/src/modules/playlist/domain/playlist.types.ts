import { Tracks } from './tracks';

export enum Visibility {
  Private = 'private',
  Shared = 'shared',
  Public = 'public',
}

export interface PlaylistProps {
  name: string;
  ownerId: string;
  visibility: Visibility;
  tracks: Tracks;
}

export interface CreatePlaylistProps {
  name: string;
  ownerId: string;
}
