import { join } from 'node:path';
import { runChild } from './child-process.js';
import { ROOT, withExampleCopy } from './example-copy.js';
import { median, repeatsAt, type Sample } from './harness.js';
import { formatMs } from './table.js';
import { WORKLOADS, type WorkloadResult } from './targets.js';

const FULL_REPEATS = 3;
const VITEST = join(ROOT, 'node_modules', '.bin', 'vitest');

/** vitest's own times from its summary line, in ms: the whole run, and the part spent in the tests. */
export function parseVitestDuration(output: string): { totalMs: number; testsMs: number } {
  const line = /Duration\s+(\d+(?:\.\d+)?)(ms|s)\s+\(([^)]*)\)/.exec(output);
  const tests = line && /\btests (\d+(?:\.\d+)?)(ms|s)/.exec(line[3]);
  if (!line || !tests) throw new Error(`no Duration line with a tests time in vitest's output:\n${output}`);
  const ms = (value: string, unit: string) => Number(value) * (unit === 's' ? 1000 : 1);
  return { totalMs: ms(line[1], line[2]), testsMs: ms(tests[1], tests[2]) };
}

/** The catalog's generated suites, run by vitest in a copy of the example; timed by vitest, not by npm or Node start-up. */
export async function generatedTestSuite(scale: number): Promise<WorkloadResult> {
  return withExampleCopy('catalog', async (dir) => {
    const samples: Sample[] = [];
    const totals: number[] = [];
    for (let repeat = 0; repeat < repeatsAt(scale, FULL_REPEATS); repeat++) {
      const run = await runChild(VITEST, ['run'], dir);
      if (run.status !== 0) throw new Error(`the catalog's generated tests failed:\n${run.output}`);
      const { totalMs, testsMs } = parseVitestDuration(run.output);
      samples.push({ msPer1000: testsMs });
      totals.push(totalMs);
    }
    return {
      workload: WORKLOADS.testSuite,
      unit: 'run',
      subject: { name: 'vitest run', samples },
      note: `time in tests as vitest reports it; its whole run incl. transform and imports: ${formatMs(median(totals))}`,
    };
  });
}
