import type { Operator } from '../../src/map/derived-query-parser.js';
import type { DerivedQuery, FieldMapping, PersistenceModel } from '../../src/map/persistence-model.js';
import type { PortMethod } from '../../src/model/domain-model.js';
import { argumentValue } from '../../src/render/conversions.js';
import { tsLiteral } from '../../src/render/ts-literal.js';
import { listValue } from './method-plan.js';

/**
 * The conditions of a derived query, bound once to their columns and arguments: an OR of AND-groups. The TypeORM
 * `where`, the in-memory predicate and the plan's SQL are all rendered from it, each operator's three forms side by
 * side (OPERATORS), so the two repositories cannot select different rows.
 */
export type ConditionTree = ConditionLeaf[][];

export interface ConditionLeaf {
  operator: Operator;
  ignoreCase: boolean;
  /** The domain field, the model property and the column it is stored in. */
  field: string;
  property: string;
  column: string;
  nullable: boolean;
  /** The arguments' stored values, in the order the operator takes them (two for Between). */
  values: string[];
  /** For In and NotIn: the list parameter, one element `item` as stored, and the whole list as stored. */
  list?: { name: string; item: string; values: string };
  /** The name TypeORM binds a text or case-folded value to (`note_0`): unique within the query. */
  parameter: string;
}

export function conditionTree(method: PortMethod, query: DerivedQuery, model: PersistenceModel): ConditionTree {
  const byName = new Map<string, FieldMapping>(model.fields.map((f) => [f.field.name, f]));
  let count = 0;
  return query.where.map((group) =>
    group.map((condition) => {
      const { column } = byName.get(condition.field)!;
      const args = condition.parameters.map((i) => method.parameters[i]);
      const first = args[0];
      return {
        operator: condition.operator,
        ignoreCase: condition.ignoreCase,
        field: condition.field,
        property: column.property,
        column: column.name,
        nullable: column.nullable,
        values: args.map((a) => argumentValue(a.name, a.use.type)),
        ...(first
          ? { list: { name: first.name, item: argumentValue('item', first.use.type), values: listValue(first.name, first.use.type) } }
          : {}),
        parameter: `${column.property}_${count++}`,
      };
    }),
  );
}

/** What the rendered code calls: TypeORM operators, and the query-support helpers of each side. */
export interface ConditionImports {
  typeorm: Set<string>;
  sqlSupport: Set<string>;
  memorySupport: Set<string>;
}

/** A predicate on `model`; `or`: its top operator is `||`, so it is parenthesized among conditions joined by `&&`. */
interface Predicate {
  text: string;
  or?: true;
}

interface OperatorForms {
  /** The value of the condition's property in a TypeORM `where` (`In([...])`, `Not(IsNull())`). */
  typeorm(leaf: ConditionLeaf, use: (name: string) => string, support: (name: string) => string): string;
  /** The in-memory twin's test of `model`. */
  memory(leaf: ConditionLeaf, support: (name: string) => string): Predicate;
  /** The SQL a reader of the plan would write: `c` is the column (lowered when case is ignored), `p` the value. */
  sql(c: string, p: string): string;
}

const column = (leaf: ConditionLeaf) => `model.${leaf.property}`;
/** A NULL column matches no comparison in SQL: in memory, a nullable column is tested first. */
const present = (leaf: ConditionLeaf, expression: string) => (leaf.nullable ? `${column(leaf)} !== null && ${expression}` : expression);

function equality(negated: boolean): OperatorForms {
  return {
    typeorm: (leaf, use, support) => {
      const equals = leaf.ignoreCase ? `${support('equalsIgnoringCase')}(${leaf.values[0]}, ${tsLiteral(leaf.parameter)})` : leaf.values[0];
      return negated ? `${use('Not')}(${equals})` : equals;
    },
    memory: (leaf, support) => {
      const value = leaf.values[0];
      if (leaf.ignoreCase) {
        support('foldCase');
        return { text: present(leaf, `foldCase(${column(leaf)}) ${negated ? '!==' : '==='} foldCase(${value})`) };
      }
      support('sameValue');
      return { text: negated ? present(leaf, `!sameValue(${column(leaf)}, ${value})`) : `sameValue(${column(leaf)}, ${value})` };
    },
    sql: (c, p) => `${c} ${negated ? '<>' : '='} ${p}`,
  };
}

function comparison(typeorm: string, memory: string, sql: string): OperatorForms {
  return {
    typeorm: (leaf, use) => `${use(typeorm)}(${leaf.values[0]})`,
    memory: (leaf, support) => {
      support('compareColumns');
      return { text: present(leaf, `compareColumns(${column(leaf)}, ${leaf.values[0]}) ${memory}`) };
    },
    sql: (c) => `${c} ${sql} ?`,
  };
}

/** LIKE and its shorthands: the same escaping and case folding on every database (textCondition, matchesText). */
function text(
  mode: 'like' | 'startingWith' | 'endingWith' | 'containing',
  negated: boolean,
  sql: (c: string, p: string) => string,
): OperatorForms {
  return {
    typeorm: (leaf, use, support) => {
      const match = `${support('textCondition')}(this.dialect, ${tsLiteral(mode)}, ${leaf.values[0]}, ${leaf.ignoreCase}, ${tsLiteral(leaf.parameter)})`;
      return negated ? `${use('Not')}(${match})` : match;
    },
    memory: (leaf, support) => {
      const match = `${support('matchesText')}(${column(leaf)}, ${tsLiteral(mode)}, ${leaf.values[0]}, ${leaf.ignoreCase})`;
      return { text: negated ? present(leaf, `!${match}`) : match };
    },
    sql,
  };
}

/** Operators whose argument is a pattern or a text compared as such. */
export function comparesText(leaf: ConditionLeaf): boolean {
  return ['like', 'notLike', 'startingWith', 'endingWith', 'containing'].includes(leaf.operator);
}

const OPERATORS: Record<Operator, OperatorForms> = {
  equals: equality(false),
  not: equality(true),
  in: {
    typeorm: (leaf, use) => `${use('In')}(${leaf.list!.values})`,
    memory: (leaf, support) => ({
      text: `${leaf.list!.name}.some((item) => ${support('sameValue')}(${column(leaf)}, ${leaf.list!.item}))`,
    }),
    sql: (c) => `${c} IN (?)`,
  },
  notIn: {
    typeorm: (leaf, use) => `${use('Not')}(${use('In')}(${leaf.list!.values}))`,
    // An empty NotIn restricts nothing, not even NULLs (TypeORM renders it as NOT (0=1)).
    memory: (leaf, support) => {
      const { name, item } = leaf.list!;
      return {
        text: `${name}.length === 0 || (${present(leaf, `!${name}.some((item) => ${support('sameValue')}(${column(leaf)}, ${item}))`)})`,
        or: true,
      };
    },
    sql: (c) => `${c} NOT IN (?)`,
  },
  lessThan: comparison('LessThan', '< 0', '<'),
  lessThanEqual: comparison('LessThanOrEqual', '<= 0', '<='),
  greaterThan: comparison('MoreThan', '> 0', '>'),
  greaterThanEqual: comparison('MoreThanOrEqual', '>= 0', '>='),
  between: {
    typeorm: (leaf, use) => `${use('Between')}(${leaf.values[0]}, ${leaf.values[1]})`,
    memory: (leaf, support) => {
      support('compareColumns');
      return {
        text: present(
          leaf,
          `compareColumns(${column(leaf)}, ${leaf.values[0]}) >= 0 && compareColumns(${column(leaf)}, ${leaf.values[1]}) <= 0`,
        ),
      };
    },
    sql: (c) => `${c} BETWEEN ? AND ?`,
  },
  isNull: {
    typeorm: (_leaf, use) => `${use('IsNull')}()`,
    memory: (leaf) => ({ text: `${column(leaf)} === null` }),
    sql: (c) => `${c} IS NULL`,
  },
  isNotNull: {
    typeorm: (_leaf, use) => `${use('Not')}(${use('IsNull')}())`,
    memory: (leaf) => ({ text: `${column(leaf)} !== null` }),
    sql: (c) => `${c} IS NOT NULL`,
  },
  true: { typeorm: () => 'true', memory: (leaf) => ({ text: `${column(leaf)} === true` }), sql: (c) => `${c} = TRUE` },
  false: { typeorm: () => 'false', memory: (leaf) => ({ text: `${column(leaf)} === false` }), sql: (c) => `${c} = FALSE` },
  like: text('like', false, (c, p) => `${c} LIKE ${p}`),
  notLike: text('like', true, (c, p) => `${c} NOT LIKE ${p}`),
  startingWith: text('startingWith', false, (c) => `${c} LIKE '?%'`),
  endingWith: text('endingWith', false, (c) => `${c} LIKE '%?'`),
  containing: text('containing', false, (c) => `${c} LIKE '%?%'`),
};

/** The TypeORM `where`: one object per AND-group (several conditions on one property joined by `And`), an array for OR. */
export function typeOrmWhere(tree: ConditionTree, imports: ConditionImports): string | undefined {
  const use = (name: string) => (imports.typeorm.add(name), name);
  const support = (name: string) => (imports.sqlSupport.add(name), name);
  const groups = tree.map((group) => {
    const byProperty = new Map<string, string[]>();
    for (const leaf of group)
      byProperty.set(leaf.property, [...(byProperty.get(leaf.property) ?? []), OPERATORS[leaf.operator].typeorm(leaf, use, support)]);
    const entries = [...byProperty].map(([property, conditions]) => {
      const value = conditions.length > 1 ? `${use('And')}(${conditions.join(', ')})` : conditions[0];
      return property === value ? property : `${property}: ${value}`;
    });
    return `{ ${entries.join(', ')} }`;
  });
  if (groups.length === 0) return undefined;
  return groups.length === 1 ? groups[0] : `[${groups.join(', ')}]`;
}

/** The in-memory predicate on `model`: `true` without conditions; each group parenthesized when there are several. */
export function memoryPredicate(tree: ConditionTree, imports: ConditionImports): string {
  const support = (name: string) => (imports.memorySupport.add(name), name);
  const groups = tree.map((group) =>
    group
      .map((leaf) => OPERATORS[leaf.operator].memory(leaf, support))
      .map((p) => (p.or ? `(${p.text})` : p.text))
      .join(' && '),
  );
  if (groups.length === 0) return 'true';
  return groups.length === 1 ? groups[0] : groups.map((g) => `(${g})`).join(' || ');
}

/** `status = ? AND total > ? OR …`, as the plan document shows the query. */
export function sqlText(tree: ConditionTree): string {
  return tree
    .map((group) =>
      group
        .map((leaf) => {
          const c = leaf.ignoreCase ? `LOWER(${leaf.column})` : leaf.column;
          return OPERATORS[leaf.operator].sql(c, leaf.ignoreCase ? 'LOWER(?)' : '?');
        })
        .join(' AND '),
    )
    .join(' OR ');
}
