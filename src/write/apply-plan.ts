import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { WritePlan } from '../plan/write-plan.js';

export interface AppliedPlan {
  written: string[];
  deleted: string[];
}

/**
 * Makes every create/update/delete of the plan, all or nothing. Contents go to temporary files first;
 * then each target is moved aside and replaced (or just moved aside, for a deletion). If anything
 * fails, the files already replaced are moved back, so the project is left as it was.
 */
/** Where a file's new content waits until every file has been staged. */
export function temporaryPath(target: string): string {
  return `${target}.gen-${process.pid}.tmp`;
}

export function applyPlan(projectRoot: string, plan: WritePlan): AppliedPlan {
  const suffix = `gen-${process.pid}`;
  const writes = plan.writes.filter((w) => w.action === 'create' || w.action === 'update');
  const deletes = plan.writes.filter((w) => w.action === 'delete');
  const createdDirs: string[] = [];
  const staged: { temporary: string; target: string; replaces: boolean }[] = [];
  const done: { target: string; backup?: string }[] = [];
  try {
    for (const write of writes) {
      const target = join(projectRoot, write.path);
      const created = mkdirSync(dirname(target), { recursive: true });
      if (created !== undefined) createdDirs.push(created);
      const temporary = temporaryPath(target);
      staged.push({ temporary, target, replaces: write.action === 'update' });
      writeFileSync(temporary, write.content);
    }
    for (const { temporary, target, replaces } of staged) {
      if (replaces) {
        const backup = `${target}.${suffix}.bak`;
        renameSync(target, backup);
        done.push({ target, backup });
        renameSync(temporary, target);
      } else {
        renameSync(temporary, target);
        done.push({ target });
      }
    }
    for (const write of deletes) {
      const target = join(projectRoot, write.path);
      const backup = `${target}.${suffix}.bak`;
      renameSync(target, backup);
      done.push({ target, backup });
    }
  } catch (error) {
    rollBack(done, staged, createdDirs);
    throw error;
  }
  for (const { backup } of done) if (backup !== undefined) rmSync(backup, { force: true });
  return { written: writes.map((w) => w.path), deleted: deletes.map((w) => w.path) };
}

function rollBack(
  done: readonly { target: string; backup?: string }[],
  staged: readonly { temporary: string }[],
  createdDirs: readonly string[],
): void {
  for (const { target, backup } of [...done].reverse()) {
    if (backup === undefined) {
      rmSync(target, { force: true });
    } else if (existsSync(backup)) {
      rmSync(target, { force: true });
      renameSync(backup, target);
    }
  }
  for (const { temporary } of staged) rmSync(temporary, { force: true });
  // Only folders this run created, holding nothing but its own temporary files.
  for (const dir of [...createdDirs].reverse()) rmSync(dir, { recursive: true, force: true });
}
