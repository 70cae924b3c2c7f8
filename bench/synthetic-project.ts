import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { copyExample } from './example-copy.js';
import { runGen } from './generator.js';
import { interleave, repeatsAt } from './harness.js';
import { WORKLOADS, type WorkloadResult } from './targets.js';

const FULL_REPEATS = 5;
export const FEATURES = 50;

/**
 * A copy of examples/catalog with `features - 1` more features beside `catalog`: its domain folder and its
 * use cases copied under catalog-02, catalog-03, ..., with the aggregate's and child's classes renamed
 * (Product02, Variant02, ...), so that each is a distinct feature with its own port and use cases.
 */
export function syntheticProject(features: number): string {
  const dir = copyExample('catalog');
  const domain = join(dir, 'src/domain/aggregates');
  const application = join(dir, 'src/application');
  for (let n = 2; n <= features; n++) {
    const feature = `catalog-${String(n).padStart(2, '0')}`;
    const rename = (text: string) =>
      text
        .replaceAll('/aggregates/catalog/', `/aggregates/${feature}/`)
        .replace(/\bProduct/g, `Product${String(n).padStart(2, '0')}`)
        .replace(/\bVariant/g, `Variant${String(n).padStart(2, '0')}`);
    copyRenamed(join(domain, 'catalog'), join(domain, feature), rename);
    copyRenamed(join(application, 'catalog'), join(application, feature), rename);
  }
  return dir;
}

function copyRenamed(from: string, to: string, rename: (text: string) => string): void {
  mkdirSync(to, { recursive: true });
  for (const file of readdirSync(from)) writeFileSync(join(to, file), rename(readFileSync(join(from, file), 'utf8')));
}

/** `gen infra catalog` in a project of 50 features against the same in a project of only that feature. */
export async function generatorScaling(scale: number): Promise<WorkloadResult> {
  const large = syntheticProject(FEATURES);
  const small = syntheticProject(1);
  try {
    const samples = await interleave(['one', 'fifty'] as const, repeatsAt(scale, FULL_REPEATS), (subject) =>
      runGen(subject === 'one' ? small : large, 'catalog'),
    );
    return {
      workload: WORKLOADS.scaling,
      unit: 'run',
      baseline: { name: 'project of 1 feature', samples: samples.one },
      subject: { name: `project of ${FEATURES} features`, samples: samples.fifty },
      note: 'fresh process each',
    };
  } finally {
    rmSync(large, { recursive: true, force: true });
    rmSync(small, { recursive: true, force: true });
  }
}
