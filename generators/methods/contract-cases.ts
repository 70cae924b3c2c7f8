import type { Absent, PersistenceModel, RepositoryMethod } from '../../src/map/persistence-model.js';
import type { SampleSet } from '../test-samples.js';

/** What the contract suite declares only where a case calls it (noUnusedLocals): the samples' list, `saveAll()`, `ids()`. */
export type SuiteHelper = 'list' | 'saveAll' | 'ids';

/** One `it(...)` of the contract suite: its lines, indented from the suite's `describe`, and the helpers it calls. */
export interface ContractCase {
  lines: string[];
  uses: SuiteHelper[];
  /** The errors it expects, imported from support/persistence-errors.ts. */
  errors?: string[];
}

/** How the suite looks a stored aggregate up by id, where the port has a findById: other kinds' cases check with it. */
export interface IdLookup {
  name: string;
  absent: Absent;
  /** The method's argument for the id of `subject` (`orders[0]`). */
  id: (subject: string) => string;
  /** The method's argument for an id held as the id field holds it (`firstId`, what a create resolved to). */
  idValue: (expression: string) => string;
  missingId: string;
  missingIdText: string;
  /** What a found result is read as: the aggregate, or the Option's contents. */
  read: (expression: string) => string;
  /** What `read` gives for a missing one. */
  missing: string;
  /** Whether an Option-returning lookup found something, by the library's own API. */
  isSome: ((expression: string) => string) | undefined;
}

/**
 * What the contract suite gives each method kind's cases: its names (`orders`, `order`), its samples, how a case
 * stores one, and the reads other kinds' cases check a write with.
 */
export interface ContractSuite {
  model: PersistenceModel;
  samples: SampleSet;
  aggregate: string;
  plural: string;
  /** The samples' list in each test (`orders`). */
  list: string;
  /** One sample (`order`). */
  variable: string;
  /** The call that stores `subject`: `save(order)`, or the port's create. */
  store: (subject: string) => string;
  /** The method that stores samples. */
  save: string;
  /** The port has a save: saving one id twice replaces the stored aggregate. */
  replaces: boolean;
  /** Another sample's values under sample 0's id. */
  replacement: string;
  /** The first findById, if the port has one. */
  findById: IdLookup | undefined;
  /** The first findAll's call that reads every root (`findAll()`, or with a page holding all), if the port has one. */
  findAll: string | undefined;
  /** The argument of `method` for the id of `subject`, wrapped or unwrapped as the method takes it. */
  id: (method: RepositoryMethod, subject: string) => string;
  /** The argument of `method` for an id held as the id field holds it, wrapped or unwrapped as the method takes it. */
  idValue: (method: RepositoryMethod, expression: string) => string;
  /** The argument of `method` for an id never stored. */
  missingId: (method: RepositoryMethod) => string;
  /** Sample 0 rebuilt with an id never stored. */
  missingAggregate: string;
  /** A sample's id (or the missing one) as error messages print it. */
  idText: (sample: number | 'missing') => string;
  /** `expression` as `method`'s result is compared: through `contents(...)` where it returns an Option. */
  read: (method: RepositoryMethod, expression: string) => string;
}

/** An `it(...)` block: the title is printed as given (single-quoted), the body indented under it. */
export function contractCase(title: string, body: readonly string[], uses: SuiteHelper[] = [], async = true): ContractCase {
  return {
    lines: [`it('${title}', ${async ? 'async ' : ''}() => {`, ...body.map((line) => (line ? `  ${line}` : '')), '});'],
    uses,
  };
}

/** The lookup by id through which `lookup`'s result is compared: `contents(await subject.repository.findById(id))`. */
export function lookedUp(lookup: IdLookup, subject: string): string {
  return lookup.read(`await subject.repository.${lookup.name}(${lookup.id(subject)})`);
}
