import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { WritePlan } from '../../src/plan/write-plan.js';
import { applyPlan, temporaryPath } from '../../src/write/apply-plan.js';
import { read } from '../support/projects.js';

function project(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'gen-apply-'));
  for (const [path, content] of Object.entries(files)) writeFileSync(join(dir, path), content);
  return dir;
}

describe('applyPlan', () => {
  it('creates, updates and deletes, leaving no temporary or backup file', () => {
    const dir = project({ 'a.ts': 'old a\n', 'gone.ts': 'gone\n' });
    const plan: WritePlan = {
      writes: [
        { path: 'a.ts', action: 'update', content: 'new a\n', current: 'old a\n' },
        { path: 'sub/b.ts', action: 'create', content: 'b\n' },
        { path: 'gone.ts', action: 'delete', content: '', current: 'gone\n' },
      ],
    };

    expect(applyPlan(dir, plan)).toEqual({ written: ['a.ts', 'sub/b.ts'], deleted: ['gone.ts'] });
    expect(readdirSync(dir).sort()).toEqual(['a.ts', 'sub']);
    expect(read(dir, 'a.ts')).toBe('new a\n');
    expect(readdirSync(join(dir, 'sub'))).toEqual(['b.ts']);
  });

  it('puts back what it already replaced when a later file cannot be written', () => {
    const dir = project({ 'a.ts': 'old a\n', 'gone.ts': 'gone\n' });
    // A non-empty folder where a file is to be created: renaming onto it fails after a.ts was replaced.
    mkdirSync(join(dir, 'b.ts'));
    writeFileSync(join(dir, 'b.ts', 'keep'), '');
    const plan: WritePlan = {
      writes: [
        { path: 'a.ts', action: 'update', content: 'new a\n', current: 'old a\n' },
        { path: 'new/c.ts', action: 'create', content: 'c\n' },
        { path: 'b.ts', action: 'create', content: 'b\n' },
        { path: 'gone.ts', action: 'delete', content: '', current: 'gone\n' },
      ],
    };

    expect(() => applyPlan(dir, plan)).toThrow();
    expect(readdirSync(dir).sort()).toEqual(['a.ts', 'b.ts', 'gone.ts']);
    expect(read(dir, 'a.ts')).toBe('old a\n');
    expect(read(dir, 'gone.ts')).toBe('gone\n');
    expect(readdirSync(join(dir, 'b.ts'))).toEqual(['keep']);
  });

  it('removes the staged files when one cannot be staged', () => {
    const dir = project({ 'a.ts': 'old a\n' });
    mkdirSync(temporaryPath(join(dir, 'z.ts')));
    const plan: WritePlan = {
      writes: [
        { path: 'a.ts', action: 'update', content: 'new a\n', current: 'old a\n' },
        { path: 'z.ts', action: 'create', content: 'z\n' },
      ],
    };

    expect(() => applyPlan(dir, plan)).toThrow(/EISDIR/);
    expect(readdirSync(dir).sort()).toEqual(['a.ts', 'z.ts.gen-' + process.pid + '.tmp']);
    expect(read(dir, 'a.ts')).toBe('old a\n');
  });
});
