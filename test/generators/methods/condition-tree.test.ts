import { describe, expect, it } from 'vitest';
import {
  memoryPredicate,
  sqlText,
  typeOrmWhere,
  type ConditionImports,
  type ConditionLeaf,
  type ConditionTree,
} from '../../../generators/methods/condition-tree.js';

// One condition tree, rendered three ways: the TypeORM `where`, the in-memory predicate, the plan's SQL.
function leaf(operator: ConditionLeaf['operator'], property: string, values: string[], more: Partial<ConditionLeaf> = {}): ConditionLeaf {
  return {
    operator,
    ignoreCase: false,
    field: property,
    property,
    column: property,
    nullable: false,
    values,
    parameter: `${property}_0`,
    ...more,
  };
}
const list = (name: string) => ({ list: { name, item: 'item', values: name }, values: [name] });
const imports = (): ConditionImports => ({ typeorm: new Set(), sqlSupport: new Set(), memorySupport: new Set() });

function rendered(tree: ConditionTree) {
  const used = imports();
  return {
    where: typeOrmWhere(tree, used),
    predicate: memoryPredicate(tree, used),
    sql: sqlText(tree),
    typeorm: [...used.typeorm].sort(),
    sqlSupport: [...used.sqlSupport].sort(),
    memorySupport: [...used.memorySupport].sort(),
  };
}

describe('a derived query condition tree', () => {
  it.each([
    {
      given: 'no condition',
      tree: [],
      want: { where: undefined, predicate: 'true', sql: '', typeorm: [], sqlSupport: [], memorySupport: [] },
    },
    {
      given: 'status = ?',
      tree: [[leaf('equals', 'status', ['status'])]],
      want: {
        where: '{ status }',
        predicate: 'sameValue(model.status, status)',
        sql: 'status = ?',
        typeorm: [],
        sqlSupport: [],
        memorySupport: ['sameValue'],
      },
    },
    {
      // Issue 18: NotIn, which matches everything given an empty list, keeps its meaning among conditions joined by &&.
      given: 'paid AND note NOT IN (?) on a nullable column',
      tree: [[leaf('equals', 'paid', ['flag']), leaf('notIn', 'note', [], { nullable: true, ...list('notes') })]],
      want: {
        where: '{ paid: flag, note: Not(In(notes)) }',
        predicate:
          'sameValue(model.paid, flag) && (notes.length === 0 || (model.note !== null && !notes.some((item) => sameValue(model.note, item))))',
        sql: 'paid = ? AND note NOT IN (?)',
        typeorm: ['In', 'Not'],
        sqlSupport: [],
        memorySupport: ['sameValue'],
      },
    },
    {
      given: 'two conditions on one property, OR a case-folded one',
      tree: [
        [leaf('lessThanEqual', 'total', ['max']), leaf('greaterThan', 'total', ['min'])],
        [leaf('equals', 'email', ['email'], { ignoreCase: true, nullable: true, parameter: 'email_2' })],
      ],
      want: {
        where: "[{ total: And(LessThanOrEqual(max), MoreThan(min)) }, { email: equalsIgnoringCase(email, 'email_2') }]",
        predicate:
          '(compareColumns(model.total, max) <= 0 && compareColumns(model.total, min) > 0) || (model.email !== null && foldCase(model.email) === foldCase(email))',
        sql: 'total <= ? AND total > ? OR LOWER(email) = LOWER(?)',
        typeorm: ['And', 'LessThanOrEqual', 'MoreThan'],
        sqlSupport: ['equalsIgnoringCase'],
        memorySupport: ['compareColumns', 'foldCase'],
      },
    },
    {
      given: 'NOT LIKE, BETWEEN, IS NULL, TRUE',
      tree: [
        [
          leaf('notLike', 'note', ['pattern'], { nullable: true }),
          leaf('between', 'placedAt', ['from', 'to']),
          leaf('isNull', 'shippedAt', []),
          leaf('true', 'paid', []),
        ],
      ],
      want: {
        where:
          "{ note: Not(textCondition(this.dialect, 'like', pattern, false, 'note_0')), placedAt: Between(from, to), shippedAt: IsNull(), paid: true }",
        predicate:
          "model.note !== null && !matchesText(model.note, 'like', pattern, false) && compareColumns(model.placedAt, from) >= 0 && compareColumns(model.placedAt, to) <= 0 && model.shippedAt === null && model.paid === true",
        sql: 'note NOT LIKE ? AND placedAt BETWEEN ? AND ? AND shippedAt IS NULL AND paid = TRUE',
        typeorm: ['Between', 'IsNull', 'Not'],
        sqlSupport: ['textCondition'],
        memorySupport: ['compareColumns', 'matchesText'],
      },
    },
  ])('$given', ({ tree, want }) => {
    expect(rendered(tree)).toEqual(want);
  });

  it('parenthesizes a NotIn alone as it does among others, so the predicate is the same text wherever it sits', () => {
    expect(memoryPredicate([[leaf('notIn', 'status', [], list('statuses'))]], imports())).toBe(
      '(statuses.length === 0 || (!statuses.some((item) => sameValue(model.status, item))))',
    );
  });
});
