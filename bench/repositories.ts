import { cpSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { runChild } from './child-process.js';
import { ROOT, withExampleCopy } from './example-copy.js';
import { repeatsAt, type Sample } from './harness.js';
import type { WorkloadResult } from './targets.js';

const FULL_REPEATS = 3;
const WORKLOAD_FILES = join(ROOT, 'bench', 'repositories', 'catalog');
const VITEST = join(ROOT, 'node_modules', '.bin', 'vitest');

interface BenchLine {
  workload: string;
  samples: { generated: Sample[]; idiomatic: Sample[] };
}

/** The `BENCH {json}` lines that workloads.bench.test.ts prints, one per workload. */
export function parseBenchLines(output: string): BenchLine[] {
  return output
    .split('\n')
    .filter((line) => line.startsWith('BENCH '))
    .map((line) => JSON.parse(line.slice('BENCH '.length)) as BenchLine);
}

/**
 * The generated TypeOrmProductRepository against the idiomatic hand-written one, in a copy of examples/catalog
 * where the workloads (bench/repositories/catalog/) sit in tests/, as their imports expect. The two are
 * interleaved repeat by repeat inside that one vitest run. `only`: just the workloads whose name contains it.
 */
export async function repositoryWorkloads(scale: number, only?: string): Promise<WorkloadResult[]> {
  return withExampleCopy('catalog', async (dir) => {
    for (const file of readdirSync(WORKLOAD_FILES)) cpSync(join(WORKLOAD_FILES, file), join(dir, 'tests', file));
    // At scale 0 each workload still runs once, on one operation (the workloads round up to 1).
    const env = {
      BENCH_SCALE: String(scale),
      BENCH_REPEATS: String(repeatsAt(scale, FULL_REPEATS)),
      ...(only === undefined ? {} : { BENCH_ONLY: only }),
    };
    const run = await runChild(VITEST, ['run', 'tests/workloads.bench.test.ts'], dir, env);
    if (run.status !== 0) throw new Error(`the repository workloads failed:\n${run.output}`);
    const lines = parseBenchLines(run.output);
    if (lines.length === 0 && only === undefined) throw new Error(`the repository workloads printed no BENCH line:\n${run.output}`);
    return lines.map((line) => ({
      workload: line.workload,
      unit: 'op',
      baseline: { name: 'idiomatic TypeORM (bench/repositories)', samples: line.samples.idiomatic },
      subject: { name: 'generated TypeOrmProductRepository', samples: line.samples.generated },
    }));
  });
}
