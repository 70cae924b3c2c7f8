import type { CriteriaMethod, PageMethod } from '../../src/map/dynamic-query-methods.js';
import type { FieldMapping, PersistenceModel } from '../../src/map/persistence-model.js';
import type { CriteriaBuild, FilterOperator } from '../../src/model/dynamic-query-model.js';
import { tsLiteral } from '../../src/render/ts-literal.js';
import { queryableFields } from '../dynamic-queries.js';
import { SAMPLE_COUNT, type SampleSet, type StoredValue } from '../test-samples.js';
import type { MethodEmitter, MethodOf, QuerySuite, QueryTest } from './method-emitter.js';

/**
 * A Criteria object or a page request, read at run time into a query (the feature's queries file) that the shared
 * support runs: as TypeORM find options, or as a predicate, a comparator and a page in memory.
 */
export const dynamicQuery: MethodEmitter<MethodOf<'criteria' | 'find-page'>> = {
  typeorm: (_method, plan, repository) => {
    const dynamic = plan.dynamic!;
    if (dynamic.count)
      return [
        `return this.orm.count({ where: queryWhere<${repository.entityClass}>(this.dialect, ${dynamic.fields}, ${dynamic.query}) });`,
      ];
    const models = 'models.map((model) => this.loaded(model))';
    return [
      `const query = ${dynamic.query};`,
      `const models = await ${repository.rows ? 'this.rootsMatching' : 'this.orm.find'}(queryFindOptions<${repository.entityClass}>(this.dialect, ${dynamic.fields}, '${repository.idProperty}', query));`,
      dynamic.page ? `return ${dynamic.page}(${models}, await this.orm.count(), query);` : `return ${models};`,
    ];
  },
  memory: (method, plan, repository) => {
    const dynamic = plan.dynamic!;
    if (dynamic.count) return [`return this.rowsMatching(queryPredicate(${dynamic.fields}, ${dynamic.query})).length;`];
    const loaded = 'pageOf(found, query).map((model) => this.aggregates.load(model))';
    return [
      `const query = ${dynamic.query};`,
      ...(method.kind === 'criteria'
        ? []
        : ['// queryPredicate checks the request as the database side does (orders, limit, offset), though it has no filters.']),
      `const found = this.rowsMatching(queryPredicate(${dynamic.fields}, query), queryComparator(${dynamic.fields}, '${repository.idProperty}', query));`,
      dynamic.page ? `return ${dynamic.page}(${loaded}, this.rows.size, query);` : `return ${loaded};`,
    ];
  },
  planRow: (method, model, layout) => {
    const fields = queryableFields(model)
      .map((f) => `\`${f.name}\``)
      .join(', ');
    if (method.kind === 'criteria') return criteriaRow(method, layout.queries, fields);
    return pageRow(method, layout.queries, fields, model.firstPage ?? 0);
  },
  queryTest: (method, suite) => (method.kind === 'criteria' ? criteriaTest(method, suite) : pageTest(method, suite)),
};

function criteriaRow(method: CriteriaMethod, queries: string, fields: string): string {
  const result =
    method.result === 'count'
      ? '`COUNT(*)` of the rows its filters select (its order and page do not apply)'
      : 'the rows its filters select, in its order, then by id, within its limit and offset';
  return `criteria: \`${method.criteria.name}\` read at run time (\`${queries}\`): ${result}; filters and order may name ${fields}, anything else is rejected`;
}

function pageRow(method: PageMethod, queries: string, fields: string, firstPage: 0 | 1): string {
  const page = method.page ? `, returned as a \`${method.page.name}\` with the total row count` : '';
  const { request } = method;
  const number =
    request.page && !request.offset ? ` (its \`${request.page.slice(1)}\` counted from ${firstPage}: "firstPage" in gen.config.json)` : '';
  return `page request: \`${request.name}\`${number} read at run time (\`${queries}\`): OFFSET/LIMIT over the roots, in the requested order, then by id${page}; the order may name ${fields}, anything else is rejected`;
}

/**
 * A page request's test: the TypeORM repository and the in-memory one, given the same aggregates, return the same
 * pages for several requests (each queryable field in both directions, offsets past the end), and both reject a
 * negative limit and an order on an unknown field. Only for requests the test can spell as object literals.
 */
function pageTest(method: PageMethod, { model, idAccess }: QuerySuite): QueryTest | undefined {
  const spell = literalRequest(method, model.firstPage ?? 0);
  if (!spell) return undefined;
  const name = method.method.name;
  const cases: { title: string; request: string }[] = [
    { title: 'the first page, in id order', request: spell(2, 0) },
    { title: 'the second page', request: spell(2, 2) },
    { title: 'a page past the end', request: spell(2, SAMPLE_COUNT + 2) },
  ].map((c) => ({ ...c, title: tsLiteral(c.title) }));
  if (method.request.order) {
    for (const field of queryableFields(model).filter((f) => f.kind !== 'enum')) {
      cases.push({ title: tsLiteral(`ordered by ${field.name} ascending`), request: spell(SAMPLE_COUNT, 0, [field.name, 'asc']) });
      cases.push({ title: tsLiteral(`the second page ordered by ${field.name} descending`), request: spell(2, 2, [field.name, 'desc']) });
    }
  }
  const items = method.page?.members.find((member) => member.role === 'items')?.name;
  const total = method.page?.members.find((member) => member.role === 'total')?.name;
  const unknownField = method.request.order ? spell(2, 0, ['noSuchField', 'asc']) : undefined;
  const ids = (found: string) => `${found}.map((item) => item${idAccess})`;
  // A page number, not an offset: pin which page is the first, which the two repositories would agree on either way.
  const readsPageNumber = method.request.page !== undefined && method.request.offset === undefined;
  const firstPage = model.firstPage ?? 0;
  return {
    lines: [
      `describe('${name}: the TypeORM repository and the in-memory one return the same pages', () => {`,
      `  const requests: [string, ${method.request.name}][] = [`,
      ...cases.map((c) => `    [${c.title}, ${c.request}],`),
      '  ];',
      '',
      "  it.each(requests)('%s', async (_title, request) => {",
      `    const [fromDatabase, fromMemory] = [await typeorm.${name}(request), await memory.${name}(request)];`,
      ...(items
        ? [
            `    expect(fromDatabase.${total ?? ''}).toBe(${SAMPLE_COUNT});`,
            `    expect({ ...fromDatabase, ${items}: ${ids(`fromDatabase.${items}`)} }).toEqual({ ...fromMemory, ${items}: ${ids(`fromMemory.${items}`)} });`,
            `    expect([...fromDatabase.${items}]).toStrictEqual([...fromMemory.${items}]);`,
          ]
        : [`    expect(${ids('fromDatabase')}).toEqual(${ids('fromMemory')});`, '    expect(fromDatabase).toStrictEqual(fromMemory);']),
      '  });',
      '',
      '',
      ...(readsPageNumber
        ? [
            `  it('page ${firstPage} is the first page, in both: its rows are the first in id order', async () => {`,
            '    for (const repository of [typeorm, memory]) {',
            `      const [first, all] = [await repository.${name}(${spell(2, 0)}), await repository.${name}(${spell(SAMPLE_COUNT, 0)})];`,
            `      expect(${ids(items ? `first.${items}` : 'first')}).toEqual(${ids(items ? `all.${items}` : 'all')}.slice(0, 2));`,
            '    }',
            '  });',
            '',
          ]
        : []),
      "  it('rejects a negative limit, in both: InvalidValueError', async () => {",
      '    for (const repository of [typeorm, memory]) {',
      `      const finding = repository.${name}(${spell(-1, 0)});`,
      '      await expect(finding).rejects.toThrow(InvalidValueError);',
      `      await expect(finding).rejects.toMatchObject({ subject: '${name}', field: 'limit' });`,
      '    }',
      '  });',
      ...(unknownField
        ? [
            '',
            "  it('rejects an order on a field the aggregate does not have, in both', async () => {",
            `    await expect(typeorm.${name}(${unknownField})).rejects.toThrow("${name}: unknown field 'noSuchField'");`,
            `    await expect(memory.${name}(${unknownField})).rejects.toThrow("${name}: unknown field 'noSuchField'");`,
            '  });',
          ]
        : []),
      '});',
    ],
    imports: [{ name: method.request.name, file: method.request.file, typeOnly: true }],
    errors: ['InvalidValueError'],
  };
}

/**
 * A Criteria method's test: both repositories agree on criteria that filter and order on every queryable field, and
 * both reject a filter on an unknown field and a value its column could not hold. Only where gen knows how the
 * project builds its criteria.
 */
function criteriaTest(method: CriteriaMethod, { model, samples, idAccess }: QuerySuite): QueryTest | undefined {
  const build = method.criteria.build && withLocalNames(method.criteria.build, domainNames(model));
  if (!build) return undefined;
  const name = method.method.name;
  const unknownField = spellCriteria(build, [filterOf(build, 'noSuchField', 'equals', 'x')!]);
  const unstorable = unstorableCriteria(model, build);
  return {
    lines: [
      `describe('${name}: the TypeORM repository and the in-memory one agree on each criteria', () => {`,
      `  const criteria: [string, ${method.criteria.name}][] = [`,
      ...criteriaCases(model, samples, build).map((c) => `    [${c.title}, ${c.criteria}],`),
      '  ];',
      '',
      "  it.each(criteria)('%s', async (_title, asked) => {",
      `    const [fromDatabase, fromMemory] = [await typeorm.${name}(asked), await memory.${name}(asked)];`,
      ...(method.result === 'count'
        ? ['    expect(fromDatabase).toBe(fromMemory);']
        : [
            `    expect(fromDatabase.map((item) => item${idAccess})).toEqual(fromMemory.map((item) => item${idAccess}));`,
            '    expect(fromDatabase).toStrictEqual(fromMemory);',
          ]),
      '  });',
      '',
      "  it('rejects a filter on a field the aggregate does not have, in both', async () => {",
      `    await expect(typeorm.${name}(${unknownField})).rejects.toThrow("${name}: unknown field 'noSuchField'");`,
      `    await expect(memory.${name}(${unknownField})).rejects.toThrow("${name}: unknown field 'noSuchField'");`,
      '  });',
      ...(unstorable
        ? [
            '',
            `  it('rejects a value its column could not hold in a filter on ${unstorable.field}, in both: InvalidValueError', async () => {`,
            '    for (const repository of [typeorm, memory]) {',
            `      const finding = repository.${name}(${unstorable.criteria});`,
            '      await expect(finding).rejects.toThrow(InvalidValueError);',
            `      await expect(finding).rejects.toMatchObject({ subject: '${name}', field: '${unstorable.field}' });`,
            '    }',
            '  });',
          ]
        : []),
      '});',
    ],
    imports: [
      ...build.imports.map(({ name, file, local }) => ({ name, file, ...(local === undefined ? {} : { local }) })),
      { name: method.criteria.name, file: method.criteria.file, typeOnly: true },
    ],
    errors: unstorable ? ['InvalidValueError'] : [],
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

/** The names the queries test imports from the domain: the aggregate's and those of its fields' types. */
function domainNames(model: PersistenceModel): Set<string> {
  const named = [...model.fields.map((f) => f.field.type), ...model.children.map((c) => c.field.type)].flatMap((type) =>
    'name' in type ? [type.name] : [],
  );
  return new Set([model.aggregate.name, ...named]);
}

/** A criteria build whose imports may each take a local name. */
type LocalBuild = Omit<CriteriaBuild, 'imports'> & { imports: { name: string; file: string; local?: string }[] };

/**
 * The criteria library's classes the test constructs, those named like a domain type (CodelyTV's `Order` beside an
 * `Order` aggregate) imported under a name of their own (`CriteriaOrder`), and the spellings renamed to match.
 */
function withLocalNames(build: CriteriaBuild, taken: ReadonlySet<string>): LocalBuild {
  const clashing = build.imports.filter((i) => taken.has(i.name)).map((i) => i.name);
  if (clashing.length === 0) return build;
  const local = (name: string) => `Criteria${name}`;
  // The name as code (`new Order(`, `Order.none()`), never inside a string literal or as a member (`x.Order`).
  const rename = (code: string) =>
    clashing.reduce((text, name) => text.replace(new RegExp(`(?<![.'"\\w$])${name}(?![\\w$'"])`, 'g'), local(name)), code);
  return {
    ...build,
    criteria: rename(build.criteria),
    filter: rename(build.filter),
    ...(build.order === undefined ? {} : { order: rename(build.order) }),
    operators: build.operators.map((o) => ({ ...o, code: rename(o.code) })),
    directions: build.directions.map((d) => ({ ...d, code: rename(d.code) })),
    imports: build.imports.map((i) => (clashing.includes(i.name) ? { ...i, local: local(i.name) } : i)),
  };
}

/** Fills `{hole}`s in one pass, so a value never gets filled in again. */
function fill(template: string, holes: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => holes[name] ?? whole);
}

/**
 * How to spell a request as an object literal, or undefined when the test cannot: every member is read
 * directly (no value objects), and the direction is a literal (an enum would need its import).
 */
function literalRequest(
  method: PageMethod,
  firstPage: 0 | 1,
): ((limit: number, offset: number, order?: [string, 'asc' | 'desc']) => string) | undefined {
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
    if (page) entries.push(`${page}: ${Math.floor(skip / take) + firstPage}`);
    // A required order with nothing asked: by id, which is the default anyway.
    const [field, direction] = by ?? ['id', 'asc'];
    if (order)
      entries.push(
        `${order.member}: { ${order.field}: ${tsLiteral(field)}, ${order.direction}: ${tsLiteral(direction === 'asc' ? order.asc : order.desc)} }`,
      );
    return `{ ${entries.join(', ')} }`;
  };
}
