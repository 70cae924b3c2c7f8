import type { QueryAction } from '../../src/map/derived-query-parser.js';
import type { Absent, DerivedQuery, FieldMapping, RepositoryMethod } from '../../src/map/persistence-model.js';
import type { PortMethod, ValueType } from '../../src/model/domain-model.js';
import { argumentValue } from '../../src/render/conversions.js';
import type { DynamicMethodPlan } from '../dynamic-queries.js';

/** How one port method is implemented, as TypeScript expressions for both repositories' templates. */
export interface MethodPlan {
  kind: RepositoryMethod['kind'];
  name: string;
  /** Name of the first parameter (the aggregate, the id, the list). */
  argument: string;
  /** The id's stored value, where the method takes an id or an aggregate. */
  idValue: string;
  /**
   * Where the method takes an aggregate whose id the database assigns: the test that it has none yet (never
   * saved), which each body checks before it uses `idValue`; `itemIdAbsent` the same for `item` of a list.
   */
  idAbsent?: string;
  itemIdAbsent?: string;
  /**
   * An id the database assigns read through a call (`order.getId()`), which `=== undefined` does not narrow: the
   * local each body binds it to first (`const orderId = order.getId();`), which `idAbsent` and `idValue` then name;
   * `itemIdLocal` the same for `item` of a list, bound where `itemIdAbsent` is tested.
   */
  idLocal?: { name: string; read: string };
  itemIdLocal?: { name: string; read: string };
  /** For find-by-ids: the stored ids. */
  idValues: string;
  /** For derived queries: find, count, exists or delete. */
  action?: QueryAction;
  result: DerivedQuery['result'] | 'none';
  absent: Absent;
  /** TypeORM find options: `where`, `order`, `take`, `skip` entries, ready to print inside `{ }`. */
  findOptions: string[];
  /** The TypeORM `where` alone (for count/exists), or undefined when there is no condition. */
  where?: string;
  /** In memory: a predicate on `model`, a comparator on `a` and `b`, and the slice bounds. */
  predicate: string;
  compare?: string;
  slice?: { start: string; end: string };
  /** TypeORM operators the TypeORM body uses, and the query-support helpers of each body. */
  typeormImports: string[];
  sqlSupportImports: string[];
  memorySupportImports: string[];
  /** `first`: Top/First picked one row on purpose, so more matches are no error. */
  first: boolean;
  /** The find takes or skips rows (Top/First, pages, a single result's check for a second one). */
  paged: boolean;
  /** A single result as the port returns it when found (`Some(x)` for an Option, else `x`), and when not. */
  found: (expression: string) => string;
  missing: string;
  /** For create/insert/update (`write`) and save: see RepositoryMethod. */
  write?: {
    mode: 'create' | 'update';
    list: 'no' | 'yes' | 'either';
    result: 'void' | 'aggregate' | 'boolean' | 'id';
    all: string;
    failure: string;
  };
  /** A filter that restricts nothing when its argument is not given: the plan of the findAll() it then is. */
  unfiltered?: MethodPlan;
  /** A writer taking fields (field-write.ts): the aggregate it builds, the id it loads. */
  fieldWrite?: FieldWritePlan;
  /** The stored id of `item`, one aggregate of a list argument. */
  itemIdValue: string;
  returnsAggregate: boolean;
  /** A delete that resolves to whether it deleted something. */
  reports: boolean;
  /** A Criteria or page-request method: read at run time (dynamic-queries.ts). */
  dynamic?: DynamicMethodPlan;
  /**
   * Statements both repositories run first: the arguments' values and page bounds checked as the database would
   * need them (support/value-checks.ts), so that both reject the same call with the same InvalidValueError.
   */
  checks: string[];
  /** What the checks call from support/value-checks.ts. */
  checkImports: string[];
}

/**
 * `skip: page.offset`; from an optional parameter (`page?.offset`), an entry only when there is a value, since
 * under exactOptionalPropertyTypes TypeORM's `skip?: number` does not take `undefined`.
 */
export function pageOption(name: 'skip' | 'take', value: string): string {
  return value.includes('?.') && !value.startsWith('Math.min')
    ? `...(${value} === undefined ? {} : { ${name}: ${value} })`
    : `${name}: ${value}`;
}

/** `page.` or, for an optional pagination parameter, `page?.`. */
export function pageAccess(method: PortMethod, index: number): string {
  const parameter = method.parameters[index];
  return `${parameter.name}${parameter.optional ? '?.' : '.'}`;
}

/** Bounds for `Array.slice`; page members may be absent (`page?.limit`), a Top/First limit never is. */
export function sliceBounds(skip: string | undefined, take: string | undefined): { start: string; end: string } {
  const start = skip ? `${skip} ?? 0` : '0';
  const count = take === undefined ? undefined : take.includes('?.') && !take.startsWith('Math.min') ? `(${take} ?? Infinity)` : take;
  return { start, end: count === undefined ? 'Infinity' : skip ? `(${skip} ?? 0) + ${count}` : count };
}

/** `{ total: 'DESC', id: 'ASC' }`; nullable columns say where NULLs go, as SQLite (and the in-memory twin) puts them, on every database. */
export function orderLiteral(orders: { mapping: FieldMapping; direction: 'asc' | 'desc' }[], support?: Set<string>): string {
  const entries = orders.map(({ mapping, direction }) => {
    const upper = direction.toUpperCase();
    if (mapping.column.nullable) support?.add('nullsOrder');
    const value = mapping.column.nullable ? `nullsOrder(this.dialect, '${upper}')` : `'${upper}'`;
    return `${mapping.column.property}: ${value}`;
  });
  return `{ ${entries.join(', ')} }`;
}

/** A list argument of element type `type` -> the values to compare the column with. */
export function listValue(name: string, type: ValueType, item = 'item'): string {
  return type.kind === 'value-object' ? `${name}.map((${item}) => ${argumentValue(item, type)})` : name;
}

/**
 * What both bodies of a writer taking fields share (crud-vocabulary.ts fieldWrite): the aggregate built from the
 * parameters (and, for an update, the stored one's other fields), the stored id to load, what an absent one gives.
 */
export interface FieldWritePlan {
  /** The aggregate, built as the mapper rebuilds it (a record as an object literal): over `current` for an update. */
  build: string;
  /** The aggregate's type, for the local that holds what was built. */
  type: string;
  /** update: the stored id to load, and the statement run when no id was given (an optional member) */
  idValue?: string;
  idMissing?: string;
  /** With idMissing: the id checked as a lookup checks it (see MethodPlan.checks), run once it is known to be given. */
  idCheck?: string;
  /** update: rejects changes made to a version of the aggregate other than the one stored (its own `version` member). */
  versionCheck?: string;
  /** The statement run when the id is not stored: `return null;` or the rejection naming it. */
  absent: string;
  /** How the id is read from the aggregate (`.id`), for a writer that resolves to it. */
  idAccess: string;
  /** A database-assigned id: what stands for none yet, checked before it is returned. */
  idAbsent?: string[];
}
