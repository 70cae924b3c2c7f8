import { expect, it } from 'vitest';
import { parseVitestDuration } from '../../bench/generated-tests.js';
import { parseBenchLines } from '../../bench/repositories.js';
import { parseBenchArgs, selected } from '../../bench/run.js';

it('runs everything at full scale by default', () => {
  expect(parseBenchArgs([])).toEqual({ scale: 1, only: undefined, json: false });
});

it('reads --scale, --only and --json', () => {
  expect(parseBenchArgs(['--scale', '0.1', '--only', 'findById', '--json'])).toEqual({ scale: 0.1, only: 'findById', json: true });
  expect(parseBenchArgs(['--scale=0'])).toEqual({ scale: 0, only: undefined, json: false });
});

it.each([['2'], ['-0.5'], ['fast'], ['']])('refuses --scale %j', (scale) => {
  expect(() => parseBenchArgs([`--scale=${scale}`])).toThrow('--scale must be a number from 0 to 1');
});

it('refuses an unknown flag', () => {
  expect(() => parseBenchArgs(['--fast'])).toThrow(/Unknown option '--fast'/);
});

it('--only selects by group or by workload name, ignoring case', () => {
  const only = (text: string) => ({ scale: 1, only: text, json: false });
  expect(selected(only('repositories'), 'repositories', ['findById with its 5 children'])).toBe(true);
  expect(selected(only('findbyid'), 'repositories', ['findById with its 5 children'])).toBe(true);
  expect(selected(only('findbyid'), 'generator', ['gen infra catalog, against the floor'])).toBe(false);
  expect(selected({ scale: 1, only: undefined, json: false }, 'generator')).toBe(true);
});

it("reads vitest's Duration line, in seconds or milliseconds", () => {
  expect(
    parseVitestDuration(
      ' Tests  41 passed (41)\n   Duration  6.46s (transform 1.20s, setup 0ms, import 3.40s, tests 1.48s, environment 0ms)\n',
    ),
  ).toEqual({ totalMs: 6460, testsMs: 1480 });
  expect(parseVitestDuration('Duration  900ms (transform 10ms, tests 512ms)')).toEqual({ totalMs: 900, testsMs: 512 });
  expect(() => parseVitestDuration('FAIL')).toThrow('no Duration line');
});

it('reads the BENCH lines among the rest of the output', () => {
  const output = [
    'stdout | tests/workloads.bench.test.ts',
    'BENCH {"workload":"w","samples":{"generated":[{"msPer1000":1,"statements":1}],"idiomatic":[{"msPer1000":2,"statements":2}]}}',
    ' ✓ 1 passed',
  ].join('\n');
  expect(parseBenchLines(output)).toEqual([
    { workload: 'w', samples: { generated: [{ msPer1000: 1, statements: 1 }], idiomatic: [{ msPer1000: 2, statements: 2 }] } },
  ]);
});
