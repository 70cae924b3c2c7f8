import { median, type Sample } from './harness.js';

/** What one workload measured: a subject, and the baseline it is compared with in the same run. */
export interface WorkloadResult {
  workload: string;
  /** Times are per 1,000 operations (`op`) or per run of a whole process (`run`). */
  unit: 'op' | 'run';
  subject: Measured;
  baseline?: Measured;
  /** Extra facts for the reader, e.g. what a time includes. */
  note?: string;
}

export interface Measured {
  name: string;
  samples: Sample[];
}

export interface Target {
  text: string;
  /** `speed-up`: baseline time / subject time; `cost`: subject time / baseline time. */
  ratio: 'speed-up' | 'cost';
  met(result: WorkloadResult): boolean;
}

export const WORKLOADS = {
  generator: 'gen infra catalog, against the floor',
  scaling: 'gen infra catalog, in a project of 50 features against one of 1',
  testSuite: "catalog's generated test suite (SQLite in memory)",
  insert: 'insert a new aggregate with 5 children',
  findById: 'findById with its 5 children',
  derivedQuery: 'derived query returning 500 aggregates (3 children each)',
  selectiveQuery: 'selective derived query: 1% of 10,000 aggregates (5 children each), on a condition no index serves',
  changedResave: 're-save of a loaded 20-child aggregate: 1 changed, 1 added, 1 removed',
  unchangedResave: 're-save of a loaded, unchanged aggregate (5 children)',
} as const;

/** The targets of issue 9 (and issue 17's selective query), by workload name. */
export const TARGETS: Record<string, Target> = {
  [WORKLOADS.generator]: { text: '<= 1.3x the floor', ratio: 'cost', met: (r) => ratioOf(r)! <= 1.3 },
  [WORKLOADS.scaling]: { text: '<= 3x', ratio: 'cost', met: (r) => ratioOf(r)! <= 3 },
  [WORKLOADS.testSuite]: { text: '< 2 s', ratio: 'cost', met: (r) => timeOf(r.subject) < 2000 },
  [WORKLOADS.insert]: { text: '>= 1.5x', ratio: 'speed-up', met: (r) => ratioOf(r)! >= 1.5 },
  [WORKLOADS.findById]: {
    text: '>= 2.5x, exactly 1 statement',
    ratio: 'speed-up',
    met: (r) => ratioOf(r)! >= 2.5 && statementsOf(r.subject) === 1,
  },
  [WORKLOADS.derivedQuery]: { text: '>= 1.3x', ratio: 'speed-up', met: (r) => ratioOf(r)! >= 1.3 },
  [WORKLOADS.selectiveQuery]: { text: '>= 1.3x', ratio: 'speed-up', met: (r) => ratioOf(r)! >= 1.3 },
  [WORKLOADS.changedResave]: {
    text: '>= 2.5x, <= 5 statements',
    ratio: 'speed-up',
    met: (r) => ratioOf(r)! >= 2.5 && statementsOf(r.subject)! <= 5,
  },
  [WORKLOADS.unchangedResave]: { text: 'no writes (0 statements)', ratio: 'speed-up', met: (r) => statementsOf(r.subject) === 0 },
};

export function timeOf(measured: Measured): number {
  return median(measured.samples.map((s) => s.msPer1000));
}

export function statementsOf(measured: Measured): number | undefined {
  const counted = measured.samples.flatMap((s) => (s.statements === undefined ? [] : [s.statements]));
  return counted.length === 0 ? undefined : median(counted);
}

/** Compared by medians, as the target says (speed-up or cost); undefined without a baseline. */
export function ratioOf(result: WorkloadResult): number | undefined {
  if (!result.baseline) return undefined;
  const subject = timeOf(result.subject);
  const baseline = timeOf(result.baseline);
  return TARGETS[result.workload]?.ratio === 'cost' ? subject / baseline : baseline / subject;
}

/** The same ratio on CPU time, where both sides measured it; undefined otherwise. */
export function cpuRatioOf(result: WorkloadResult): number | undefined {
  const cpu = (measured: Measured) => {
    const times = measured.samples.flatMap((s) => (s.cpuMs === undefined ? [] : [s.cpuMs]));
    return times.length === 0 ? undefined : median(times);
  };
  const subject = cpu(result.subject);
  const baseline = result.baseline && cpu(result.baseline);
  if (subject === undefined || baseline === undefined) return undefined;
  return TARGETS[result.workload]?.ratio === 'cost' ? subject / baseline : baseline / subject;
}
