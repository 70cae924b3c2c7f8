// Written by hand: the use cases on both repositories, and AddTrackService's transaction rolling back.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { PlaylistRepositoryPort } from '@modules/playlist/database/playlist.repository.port';
import { AddTrackService } from '@modules/playlist/commands/add-track/add-track.service';
import { CreatePlaylistService } from '@modules/playlist/commands/create-playlist/create-playlist.service';
import { TrackEntity } from '@modules/playlist/domain/track.entity';
import { InMemoryPlaylistRepository } from '@modules/playlist/infrastructure/persistence/in-memory/playlist.repository';
import { TypeOrmPlaylistRepository } from '@modules/playlist/infrastructure/persistence/repositories/playlist.repository';
import { openTestDatabase, type TestDatabase } from '../support/test-database';

// The generated suite's database: in-memory SQLite, or GEN_TEST_DATABASE_URL's.
let database: TestDatabase;

beforeAll(async () => {
  database = await openTestDatabase();
});

afterAll(async () => {
  await database.close();
});

describe.each([
  [
    'TypeOrmPlaylistRepository',
    async () => {
      const dataSource = await database.connect();
      return { repository: new TypeOrmPlaylistRepository(dataSource) as PlaylistRepositoryPort, close: () => dataSource.destroy() };
    },
  ],
  ['InMemoryPlaylistRepository', async () => ({ repository: new InMemoryPlaylistRepository() as PlaylistRepositoryPort, close: async () => {} })],
] as const)('the playlist use cases on %s', (_name, connect) => {
  let subject: { repository: PlaylistRepositoryPort; close(): Promise<void> };

  beforeEach(async () => {
    subject = await connect();
  });

  afterEach(async () => {
    await subject.close();
  });

  it('creates a playlist once per name, and adds tracks in order', async () => {
    const create = new CreatePlaylistService(subject.repository);
    const id = await create.execute({ name: 'Road trip', ownerId: 'ada' });
    await expect(create.execute({ name: 'Road trip', ownerId: 'bob' })).rejects.toThrow("A playlist named 'Road trip' exists");

    const add = new AddTrackService(subject.repository);
    const first = await add.execute({ playlistId: id, title: 'Intro', durationSeconds: 61 });
    const second = await add.execute({ playlistId: id, title: 'Outro', durationSeconds: 95 });

    const stored = (await subject.repository.findOneById(id)).unwrap();
    expect(stored.tracks.getItems().map((t) => [t.id, t.title, t.durationSeconds])).toEqual([
      [first, 'Intro', 61],
      [second, 'Outro', 95],
    ]);
    // Events are handed over, never stored: a loaded playlist has recorded none.
    expect(stored.pullDomainEvents()).toEqual([]);
  });

  it('rolls back every write of a transaction that rejects', async () => {
    const id = await new CreatePlaylistService(subject.repository).execute({ name: 'Focus', ownerId: 'ada' });
    const other = await new CreatePlaylistService(subject.repository).execute({ name: 'Sleep', ownerId: 'ada' });

    const failing = subject.repository.transaction(async () => {
      for (const playlistId of [id, other]) {
        const playlist = (await subject.repository.findOneById(playlistId)).unwrap();
        playlist.addTrack(TrackEntity.create({ title: 'Rain', durationSeconds: 300 }));
        await subject.repository.update(playlist);
      }
      throw new Error('the payment for the tracks failed');
    });
    await expect(failing).rejects.toThrow('the payment for the tracks failed');

    for (const playlistId of [id, other]) {
      expect((await subject.repository.findOneById(playlistId)).unwrap().tracks.getItems()).toEqual([]);
    }
    // The repository works on after the rollback, and writes the whole playlist again.
    await new AddTrackService(subject.repository).execute({ playlistId: id, title: 'Rain', durationSeconds: 300 });
    expect((await subject.repository.findOneById(id)).unwrap().tracks.getItems().map((t) => t.title)).toEqual(['Rain']);
  });
});
