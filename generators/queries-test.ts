import type { CriteriaMethod, PageMethod } from '../src/map/dynamic-query-methods.js';
import type { FieldMapping, PersistenceModel } from '../src/map/persistence-model.js';
import type { CriteriaBuild, FilterOperator } from '../src/model/dynamic-query-model.js';
import type { StoredValue } from './test-samples.js';
import type { Artifact, GeneratorContext } from '../src/render/artifact.js';
import { tsLiteral } from '../src/render/ts-literal.js';
import { addCollectionImports, addDomainTypeImports } from './domain-imports.js';
import { dynamicMethods, queryableFields } from './dynamic-queries.js';
import { entityLoadingImports } from './entity-schema.js';
import { addAggregateImport, addPortImports } from './port-signature.js';
import { uuidFields } from './repository-test.js';
import { sampleWriter } from './sample-writer.js';
import { SAMPLE_COUNT, SampleSet, type SampleChoices } from './test-samples.js';

/**
 * A contract test of the page-request methods: the TypeORM repository and the in-memory one, given the same
 * aggregates, return the same pages for several requests (each queryable field in both directions, offsets past
 * the end), and both reject an order on an unknown field. Written for requests that are plain objects, which the
 * test can spell as literals; the path sits beside the repository test (`order.repository.queries.test.ts`).
 */
export function queriesTest({
  model,
  layout,
  specifiers,
  testRunner,
  entityStyle,
  samples: choices = {},
}: GeneratorContext): Artifact | undefined {
  const methods = dynamicMethods(model).filter((m): m is PageMethod => m.kind === 'find-page' && literalRequest(m) !== undefined);
  const criteriaMethods = dynamicMethods(model).filter((m): m is CriteriaMethod => m.kind === 'criteria' && m.criteria.build !== undefined);
  if (methods.length === 0 && criteriaMethods.length === 0) return undefined;
  const path = layout.test.replace(/\.test\.ts$/, '.queries.test.ts');
  const { names, aggregate, port } = model;
  const samples = queriesSamples(model, choices);
  // reflect-metadata only for decorated entities; the aggregate and every port as they are exported (default or named).
  const imports = entityLoadingImports(entityStyle)
    .add(testRunner.module, 'afterAll')
    .add(testRunner.module, 'beforeAll')
    .add(testRunner.module, 'describe')
    .add(testRunner.module, 'expect')
    .add(testRunner.module, 'it')
    .add('typeorm', 'DataSource', { typeOnly: true })
    .add(specifiers.generated(path, layout.repository), names.typeOrmRepositoryClass)
    .add(specifiers.generated(path, layout.inMemoryRepository), names.inMemoryRepositoryClass)
    .add(specifiers.generated(path, layout.testDatabase), 'openTestDatabase')
    .add(specifiers.generated(path, layout.testDatabase), 'TestDatabase', { typeOnly: true });
  addAggregateImport(imports, specifiers, path, aggregate);
  addPortImports(imports, specifiers, path, port);
  addDomainTypeImports(imports, specifiers, path, [...model.fields.map((f) => f.field.type), ...model.children.map((c) => c.field.type)], {
    valueObjects: 'value',
    enums: 'value',
  });
  // The samples build wrapped collections (`new Tracks([...])`) too.
  addCollectionImports(imports, specifiers, path, model.aggregate.fields);
  const id = model.fields.find((f) => f.column.primary)!;
  const fields = queryableFields(model);
  const tests = methods.map((m) => {
    const request = literalRequest(m)!;
    imports.add(specifiers.source(path, m.request.file), m.request.name, { typeOnly: true });
    const cases: { title: string; request: string }[] = [];
    const spell = (limit: number, offset: number, order?: [string, 'asc' | 'desc']) => request(limit, offset, order);
    cases.push({ title: 'the first page, in id order', request: spell(2, 0) });
    cases.push({ title: 'the second page', request: spell(2, 2) });
    cases.push({ title: 'a page past the end', request: spell(2, SAMPLE_COUNT + 2) });
    for (const c of cases) c.title = tsLiteral(c.title);
    if (m.request.order) {
      for (const field of fields.filter((f) => f.kind !== 'enum')) {
        cases.push({ title: tsLiteral(`ordered by ${field.name} ascending`), request: spell(SAMPLE_COUNT, 0, [field.name, 'asc']) });
        cases.push({ title: tsLiteral(`the second page ordered by ${field.name} descending`), request: spell(2, 2, [field.name, 'desc']) });
      }
    }
    const items = m.page?.members.find((member) => member.role === 'items')?.name;
    const total = m.page?.members.find((member) => member.role === 'total')?.name;
    return {
      name: m.method.name,
      requestType: m.request.name,
      cases,
      items,
      total,
      unknownField: m.request.order ? spell(2, 0, ['noSuchField', 'asc']) : undefined,
      negativeLimit: spell(-1, 0),
    };
  });
  const criteriaTests = criteriaMethods.map((m) => {
    const build = m.criteria.build!;
    for (const { name, file } of build.imports) imports.add(specifiers.source(path, file), name);
    return {
      name: m.method.name,
      type: m.criteria.name,
      count: m.result === 'count',
      cases: criteriaCases(model, samples, build),
      unknownField: spellCriteria(build, [filterOf(build, 'noSuchField', 'equals', 'x')!]),
      unstorable: unstorableCriteria(model, build),
    };
  });
  if (tests.length > 0 || criteriaTests.some((t) => t.unstorable))
    imports.add(specifiers.generated(path, layout.persistenceErrors), 'InvalidValueError');
  if (criteriaTests.length > 0)
    imports.add(specifiers.source(path, criteriaMethods[0]!.criteria.file), criteriaMethods[0]!.criteria.name, { typeOnly: true });
  return {
    path,
    template: 'queries-test.ejs',
    source: port.file,
    data: {
      imports: imports.lines(),
      aggregate: aggregate.name,
      port: port.ports.map((p) => p.name).join(' & '),
      typeOrmClass: names.typeOrmRepositoryClass,
      inMemoryClass: names.inMemoryRepositoryClass,
      samples: Array.from({ length: SAMPLE_COUNT }, (_, i) => samples.construct(i)),
      count: SAMPLE_COUNT,
      idAccess: id.field.access,
      store: sampleWriter(model).store('sample'),
      tests,
      criteriaTests,
    },
  };
}

/** Filters and orders on every queryable field, with values the samples hold (text, as criteria carry them). */
function criteriaCases(model: PersistenceModel, samples: SampleSet, build: CriteriaBuild): { title: string; criteria: string }[] {
  const fields = queryableFields(model);
  const byName = new Map(model.fields.map((f) => [f.field.name, f]));
  const cases: { title: string; criteria: string }[] = [{ title: 'no filter, no order', criteria: spellCriteria(build, []) }];
  const add = (title: string, filters: (string | undefined)[], order?: [string, 'asc' | 'desc'], limit?: number, offset?: number) => {
    if (filters.some((f) => f === undefined)) return;
    cases.push({ title, criteria: spellCriteria(build, filters as string[], order, limit, offset) });
  };
  for (const field of fields) {
    const mapping = byName.get(field.name)!;
    const value = text(samples.value(mapping, 0).stored);
    if (value !== undefined) {
      for (const operator of ['equals', 'not', 'greaterThan', 'lessThan', 'greaterThanEqual', 'lessThanEqual'] as FilterOperator[]) {
        if (operator !== 'equals' && operator !== 'not' && (field.kind === 'boolean' || field.kind === 'enum')) continue;
        add(`${field.name} ${operator} ${value}`, [filterOf(build, field.name, operator, value)]);
      }
    }
    const wildcard = stringSample(mapping, samples);
    if (field.kind === 'string' && wildcard !== undefined) {
      // `_%` taken literally: only the samples that hold those characters match.
      for (const operator of ['containing', 'notContaining', 'startingWith', 'endingWith'] as FilterOperator[]) {
        const part = operator === 'startingWith' ? wildcard.slice(0, 3) : wildcard.slice(-2);
        add(`${field.name} ${operator} ${part}`, [filterOf(build, field.name, operator, part)]);
      }
    }
    if (build.order && field.kind !== 'enum') {
      add(`ordered by ${field.name} ascending, second and third`, [], [field.name, 'asc'], 2, 1);
      add(`ordered by ${field.name} descending`, [], [field.name, 'desc']);
    }
  }
  const [first, second] = fields.filter((f) => f.kind !== 'boolean' && !byName.get(f.name)!.column.primary);
  if (first && second) {
    const a = text(samples.value(byName.get(first.name)!, 0).stored);
    const b = text(samples.value(byName.get(second.name)!, 1).stored);
    if (a !== undefined && b !== undefined)
      add(`${first.name} equals ${a} and ${second.name} not ${b}`, [
        filterOf(build, first.name, 'equals', a),
        filterOf(build, second.name, 'not', b),
      ]);
  }
  return cases.map((c) => ({ ...c, title: tsLiteral(c.title) }));
}

/**
 * A criteria no database could compare exactly: a value outside an enum field's members (PostgreSQL would fail
 * with 22P02 where memory finds nothing), else a NUL in a string field (PostgreSQL: 22021).
 */
function unstorableCriteria(model: PersistenceModel, build: CriteriaBuild): { criteria: string; field: string } | undefined {
  const fields = queryableFields(model);
  const code = build.operators.find((o) => o.meaning === 'equals')?.code;
  if (code === undefined) return undefined;
  const enumField = fields.find((f) => f.kind === 'enum');
  const stringField = fields.find((f) => f.kind === 'string');
  const [field, value] = enumField ? [enumField.name, "'NOT A MEMBER'"] : stringField ? [stringField.name, "'a\\u0000b'"] : [];
  if (field === undefined || value === undefined) return undefined;
  return { criteria: spellCriteria(build, [fill(build.filter, { field: tsLiteral(field), operator: code, value })]), field };
}

/** A sample string with LIKE wildcards in it (`title alpha_%`), when the field has one. */
function stringSample(mapping: FieldMapping, samples: SampleSet): string | undefined {
  for (let i = 0; i < SAMPLE_COUNT; i++) {
    const stored = samples.value(mapping, i).stored;
    if (typeof stored === 'string' && stored.includes('_%')) return stored;
  }
  return undefined;
}

function text(stored: StoredValue): string | undefined {
  return stored === null ? undefined : String(stored);
}

function filterOf(build: CriteriaBuild, field: string, operator: FilterOperator, value: string): string | undefined {
  const code = build.operators.find((o) => o.meaning === operator)?.code;
  return code === undefined ? undefined : fill(build.filter, { field: tsLiteral(field), operator: code, value: tsLiteral(value) });
}

function spellCriteria(build: CriteriaBuild, filters: string[], order?: [string, 'asc' | 'desc'], limit = 100, offset = 0): string {
  const direction = (meaning: string) => build.directions.find((d) => d.meaning === meaning)?.code;
  const orderText =
    build.order === undefined
      ? ''
      : order && direction(order[1])
        ? fill(build.order, { field: tsLiteral(order[0]), direction: direction(order[1])! })
        : build.noOrder
          ? fill(build.order, build.noOrder)
          : fill(build.order, { field: "'id'", direction: direction('asc') ?? "'asc'" });
  return fill(build.criteria, { filters: filters.join(', '), order: orderText, limit: String(limit), offset: String(offset) });
}

/** Fills `{hole}`s in one pass, so a value never gets filled in again. */
function fill(template: string, holes: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => holes[name] ?? whole);
}

/**
 * How to spell a request as an object literal, or undefined when the test cannot: every member is read
 * directly (no value objects), and the direction is a literal (an enum would need its import).
 */
function literalRequest(method: PageMethod): ((limit: number, offset: number, order?: [string, 'asc' | 'desc']) => string) | undefined {
  const { request } = method;
  const member = (access: string | undefined) => (access && /^\.\w+$/.test(access) ? access.slice(1) : undefined);
  const limit = member(request.limit);
  const offset = member(request.offset);
  const page = member(request.page);
  if (!limit || (request.offset && !offset) || (request.page && !page)) return undefined;
  let order: { member: string; field: string; direction: string; asc: string | number; desc: string | number } | undefined;
  if (request.order) {
    const [, outer, field] = /^\.(\w+)\.(\w+)$/.exec(request.order.field) ?? [];
    const [, outerAgain, direction] = /^\.(\w+)\.(\w+)$/.exec(request.order.direction.access) ?? [];
    const asc = request.order.direction.values.find((v) => v.meaning === 'asc' && v.member === undefined);
    const desc = request.order.direction.values.find((v) => v.meaning === 'desc' && v.member === undefined);
    if (!outer || outer !== outerAgain || !field || !direction || !asc || !desc) return undefined;
    order = { member: outer, field, direction, asc: asc.value, desc: desc.value };
  }
  return (take, skip, by) => {
    const entries = [`${limit}: ${take}`];
    if (offset) entries.push(`${offset}: ${skip}`);
    if (page) entries.push(`${page}: ${Math.floor(skip / take)}`);
    // A required order with nothing asked: by id, which is the default anyway.
    const [field, direction] = by ?? ['id', 'asc'];
    if (order)
      entries.push(
        `${order.member}: { ${order.field}: ${tsLiteral(field)}, ${order.direction}: ${tsLiteral(direction === 'asc' ? order.asc : order.desc)} }`,
      );
    return `{ ${entries.join(', ')} }`;
  };
}

/** The samples of the queries suite: no looked-up fields, so samples 0 and 2 share values. */
export function queriesSamples(model: PersistenceModel, choices: SampleChoices = {}): SampleSet {
  return new SampleSet(model, new Set(), new Map(), uuidFields(model), choices);
}
