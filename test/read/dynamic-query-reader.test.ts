import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/config/project-config.js';
import { mapFeature } from '../../src/map/map-feature.js';
import type { RepositoryMethod } from '../../src/map/persistence-model.js';
import { readDomain } from '../../src/read/domain-reader.js';
import { directionMeaning, operatorMeaning } from '../../src/read/dynamic-query-reader.js';
import { ACADEMY, SHELF } from '../fixtures/dynamic-queries.js';
import { withPortMethods } from '../support/fixtures.js';
import { writeProject } from '../support/projects.js';
import { loadProjectContext } from '../../src/project-context.js';

const ACADEMY_PORT = 'src/domain/aggregates/academy/course.repository.ts';
const SHELF_PORT = 'src/domain/aggregates/shelf/book.repository.ts';
const SHELF_PAGE = 'src/domain/aggregates/shelf/paginated.ts';

function methods(files: Record<string, string>, feature: string): Record<string, RepositoryMethod> {
  const model = mapFeature(readDomain(loadProjectContext(writeProject(files)), DEFAULT_CONFIG, feature));
  return Object.fromEntries(model.methods.map((m) => [m.method.name, m]));
}

/** The Order fixture's port with extra types beside it (a Criteria of the test's own shape, say). */
function orderWith(types: string, portMethods: string): Record<string, string> {
  const files = withPortMethods(`  save(order: Order): Promise<void>;\n${portMethods}`);
  const port = 'src/domain/aggregates/ordering/order.repository.ts';
  return {
    ...files,
    'src/domain/aggregates/ordering/queries.ts': `import { Order } from './order';\n${types}`,
    [port]: files[port].replace("import { Order } from './order';", "import { Order } from './order';\nimport * as q from './queries';"),
  };
}

describe('operator and direction spellings', () => {
  it.each([
    ['=', 'equals'],
    ['EQUAL', 'equals'],
    ['!=', 'not'],
    ['NOT_EQUAL', 'not'],
    ['>', 'greaterThan'],
    ['gte', 'greaterThanEqual'],
    ['LT', 'lessThan'],
    ['<=', 'lessThanEqual'],
    ['CONTAINS', 'containing'],
    ['not_contains', 'notContaining'],
    ['startsWith', 'startingWith'],
    ['ENDS_WITH', 'endingWith'],
    ['LIKE', undefined],
    ['=>', undefined],
  ])('reads operator %s as %s', (text, meaning) => {
    expect(operatorMeaning(text)).toBe(meaning);
  });

  it.each([
    ['asc', 'asc'],
    ['DESCENDING', 'desc'],
    ['none', 'none'],
    ['sideways', undefined],
  ])('reads direction %s as %s', (text, meaning) => {
    expect(directionMeaning(text)).toBe(meaning);
  });
});

describe('a Criteria in the CodelyTV shape', () => {
  it('is read through its value objects: the filter list, each filter part, the operator enum, the order, limit and offset', () => {
    const { matching, search, countMatching } = methods(ACADEMY, 'academy');

    expect(matching?.kind).toBe('criteria');
    if (matching?.kind !== 'criteria') return;
    expect(matching.result).toBe('many');
    expect(search).toMatchObject({ kind: 'criteria', result: 'many' });
    expect(countMatching).toMatchObject({ kind: 'criteria', result: 'count' });
    const { criteria } = matching;
    expect([
      criteria.name,
      criteria.file,
      criteria.filters,
      criteria.filter.field,
      criteria.filter.value,
      criteria.filter.operator.access,
    ]).toEqual([
      'Criteria',
      'src/domain/shared/criteria/criteria.ts',
      '.filters.filters',
      '.field.value',
      '.value.value',
      '.operator.value',
    ]);
    expect(criteria.filter.operator.values.map((v) => [v.value, v.meaning])).toEqual([
      ['=', 'equals'],
      ['!=', 'not'],
      ['>', 'greaterThan'],
      ['<', 'lessThan'],
      ['CONTAINS', 'containing'],
      ['NOT_CONTAINS', 'notContaining'],
    ]);
    expect(criteria.order?.field).toBe('.order.orderBy.value');
    expect(criteria.order?.direction.access).toBe('.order.orderType.value');
    expect(criteria.order?.direction.values.map((v) => [v.value, v.meaning])).toEqual([
      ['asc', 'asc'],
      ['desc', 'desc'],
      ['none', 'none'],
    ]);
    expect([criteria.limit, criteria.offset]).toEqual(['.limit', '.offset']);
    // How the generated contract test builds one: through each class's public constructor, enums by member.
    expect(criteria.build).toMatchObject({
      criteria: 'new Criteria(new Filters([{filters}]), {order}, {limit}, {offset})',
      filter: 'new Filter(new FilterField({field}), new FilterOperator({operator}), new FilterValue({value}))',
      order: 'new Order(new OrderBy({field}), new OrderType({direction}))',
      noOrder: { field: "''", direction: 'OrderTypes.NONE' },
    });
    expect(criteria.build?.operators.map((o) => o.code)).toEqual([
      'Operator.EQUAL',
      'Operator.NOT_EQUAL',
      'Operator.GT',
      'Operator.LT',
      'Operator.CONTAINS',
      'Operator.NOT_CONTAINS',
    ]);
    expect(criteria.build?.imports.map((i) => i.name).sort()).toEqual([
      'Criteria',
      'Filter',
      'FilterField',
      'FilterOperator',
      'FilterValue',
      'Filters',
      'Operator',
      'Order',
      'OrderBy',
      'OrderType',
      'OrderTypes',
    ]);
  });

  it('leaves a method that returns something else than aggregates or a count to be written by hand', () => {
    const files = {
      ...ACADEMY,
      [ACADEMY_PORT]: ACADEMY[ACADEMY_PORT].replace(
        'countMatching(criteria: Criteria): Promise<number>;',
        'namesMatching(criteria: Criteria): Promise<string[]>;',
      ),
    };

    expect(methods(files, 'academy')['namesMatching']?.kind).toBe('hand-written');
  });
});

describe('a Criteria of plain members', () => {
  it('is read from a plain filter list with an optional order; literal operators gen cannot read are kept, to be rejected at run time', () => {
    const types = `export type Filter = { field: string; operator: '=' | '>=' | 'LIKE'; value: unknown };
export interface Criteria { filters?: Filter[]; sort?: { field: string; direction: 'ASC' | 'DESC' }; take?: number; skip?: number }
`;
    const { query } = methods(orderWith(types, '  query(criteria: q.Criteria): Promise<Order[]>;'), 'ordering');

    expect(query?.kind).toBe('criteria');
    if (query?.kind !== 'criteria') return;
    expect(query.criteria).toMatchObject({ filters: '.filters', filtersMayBeAbsent: true, limit: '.take', offset: '.skip' });
    expect(query.criteria.filter.operator.values.map((v) => v.meaning)).toEqual(['equals', 'greaterThanEqual']);
    expect(query.criteria.filter.operator.unknown).toEqual(['LIKE']);
    expect(query.criteria.order).toMatchObject({ field: '.sort?.field', direction: { access: '.sort?.direction' } });
    expect(query.criteria.build).toMatchObject({
      criteria: '{ filters: [{filters}], sort: {order}, take: {limit}, skip: {offset} }',
      filter: '{ field: {field}, operator: {operator}, value: {value} }',
    });
  });

  it('is not recognised without an operator: the method is hand-written', () => {
    const types = `export interface Criteria { filters: { field: string; value: string }[] }\n`;

    expect(methods(orderWith(types, '  query(criteria: q.Criteria): Promise<Order[]>;'), 'ordering')['query']?.kind).toBe('hand-written');
  });

  it('is not recognised when no operator value has a known meaning', () => {
    const types = `export interface Criteria { filters: { field: string; operator: 'LIKE' | 'REGEX'; value: string }[] }\n`;

    expect(methods(orderWith(types, '  query(criteria: q.Criteria): Promise<Order[]>;'), 'ordering')['query']?.kind).toBe('hand-written');
  });
});

describe('a page request and the page type', () => {
  it("reads domain-driven-hexagon's PaginatedQueryParams and Paginated<T>, built from a props object", () => {
    const { findAllPaginated } = methods(SHELF, 'shelf');

    expect(findAllPaginated?.kind).toBe('find-page');
    if (findAllPaginated?.kind !== 'find-page') return;
    expect(findAllPaginated.request).toMatchObject({
      name: 'PaginatedQueryParams',
      file: SHELF_PAGE,
      limit: '.limit',
      offset: '.offset',
      page: '.page',
    });
    expect(findAllPaginated.request.order).toMatchObject({ field: '.orderBy.field', direction: { access: '.orderBy.param' } });
    expect(findAllPaginated.page).toEqual({
      name: 'Paginated',
      file: SHELF_PAGE,
      item: 'Book',
      build: 'props-object',
      members: [
        { name: 'count', role: 'total' },
        { name: 'limit', role: 'limit' },
        { name: 'page', role: 'page' },
        { name: 'data', role: 'items' },
      ],
    });
  });

  it('builds a page positionally when its constructor takes the parts one by one, and as an object literal when it is an interface', () => {
    const types = `export class Page<T> {
  constructor(readonly items: T[], readonly total: number, readonly offset: number) {}
}
export interface Slice<T> { results: T[]; totalCount: number; pageSize?: number }
export type Request = { take: number; skip: number; orderBy?: { field: string; direction: 'asc' | 'desc' } };
`;
    const found = methods(
      orderWith(
        types,
        '  page(request: q.Request): Promise<q.Page<Order>>;\n  slice(request: q.Request): Promise<q.Slice<Order>>;\n  list(request: q.Request): Promise<Order[]>;',
      ),
      'ordering',
    );

    expect(found['page']).toMatchObject({
      kind: 'find-page',
      page: {
        build: 'positional',
        members: [
          { name: 'items', role: 'items' },
          { name: 'total', role: 'total' },
          { name: 'offset', role: 'offset' },
        ],
      },
    });
    expect(found['slice']).toMatchObject({
      kind: 'find-page',
      page: {
        build: 'object-literal',
        members: [
          { name: 'results', role: 'items' },
          { name: 'totalCount', role: 'total' },
          { name: 'pageSize', role: 'limit' },
        ],
      },
    });
    expect(found['list']).toMatchObject({ kind: 'find-page', request: { limit: '.take', offset: '.skip' } });
    expect(found['list']).not.toHaveProperty('page');
  });

  it('leaves a request with a member gen does not know (a search text) to be written by hand, rather than ignore it', () => {
    const files = {
      ...SHELF,
      [SHELF_PAGE]: SHELF[SHELF_PAGE].replace('  orderBy: OrderBy;\n};', '  orderBy: OrderBy;\n  search: string;\n};'),
    };

    expect(methods(files, 'shelf')['findAllPaginated']?.kind).toBe('hand-written');
  });

  it('leaves a page type with a member it cannot fill to be written by hand', () => {
    const files = {
      ...SHELF,
      [SHELF_PORT]: SHELF[SHELF_PORT],
      [SHELF_PAGE]: SHELF[SHELF_PAGE].replace(
        '  readonly data: readonly T[];\n',
        '  readonly data: readonly T[];\n  readonly cursor: string = "";\n',
      ),
    };

    expect(methods(files, 'shelf')['findAllPaginated']?.kind).toBe('hand-written');
  });
});
