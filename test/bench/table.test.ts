import { expect, it } from 'vitest';
import { formatMs, renderTable } from '../../bench/table.js';
import { ratioOf, WORKLOADS, type WorkloadResult } from '../../bench/targets.js';

const findById: WorkloadResult = {
  workload: WORKLOADS.findById,
  unit: 'op',
  baseline: {
    name: 'idiomatic',
    samples: [
      { msPer1000: 900, statements: 2 },
      { msPer1000: 1000, statements: 2 },
      { msPer1000: 1200, statements: 2 },
    ],
  },
  subject: {
    name: 'generated',
    samples: [
      { msPer1000: 300, statements: 1 },
      { msPer1000: 400, statements: 1 },
      { msPer1000: 500, statements: 1 },
    ],
  },
};

const generator: WorkloadResult = {
  workload: WORKLOADS.generator,
  unit: 'run',
  baseline: { name: 'floor', samples: [{ msPer1000: 2000, peakRss: 200 * 2 ** 20, cpuMs: 1000 }] },
  subject: { name: 'gen', samples: [{ msPer1000: 3000, peakRss: 250 * 2 ** 20, cpuMs: 1200 }] },
  note: 'fresh process',
};

it('renders a baseline row, then the subject row with the ratio of medians and whether the target is met', () => {
  expect(renderTable([findById, generator]).split('\n')).toEqual([
    '| workload | subject | median per 1,000 ops (or per run) | min..max over repeats | statements per op | peak RSS | ratio to baseline (medians) | target | met? |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    '| findById with its 5 children | idiomatic | 1.00 s | 900 ms..1.20 s | 2 |  | baseline |  |  |',
    '| findById with its 5 children | generated | 400 ms | 300 ms..500 ms | 1 |  | 2.50x faster | >= 2.5x, exactly 1 statement | yes |',
    '| gen infra catalog, against the floor | floor | 2.00 s/run | 2.00 s..2.00 s |  | 200 MB | baseline |  |  |',
    '| gen infra catalog, against the floor | gen (fresh process) | 3.00 s/run | 3.00 s..3.00 s |  | 250 MB | 1.50x the time (CPU time: 1.20x) | <= 1.3x the floor | **no** |',
  ]);
});

it('a speed-up is baseline over subject; a cost is subject over baseline', () => {
  expect(ratioOf(findById)).toBe(2.5);
  expect(ratioOf(generator)).toBe(1.5);
});

it('misses a statement target even when fast enough', () => {
  const twoStatements = { ...findById, subject: { name: 'generated', samples: [{ msPer1000: 100, statements: 2 }] } };
  expect(renderTable([twoStatements])).toContain('| 10.00x faster | >= 2.5x, exactly 1 statement | **no** |');
});

it('a workload without a baseline has no ratio', () => {
  const suite: WorkloadResult = {
    workload: WORKLOADS.testSuite,
    unit: 'run',
    subject: { name: 'vitest run', samples: [{ msPer1000: 1500 }, { msPer1000: 2500 }] },
  };
  expect(renderTable([suite]).split('\n')[2]).toBe(
    "| catalog's generated test suite (SQLite in memory) | vitest run | 2.00 s/run | 1.50 s..2.50 s |  |  |  | < 2 s | **no** |",
  );
});

it.each([
  [0.123, '0.12 ms'],
  [12.34, '12.3 ms'],
  [123.4, '123 ms'],
  [1234, '1.23 s'],
  [12_345, '12.3 s'],
])('formats %d ms as %s', (ms, text) => {
  expect(formatMs(ms)).toBe(text);
});
