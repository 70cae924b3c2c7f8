import { describe, expect, it } from 'vitest';
import { looksDerived, parseDerivedQuery, QueryParseError, type ParsedQuery } from '../../src/map/derived-query-parser.js';

const FIELDS = ['id', 'status', 'customerEmail', 'orderDate', 'order', 'paid', 'name', 'notes', 'total'];

/** Shorthand: `field:operator[:ic]` predicates, `|` between OR groups. */
function where(spec: string): ParsedQuery['where'] {
  return spec.split(' | ').map((group) =>
    group.split(' ').map((p) => {
      const [field, operator, ic] = p.split(':');
      return { field: field, operator: (operator ?? 'equals') as never, ignoreCase: ic === 'ic' };
    }),
  );
}

describe('parseDerivedQuery', () => {
  it.each<[string, Partial<ParsedQuery>]>([
    ['findByStatus', { action: 'find', where: where('status') }],
    ['getOrderByCustomerEmail', { action: 'find', where: where('customerEmail') }],
    ['readByStatusAndPaid', { where: where('status paid') }],
    ['queryByStatusOrPaid', { where: where('status | paid') }],
    ['searchByStatusAndPaidOrCustomerEmail', { where: where('status paid | customerEmail') }],
    ['streamByOrderDate', { where: where('orderDate') }],
    ['findByOrderOrStatus', { where: where('order | status') }],
    ['findByOrderDateOrOrder', { where: where('orderDate | order') }],
    ['findByStatusNot', { where: where('status:not') }],
    ['findByStatusIsNot', { where: where('status:not') }],
    ['findByStatusIn', { where: where('status:in') }],
    ['findByStatusNotIn', { where: where('status:notIn') }],
    ['findByTotalLessThan', { where: where('total:lessThan') }],
    ['findByTotalLessThanEqual', { where: where('total:lessThanEqual') }],
    ['findByTotalGreaterThan', { where: where('total:greaterThan') }],
    ['findByTotalGreaterThanEqual', { where: where('total:greaterThanEqual') }],
    ['findByTotalBetween', { where: where('total:between') }],
    ['findByOrderDateBefore', { where: where('orderDate:lessThan') }],
    ['findByOrderDateAfter', { where: where('orderDate:greaterThan') }],
    ['findByNotesIsNull', { where: where('notes:isNull') }],
    ['findByNotesNull', { where: where('notes:isNull') }],
    ['findByNotesIsNotNull', { where: where('notes:isNotNull') }],
    ['findByNotesNotNull', { where: where('notes:isNotNull') }],
    ['findByPaidTrue', { where: where('paid:true') }],
    ['findByPaidIsFalse', { where: where('paid:false') }],
    ['findByNameLike', { where: where('name:like') }],
    ['findByNameNotLike', { where: where('name:notLike') }],
    ['findByNameStartingWith', { where: where('name:startingWith') }],
    ['findByNameStartsWith', { where: where('name:startingWith') }],
    ['findByNameEndingWith', { where: where('name:endingWith') }],
    ['findByNameContaining', { where: where('name:containing') }],
    ['findByNameContains', { where: where('name:containing') }],
    ['findByNameIgnoreCase', { where: where('name:equals:ic') }],
    ['findByNameContainingIgnoreCase', { where: where('name:containing:ic') }],
    ['findByNameAndCustomerEmailAllIgnoreCase', { where: where('name customerEmail'), allIgnoreCase: true }],
    ['findByNameAllIgnoringCaseOrderByName', { where: where('name'), allIgnoreCase: true, orderBy: [{ field: 'name', direction: 'asc' }] }],
    ['findByNameIsAndStatusEquals', { where: where('name status') }],
    ['findByNotesAndNotesNot', { where: where('notes notes:not') }],
    ['findFirstByStatus', { action: 'find', limit: 1, where: where('status') }],
    ['findTopByStatus', { limit: 1 }],
    ['findTop10ByStatus', { limit: 10 }],
    ['findTop3OrdersByStatusOrderByTotalDesc', { limit: 3, where: where('status'), orderBy: [{ field: 'total', direction: 'desc' }] }],
    [
      'findByStatusOrderByTotalDescNameAsc',
      {
        orderBy: [
          { field: 'total', direction: 'desc' },
          { field: 'name', direction: 'asc' },
        ],
      },
    ],
    ['findByStatusOrderByName', { orderBy: [{ field: 'name', direction: 'asc' }] }],
    ['findAllByOrderByName', { where: [], orderBy: [{ field: 'name', direction: 'asc' }] }],
    ['findByOrderOrderByOrderDesc', { where: where('order'), orderBy: [{ field: 'order', direction: 'desc' }] }],
    ['countByStatus', { action: 'count', where: where('status') }],
    ['existsByCustomerEmail', { action: 'exists', where: where('customerEmail') }],
    ['deleteByStatus', { action: 'delete', where: where('status') }],
    ['removeByPaidFalse', { action: 'delete', where: where('paid:false') }],
  ])('%s', (name, expected) => {
    const parsed = parseDerivedQuery(name, FIELDS);

    expect(parsed).toMatchObject({ action: 'find', where: expect.anything(), orderBy: [], allIgnoreCase: false, ...expected });
    if (!('limit' in expected)) expect(parsed.limit).toBeUndefined();
  });

  it.each([
    [
      'findByColour',
      "no field 'colour' for 'findByColour'",
      /Fields: id, status, customerEmail, orderDate, order, paid, name, notes, total\. Did you mean '\w+'\?/,
    ],
    ['findByStatuz', "no field 'statuz' for 'findByStatuz'", /Did you mean 'status'\?/],
    ['findByCustomerEmai', "no field 'customerEmai' for 'findByCustomerEmai'", /Did you mean 'customerEmail'\?/],
    ['findByStatusAndColour', "no field 'colour' for 'findByStatusAndColour'", /Did you mean/],
    ['findByPaidx', "no field 'paidx' for 'findByPaidx'", /Did you mean 'paid'\?/],
    [
      'findByStatusFoo',
      "cannot read 'Foo' in 'findByStatusFoo'",
      /After a field comes an operator \(.*Between.*\), IgnoreCase, And, Or or OrderBy/,
    ],
    ['findByStatusOrderByColour', "no field 'colour' for 'findByStatusOrderByColour'", /Did you mean/],
    ['findTop0ByStatus', "'Top0' asks for no results", /N >= 1/],
  ])('rejects %s', (name, message, hint) => {
    let error: unknown;
    try {
      parseDerivedQuery(name, FIELDS);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(QueryParseError);
    expect((error as QueryParseError).message).toBe(message);
    expect((error as QueryParseError).hint).toMatch(hint);
  });

  it.each([
    ['findByStatus', true],
    ['getUserByEmail', true],
    ['countByStatus', true],
    ['deleteByStatus', true],
    ['findAll', false],
    ['save', false],
    ['findDormant', false],
    ['findBy', false],
    ['byStatus', false],
  ])('looksDerived(%s) is %s', (name, expected) => {
    expect(looksDerived(name)).toBe(expected);
  });
});

describe('the words between the verb and By', () => {
  it.each([
    ['findApiKeysByOwner', 'APIKey'],
    ['findAPIKeysByOwner', 'ApiKey'],
    ['findSkusByOwner', 'SKU'],
    ['findSkuByOwner', 'SKU'],
    ['findOauthTokensByOwner', 'OAuthToken'],
    ['findAllLinesByOwner', 'OrderLine'],
  ])('read `%s` as naming the aggregate %s, whatever the case', (name, aggregate) => {
    expect(parseDerivedQuery(name, ['owner'], aggregate).where).toEqual(where('owner'));
  });

  it('still refuse a word that narrows the query, in any case', () => {
    expect(() => parseDerivedQuery('findActiveApiKeysByOwner', ['owner'], 'APIKey')).toThrow(
      "'Active' before 'By' in 'findActiveApiKeysByOwner' narrows which APIKeys it finds",
    );
  });

  it('mark a name asking for a page (Paged, Paginated) as paged', () => {
    expect(parseDerivedQuery('findPaginatedByOwner', ['owner'], 'APIKey').paged).toBe(true);
    expect(parseDerivedQuery('findApiKeysPagedByOwner', ['owner'], 'APIKey').paged).toBe(true);
    expect(parseDerivedQuery('findApiKeysByOwner', ['owner'], 'APIKey').paged).toBeUndefined();
  });
});
