import type { PageMethod } from '../src/map/dynamic-query-methods.js';
import type { Artifact, GeneratorContext } from '../src/render/artifact.js';
import { ImportSet } from '../src/render/imports.js';
import { tsLiteral } from '../src/render/ts-literal.js';
import { addDomainTypeImports } from './domain-imports.js';
import { dynamicMethods, queryableFields } from './dynamic-queries.js';
import { SAMPLE_COUNT, SampleSet } from './test-samples.js';

/**
 * A contract test of the page-request methods: the TypeORM repository and the in-memory one, given the same
 * aggregates, return the same pages for several requests (each queryable field in both directions, offsets past
 * the end), and both reject an order on an unknown field. Written for requests that are plain objects, which the
 * test can spell as literals; the path sits beside the repository test (`order.repository.queries.test.ts`).
 */
export function queriesTest({ model, layout, specifiers, testRunner }: GeneratorContext): Artifact | undefined {
  const methods = dynamicMethods(model).filter((m): m is PageMethod => m.kind === 'find-page' && literalRequest(m) !== undefined);
  if (methods.length === 0) return undefined;
  const path = layout.test.replace(/\.test\.ts$/, '.queries.test.ts');
  const { names, aggregate, port } = model;
  const samples = new SampleSet(model, new Set(), new Map());
  const imports = new ImportSet()
    .addSideEffect('reflect-metadata')
    .add(testRunner.module, 'afterAll')
    .add(testRunner.module, 'beforeAll')
    .add(testRunner.module, 'describe')
    .add(testRunner.module, 'expect')
    .add(testRunner.module, 'it')
    .add('typeorm', 'DataSource', { typeOnly: true })
    .add(specifiers.source(path, aggregate.file), aggregate.name)
    .add(specifiers.source(path, port.file), port.name, { typeOnly: true })
    .add(specifiers.generated(path, layout.repository), names.typeOrmRepositoryClass)
    .add(specifiers.generated(path, layout.inMemoryRepository), names.inMemoryRepositoryClass)
    .add(specifiers.generated(path, layout.testDatabase), 'openTestDatabase')
    .add(specifiers.generated(path, layout.testDatabase), 'TestDatabase', { typeOnly: true });
  addDomainTypeImports(imports, specifiers, path, [...model.fields.map((f) => f.field.type), ...model.children.map((c) => c.field.type)], { valueObjects: 'value', enums: 'value' });
  const id = model.fields.find((f) => f.column.primary)!;
  const fields = queryableFields(model).map((f) => f.name);
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
      for (const field of fields) {
        cases.push({ title: tsLiteral(`ordered by ${field} ascending`), request: spell(SAMPLE_COUNT, 0, [field, 'asc']) });
        cases.push({ title: tsLiteral(`the second page ordered by ${field} descending`), request: spell(2, 2, [field, 'desc']) });
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
    };
  });
  return {
    path,
    template: 'queries-test.ejs',
    source: port.file,
    data: {
      imports: imports.lines(),
      aggregate: aggregate.name,
      port: port.name,
      typeOrmClass: names.typeOrmRepositoryClass,
      inMemoryClass: names.inMemoryRepositoryClass,
      samples: Array.from({ length: SAMPLE_COUNT }, (_, i) => samples.construct(i)),
      count: SAMPLE_COUNT,
      idAccess: id.field.access,
      save: model.methods.find((m) => m.kind === 'save')!.method.name,
      tests,
    },
  };
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
    if (order) entries.push(`${order.member}: { ${order.field}: ${tsLiteral(field)}, ${order.direction}: ${tsLiteral(direction === 'asc' ? order.asc : order.desc)} }`);
    return `{ ${entries.join(', ')} }`;
  };
}
