import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ES5_TSCONFIG, NO_DECORATORS_TSCONFIG, PLAYLIST, STANDARD_DECORATORS_PLAYLIST, nonStrictTsconfig } from '../fixtures/toolchains.js';
import { FULL_RUN, databaseServers } from '../support/databases.js';
import { ProjectBatch, copyExample, read, removeCopies, runGen, writeProject } from '../support/projects.js';

const servers = await databaseServers();
afterAll(removeCopies);

const MODEL = 'src/infrastructure/persistence/models/playlist.model.ts';

/** Every generated TypeScript file of the project (its src/infrastructure and tests), by path. */
function generatedFiles(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const folder of ['src/infrastructure', 'tests']) {
    for (const entry of readdirSync(join(dir, folder), { recursive: true, withFileTypes: true })) {
      if (entry.isFile() && entry.name.endsWith('.ts')) {
        const path = join(entry.parentPath, entry.name);
        files[relative(dir, path)] = readFileSync(path, 'utf8');
      }
    }
  }
  return files;
}

/**
 * The projects below that compile, type-checked by one tsc (each under its own tsconfig) and their generated suites
 * run by one vitest per database (each under its own config), instead of a tsc and a vitest per project and database.
 */
const batch = new ProjectBatch();
/** The projects whose suites run, on SQLite. */
const run: string[] = [];
/** Those whose suites run on every database server too. */
const onEveryDatabase: string[] = [];

describe('a project without experimentalDecorators', () => {
  const project = { ...PLAYLIST, 'tsconfig.json': NO_DECORATORS_TSCONFIG };

  it('gets EntitySchema entities, no decorators and no reflect-metadata, that compile under its own tsconfig and pass the generated suites on every database (below)', async () => {
    const dir = await batch.generate('no decorators', project, 'playlist');

    const model = read(dir, MODEL);
    expect(model).toContain('export class PlaylistModel {');
    expect(model).toContain('export const PlaylistSchema = new EntitySchema<PlaylistModel>({');
    expect(model).toContain('export const TrackSchema = new EntitySchema<TrackModel>({');
    expect(read(dir, 'src/infrastructure/persistence/index.ts')).toContain('export const entities = [PlaylistSchema, TrackSchema];');
    for (const [path, content] of Object.entries(generatedFiles(dir))) {
      expect(content, path).not.toMatch(/^\s*@[A-Za-z]+\(/m);
      expect(content, path).not.toContain('reflect-metadata');
    }
    expect(read(dir, 'documentation/plans/playlist/003-infrastructure-layer.md')).toContain(
      '`PlaylistSchema`, `TrackSchema`, TypeORM `EntitySchema` definitions',
    );
    run.push('no decorators');
    onEveryDatabase.push('no decorators');
  });

  it.runIf(FULL_RUN)('does the same on TypeORM 1.x (better-sqlite3, and every database; below)', async () => {
    const dir = await batch.generate('no decorators on TypeORM 1.x', project, 'playlist', { typeorm: '1' });

    expect(read(dir, MODEL)).toContain('new EntitySchema<PlaylistModel>(');
    run.push('no decorators on TypeORM 1.x');
    onEveryDatabase.push('no decorators on TypeORM 1.x');
  });

  it('type-checks beside a domain that uses TypeScript 5 standard decorators (below)', async () => {
    // Only tsc: vitest's transform (oxc) does not lower standard decorators, so the suites cannot run on this domain.
    const dir = writeProject({ ...STANDARD_DECORATORS_PLAYLIST, 'tsconfig.json': NO_DECORATORS_TSCONFIG });
    const run = await runGen(['infra', 'playlist', '--cwd', dir, '--now', '2024-06-01T00:00:00Z']);
    expect(run.code, run.err).toBe(0);

    expect(read(dir, MODEL)).toContain('new EntitySchema<PlaylistModel>(');
    batch.add('standard decorators', dir);
  });
});

describe('a project that is not strict (strict off, strictNullChecks: false)', () => {
  it.each([
    { style: 'decorated classes', decorators: true, entity: '@Entity(' },
    { style: 'EntitySchemas', decorators: false, entity: 'new EntitySchema<PlaylistModel>(' },
  ])('gets $style that compile under its tsconfig and pass the generated suites (below)', async ({ style, decorators, entity }) => {
    const dir = await batch.generate(`not strict, ${style}`, { ...PLAYLIST, 'tsconfig.json': nonStrictTsconfig(decorators) }, 'playlist');

    expect(read(dir, MODEL)).toContain(entity);
    run.push(`not strict, ${style}`);
  });
});

describe('every project above that compiles', () => {
  it('type-checks under its own tsconfig (one tsc --build) and passes its generated suites on SQLite (one vitest)', () => {
    expect(run, 'the projects whose suites run').toHaveLength(FULL_RUN ? 4 : 3);
    batch.typecheck();
    batch.runSuites({}, run);
  }, 900_000);

  for (const server of servers) {
    it.skipIf(!server.run)(
      `passes them on ${server.name} too, where asked above`,
      () => {
        expect(server.reachable, `${server.name} is not reachable at ${server.url}, and GEN_REQUIRE_DATABASES is set`).toBe(true);
        batch.runSuites({ GEN_TEST_DATABASE_URL: server.url }, onEveryDatabase);
      },
      600_000,
    );
  }
});

describe('a project that compiles for ES5 (tsc --init before TypeScript 4)', () => {
  it('is refused at the target line before anything is written: the generated subclasses of Map and Error break there at run time', async () => {
    const dir = writeProject({ ...PLAYLIST, 'tsconfig.json': ES5_TSCONFIG });
    const run = await runGen(['infra', 'playlist', '--cwd', dir]);

    expect(run.code).toBe(2);
    expect(run.err).toContain('tsconfig.json:3: tsconfig.json compiles for ES5');
    expect(run.err).toContain('Set "target" to "es2015" or later');
    expect(existsSync(join(dir, 'src/infrastructure'))).toBe(false);
  });
});

describe('--entity-style', () => {
  it('overrides what the tsconfig implies, both ways', async () => {
    const decorated = writeProject(PLAYLIST);
    expect((await runGen(['infra', 'playlist', '--cwd', decorated, '--entity-style', 'schema'])).code).toBe(0);
    expect(read(decorated, MODEL)).toContain('new EntitySchema<PlaylistModel>(');

    const plain = writeProject({ ...PLAYLIST, 'tsconfig.json': NO_DECORATORS_TSCONFIG });
    expect((await runGen(['infra', 'playlist', '--cwd', plain, '--entity-style', 'class'])).code).toBe(0);
    expect(read(plain, MODEL)).toContain("@Entity({ name: 'playlists' })");
    expect(read(plain, 'src/infrastructure/config/database.ts')).toContain("import 'reflect-metadata';");
  });

  it('refuses a style gen does not know', async () => {
    const run = await runGen(['infra', 'playlist', '--cwd', writeProject(PLAYLIST), '--entity-style', 'decorators']);
    expect(run.code).toBe(2);
    expect(run.err).toContain('entity-style');
  });
});

describe('a project on an older TypeScript', () => {
  // gen's own TypeScript is 6: code it generates must not lean on what only newer compilers infer (type predicates
  // from filter callbacks since 5.5, narrowing a property through an aliased condition).
  // Installs TypeScript 5.0 from the registry: CI only (FULL_RUN).
  it.runIf(FULL_RUN)('compiles the generated code of examples/catalog with TypeScript 5.0', () => {
    const tools = mkdtempSync(join(tmpdir(), 'gen-typescript-5.0-'));
    const install = spawnSync('npm', ['install', '--prefix', tools, '--no-audit', '--no-fund', '--no-save', 'typescript@5.0'], {
      encoding: 'utf8',
      timeout: 170_000,
    });
    expect(install.status, install.stderr).toBe(0);
    const dir = copyExample('catalog');

    const tsc = spawnSync(process.execPath, [join(tools, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.json', '--noEmit'], {
      cwd: dir,
      encoding: 'utf8',
      timeout: 170_000,
    });

    expect(`${tsc.stdout}${tsc.stderr}`).toBe('');
    expect(tsc.status).toBe(0);
  });
});
