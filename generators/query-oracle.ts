import type { Operator } from '../src/map/derived-query-parser.js';
import type { DerivedQuery } from '../src/map/persistence-model.js';
import type { StoredValue } from './test-samples.js';

/**
 * Works out, at generation time, what a derived query must return for the sample rows, with the
 * semantics of support/query-semantics.ts. The generated tests pin these results as literals, and both
 * repositories must produce them: the TypeORM one on a real database, the in-memory one in JavaScript.
 */
export type Argument = StoredValue | StoredValue[];

export interface OracleRow {
  sample: number;
  /** Stored values by field name. */
  values: ReadonlyMap<string, StoredValue>;
}

export function evaluateQuery(
  query: DerivedQuery,
  args: readonly Argument[],
  rows: readonly OracleRow[],
  idField: string,
  page?: { skip: number; take: number },
): number[] {
  const matching = rows.filter(
    (row) =>
      query.where.length === 0 ||
      query.where.some((group) =>
        group.every((c) =>
          holds(
            c.operator,
            c.ignoreCase,
            row.values.get(c.field) ?? null,
            c.parameters.map((i) => args[i]!),
          ),
        ),
      ),
  );
  const orders = [...query.orderBy];
  if (!orders.some((o) => o.field === idField)) orders.push({ field: idField, direction: 'asc' });
  matching.sort((a, b) => {
    for (const { field, direction } of orders) {
      const order = compareStored(a.values.get(field) ?? null, b.values.get(field) ?? null);
      if (order !== 0) return direction === 'asc' ? order : -order;
    }
    return 0;
  });
  const skip = page?.skip ?? 0;
  const take = Math.min(query.limit ?? Infinity, page?.take ?? Infinity);
  return matching.slice(skip, skip + take).map((row) => row.sample);
}

function holds(operator: Operator, ignoreCase: boolean, value: StoredValue, args: Argument[]): boolean {
  if (operator === 'isNull') return value === null;
  if (operator === 'isNotNull') return value !== null;
  if (operator === 'notIn' && (args[0] as StoredValue[]).length === 0) return true;
  if (value === null) return false;
  const fold = (v: StoredValue) => (ignoreCase && typeof v === 'string' ? v.replace(/[A-Z]/g, (c) => c.toLowerCase()) : v);
  const [first, second] = args;
  switch (operator) {
    case 'equals':
      return fold(value) === fold(first as StoredValue);
    case 'not':
      return fold(value) !== fold(first as StoredValue);
    case 'in':
      return (first as StoredValue[]).includes(value);
    case 'notIn':
      return !(first as StoredValue[]).includes(value);
    case 'lessThan':
      return compareStored(value, first as StoredValue) < 0;
    case 'lessThanEqual':
      return compareStored(value, first as StoredValue) <= 0;
    case 'greaterThan':
      return compareStored(value, first as StoredValue) > 0;
    case 'greaterThanEqual':
      return compareStored(value, first as StoredValue) >= 0;
    case 'between':
      return compareStored(value, first as StoredValue) >= 0 && compareStored(value, second as StoredValue) <= 0;
    case 'true':
      return value === true;
    case 'false':
      return value === false;
    case 'like':
    case 'notLike': {
      const matches = likeMatches(String(fold(value)), String(fold(first as StoredValue)));
      return operator === 'like' ? matches : !matches;
    }
    case 'startingWith':
      return String(fold(value)).startsWith(String(fold(first as StoredValue)));
    case 'endingWith':
      return String(fold(value)).endsWith(String(fold(first as StoredValue)));
    case 'containing':
      return String(fold(value)).includes(String(fold(first as StoredValue)));
  }
}

/** SQL order: NULL first; strings by code unit; ISO dates as strings order like their instants. */
export function compareStored(a: StoredValue, b: StoredValue): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

function likeMatches(text: string, pattern: string): boolean {
  const source = [...pattern].map((c) => (c === '%' ? '.*' : c === '_' ? '.' : c.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&'))).join('');
  return new RegExp(`^${source}$`, 'su').test(text);
}
