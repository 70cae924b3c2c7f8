import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import { generatedTestSuite } from './generated-tests.js';
import { generatorAgainstFloor } from './generator.js';
import { repositoryWorkloads } from './repositories.js';
import { generatorScaling } from './synthetic-project.js';
import { TARGETS, WORKLOADS, cpuRatioOf, ratioOf, statementsOf, timeOf, type WorkloadResult } from './targets.js';

export interface BenchOptions {
  /** 1: full run; between 0 and 1: fewer repeats and operations; 0: one tiny iteration of each (a smoke test). */
  scale: number;
  /** Only the workloads whose group or name contains this text. */
  only: string | undefined;
  /** Print the results as JSON instead of the table. */
  json: boolean;
}

export const USAGE = 'Usage: npm run bench -- [--scale 0..1] [--only generator|scaling|tests|repositories|<text of a workload>] [--json]';

export function parseBenchArgs(argv: readonly string[]): BenchOptions {
  const { values } = parseArgs({
    args: [...argv],
    options: { scale: { type: 'string', default: '1' }, only: { type: 'string' }, json: { type: 'boolean', default: false } },
    strict: true,
    allowPositionals: false,
  });
  const scale = Number(values.scale);
  if (!Number.isFinite(scale) || scale < 0 || scale > 1 || values.scale.trim() === '')
    throw new Error(`--scale must be a number from 0 to 1, not '${values.scale}'`);
  return { scale, only: values.only, json: values.json };
}

/** Whether a workload of the group runs under --only: its group's name or its own name contains the text. */
export function selected(options: BenchOptions, group: string, workloads: readonly string[] = []): boolean {
  if (options.only === undefined) return true;
  const only = options.only.toLowerCase();
  return group.toLowerCase().includes(only) || workloads.some((w) => w.toLowerCase().includes(only));
}

const REPOSITORY_WORKLOADS = [
  WORKLOADS.insert,
  WORKLOADS.findById,
  WORKLOADS.derivedQuery,
  WORKLOADS.selectiveQuery,
  WORKLOADS.changedResave,
  WORKLOADS.unchangedResave,
];

interface Group {
  name: string;
  workloads: readonly string[];
  run(options: BenchOptions): Promise<WorkloadResult[]>;
}

const GROUPS: Group[] = [
  { name: 'generator', workloads: [WORKLOADS.generator], run: async ({ scale }) => [await generatorAgainstFloor(scale)] },
  { name: 'scaling', workloads: [WORKLOADS.scaling], run: async ({ scale }) => [await generatorScaling(scale)] },
  { name: 'tests', workloads: [WORKLOADS.testSuite], run: async ({ scale }) => [await generatedTestSuite(scale)] },
  {
    name: 'repositories',
    workloads: REPOSITORY_WORKLOADS,
    // --only naming the group runs all of them; naming one workload runs that one.
    run: ({ scale, only }) =>
      repositoryWorkloads(scale, only === undefined || 'repositories'.includes(only.toLowerCase()) ? undefined : only),
  },
];

export async function runBench(options: BenchOptions, progress: (text: string) => void = () => {}): Promise<WorkloadResult[]> {
  const results: WorkloadResult[] = [];
  for (const group of GROUPS.filter((g) => selected(options, g.name, g.workloads))) {
    progress(`bench: ${group.name} (scale ${options.scale})...`);
    const start = performance.now();
    results.push(...(await group.run(options)));
    progress(`bench: ${group.name} done in ${((performance.now() - start) / 1000).toFixed(1)} s`);
  }
  return results;
}

/** The results with their medians, ratios and verdicts worked out, for --json. */
export function resultsJson(results: readonly WorkloadResult[], options: BenchOptions): object {
  return {
    scale: options.scale,
    date: new Date().toISOString(),
    cpus: availableParallelism(),
    node: process.version,
    results: results.map((r) => ({
      ...r,
      medianMs: timeOf(r.subject),
      baselineMedianMs: r.baseline && timeOf(r.baseline),
      statements: statementsOf(r.subject),
      ratio: ratioOf(r),
      cpuRatio: cpuRatioOf(r),
      target: TARGETS[r.workload]?.text,
      met: TARGETS[r.workload]?.met(r),
    })),
  };
}
