import { spawnSync } from 'node:child_process';
import { expect, it } from 'vitest';
import { WORKLOADS } from '../../bench/targets.js';
import { ROOT } from '../support/projects.js';

interface ResultJson {
  workload: string;
  medianMs: number;
  baselineMedianMs?: number;
  statements?: number;
  subject: { samples: { peakRss?: number }[] };
}

// The whole bench as `npm run bench` runs it (compiled, every workload in its child processes), at scale 0:
// one tiny iteration of each. It checks that everything runs and what it counts, never how fast.
it('npm run bench -- --scale 0 --json runs every workload once', () => {
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('VITEST') && key !== 'NODE_ENV'));
  const run = spawnSync('npm', ['run', '--silent', 'bench', '--', '--scale', '0', '--json'], {
    cwd: ROOT,
    env,
    encoding: 'utf8',
    timeout: 570_000,
  });
  expect(run.status, `${run.stdout}${run.stderr}`).toBe(0);
  const { scale, results } = JSON.parse(run.stdout) as { scale: number; results: ResultJson[] };

  expect(scale).toBe(0);
  expect(results.map((r) => r.workload)).toEqual(Object.values(WORKLOADS));
  for (const result of results) {
    expect(result.medianMs, result.workload).toBeGreaterThan(0);
    if (result.baselineMedianMs !== undefined) expect(result.baselineMedianMs, result.workload).toBeGreaterThan(0);
  }
  const byName = new Map(results.map((r) => [r.workload, r]));
  expect(byName.get(WORKLOADS.generator)!.subject.samples[0].peakRss).toBeGreaterThan(0);
  expect(byName.get(WORKLOADS.scaling)!.subject.samples[0].peakRss).toBeGreaterThan(0);
  // Statement counts do not depend on the machine: the generated repository's are what issue 9 asks for.
  expect(byName.get(WORKLOADS.findById)!.statements).toBe(1);
  // The roots, then their children by id: the selective query's condition is evaluated once.
  expect(byName.get(WORKLOADS.selectiveQuery)!.statements).toBe(2);
  expect(byName.get(WORKLOADS.changedResave)!.statements).toBeLessThanOrEqual(5);
  expect(byName.get(WORKLOADS.unchangedResave)!.statements).toBe(0);
}, 600_000);
