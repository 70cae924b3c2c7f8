import { describe, expect, it } from 'vitest';
import { interleave, interleavedOrder, median, repeatsAt, spread } from '../../bench/harness.js';

describe('median', () => {
  it.each([
    [[5], 5],
    [[3, 1, 2], 2],
    [[4, 1, 3, 2], 2.5],
    [[10, 1, 1000, 2, 3], 3],
  ])('of %j is %d', (values, expected) => {
    expect(median(values)).toBe(expected);
  });

  it('does not reorder what it is given', () => {
    const values = [3, 1, 2];
    median(values);
    expect(values).toEqual([3, 1, 2]);
  });

  it('refuses no values', () => {
    expect(() => median([])).toThrow('median of no values');
  });
});

it('spread gives the median, the fastest and the slowest', () => {
  expect(spread([30, 10, 20, 90])).toEqual({ median: 25, min: 10, max: 90 });
});

it('alternates which subject runs first, repeat by repeat', () => {
  expect(interleavedOrder(['a', 'b'], 4)).toEqual([
    ['a', 'b'],
    ['b', 'a'],
    ['a', 'b'],
    ['b', 'a'],
  ]);
  expect(interleavedOrder(['a', 'b', 'c'], 2)).toEqual([
    ['a', 'b', 'c'],
    ['c', 'b', 'a'],
  ]);
});

it('interleave measures in that order and returns the samples per subject, in repeat order', async () => {
  const calls: string[] = [];
  const samples = await interleave(['base', 'subject'] as const, 3, (subject, repeat) => {
    calls.push(`${subject}${repeat}`);
    return Promise.resolve({ msPer1000: repeat * 10 + (subject === 'base' ? 1 : 2) });
  });
  expect(calls).toEqual(['base0', 'subject0', 'subject1', 'base1', 'base2', 'subject2']);
  expect(samples).toEqual({
    base: [{ msPer1000: 1 }, { msPer1000: 11 }, { msPer1000: 21 }],
    subject: [{ msPer1000: 2 }, { msPer1000: 12 }, { msPer1000: 22 }],
  });
});

it.each([
  [1, 7, 7],
  [0.5, 7, 4],
  [0.1, 7, 1],
  [0, 7, 1],
])('at scale %d, %d full repeats become %d', (scale, full, expected) => {
  expect(repeatsAt(scale, full)).toBe(expected);
});
