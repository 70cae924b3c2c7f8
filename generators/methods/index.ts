import type { ArtifactLayout } from '../../src/layout.js';
import type { ImportSet } from '../../src/render/imports.js';
import type { PersistenceModel, RepositoryMethod } from '../../src/map/persistence-model.js';
import type { MethodPlan } from './method-plan.js';
import type { ContractCase, ContractSuite } from './contract-cases.js';
import { countAll } from './count-all.js';
import { deleteById } from './delete-by-id.js';
import { derivedQuery } from './derived-query.js';
import { dynamicQuery } from './dynamic-query.js';
import { existsById } from './exists-by-id.js';
import { fieldWrite } from './field-write.js';
import { findAll } from './find-all.js';
import { findById } from './find-by-id.js';
import { findByIds } from './find-by-ids.js';
import { handWritten } from './hand-written.js';
import type {
  BodyImports,
  ImplementedKind,
  ImplementedMethod,
  MemoryClass,
  MethodEmitter,
  MethodOf,
  QuerySuite,
  QueryTest,
  TypeOrmClass,
} from './method-emitter.js';
import { nextId } from './next-id.js';
import { save } from './save.js';
import { saveAll } from './save-all.js';
import { transaction } from './transaction.js';
import { write } from './write.js';

export type { ContractCase, ContractSuite, IdLookup, SuiteHelper } from './contract-cases.js';
export type {
  BodyImports,
  ImplementedKind,
  ImplementedMethod,
  MemoryClass,
  MethodEmitter,
  MethodOf,
  QuerySuite,
  QueryTest,
  TypeOrmClass,
} from './method-emitter.js';

/** One emitter per kind gen implements: adding a kind without one is a type error here. */
const EMITTERS: { [K in ImplementedKind]: MethodEmitter<MethodOf<K>> } = {
  save,
  write,
  'field-write': fieldWrite,
  'save-all': saveAll,
  'find-by-id': findById,
  'find-by-ids': findByIds,
  'find-all': findAll,
  'count-all': countAll,
  'exists-by-id': existsById,
  'delete-by-id': deleteById,
  'next-id': nextId,
  transaction,
  derived: derivedQuery,
  criteria: dynamicQuery,
  'find-page': dynamicQuery,
};

function emitterOf<M extends ImplementedMethod>(method: M): MethodEmitter<M> {
  return EMITTERS[method.kind] as MethodEmitter<M>;
}

/** The TypeORM repository's body of a method: its argument checks, then what its kind runs. */
export function typeOrmBody(method: ImplementedMethod, plan: MethodPlan, repository: TypeOrmClass): string[] {
  const unfiltered =
    plan.unfiltered && unlessAbsent(method, findAll.typeorm({ kind: 'find-all', method: method.method }, plan.unfiltered, repository));
  return withIdLocal(plan, [...(unfiltered ?? []), ...plan.checks, ...emitterOf(method).typeorm(method, plan, repository)]);
}

/**
 * `findAll(status?: Status)`: not given, every aggregate (findAll()'s body); given, the filter that follows. A null
 * (a DTO's `"status": null`) is not given either: TypeORM would drop it from `where` and return every row, the
 * in-memory twin would match none.
 */
function unlessAbsent(method: ImplementedMethod, all: string[]): string[] {
  const name = method.method.parameters[0].name;
  return [`if (${name} === undefined || ${name} === null) {`, ...all, '}'];
}

/**
 * The in-memory twin's body: the same checks, then its kind's statements. An async port method is not declared
 * async there (it would await nothing): its body runs in `settled`, so what it throws rejects.
 */
export function memoryBody(method: ImplementedMethod, plan: MethodPlan, repository: MemoryClass): string[] {
  const unfiltered =
    plan.unfiltered && unlessAbsent(method, findAll.memory({ kind: 'find-all', method: method.method }, plan.unfiltered, repository));
  const body = withIdLocal(plan, [...(unfiltered ?? []), ...plan.checks, ...emitterOf(method).memory(method, plan, repository)]);
  // Not indented inside `settled`: the formatter indents it, and the text it is given stays as it always was (format-cache.ts).
  return method.method.async ? ['return settled(() => {', ...body, '});'] : body;
}

/** The body, after the binding of the argument's id where it names that local (a body that does not would leave it unused). */
function withIdLocal(plan: MethodPlan, body: string[]): string[] {
  const local = plan.idLocal;
  if (!local || !body.some((line) => new RegExp(`\\b${local.name}\\b`).test(line))) return body;
  return [`const ${local.name} = ${local.read};`, ...body];
}

/**
 * What a method's bodies import: the operators and query helpers its plan names (a derived query's, `In` of
 * findByIds), what its kind adds, and in memory `settled` for an async method.
 */
export function bodyImports(method: ImplementedMethod, plan: MethodPlan): { typeorm: BodyImports; memory: BodyImports } {
  const extra = emitterOf(method).imports?.(method, plan) ?? {};
  const merged = (base: Partial<BodyImports>, more: Partial<BodyImports> = {}): BodyImports => ({
    typeorm: [...(base.typeorm ?? []), ...(more.typeorm ?? [])],
    querySupport: [...(base.querySupport ?? []), ...(more.querySupport ?? [])],
    transactions: [...(base.transactions ?? []), ...(more.transactions ?? [])],
    persistenceErrors: [...(base.persistenceErrors ?? []), ...(more.persistenceErrors ?? [])],
  });
  return {
    typeorm: merged({ typeorm: plan.typeormImports, querySupport: plan.sqlSupportImports }, extra.typeorm),
    memory: merged({ querySupport: plan.memorySupportImports, transactions: method.method.async ? ['settled'] : [] }, extra.memory),
  };
}

/** Adds what bodies import, each support file's names from the specifier the importing file reaches it by. */
export function addBodyImports(
  imports: ImportSet,
  from: Record<Exclude<keyof BodyImports, 'typeorm'>, string>,
  used: readonly BodyImports[],
): void {
  for (const body of used) {
    for (const name of body.typeorm) imports.add('typeorm', name);
    for (const name of body.querySupport) imports.add(from.querySupport, name);
    for (const name of body.transactions) imports.add(from.transactions, name);
    for (const name of body.persistenceErrors) imports.add(from.persistenceErrors, name);
  }
}

/** What the plan document says a method is implemented with. */
export function planRow(method: RepositoryMethod, model: PersistenceModel, layout: ArtifactLayout): string {
  if (method.kind === 'hand-written') return handWritten.planRow(method, layout);
  const row = emitterOf(method).planRow(method, model, layout);
  return outsideThePort(method) ? `${OUTSIDE_THE_PORT}. ${row}` : row;
}

const OUTSIDE_THE_PORT = 'Not in the port: stores samples for the tests';

/**
 * Gen's own `save` (map-feature.ts, `inPort: false`): said in its doc comment in both repositories, since nothing
 * else tells a reader why a class has a public method its port lacks.
 */
export function outsideThePort(method: RepositoryMethod): string | undefined {
  return method.kind === 'save' && method.inPort === false
    ? `${OUTSIDE_THE_PORT} (and a seeder): the port declares no method that stores a new one.`
    : undefined;
}

/**
 * Which methods of each kind have cases in the contract suite, kind by kind in this order: of the CRUD reads, deletes
 * and ids, the first method only (the other cases read back with the first findById and findAll); every save, write,
 * derived query and hand-written method. Adding a kind without placing it here is a type error.
 */
const CASE_ORDER: { [K in RepositoryMethod['kind']]: 'first' | 'each' } = {
  'find-by-id': 'first',
  'find-all': 'first',
  'save-all': 'first',
  'find-by-ids': 'first',
  'count-all': 'first',
  'exists-by-id': 'first',
  'next-id': 'first',
  'delete-by-id': 'first',
  save: 'each',
  write: 'each',
  'field-write': 'each',
  derived: 'each',
  'hand-written': 'each',
  // No cases here: Criteria and page requests have the queries suite (queryTests); a transaction runs
  // support/transactions.ts, which the saves that lose nothing run too.
  transaction: 'each',
  criteria: 'each',
  'find-page': 'each',
};

/** The contract suite's cases, from each method's emitter. */
export function contractCases(methods: readonly RepositoryMethod[], suite: ContractSuite): ContractCase[] {
  return Object.entries(CASE_ORDER).flatMap(([kind, which]) => {
    const ofKind = methods.filter((m) => m.kind === kind);
    return (which === 'first' ? ofKind.slice(0, 1) : ofKind).flatMap((method) =>
      method.kind === 'hand-written' ? handWritten.testCases(method) : (emitterOf(method).testCases?.(method, suite) ?? []),
    );
  });
}

/** The queries suite's describe blocks: the page requests', then the Criteria methods'. */
export function queryTests(methods: readonly RepositoryMethod[], suite: QuerySuite): QueryTest[] {
  return (['find-page', 'criteria'] as const).flatMap((kind) =>
    methods.flatMap((method) => (method.kind === kind ? (emitterOf(method).queryTest?.(method, suite) ?? []) : [])),
  );
}
