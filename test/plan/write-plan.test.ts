import { describe, expect, it } from 'vitest';
import { contentHash, emptyManifest } from '../../src/manifest.js';
import { conflicts, hasChanges, planWrites } from '../../src/plan/write-plan.js';

describe('planWrites', () => {
  const disk: Record<string, string> = {
    'same.ts': 'same\n',
    'generated.ts': 'old\n',
    'edited.ts': 'edited by hand\n',
    'foreign.ts': 'never generated\n',
    'owned.json': 'old\n',
  };
  const manifest = { ...emptyManifest(), files: { 'generated.ts': contentHash('old\n'), 'edited.ts': contentHash('as generated\n') } };
  const files = ['new.ts', 'same.ts', 'generated.ts', 'edited.ts', 'foreign.ts', 'owned.json'].map((path) => ({
    path,
    content: path === 'same.ts' ? 'same\n' : 'new\n',
  }));

  it('classifies every file before anything is written', () => {
    const plan = planWrites(files, manifest, (path) => disk[path], { owned: new Set(['owned.json']) });

    expect(plan.writes.map((w) => [w.path, w.action])).toEqual([
      ['new.ts', 'create'],
      ['same.ts', 'unchanged'],
      ['generated.ts', 'update'],
      ['edited.ts', 'conflict'],
      ['foreign.ts', 'conflict'],
      ['owned.json', 'update'],
    ]);
    expect(conflicts(plan).map((w) => w.current)).toEqual(['edited by hand\n', 'never generated\n']);
    // A file gen never wrote is the project's own: reported as such, not as a hand edit.
    expect(conflicts(plan).map((w) => [w.path, w.foreign === true])).toEqual([
      ['edited.ts', false],
      ['foreign.ts', true],
    ]);
    expect(hasChanges(plan)).toBe(true);
  });

  it('overwrites hand edits only when forced', () => {
    const plan = planWrites(files, manifest, (path) => disk[path], { force: true });

    expect(conflicts(plan)).toEqual([]);
    expect(plan.writes.find((w) => w.path === 'edited.ts')!.action).toBe('update');
  });

  it('has no changes when every file is unchanged', () => {
    expect(hasChanges(planWrites([{ path: 'same.ts', content: 'same\n' }], manifest, (path) => disk[path]))).toBe(false);
  });

  it('deletes an obsolete file as gen wrote it, and reports one edited by hand as a conflict unless forced', () => {
    const obsolete = ['generated.ts', 'edited.ts', 'already-gone.ts'];

    const plan = planWrites([], manifest, (path) => disk[path], { obsolete });
    const forced = planWrites([], manifest, (path) => disk[path], { obsolete, force: true });

    expect(plan.writes.map((w) => [w.path, w.action, w.obsolete ?? false])).toEqual([
      ['generated.ts', 'delete', false],
      ['edited.ts', 'conflict', true],
    ]);
    expect(hasChanges(plan)).toBe(true);
    expect(forced.writes.map((w) => w.action)).toEqual(['delete', 'delete']);
  });
});
