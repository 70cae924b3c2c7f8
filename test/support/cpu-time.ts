import { appendFileSync } from 'node:fs';
import { afterAll, expect } from 'vitest';
import { cpuMilliseconds } from './cpu.js';

/**
 * With GEN_TEST_CPU_LOG set to a file, appends one line per test file: the CPU time it took (this worker plus the
 * tsc, vitest and jest runs it waited for) and its wall time. On a machine shared with other work, CPU time is the
 * figure that compares across runs; wall time is what a person waits.
 */
const log = process.env['GEN_TEST_CPU_LOG'];

if (log !== undefined) {
  const start = cpuMilliseconds();
  const started = Date.now();
  afterAll(() => {
    const end = cpuMilliseconds();
    const own = end.own - start.own;
    const children = end.children - start.children;
    const file = expect.getState().testPath ?? 'unknown';
    appendFileSync(log, `${JSON.stringify({ file, cpu: own + children, own, children, wall: Date.now() - started })}\n`);
  });
}
