import { appendFileSync, readFileSync } from 'node:fs';
import { afterAll, expect } from 'vitest';

/**
 * With GEN_TEST_CPU_LOG set to a file, appends one line per test file: the CPU time it took (this worker plus the
 * tsc, vitest and jest runs it waited for) and its wall time. On a machine shared with other work, CPU time is the
 * figure that compares across runs; wall time is what a person waits.
 */
const log = process.env['GEN_TEST_CPU_LOG'];

/** User and system time of this process and of the children it has waited for, in milliseconds (Linux only). */
function cpuMilliseconds(): { own: number; children: number } {
  // Fields 14 to 17 of /proc/self/stat, after the command name in parentheses: utime, stime, cutime, cstime in ticks.
  const fields = readFileSync('/proc/self/stat', 'utf8')
    .replace(/^.*\) /, '')
    .split(' ')
    .map(Number);
  const tick = 10; // USER_HZ is 100 on Linux.
  return { own: (fields[11] + fields[12]) * tick, children: (fields[13] + fields[14]) * tick };
}

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
