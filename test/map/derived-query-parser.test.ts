import { describe, expect, it } from 'vitest';
import { looksDerived, parseDerivedQuery, QueryParseError } from '../../src/map/derived-query-parser.js';

const FIELDS = ['id', 'status', 'customerEmail', 'orderDate', 'order', 'paid'];

describe('parseDerivedQuery', () => {
  it.each([
    ['findByStatus', [[['status']]]],
    ['getOrderByCustomerEmail', [[['customerEmail']]]],
    ['readByStatusAndPaid', [[['status', 'paid']]]],
    ['queryByStatusOrPaid', [[['status'], ['paid']]]],
    ['searchByStatusAndPaidOrCustomerEmail', [[['status', 'paid'], ['customerEmail']]]],
    ['streamByOrderDate', [[['orderDate']]]],
    ['findByOrderOrStatus', [[['order'], ['status']]]],
    ['findByOrderDateOrOrder', [[['orderDate'], ['order']]]],
  ])('%s', (name, [expected]) => {
    const parsed = parseDerivedQuery(name, FIELDS);

    expect(parsed.action).toBe('find');
    expect(parsed.where.map((group) => group.map((p) => p.field))).toEqual(expected);
    expect(parsed.where.flat().every((p) => p.operator === 'equals')).toBe(true);
  });

  it.each([
    ['findByColour', "no field 'colour' for 'findByColour'", /Fields: id, status, customerEmail, orderDate, order, paid\. Did you mean '\w+'\?/],
    ['findByStatuz', "no field 'statuz' for 'findByStatuz'", /Did you mean 'status'\?/],
    ['findByCustomerEmai', "no field 'customerEmai' for 'findByCustomerEmai'", /Did you mean 'customerEmail'\?/],
    ['findByStatusLike', "cannot read 'Like' in 'findByStatusLike'", /Only equality conditions/],
    ['findByStatusAndColour', "no field 'colour' for 'findByStatusAndColour'", /Did you mean/],
    ['findByPaidx', "no field 'paidx' for 'findByPaidx'", /Did you mean 'paid'\?/],
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
    ['findAll', false],
    ['save', false],
    ['findDormant', false],
    ['findBy', false],
    ['byStatus', false],
  ])('looksDerived(%s) is %s', (name, expected) => {
    expect(looksDerived(name)).toBe(expected);
  });
});
