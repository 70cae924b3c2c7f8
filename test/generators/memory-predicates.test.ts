import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/config/project-config.js';
import { mapFeature } from '../../src/map/map-feature.js';
import type { PersistenceModel } from '../../src/map/persistence-model.js';
import { readDomain } from '../../src/read/domain-reader.js';
import { evaluateQuery, type Argument, type OracleRow } from '../../generators/query-oracle.js';
import { planMethod } from '../../generators/methods/plan-method.js';
import type { StoredValue } from '../../generators/test-samples.js';
// The generated helpers themselves, as a project gets them: the predicates below call them.
import {
  compareColumns,
  foldCase,
  matchesText,
  sameValue,
} from '../../examples/shop/src/infrastructure/persistence/support/query-semantics.js';
import { withPortMethods } from '../support/fixtures.js';
import { writeProject } from '../support/projects.js';
import { loadProjectContext } from '../../src/project-context.js';

// The in-memory twin's predicate of each derived query, run on random rows and arguments, selects what the query
// oracle (SQL's semantics, which the generated suites pin) selects: conditions joined by And and Or keep their meaning
// whatever each condition compiles to.
const METHODS = [
  'findByPaidAndStatusNotIn(paid: boolean, statuses: OrderStatus[]): Promise<Order[]>;',
  'findByStatusNotInAndPaid(statuses: OrderStatus[], paid: boolean): Promise<Order[]>;',
  'findByPlacedAtBetweenAndCustomerEmailNotIn(from: Date, to: Date, emails: string[]): Promise<Order[]>;',
  'countByTotalNotInAndNoteNot(totals: number[], note: string): Promise<number>;',
  'findByNoteNotInOrPaid(notes: string[], paid: boolean): Promise<Order[]>;',
  'findByStatusInAndNoteNotInAndTotalGreaterThan(statuses: OrderStatus[], notes: string[], total: number): Promise<Order[]>;',
  'findByCustomerEmailContainingIgnoreCaseOrNoteIsNullAndPaid(text: string, paid: boolean): Promise<Order[]>;',
];

function model(): PersistenceModel {
  const port = ['save(order: Order): Promise<void>;', 'findById(id: OrderId): Promise<Order | null>;', ...METHODS]
    .map((m) => `  ${m}`)
    .join('\n');
  return mapFeature(readDomain(loadProjectContext(writeProject(withPortMethods(port))), DEFAULT_CONFIG, 'ordering'));
}

/** A small deterministic generator (mulberry32), so a failure names its seed. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(next: () => number, values: readonly T[]): T => values[Math.floor(next() * values.length)];
const DATES = [0, 1, 2, 3].map((d) => new Date(Date.UTC(2026, 0, 1 + d)));
const POOLS: Record<string, readonly StoredValue[]> = {
  status: ['PLACED', 'PAID'],
  customerEmail: ['a@x.io', 'B@y.io', 'c@X.io'],
  total: [1, 2.5, 3],
  paid: [true, false],
  note: ['n1', 'n2', null],
};

describe('the in-memory predicate of a derived query', () => {
  const persistence = model();
  it.each(METHODS.map((m) => m.slice(0, m.indexOf('('))))('%s selects what SQL selects, on random rows and arguments', (name) => {
    const method = persistence.methods.find((m) => m.method.name === name)!;
    expect(method.kind).toBe('derived');
    if (method.kind !== 'derived') return;
    const plan = planMethod(method, persistence) as { predicate: string };
    const parameters = method.method.parameters.map((p) => p.name);
    // eslint-disable-next-line @typescript-eslint/no-implied-eval -- the twin's predicate, as gen writes it, run here
    const predicate = new Function(
      'model',
      'sameValue',
      'compareColumns',
      'foldCase',
      'matchesText',
      ...parameters,
      `return ${plan.predicate};`,
    ) as (...args: unknown[]) => boolean;
    for (let seed = 1; seed <= 200; seed++) {
      const next = random(seed);
      const rows = Array.from({ length: 6 }, (_, sample) => {
        const values = new Map<string, StoredValue>(Object.entries(POOLS).map(([field, pool]) => [field, pick(next, pool)]));
        values.set('placedAt', pick(next, DATES).getTime());
        values.set('id', `order-${sample}`);
        return { sample, values } satisfies OracleRow;
      });
      const args: Argument[] = method.method.parameters.map((p, i) => {
        const field = method.query.where.flat().find((c) => c.parameters.includes(i))!.field;
        const single = (): StoredValue =>
          field === 'placedAt'
            ? pick(next, DATES).getTime()
            : field === 'customerEmail' && p.name === 'text'
              ? pick(next, ['X.IO', 'b@', 'zz'])
              : pick(
                  next,
                  POOLS[field].filter((v) => v !== null),
                );
        return p.use.list ? Array.from({ length: Math.floor(next() * 3) }, single) : single();
      });
      const expected = evaluateQuery(method.query, args, rows, 'id');
      const asArgument = (value: Argument): unknown =>
        Array.isArray(value)
          ? value.map(asArgument)
          : typeof value === 'number' &&
              method.method.parameters.some((p) => p.use.type.kind === 'primitive' && p.use.type.primitive === 'date') &&
              value > 1e12
            ? new Date(value)
            : value;
      const actual = rows
        .filter((row) => {
          const model = Object.fromEntries(
            [...row.values].map(([field, value]) => [field, field === 'placedAt' ? new Date(value as number) : value]),
          );
          return predicate(model, sameValue, compareColumns, foldCase, matchesText, ...args.map(asArgument));
        })
        .map((row) => row.sample);
      expect([...actual].sort(), `seed ${seed}, arguments ${JSON.stringify(args)}`).toStrictEqual([...expected].sort());
    }
  });
});
