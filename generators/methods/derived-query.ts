import type { Condition, DerivedQuery, FieldMapping, PersistenceModel } from '../../src/map/persistence-model.js';
import type { PortMethod, ValueType } from '../../src/model/domain-model.js';
import { tsLiteral } from '../../src/render/ts-literal.js';
import { compareStored, evaluateQuery, type Argument, type OracleRow } from '../query-oracle.js';
import { SAMPLE_COUNT, type SampleSet, type SampleValue, type StoredValue } from '../test-samples.js';
import { comparesText, conditionTree, memoryPredicate, sqlText, typeOrmWhere, type ConditionImports } from './condition-tree.js';
import { contractCase, type ContractCase, type ContractSuite } from './contract-cases.js';
import { rootsReader, singleResult, sliceCall, type MethodEmitter, type MethodOf } from './method-emitter.js';
import { orderLiteral, pageAccess, pageOption, sliceBounds, type MethodPlan } from './method-plan.js';
import { asParameter, pageCase, passed } from './test-arguments.js';

/** A query read from the method's name (`findTop3ByStatusInOrderByTotalDesc`): find, count, exists or delete. */
export const derivedQuery: MethodEmitter<MethodOf<'derived'>> = {
  typeorm: (method, plan, repository) => {
    const { query } = method;
    const find = `await ${rootsReader(plan, repository)}({ ${plan.findOptions.join(', ')} })`;
    const where = plan.where ? `{ where: ${plan.where} }` : '';
    switch (query.result) {
      case 'many':
        return [`const models = ${find};`, 'return models.map((model) => this.loaded(model));'];
      case 'one':
        return [
          ...(plan.first ? [] : ['// Two rows are enough to tell "one" from "more than one".']),
          `const models = ${find};`,
          ...(plan.first ? [] : [tooMany(plan, repository.aggregate, 'models')]),
          'const [model] = models;',
          ...singleResult(plan, 'this.loaded(model)', noneFound(plan, repository.aggregate)),
        ];
    }
    switch (query.action) {
      case 'count':
      case 'exists':
        return [`return this.orm.${query.action}(${where});`];
      case 'delete':
        return [
          '// Select, then delete by id, in one transaction: the delete sees exactly the rows the conditions select.',
          `${query.result === 'count' ? 'return' : 'await'} this.${repository.store}.atomically(async (manager) => {`,
          `  const repository = manager.getRepository(${repository.entityClass});`,
          `  const models = await repository.find({ ${plan.where ? `where: ${plan.where}, ` : ''}select: { ${repository.idProperty}: true } });`,
          `  if (models.length > 0) await repository.delete(models.map((model) => model.${repository.idProperty}));`,
          ...(query.result === 'count' ? ['  return models.length;'] : []),
          '});',
        ];
      default:
        return [];
    }
  },
  memory: (method, plan, repository) => {
    const { query } = method;
    // `() => true` where nothing is tested: an unused `model` parameter fails noUnusedParameters.
    const filter = plan.predicate === 'true' ? '() => true' : `(model) => ${plan.predicate}`;
    switch (query.result) {
      case 'many':
        return [
          `return this.rowsMatching(${filter}, (a, b) => ${plan.compare})${sliceCall(plan)}.map((model) => this.aggregates.load(model));`,
        ];
      case 'one':
        return [
          `const found = this.rowsMatching(${filter}, (a, b) => ${plan.compare});`,
          ...(plan.first ? [] : [tooMany(plan, repository.aggregate, 'found')]),
          'const [model] = found;',
          ...singleResult(plan, 'this.aggregates.load(model)', noneFound(plan, repository.aggregate)),
        ];
    }
    switch (query.action) {
      case 'count':
        return [`return this.rowsMatching(${filter}).length;`];
      case 'exists':
        return [`return this.rowsMatching(${filter}).length > 0;`];
      case 'delete':
        return [
          `const found = this.rowsMatching(${filter});`,
          `for (const model of found) this.aggregates.delete(model.${repository.idProperty});`,
          ...(query.result === 'count' ? ['return found.length;'] : []),
        ];
      default:
        return [];
    }
  },
  planRow: (method, model) => derivedRow(method, model),
  testCases: (method, suite) => [
    ...suiteQueries(method, suite).map((query) => queryTest(query, suite)),
    ...(method.unlessAbsent
      ? [
          contractCase(
            `${method.method.name} without its argument, or given null (as a DTO may carry), finds every ${suite.aggregate}`,
            [
              'await saveAll();',
              '',
              `expect(ids(await subject.repository.${method.method.name}())).toStrictEqual(ids(sample${suite.plural}()));`,
              `expect(ids(await subject.repository.${method.method.name}(null as never))).toStrictEqual(ids(sample${suite.plural}()));`,
            ],
            ['saveAll', 'ids'],
          ),
        ]
      : []),
  ],
};

function tooMany(plan: MethodPlan, aggregate: string, found: string): string {
  return `if (${found}.length > 1) throw new Error('${plan.name}: expected at most one ${aggregate}, found more');`;
}

function noneFound(plan: MethodPlan, aggregate: string): string {
  return `'${plan.name}: no ${aggregate} found'`;
}

function derivedRow({ method, query }: MethodOf<'derived'>, model: PersistenceModel): string {
  const column = (field: string) => model.fields.find((f) => f.field.name === field)!.column.name;
  const where = sqlText(conditionTree(method, query, model));
  const clause = where ? ` WHERE ${where}` : '';
  const order =
    query.orderBy.length > 0 ? ` ORDER BY ${query.orderBy.map((o) => `${column(o.field)} ${o.direction.toUpperCase()}`).join(', ')}` : '';
  const limit = query.limit === undefined ? '' : ` LIMIT ${query.limit}`;
  const page = !query.page
    ? ''
    : query.page.skipsPages
      ? `, paginated by page \`${query.page.skip}\` (counted from ${model.firstPage ?? 0}: "firstPage" in gen.config.json) of \`${query.page.take}\` rows`
      : `, paginated by \`${query.page.skip}\`/\`${query.page.take}\``;
  switch (query.action) {
    case 'find':
      return `derived query: \`SELECT …${clause}${order}${limit}\`, ${query.result === 'one' ? 'at most one row' : 'rows'}${page}`;
    case 'count':
      return `derived count: \`SELECT COUNT(*)${clause}\``;
    case 'exists':
      return `derived exists: \`SELECT 1${clause} LIMIT 1\``;
    case 'delete':
      return `derived delete: \`DELETE${clause}\` (the matching ids, then delete by id, in one transaction), ${query.result === 'count' ? 'returns the rows deleted' : 'returns nothing'}`;
  }
}

/** How a derived query's arguments are checked before either repository runs it (support/value-checks.ts). */
export interface DerivedChecks {
  argument(field: string, property: string, value: string): void;
  text(field: string, value: string): void;
  /** `least`: the smallest value allowed (a page number counted from 1), else 0. */
  page(value: string, least?: number): void;
}

export function derivedChecks({ method, query }: MethodOf<'derived'>, model: PersistenceModel, checks: DerivedChecks): void {
  for (const leaf of conditionTree(method, query, model).flat()) {
    // A pattern or a case-folded value is compared as text: only what no text can hold is refused.
    if (comparesText(leaf) || leaf.ignoreCase) for (const value of leaf.values) checks.text(leaf.field, value);
    else if (leaf.operator === 'in' || leaf.operator === 'notIn') checks.argument(leaf.field, leaf.property, leaf.list!.values);
    else for (const value of leaf.values) checks.argument(leaf.field, leaf.property, value);
  }
  if (query.page) {
    const page = pageAccess(method, query.page.parameter);
    // Page 0 where pages count from 1 would skip -perPage rows: SQLite reads that as 0, the in-memory slice as none.
    checks.page(`${page}${query.page.skip}`, query.page.skipsPages ? (model.firstPage ?? 0) : 0);
    checks.page(`${page}${query.page.take}`);
  }
}

/** The find options, `where`, predicate, comparator and bounds of a derived query, and what its bodies import. */
export function derivedPlan(method: PortMethod, query: DerivedQuery, model: PersistenceModel, plan: MethodPlan): Partial<MethodPlan> {
  const byName = new Map(model.fields.map((f) => [f.field.name, f]));
  // Kept apart, so each repository imports exactly the helpers its own bodies call.
  const imports: ConditionImports = { typeorm: new Set(), sqlSupport: new Set(), memorySupport: new Set() };
  const tree = conditionTree(method, query, model);
  const where = typeOrmWhere(tree, imports);
  const predicate = memoryPredicate(tree, imports);
  const id = model.fields.find((f) => f.column.primary)!;
  const orders = query.orderBy.map((o) => ({ mapping: byName.get(o.field)!, direction: o.direction }));
  if (!orders.some((o) => o.mapping === id)) orders.push({ mapping: id, direction: 'asc' });
  const findOptions = [...(where ? [`where: ${where}`] : []), `order: ${orderLiteral(orders, imports.sqlSupport)}`];
  const page = query.page ? pageAccess(method, query.page.parameter) : undefined;
  let skip = page && query.page ? `${page}${query.page.skip}` : undefined;
  let take = page && query.page ? `${page}${query.page.take}` : undefined;
  // A page number (never absent: its parameter is required) skips the pages before it, counted from the project's first page.
  const pagesSkipped = query.page?.skipsPages === true;
  if (pagesSkipped && skip && take) skip = model.firstPage === 1 ? `(${skip} - 1) * ${take}` : `${skip} * ${take}`;
  if (query.limit !== undefined) take = take ? `Math.min(${query.limit}, ${take} ?? ${query.limit})` : String(query.limit);
  if (query.result === 'one' && query.limit === undefined) take = '2';
  if (skip) findOptions.push(pageOption('skip', skip));
  if (take) findOptions.push(pageOption('take', take));
  if (orders.length > 0) imports.memorySupport.add('compareColumns');
  return {
    action: query.action,
    result: query.result,
    absent: query.absent,
    first: query.limit !== undefined,
    findOptions,
    where,
    predicate,
    compare: orders
      .map((o) =>
        o.direction === 'asc'
          ? `compareColumns(a.${o.mapping.column.property}, b.${o.mapping.column.property})`
          : `compareColumns(b.${o.mapping.column.property}, a.${o.mapping.column.property})`,
      )
      .join(' || '),
    slice:
      pagesSkipped && skip && take
        ? { start: skip, end: `${skip} + ${take}` }
        : skip || take
          ? sliceBounds(skip, query.result === 'one' && query.limit === undefined ? undefined : take)
          : plan.slice,
    typeormImports: [...imports.typeorm].sort(),
    sqlSupportImports: [...imports.sqlSupport].sort(),
    memorySupportImports: [...imports.memorySupport].sort(),
    paged: skip !== undefined || take !== undefined,
  };
}

interface ArgumentValue {
  expression: string;
  stored: Argument;
}

/** Arguments that make each operator meaningful on the samples (see SampleSet for the values). */
function conditionArguments(
  condition: Condition,
  mapping: FieldMapping,
  parameter: ValueType | undefined,
  samples: SampleSet,
  emptyLists: boolean,
): ArgumentValue[] {
  // A plain parameter on a value-object field (`findBySkuContaining(text: string)`) takes the stored value itself.
  const plain = parameter?.kind === 'primitive' && mapping.field.type.kind === 'value-object';
  const asArgument = (value: SampleValue): SampleValue => ({
    ...value,
    expression: plain && value.stored !== null ? tsLiteral(value.stored) : asParameter(value.expression, parameter, mapping),
  });
  const variant = (v: number) => asArgument(samples.variant(mapping, v));
  const text = (raw: string) => asArgument(samples.text(mapping, condition.ignoreCase ? raw.toUpperCase() : raw));
  const raw = (v: number) => String(samples.variant(mapping, v).stored);
  switch (condition.operator) {
    case 'equals':
    case 'not':
      return [condition.ignoreCase ? text(raw(0)) : variant(0)];
    case 'in':
    case 'notIn': {
      const values = emptyLists ? [] : condition.operator === 'in' ? [variant(0), variant(3)] : [variant(0)];
      return [{ expression: `[${values.map((v) => v.expression).join(', ')}]`, stored: values.map<StoredValue>((v) => v.stored) }];
    }
    // Each bound sits on a sample's value, so exclusive and inclusive comparisons give different rows.
    case 'lessThan':
      return [variant(3)];
    case 'greaterThan':
      return [variant(0)];
    case 'lessThanEqual':
    case 'greaterThanEqual':
      return [variant(1)];
    case 'between': {
      return [variant(0), variant(1)].sort((a, b) => compareStored(a.stored, b.stored));
    }
    case 'like':
    case 'notLike':
      return [text(`%${raw(0).split(' ').pop()}`)];
    case 'startingWith':
      return [text(condition.ignoreCase ? raw(1).slice(0, -1) : raw(1).slice(0, 6))];
    case 'endingWith':
      return [text(raw(1).slice(-3))];
    case 'containing':
      // `_%` as data: an unescaped LIKE would match every row. Folded, `ALPHA_` finds only `… alpha_%`.
      return [condition.ignoreCase ? text('alpha_') : text('_%')];
    default:
      return [];
  }
}

/** One derived query's test: the call, and what it must return. */
export interface QueryCase {
  name: string;
  title: string;
  call: string;
  result: string;
  absent: string;
  expectedIds?: string;
  expectedSample?: number | null;
  rejects?: boolean;
  expected?: string;
  /** After a delete: the ids left. */
  remaining?: string;
  emptyLists?: boolean;
}

/** Every derived query gets a case; one with In or NotIn gets another with empty lists (nothing, and no restriction). */
export function derivedCases(method: MethodOf<'derived'>, model: PersistenceModel, samples: SampleSet): QueryCase[] {
  const hasList = method.query.where.flat().some((c) => c.operator === 'in' || c.operator === 'notIn');
  return hasList
    ? [derivedCase(method, model, samples, false), { ...derivedCase(method, model, samples, true), emptyLists: true }]
    : [derivedCase(method, model, samples, false)];
}

/** A derived query's cases as the suite runs them: its result read through the Option's API where it returns one. */
export interface SuiteQuery extends QueryCase {
  read(expression: string): string;
}

export function suiteQueries(method: MethodOf<'derived'>, suite: Pick<ContractSuite, 'model' | 'samples' | 'read'>): SuiteQuery[] {
  return derivedCases(method, suite.model, suite.samples).map((query) => ({
    ...query,
    title: query.emptyLists ? `${query.title} given empty lists` : query.title,
    read: (expression: string) => suite.read(method, expression),
    absent: method.method.returns.option ? 'null' : query.absent,
  }));
}

/** The samples stored, the query run on them, and what it must return; after a delete, what is left (where findAll reads it). */
function queryTest(query: SuiteQuery, { aggregate, plural, findAll }: ContractSuite): ContractCase {
  const call = `subject.repository.${query.call}`;
  const expectation = (): string => {
    if (query.result === 'many') return `expect(ids(await ${call})).toStrictEqual(${query.expectedIds});`;
    if (query.rejects) return `await expect(${call}).rejects.toThrow('${query.name}: expected at most one ${aggregate}, found more');`;
    if (query.result === 'one' && query.expectedSample === null && query.absent === 'throw')
      return `await expect(${call}).rejects.toThrow('${query.name}: no ${aggregate} found');`;
    if (query.result === 'one' && query.expectedSample === null) return `expect(${query.read(`await ${call}`)}).toBe(${query.absent});`;
    if (query.result === 'one') return `expect(${query.read(`await ${call}`)}).toStrictEqual(sample${plural}()[${query.expectedSample}]);`;
    if (query.result === 'exists' || query.expected !== undefined) return `expect(await ${call}).toBe(${query.expected});`;
    return `await ${call};`;
  };
  return contractCase(
    query.title,
    [
      'await saveAll();',
      '',
      expectation(),
      ...(query.remaining && findAll ? ['', `expect(ids(await subject.repository.${findAll})).toStrictEqual(${query.remaining});`] : []),
    ],
    // `ids` only where a case calls it: declared and unused, it fails a project's noUnusedLocals.
    query.result === 'many' || (query.remaining !== undefined && findAll) ? ['saveAll', 'ids'] : ['saveAll'],
  );
}

function derivedCase(method: MethodOf<'derived'>, model: PersistenceModel, samples: SampleSet, emptyLists: boolean): QueryCase {
  const { query } = method;
  const byName = new Map(model.fields.map((f) => [f.field.name, f]));
  const id = model.fields.find((f) => f.column.primary)!;
  const args: ArgumentValue[] = [];
  for (const condition of query.where.flat()) {
    const parameter = condition.parameters[0] === undefined ? undefined : method.method.parameters[condition.parameters[0]].use.type;
    const values = conditionArguments(condition, byName.get(condition.field)!, parameter, samples, emptyLists);
    condition.parameters.forEach((parameter, i) => (args[parameter] = values[i]!));
  }
  const page = query.page && pageCase(query.page.take, query.page.skip, query.page.skipsPages && (model.firstPage ?? 0));
  if (page && query.page) args[query.page.parameter] = { expression: page.expression, stored: null };
  const rows: OracleRow[] = Array.from({ length: SAMPLE_COUNT }, (_, sample) => ({
    sample,
    values: new Map(model.fields.map((f) => [f.field.name, samples.value(f, sample).stored])),
  }));
  const found = evaluateQuery(
    query,
    args.map((a) => a.stored),
    rows,
    id.field.name,
    page,
  );
  const idText = (sample: number) => String(samples.idValue(sample).stored);
  const call = `${method.method.name}(${args.map((a, i) => passed(a.expression, method.method.parameters[i])).join(', ')})`;
  const base = { name: method.method.name, call, result: query.result, absent: query.absent };
  switch (query.result) {
    case 'many':
      return {
        ...base,
        title: `${method.method.name} finds ${found.length === 0 ? 'nothing' : found.map(idText).join(', ')}`,
        expectedIds: tsLiteral(found.map((s) => samples.idValue(s).stored)),
      };
    case 'one':
      if (found.length > 1 && query.limit === undefined)
        return { ...base, title: `${method.method.name} rejects more than one match`, rejects: true };
      return {
        ...base,
        title: `${method.method.name} finds ${found[0] === undefined ? 'nothing' : idText(found[0])}`,
        expectedSample: found[0] ?? null,
      };
    case 'exists':
      return { ...base, title: `${method.method.name} is ${found.length > 0}`, expected: String(found.length > 0) };
    default: {
      const remaining =
        query.action === 'delete' ? Array.from({ length: SAMPLE_COUNT }, (_, s) => s).filter((s) => !found.includes(s)) : undefined;
      return {
        ...base,
        title:
          query.action === 'delete'
            ? `${method.method.name} deletes ${found.length === 0 ? 'nothing' : found.map(idText).join(', ')}`
            : `${method.method.name} counts ${found.length}`,
        expected: query.result === 'count' ? String(found.length) : undefined,
        remaining: remaining && tsLiteral(remaining.map((s) => samples.idValue(s).stored)),
      };
    }
  }
}
