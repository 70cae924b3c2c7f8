import { join } from 'node:path';
import { measureNodeProcess } from './child-process.js';
import { ROOT, withExampleCopy } from './example-copy.js';
import { interleave, repeatsAt } from './harness.js';
import { WORKLOADS, type WorkloadResult } from './targets.js';

const GEN = join(ROOT, 'bin', 'gen.js');
const FLOOR = join(ROOT, 'dist', 'bench', 'floor.js');
const FULL_REPEATS = 7;

/** `gen infra <feature> --dry-run` as a user runs it: the built CLI in a fresh process. */
export function runGen(projectRoot: string, feature: string) {
  return measureNodeProcess(GEN, ['infra', feature, '--cwd', projectRoot, '--dry-run'], projectRoot);
}

/** The floor (bench/floor.ts) for the same project and feature, in a fresh process too. */
export function runFloor(projectRoot: string, feature: string) {
  return measureNodeProcess(FLOOR, [projectRoot, `src/domain/aggregates/${feature}`], projectRoot);
}

/** `gen infra catalog` on a copy of examples/catalog against the floor, interleaved run by run. */
export async function generatorAgainstFloor(scale: number): Promise<WorkloadResult> {
  return withExampleCopy('catalog', async (dir) => {
    const samples = await interleave(['floor', 'gen'] as const, repeatsAt(scale, FULL_REPEATS), (subject) =>
      subject === 'gen' ? runGen(dir, 'catalog') : runFloor(dir, 'catalog'),
    );
    return {
      workload: WORKLOADS.generator,
      unit: 'run',
      baseline: { name: 'floor: ts-morph load + type resolution of the domain', samples: samples.floor },
      subject: { name: 'gen infra catalog --dry-run', samples: samples.gen },
      note: 'fresh process each, start-up included',
    };
  });
}
