import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { WritePlan } from '../plan/write-plan.js';

/**
 * Writes every create/update of the plan: all contents go to temporary files first, then each is
 * renamed over its target, so a failure while writing leaves the project as it was.
 */
export function applyPlan(projectRoot: string, plan: WritePlan): string[] {
  const pending = plan.writes.filter((w) => w.action === 'create' || w.action === 'update');
  const staged: { temporary: string; target: string }[] = [];
  try {
    for (const write of pending) {
      const target = join(projectRoot, write.path);
      const temporary = `${target}.gen-${process.pid}.tmp`;
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(temporary, write.content);
      staged.push({ temporary, target });
    }
  } catch (error) {
    for (const { temporary } of staged) rmSync(temporary, { force: true });
    throw error;
  }
  for (const { temporary, target } of staged) renameSync(temporary, target);
  return pending.map((w) => w.path);
}
