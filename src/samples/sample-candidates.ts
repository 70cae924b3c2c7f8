import { createRequire } from 'node:module';
import { sampleUuid, type RawSample } from '../../generators/test-samples.js';

// randexp is CommonJS whose types declare a default export it sets as module.exports too: required, it is the class.
const RandExp = createRequire(import.meta.url)('randexp') as typeof import('randexp').default;

/** What a sample value is for: one field of one class, and what its column holds. */
export interface SampleSlot {
  /** `Money.currency`, `Order.email`: the class that takes the value, and its field (the `samples` key). */
  key: string;
  owner: string;
  field: string;
  /** The value object that wraps the value (`Email`), when there is one. */
  valueObject?: string;
  kind: 'string' | 'number' | 'integer' | 'bigint' | 'date';
  /** decimal(P,S): numbers must fit. */
  decimal?: { precision: number; scale: number };
  primary: boolean;
  /** What a string id starts with (`order`): UUIDs of an id use it as their tag, as SampleSet does. */
  idPrefix: string;
  /** Regular expressions the owning classes test values with, as `/source/flags`. */
  patterns: string[];
}

const WORDS = ['Alpha', 'Beta', 'Gamma', 'Delta'];
const PEOPLE = ['alice', 'bob', 'carol', 'dave'];
const CURRENCIES = ['EUR', 'USD', 'GBP', 'JPY'];
const COUNTRIES = ['US', 'DE', 'FR', 'GB'];
const PROVIDERS = ['gmail.com', 'outlook.com', 'example.com'];

/** The n-th of a list for variants 0 to 3; past it (the missing id, 998), a value none of those four is. */
const nth = <T>(values: readonly T[], variant: number, beyond: (n: number) => T): T => values[variant] ?? beyond(variant);

/**
 * The values to try for one variant of a slot, in order, without repeats: the project's `samples` entry, then gen's
 * own guess (what it generated before it asked the domain, so domains that accept it keep the same output), then
 * values suggested by the names (UUIDs for ids, e-mail addresses, currency and country codes, URLs), then strings
 * matching the class's regular expressions, then plain shapes: whole numbers, whole cents, short strings, each case.
 */
export function sampleCandidates(slot: SampleSlot, variant: number, guess: RawSample, configured: readonly RawSample[] = []): RawSample[] {
  // A configured list is used in its order, one value per variant, then the rest: variants stay distinct.
  const fromConfig =
    configured.length === 0 ? [] : [...configured.slice(variant % configured.length), ...configured.slice(0, variant % configured.length)];
  const suggested =
    slot.kind === 'string'
      ? stringCandidates(slot, variant)
      : slot.kind === 'date'
        ? dateCandidates(variant)
        : numberCandidates(slot, variant);
  return [...new Set([...fromConfig, guess, ...suggested])];
}

function stringCandidates(slot: SampleSlot, variant: number): string[] {
  const names = `${slot.owner} ${slot.field} ${slot.valueObject ?? ''}`;
  const word = nth(WORDS, variant, (n) => `Value${n}`);
  const person = nth(PEOPLE, variant, (n) => `user${n}`);
  const uuid = sampleUuid(slot.primary ? slot.idPrefix : slot.field, variant);
  const families: [RegExp, string[]][] = [
    [/uuid|guid|(^|\s|[a-z])(id|Id)(\s|$)/, [uuid]],
    [/e-?mail/i, PROVIDERS.map((provider) => `${person}@${provider}`)],
    [/currenc/i, [nth(CURRENCIES, variant, () => 'CHF')]],
    [/countr/i, [nth(COUNTRIES, variant, () => 'ES')]],
    [/url|uri|link|website|homepage/i, [`https://example.com/${word.toLowerCase()}`]],
    // A date kept as text (`date: this.date.toISOString()`): ISO text, which such a field reads back unchanged. Words
    // only (`date`, `birthDate`, `startTime`, `createdAt`), not `validate`, `candidate` or `runtime`.
    [
      /(^|\s)(date|time)(\s|$|[A-Z])|[a-z](Date|Time)(\s|$|[A-Z])|[a-z]At(\s|$)/,
      [new Date(Date.UTC(2024, variant % 12, 15, 9, 30, 0)).toISOString()],
    ],
  ];
  const hinted = families.flatMap(([names_, values]) => (names_.test(names) ? values : []));
  const others = families.flatMap(([names_, values]) => (names_.test(names) ? [] : values));
  const shapes = [
    word,
    word.toLowerCase(),
    word.toUpperCase(),
    `${word.toLowerCase()}${variant + 1}`,
    String(1001 + variant),
    `${slot.idPrefix}-${variant + 1}`,
  ];
  return [...hinted, ...slot.patterns.flatMap((pattern) => patternMatches(pattern, variant)), ...shapes, ...others];
}

function numberCandidates(slot: SampleSlot, variant: number): RawSample[] {
  const n = variant < 4 ? variant + 1 : variant + 1;
  // Last, fractions below one: a rate or a discount (`value >= 0 && value < 1`) takes nothing else.
  const values = [n * 10, n, nth([1025, 2050, 3075, 4000], variant, (v) => (v + 1) * 1000), n * 100, n + 0.5, n * 1000, n / 10, n / 100];
  const fitting = values.filter(
    (value) =>
      (slot.kind === 'integer' || slot.kind === 'bigint' ? Number.isInteger(value) : true) &&
      (!slot.decimal || fitsDecimal(value, slot.decimal)),
  );
  return slot.kind === 'bigint' ? fitting.map((value) => BigInt(value)) : fitting;
}

function fitsDecimal(value: number, { precision, scale }: { precision: number; scale: number }): boolean {
  const scaled = value * 10 ** scale;
  return Number.isInteger(Math.round(scaled * 1e6) / 1e6) && Math.abs(value) < 10 ** (precision - scale);
}

/** Dates in other ranges: whole seconds, midnight, a future and a past year. */
function dateCandidates(variant: number): string[] {
  const month = variant % 12;
  return [
    new Date(Date.UTC(2024, month, 15, 9, 30, 0)).toISOString(),
    new Date(Date.UTC(2024, month, 15)).toISOString(),
    new Date(Date.UTC(2030, month, 15, 9, 30, 0)).toISOString(),
    new Date(Date.UTC(2000, month, 15, 9, 30, 0)).toISOString(),
  ];
}

/** Two strings matching `/source/flags`, the same ones every run: randexp driven by a PRNG seeded from the pattern and variant. */
export function patternMatches(pattern: string, variant: number): string[] {
  const match = /^\/(.*)\/([a-z]*)$/s.exec(pattern);
  if (!match) return [];
  let expression: RegExp;
  try {
    expression = new RegExp(match[1], match[2].replace(/[gy]/g, ''));
  } catch {
    return [];
  }
  // Under `i`, randexp mixes cases (`145aD9DA-b2F7-...`); a domain that normalises the value (a UUID parsed to
  // lower case) then names it otherwise than the test wrote it: lower case first, as hex ids are usually written.
  const folded = (value: string) =>
    match[2].includes('i') ? [...new Set([value.toLowerCase(), value])].filter((v) => expression.test(v)) : [value];
  return [0, 1].flatMap((attempt) => {
    const random = seeded(hash(`${pattern}#${variant}#${attempt}`));
    const generator = new RandExp(expression);
    generator.max = 4;
    generator.randInt = (from: number, to: number) => from + Math.floor(random() * (to - from + 1));
    // Printable ASCII only: a value that needs no escaping in a test, and that every column stores.
    generator.defaultRange.subtract(0, 31).subtract(127, 0x10ffff);
    try {
      const value = generator.gen();
      return expression.test(value) ? folded(value) : [];
    } catch {
      return [];
    }
  });
}

function hash(text: string): number {
  let value = 0x811c9dc5;
  for (const char of text) value = Math.imul(value ^ char.charCodeAt(0), 0x01000193) >>> 0;
  return value;
}

/** mulberry32: a small PRNG whose sequence depends only on the seed. */
export function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
