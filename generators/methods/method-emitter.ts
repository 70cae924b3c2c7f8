import type { ArtifactLayout } from '../../src/layout.js';
import type { PersistenceModel, RepositoryMethod } from '../../src/map/persistence-model.js';
import type { ContractCase, ContractSuite } from './contract-cases.js';
import type { MethodPlan } from './method-plan.js';
import type { SampleSet } from '../test-samples.js';

/** The kinds gen implements; a hand-written method has a stub in the user's custom class instead. */
export type ImplementedKind = Exclude<RepositoryMethod['kind'], 'hand-written'>;
export type MethodOf<K extends RepositoryMethod['kind']> = Extract<RepositoryMethod, { kind: K }>;
export type ImplementedMethod = MethodOf<ImplementedKind>;

/** What the TypeORM repository class gives a method body: its members and names. */
export interface TypeOrmClass {
  aggregate: string;
  entityClass: string;
  /** The model's primary-key property. */
  idProperty: string;
  /** The AggregateStore member (`store`, or `aggregateStore` where the port has a method `store`). */
  store: string;
  /** The aggregate has child tables: reads go through AggregateRows (`this.rows`, `this.rootsMatching`). */
  rows: boolean;
  /** A new id (nextId), where the port has that method. */
  newId?: string;
  /** The database assigns the id and the aggregate cannot take it: a writer returns the aggregate the store rebuilt. */
  rebuildsOnSave?: boolean;
  /** The database assigns the id: what stands for none yet (`undefined`, `null`), checked before an id is returned. */
  idAbsent?: string[];
}

/** What the in-memory twin gives a method body. */
export interface MemoryClass {
  aggregate: string;
  idProperty: string;
  newId?: string;
  rebuildsOnSave?: boolean;
  idAbsent?: string[];
}

/** What a body calls besides the class's members, by where it comes from: TypeORM, and the generated support files. */
export interface BodyImports {
  typeorm: string[];
  /** support/query-semantics.ts */
  querySupport: string[];
  /** support/transactions.ts */
  transactions: string[];
  /** support/persistence-errors.ts */
  persistenceErrors: string[];
}

/**
 * One method kind, whole: the statements of its TypeORM body and of its in-memory twin (after the argument
 * checks both run first), its row in the plan document and its contract test cases. Bodies are lines of TypeScript,
 * formatted later.
 */
export interface MethodEmitter<M extends ImplementedMethod> {
  typeorm(method: M, plan: MethodPlan, repository: TypeOrmClass): string[];
  memory(method: M, plan: MethodPlan, repository: MemoryClass): string[];
  planRow(method: M, model: PersistenceModel, layout: ArtifactLayout): string;
  /** What its bodies import beyond the plan's operators and query helpers; nothing when omitted. */
  imports?(method: M, plan: MethodPlan): { typeorm?: Partial<BodyImports>; memory?: Partial<BodyImports> };
  /** Its cases in the contract suite run against both repositories; none when omitted (Criteria and pages have their own suite). */
  testCases?(method: M, suite: ContractSuite): ContractCase[];
  /** Its describe block in the queries suite (`*.queries.test.ts`), where it has one: Criteria and page requests. */
  queryTest?(method: M, suite: QuerySuite): QueryTest | undefined;
}

/** What the queries suite gives a method's block: the samples both repositories store, how an item's id is read. */
export interface QuerySuite {
  model: PersistenceModel;
  samples: SampleSet;
  /** `.id.value`, after an item. */
  idAccess: string;
}

/** One method's describe block in the queries suite, and what it imports from the project and support/persistence-errors.ts. */
export interface QueryTest {
  lines: string[];
  /** `local`: imported under that name (`Order as CriteriaOrder`), where another import of the test holds the name. */
  imports: { name: string; file: string; typeOnly?: boolean; local?: string }[];
  errors: string[];
}

/** How a TypeORM read that returns roots is run: through AggregateRows with children, ids first when it takes or skips rows. */
export function rootsReader(plan: MethodPlan, repository: TypeOrmClass): string {
  if (!repository.rows) return 'this.orm.find';
  return plan.paged ? 'this.rootsMatching' : 'this.rows.find';
}

/** `return false;`, or the rejection that names what is missing or already there. */
export function refusal(plan: MethodPlan, value: string): string {
  const write = plan.write!;
  return write.result === 'boolean' ? 'return false;' : `throw new Error(\`${write.failure}: \${${value}}\`);`;
}

/** A single result as the port returns it: rejected when it must be there, else wrapped (`Some(x)`) or the port's nothing. */
export function singleResult(plan: MethodPlan, load: string, notFound: string): string[] {
  if (plan.absent === 'throw') return [`if (!model) throw new Error(${notFound});`, `return ${load};`];
  return [`return model ? ${plan.found(load)} : ${plan.missing};`];
}

/** `.slice(start, end)` where the method takes or skips rows, else nothing. */
export function sliceCall(plan: MethodPlan): string {
  return plan.slice ? `.slice(${plan.slice.start}, ${plan.slice.end})` : '';
}
