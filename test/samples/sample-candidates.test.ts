import { describe, expect, it } from 'vitest';
import { sampleUuid } from '../../generators/test-samples.js';
import { patternMatches, sampleCandidates, type SampleSlot } from '../../src/samples/sample-candidates.js';

const slot = (overrides: Partial<SampleSlot>): SampleSlot => ({
  key: 'Order.note',
  owner: 'Order',
  field: 'note',
  kind: 'string',
  primary: false,
  idPrefix: 'order',
  patterns: [],
  ...overrides,
});

describe('sample candidates', () => {
  it('tries the samples entry first (one value per variant, then the rest), then the guess, without repeats', () => {
    const candidates = (variant: number) =>
      sampleCandidates(slot({ key: 'Money.currency', owner: 'Money', field: 'currency' }), variant, 'Currency Alpha', ['CHF', 'EUR']);
    expect(candidates(0).slice(0, 3)).toEqual(['CHF', 'EUR', 'Currency Alpha']);
    expect(candidates(1).slice(0, 3)).toEqual(['EUR', 'CHF', 'Currency Alpha']);
    // Then ISO codes, suggested by the name.
    expect(candidates(2)[3]).toBe('GBP');
    expect(new Set(candidates(0)).size).toBe(candidates(0).length);
  });

  it('puts the guess first without a samples entry, so domains that accept it keep their output', () => {
    expect(sampleCandidates(slot({}), 1, 'note alpha_%')[0]).toBe('note alpha_%');
  });

  it.each([
    ['an e-mail', { field: 'email', valueObject: 'Email' }, 2, ['carol@gmail.com', 'carol@outlook.com', 'carol@example.com']],
    ['an ISO currency', { owner: 'Money', field: 'currency' }, 3, ['JPY']],
    ['a country code', { field: 'country' }, 1, ['DE']],
    ['a URL', { field: 'website' }, 0, ['https://example.com/alpha']],
    ['ISO text for a date kept as text', { field: 'birthDate' }, 0, ['2024-01-15T09:30:00.000Z']],
    ['ISO text for a time kept as text', { field: 'createdAt' }, 1, ['2024-02-15T09:30:00.000Z']],
    [
      'an id: a version-4 UUID tagged like the id samples',
      { field: 'id', valueObject: 'OrderId', primary: true },
      1,
      [sampleUuid('order', 1)],
    ],
  ] as const)('suggests %s by the name, right after the guess', (_name, overrides, variant, expected) => {
    expect(sampleCandidates(slot(overrides), variant, 'guess').slice(1, 1 + expected.length)).toEqual(expected);
  });

  it('does not take words that only contain date or time (validate, candidate, runtime) for a date', () => {
    for (const field of ['validate', 'candidate', 'runtime', 'timezone'])
      expect(sampleCandidates(slot({ field }), 0, 'guess')[1]).not.toBe('2024-01-15T09:30:00.000Z');
  });

  it('suggests short strings in each case after the hinted ones', () => {
    const candidates = sampleCandidates(slot({}), 1, 'guess');
    expect(candidates).toEqual(expect.arrayContaining(['Beta', 'beta', 'BETA']));
    expect(candidates.filter((c) => typeof c === 'string' && /^[A-Za-z]+$/.test(c)).every((c) => String(c).length <= 10)).toBe(true);
  });

  it('tries strings matching the class regular expressions before plain shapes', () => {
    const candidates = sampleCandidates(slot({ field: 'code', valueObject: 'Code', patterns: ['/^[A-Z]{3}-\\d{4}$/'] }), 0, 'code alpha');
    expect(candidates[1]).toMatch(/^[A-Z]{3}-\d{4}$/);
    expect(candidates[2]).toMatch(/^[A-Z]{3}-\d{4}$/);
    expect(candidates.indexOf('Alpha')).toBeGreaterThan(2);
  });

  it('makes the same matching strings every run, different per variant', () => {
    const pattern = '/^[a-z]{2,5}@(gmail|outlook)\\.com$/i';
    expect(patternMatches(pattern, 0)).toEqual(patternMatches(pattern, 0));
    expect(patternMatches(pattern, 0)).not.toEqual(patternMatches(pattern, 1));
    for (const value of [...patternMatches(pattern, 0), ...patternMatches(pattern, 3)])
      expect(value).toMatch(/^[a-z]{2,5}@(gmail|outlook)\.com$/i);
    expect(patternMatches('not a literal', 0)).toEqual([]);
    expect(patternMatches('/(unclosed/', 0)).toEqual([]);
  });

  it('offers the lower-case form of a case-insensitive match first: a domain that parses a UUID names it in lower case', () => {
    const pattern = '/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i';
    const [first, ...rest] = patternMatches(pattern, 0);
    expect(first).toBe(first.toLowerCase());
    expect(first).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7/);
    expect(rest.some((value) => value !== value.toLowerCase())).toBe(true);
  });

  it('offers integers only to integer columns: whole numbers, small numbers, whole cents, then fractions below one', () => {
    expect(sampleCandidates(slot({ kind: 'integer', field: 'amount' }), 1, 20.5)).toEqual([20.5, 20, 2, 2050, 200, 2000]);
    expect(sampleCandidates(slot({ kind: 'number', field: 'amount' }), 1, 20.5)).toEqual([20.5, 20, 2, 2050, 200, 2.5, 2000, 0.2, 0.02]);
    expect(sampleCandidates(slot({ kind: 'bigint', field: 'points' }), 0, 10n)).toEqual([10n, 1n, 1025n, 100n, 1000n]);
  });

  it('offers decimals that fit the column', () => {
    expect(sampleCandidates(slot({ kind: 'number', decimal: { precision: 3, scale: 1 } }), 0, 10)).toEqual([10, 1, 1.5, 0.1]);
  });

  it('offers dates in other ranges: whole seconds, midnight, a future and a past year', () => {
    expect(sampleCandidates(slot({ kind: 'date' }), 0, '2024-01-15T09:30:00.250Z')).toEqual([
      '2024-01-15T09:30:00.250Z',
      '2024-01-15T09:30:00.000Z',
      '2024-01-15T00:00:00.000Z',
      '2030-01-15T09:30:00.000Z',
      '2000-01-15T09:30:00.000Z',
    ]);
  });
});
