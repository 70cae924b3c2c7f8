import { describe, expect, it } from 'vitest';
import { ACADEMY, SHELF } from '../../fixtures/dynamic-queries.js';
import { featureModel, queryTestOf } from './method-fixture.js';

// Criteria and page requests are tested in the queries suite: given a port method, want its describe block and imports.
describe('the queries-suite blocks of page requests and Criteria', () => {
  it('compares the pages of both repositories for requests on every queryable field, and rejects a negative limit and an unknown field', () => {
    const request = (limit: number, offset: number, page: number, field = 'id', direction = 'asc') =>
      `{ limit: ${limit}, offset: ${offset}, page: ${page}, orderBy: { field: '${field}', param: '${direction}' } }`;
    const ordered = (field: string) => [
      `    ['ordered by ${field} ascending', ${request(4, 0, 0, field)}],`,
      `    ['the second page ordered by ${field} descending', ${request(2, 2, 1, field, 'desc')}],`,
    ];
    expect(queryTestOf(featureModel(SHELF, 'shelf'), 'findAllPaginated')).toEqual({
      lines: [
        "describe('findAllPaginated: the TypeORM repository and the in-memory one return the same pages', () => {",
        '  const requests: [string, PaginatedQueryParams][] = [',
        `    ['the first page, in id order', ${request(2, 0, 0)}],`,
        `    ['the second page', ${request(2, 2, 1)}],`,
        `    ['a page past the end', ${request(2, 6, 3)}],`,
        ...['id', 'title', 'pages', 'publishedAt', 'subtitle'].flatMap(ordered),
        '  ];',
        '',
        "  it.each(requests)('%s', async (_title, request) => {",
        '    const [fromDatabase, fromMemory] = [await typeorm.findAllPaginated(request), await memory.findAllPaginated(request)];',
        '    expect(fromDatabase.count).toBe(4);',
        '    expect({ ...fromDatabase, data: fromDatabase.data.map((item) => item.id) }).toEqual({ ...fromMemory, data: fromMemory.data.map((item) => item.id) });',
        '    expect([...fromDatabase.data]).toStrictEqual([...fromMemory.data]);',
        '  });',
        '',
        '',
        "  it('rejects a negative limit, in both: InvalidValueError', async () => {",
        '    for (const repository of [typeorm, memory]) {',
        `      const finding = repository.findAllPaginated(${request(-1, 0, 0)});`,
        '      await expect(finding).rejects.toThrow(InvalidValueError);',
        "      await expect(finding).rejects.toMatchObject({ subject: 'findAllPaginated', field: 'limit' });",
        '    }',
        '  });',
        '',
        "  it('rejects an order on a field the aggregate does not have, in both', async () => {",
        `    await expect(typeorm.findAllPaginated(${request(2, 0, 0, 'noSuchField')})).rejects.toThrow("findAllPaginated: unknown field 'noSuchField'");`,
        `    await expect(memory.findAllPaginated(${request(2, 0, 0, 'noSuchField')})).rejects.toThrow("findAllPaginated: unknown field 'noSuchField'");`,
        '  });',
        '});',
      ],
      imports: [{ name: 'PaginatedQueryParams', file: 'src/domain/aggregates/shelf/paginated.ts', typeOnly: true }],
      errors: ['InvalidValueError'],
    });
  });

  describe('Criteria', () => {
    const academy = featureModel(ACADEMY, 'academy');
    const criteria = (filters: string, order = "new OrderBy(''), new OrderType(OrderTypes.NONE)", limit = 100, offset = 0) =>
      `new Criteria(new Filters([${filters}]), new Order(${order}), ${limit}, ${offset})`;
    const filter = (field: string, operator: string, value: string) =>
      `new Filter(new FilterField('${field}'), new FilterOperator(Operator.${operator}), new FilterValue('${value}'))`;

    it('compares what both repositories find for criteria built as the project builds them, and rejects an unknown field and an unstorable value', () => {
      const test = queryTestOf(academy, 'matching')!;
      const cases = test.lines.filter((line) => line.startsWith('    ['));
      expect(cases.slice(0, 3)).toEqual([
        `    ['no filter, no order', ${criteria('')}],`,
        `    ['id equals course-1', ${criteria(filter('id', 'EQUAL', 'course-1'))}],`,
        `    ['id not course-1', ${criteria(filter('id', 'NOT_EQUAL', 'course-1'))}],`,
      ]);
      expect(cases).toContain(`    ['name containing _%', ${criteria(filter('name', 'CONTAINS', '_%'))}],`);
      expect(cases).toContain(
        `    ['ordered by name ascending, second and third', ${criteria('', "new OrderBy('name'), new OrderType(OrderTypes.ASC)", 2, 1)}],`,
      );
      const unknown = criteria(filter('noSuchField', 'EQUAL', 'x'));
      expect(test.lines.slice(cases.length + 2)).toEqual([
        '  ];',
        '',
        "  it.each(criteria)('%s', async (_title, asked) => {",
        '    const [fromDatabase, fromMemory] = [await typeorm.matching(asked), await memory.matching(asked)];',
        '    expect(fromDatabase.map((item) => item.id)).toEqual(fromMemory.map((item) => item.id));',
        '    expect(fromDatabase).toStrictEqual(fromMemory);',
        '  });',
        '',
        "  it('rejects a filter on a field the aggregate does not have, in both', async () => {",
        `    await expect(typeorm.matching(${unknown})).rejects.toThrow("matching: unknown field 'noSuchField'");`,
        `    await expect(memory.matching(${unknown})).rejects.toThrow("matching: unknown field 'noSuchField'");`,
        '  });',
        '',
        // An enum field's non-member: PostgreSQL would fail where memory finds nothing.
        "  it('rejects a value its column could not hold in a filter on level, in both: InvalidValueError', async () => {",
        '    for (const repository of [typeorm, memory]) {',
        `      const finding = repository.matching(${criteria(filter('level', 'EQUAL', 'NOT A MEMBER'))});`,
        '      await expect(finding).rejects.toThrow(InvalidValueError);',
        "      await expect(finding).rejects.toMatchObject({ subject: 'matching', field: 'level' });",
        '    }',
        '  });',
        '});',
      ]);
      expect(test.imports).toContainEqual({ name: 'Criteria', file: 'src/domain/shared/criteria/criteria.ts', typeOnly: true });
      expect(test.imports).toContainEqual({ name: 'Operator', file: 'src/domain/shared/criteria/filter-operator.ts' });
      expect(test.errors).toEqual(['InvalidValueError']);
    });

    it('compares the counts of a counting Criteria method', () => {
      const lines = queryTestOf(academy, 'countMatching')!.lines;
      expect(lines[0]).toBe("describe('countMatching: the TypeORM repository and the in-memory one agree on each criteria', () => {");
      expect(lines).toContain('    expect(fromDatabase).toBe(fromMemory);');
      expect(lines).not.toContain('    expect(fromDatabase).toStrictEqual(fromMemory);');
    });

    it('has no block for the other kinds', () => {
      expect(queryTestOf(academy, 'findById')).toBeUndefined();
    });
  });
});
