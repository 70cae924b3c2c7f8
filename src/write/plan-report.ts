import { createTwoFilesPatch } from 'diff';
import { styleText } from 'node:util';
import type { PlannedWrite, WritePlan } from '../plan/write-plan.js';

const STYLE: Record<PlannedWrite['action'], Parameters<typeof styleText>[0]> = {
  create: 'green',
  update: 'yellow',
  unchanged: 'gray',
  conflict: 'red',
};

/** One line per file: `create  src/...`. */
export function describePlan(plan: WritePlan, color: boolean): string[] {
  return plan.writes.map((w) => {
    const action = w.action.padEnd(9);
    return `${color ? styleText(STYLE[w.action], action) : action} ${w.path}`;
  });
}

/** Unified diffs of everything the plan would change, as a reviewer would see them in a pull request. */
export function diffPlan(plan: WritePlan): string {
  return plan.writes
    .filter((w) => w.action !== 'unchanged')
    .map((w) => createTwoFilesPatch(w.current === undefined ? '/dev/null' : `a/${w.path}`, `b/${w.path}`, w.current ?? '', w.content, '', '', { context: 3 }))
    .join('');
}
