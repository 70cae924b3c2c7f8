import type { PersistenceModel, RepositoryMethod } from '../src/map/persistence-model.js';
import type { SampleSet } from './test-samples.js';

type Write = Extract<RepositoryMethod, { kind: 'write' }>;

/** How many new aggregates the concurrency test saves at once: enough to interleave on every database. */
const CONCURRENT_SAVES = 50;

/**
 * The generated suite's "concurrent writers" section: two writers of the same aggregate (issue 17). Each case is
 * emitted only where the port has the methods it needs; undefined when it has none of them.
 */
export interface ConcurrentWriters {
  /** The writers stand for aggregates loaded and changed (the Tracked repositories of the "saves" section). */
  tracked: boolean;
  /** Two writers load the same aggregate and each saves a change: the second is stale. */
  staleSecond?: { writer: string; changedByA: string; changedByB: string };
  /** Two concurrent creates of one new id: one stores it, the other is refused. */
  concurrentCreate?: { first: string; second: string; call: (argument: string) => string; refusal: 'duplicate' | 'false' };
  /** A failure caught inside a transaction after a successful save: the transaction commits that save. */
  caughtFailure?:
    | { kind: 'duplicate'; kept: string; duplicate: string; call: (argument: string) => string; refusal: 'duplicate' | 'false' }
    | { kind: 'stale'; kept: string; writer: string; newer: string; stale: string };
  /** Many new aggregates saved at once, then (with a writer of loaded ones) changes to all of them. */
  many?: { count: number; created: string; changed?: { writer: string; expression: string } };
  /** What the section imports from support/errors.ts and support/transactions.ts. */
  errors: string[];
  transactions: boolean;
}

interface Inputs {
  /** The method that saves a loaded aggregate again (`save`, `update`), if the port has one and finds by id. */
  writer?: string;
  /** Another sample's values under sample 0's id, twice: two different changes of sample 0. */
  changes: [string, string];
  hasFindById: boolean;
}

/** The cases the port's methods can express, with the feature's own samples. */
export function concurrentWriters(
  model: PersistenceModel,
  samples: SampleSet,
  { writer, changes, hasFindById }: Inputs,
): ConcurrentWriters | undefined {
  const id = model.fields.find((f) => f.column.primary)!;
  const create = model.methods.find((m): m is Write => m.kind === 'write' && m.mode === 'create');
  const createCall = create && ((argument: string) => `${create.method.name}(${create.list === 'yes' ? `[${argument}]` : argument})`);
  const refusal = create?.result === 'boolean' ? ('false' as const) : ('duplicate' as const);
  const [changedByA, changedByB] = changes;
  // Without a version column the last write wins: nothing is stale.
  const staleSecond = writer && hasFindById && model.version !== undefined ? { writer, changedByA, changedByB } : undefined;
  const concurrentCreate = createCall && { first: samples.construct(0), second: changedByA, call: createCall, refusal };
  const kept = samples.construct(1);
  const caughtFailure: ConcurrentWriters['caughtFailure'] = createCall
    ? { kind: 'duplicate', kept, duplicate: changedByA, call: createCall, refusal }
    : staleSecond && { kind: 'stale', kept, writer: staleSecond.writer, newer: changedByA, stale: changedByB };
  // Sample 0's values (children included) under ids of their own, then sample 1's values under the same ids.
  const nthId = samples.idAt('100 + n');
  const many =
    nthId && hasFindById
      ? {
          count: CONCURRENT_SAVES,
          created: samples.construct(0, { [id.field.name]: { expression: nthId, stored: null } }),
          ...(staleSecond && {
            changed: {
              writer: staleSecond.writer,
              expression: samples.construct(1, { [id.field.name]: { expression: nthId, stored: null } }),
            },
          }),
        }
      : undefined;
  if (!staleSecond && !concurrentCreate && !caughtFailure && !many) return undefined;
  const errors = [
    ...(staleSecond || caughtFailure?.kind === 'stale' ? ['ConcurrencyError'] : []),
    ...((concurrentCreate || caughtFailure?.kind === 'duplicate') && refusal === 'duplicate' ? ['DuplicateError'] : []),
  ];
  return {
    tracked: writer !== undefined && hasFindById,
    ...(staleSecond && { staleSecond }),
    ...(concurrentCreate && { concurrentCreate }),
    ...(caughtFailure && { caughtFailure }),
    ...(many && { many }),
    errors,
    transactions: caughtFailure !== undefined,
  };
}
