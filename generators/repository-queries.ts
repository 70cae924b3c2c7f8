import type { Operator, QueryAction } from '../src/map/derived-query-parser.js';
import type { Absent, Condition, DerivedQuery, FieldMapping, PersistenceModel, RepositoryMethod } from '../src/map/persistence-model.js';
import type { PortMethod, PortParameter, ValueType } from '../src/model/domain-model.js';
import { argumentValue, rehydrationCall } from '../src/render/conversions.js';
import { tsLiteral } from '../src/render/ts-literal.js';
import { addDomainTypeImports } from './domain-imports.js';
import { dynamicMethodPlan, type DynamicMethodPlan } from './dynamic-queries.js';
import type { ModuleSpecifiers } from '../src/render/module-specifiers.js';
import { absentCases } from './option-wrapper.js';
import type { ImportSet } from '../src/render/imports.js';
import { columnChecksName } from './value-checks.js';

/** How one port method is implemented, as TypeScript expressions for both repositories' templates. */
export interface MethodPlan {
  kind: RepositoryMethod['kind'];
  name: string;
  /** Name of the first parameter (the aggregate, the id, the list). */
  argument: string;
  /** The id's stored value, where the method takes an id or an aggregate. */
  idValue: string;
  /** For find-by-ids: the stored ids. */
  idValues: string;
  /** For derived queries: find, count, exists or delete. */
  action?: QueryAction;
  result: DerivedQuery['result'] | 'none';
  absent: Absent;
  /** TypeORM find options: `where`, `order`, `take`, `skip` entries, ready to print inside `{ }`. */
  findOptions: string[];
  /** The TypeORM `where` alone (for count/exists), or undefined when there is no condition. */
  where?: string;
  /** In memory: a predicate on `model`, a comparator on `a` and `b`, and the slice bounds. */
  predicate: string;
  compare?: string;
  slice?: { start: string; end: string };
  /** TypeORM operators the TypeORM body uses, and the query-support helpers of each body. */
  typeormImports: string[];
  sqlSupportImports: string[];
  memorySupportImports: string[];
  /** `first`: Top/First picked one row on purpose, so more matches are no error. */
  first: boolean;
  /** The find takes or skips rows (Top/First, pages, a single result's check for a second one). */
  paged: boolean;
  /** A single result as the port returns it when found (`Some(x)` for an Option, else `x`), and when not. */
  found: (expression: string) => string;
  missing: string;
  /** For create/insert/update (`write`) and save: see RepositoryMethod. */
  write?: { mode: 'create' | 'update'; list: 'no' | 'yes' | 'either'; result: 'void' | 'aggregate' | 'boolean'; all: string; failure: string };
  /** The stored id of `item`, one aggregate of a list argument. */
  itemIdValue: string;
  returnsAggregate: boolean;
  /** A delete that resolves to whether it deleted something. */
  reports: boolean;
  /** A Criteria or page-request method: read at run time (dynamic-queries.ts). */
  dynamic?: DynamicMethodPlan;
  /**
   * Statements both repositories run first: the arguments' values and page bounds checked as the database would
   * need them (support/value-checks.ts), so that both reject the same call with the same InvalidValueError.
   */
  checks: string[];
  /** What the checks call from support/value-checks.ts. */
  checkImports: string[];
}

const TYPEORM_OPERATOR: Partial<Record<Operator, string>> = {
  in: 'In',
  lessThan: 'LessThan',
  lessThanEqual: 'LessThanOrEqual',
  greaterThan: 'MoreThan',
  greaterThanEqual: 'MoreThanOrEqual',
  between: 'Between',
};
const COMPARISON: Partial<Record<Operator, string>> = { lessThan: '< 0', lessThanEqual: '<= 0', greaterThan: '> 0', greaterThanEqual: '>= 0' };
const TEXT_MODE: Partial<Record<Operator, string>> = { like: 'like', notLike: 'like', startingWith: 'startingWith', endingWith: 'endingWith', containing: 'containing' };

export function planMethod(method: RepositoryMethod, model: PersistenceModel): MethodPlan {
  const id = model.fields.find((f) => f.column.primary)!;
  const argument = method.method.parameters[0]?.name ?? '';
  // A parameter is unwrapped by its own type: a ProductId for a primitives-style `id: string` too.
  const argumentType = method.method.parameters[0]?.use.type ?? id.field.type;
  const byId = orderLiteral([{ mapping: id, direction: 'asc' }]);
  const plan: MethodPlan = {
    kind: method.kind,
    name: method.method.name,
    argument,
    idValue: ((method.kind === 'delete-by-id' || method.kind === 'exists-by-id') && method.argument === 'aggregate') || method.kind === 'write' || method.kind === 'save' ? argumentValue(`${argument}${id.field.access}`, id.field.type) : argumentValue(argument, argumentType),
    idValues: listValue(argument, argumentType, 'id'),
    result: 'none',
    absent: 'null',
    findOptions: [`order: ${byId}`],
    predicate: 'true',
    typeormImports: [],
    sqlSupportImports: [],
    memorySupportImports: [],
    first: false,
    paged: false,
    found: (expression) => expression,
    missing: 'null',
    itemIdValue: argumentValue(`item${id.field.access}`, id.field.type),
    returnsAggregate: method.kind === 'save' && method.returnsAggregate === true,
    reports: method.kind === 'delete-by-id' && method.reports === true,
    checks: [],
    checkImports: [],
  };
  const columns = columnChecksName(model);
  const checkArgument = (field: string, property: string, value: string) => {
    plan.checks.push(`checkArgument(${tsLiteral(plan.name)}, ${columns}, ${tsLiteral(property)}, ${value}${field === property ? '' : `, ${tsLiteral(field)}`});`);
    if (!plan.checkImports.includes('checkArgument')) plan.checkImports.push('checkArgument');
  };
  const checkPage = (value: string) => {
    const field = value.slice(value.lastIndexOf('.') + 1);
    plan.checks.push(`checkPage(${tsLiteral(plan.name)}, ${tsLiteral(field)}, ${value});`);
    if (!plan.checkImports.includes('checkPage')) plan.checkImports.push('checkPage');
  };
  const byIdArgument = (method.kind === 'find-by-id' || method.kind === 'exists-by-id' || method.kind === 'delete-by-id') && !('argument' in method && method.argument === 'aggregate');
  if (byIdArgument) checkArgument(id.field.name, id.column.property, plan.idValue);
  if (method.kind === 'find-by-ids') checkArgument(id.field.name, id.column.property, plan.idValues);
  if (method.kind === 'write') {
    const all = method.list === 'either' ? 'all' : argument;
    plan.write = { mode: method.mode, list: method.list, result: method.result, all, failure: `${model.names.aggregate} ${method.mode === 'create' ? 'already exists' : 'not found'}` };
  }
  if (method.kind === 'find-by-id') plan.absent = method.absent;
  if (method.kind === 'find-by-ids') plan.typeormImports.push('In');
  if (method.kind === 'find-all' && method.page) {
    const page = pageAccess(method.method, method.page.parameter);
    plan.findOptions.push(pageOption('skip', `${page}${method.page.skip}`), pageOption('take', `${page}${method.page.take}`));
    plan.slice = sliceBounds(`${page}${method.page.skip}`, `${page}${method.page.take}`);
    plan.paged = true;
    checkPage(`${page}${method.page.skip}`);
    checkPage(`${page}${method.page.take}`);
  }
  if (method.kind === 'derived') {
    const byName = new Map(model.fields.map((f) => [f.field.name, f]));
    for (const condition of method.query.where.flat()) {
      const mapping = byName.get(condition.field)!;
      const args = condition.parameters.map((i) => method.method.parameters[i]!);
      if (TEXT_MODE[condition.operator] || condition.ignoreCase) {
        // A pattern or a case-folded value is compared as text: only what no text can hold is refused.
        for (const arg of args) {
          plan.checks.push(`checkText(${tsLiteral(plan.name)}, ${tsLiteral(condition.field)}, ${argumentValue(arg.name, arg.use.type)});`);
          if (!plan.checkImports.includes('checkText')) plan.checkImports.push('checkText');
        }
      } else if (condition.operator === 'in' || condition.operator === 'notIn') checkArgument(condition.field, mapping.column.property, listValue(args[0]!.name, args[0]!.use.type));
      else for (const arg of args) checkArgument(condition.field, mapping.column.property, argumentValue(arg.name, arg.use.type));
    }
    if (method.query.page) {
      const page = pageAccess(method.method, method.query.page.parameter);
      checkPage(`${page}${method.query.page.skip}`);
      checkPage(`${page}${method.query.page.take}`);
    }
    Object.assign(plan, derivedPlan(method.method, method.query, model, plan));
  }
  Object.assign(plan, absentCases(method.method, plan.absent));
  const dynamic = dynamicMethodPlan(method, model);
  if (dynamic) Object.assign(plan, { dynamic, paged: true });
  return plan;
}

function derivedPlan(method: PortMethod, query: DerivedQuery, model: PersistenceModel, plan: MethodPlan): Partial<MethodPlan> {
  const byName = new Map(model.fields.map((f) => [f.field.name, f]));
  const typeorm = new Set<string>();
  // Kept apart, so each repository imports exactly the helpers its own bodies call.
  const sqlSupport = new Set<string>();
  const memorySupport = new Set<string>();
  let parameterCount = 0;
  const sqlGroups: string[] = [];
  const memoryGroups: string[] = [];
  for (const group of query.where) {
    const byProperty = new Map<string, string[]>();
    const memory: string[] = [];
    for (const condition of group) {
      const mapping = byName.get(condition.field)!;
      const args = condition.parameters.map((i) => method.parameters[i]!);
      const parameter = `${mapping.column.property}_${parameterCount++}`;
      const sql = sqlCondition(condition, args, parameter, typeorm, sqlSupport);
      byProperty.set(mapping.column.property, [...(byProperty.get(mapping.column.property) ?? []), sql]);
      memory.push(memoryCondition(condition, mapping, args, memorySupport));
    }
    const entries = [...byProperty].map(([property, conditions]) => {
      if (conditions.length > 1) typeorm.add('And');
      const value = conditions.length > 1 ? `And(${conditions.join(', ')})` : conditions[0]!;
      return property === value ? property : `${property}: ${value}`;
    });
    sqlGroups.push(`{ ${entries.join(', ')} }`);
    memoryGroups.push(memory.join(' && '));
  }
  const where = sqlGroups.length === 0 ? undefined : sqlGroups.length === 1 ? sqlGroups[0] : `[${sqlGroups.join(', ')}]`;
  const id = model.fields.find((f) => f.column.primary)!;
  const orders = query.orderBy.map((o) => ({ mapping: byName.get(o.field)!, direction: o.direction }));
  if (!orders.some((o) => o.mapping === id)) orders.push({ mapping: id, direction: 'asc' });
  const findOptions = [...(where ? [`where: ${where}`] : []), `order: ${orderLiteral(orders, sqlSupport)}`];
  const page = query.page ? pageAccess(method, query.page.parameter) : undefined;
  const skip = page && query.page ? `${page}${query.page.skip}` : undefined;
  let take = page && query.page ? `${page}${query.page.take}` : undefined;
  if (query.limit !== undefined) take = take ? `Math.min(${query.limit}, ${take} ?? ${query.limit})` : String(query.limit);
  if (query.result === 'one' && query.limit === undefined) take = '2';
  if (skip) findOptions.push(pageOption('skip', skip));
  if (take) findOptions.push(pageOption('take', take));
  if (orders.length > 0) memorySupport.add('compareColumns');
  return {
    action: query.action,
    result: query.result,
    absent: query.absent,
    first: query.limit !== undefined,
    findOptions,
    where,
    predicate: memoryGroups.length === 0 ? 'true' : memoryGroups.length === 1 ? memoryGroups[0]! : memoryGroups.map((g) => `(${g})`).join(' || '),
    compare: orders.map((o) => (o.direction === 'asc' ? `compareColumns(a.${o.mapping.column.property}, b.${o.mapping.column.property})` : `compareColumns(b.${o.mapping.column.property}, a.${o.mapping.column.property})`)).join(' || '),
    slice: skip || take ? sliceBounds(skip, query.result === 'one' && query.limit === undefined ? undefined : take) : plan.slice,
    typeormImports: [...typeorm].sort(),
    sqlSupportImports: [...sqlSupport].sort(),
    memorySupportImports: [...memorySupport].sort(),
    paged: skip !== undefined || take !== undefined,
  };
}

/**
 * `skip: page.offset`; from an optional parameter (`page?.offset`), an entry only when there is a value, since
 * under exactOptionalPropertyTypes TypeORM's `skip?: number` does not take `undefined`.
 */
function pageOption(name: 'skip' | 'take', value: string): string {
  return value.includes('?.') && !value.startsWith('Math.min') ? `...(${value} === undefined ? {} : { ${name}: ${value} })` : `${name}: ${value}`;
}

/** `page.` or, for an optional pagination parameter, `page?.`. */
function pageAccess(method: PortMethod, index: number): string {
  const parameter = method.parameters[index]!;
  return `${parameter.name}${parameter.optional ? '?.' : '.'}`;
}

/** Bounds for `Array.slice`; page members may be absent (`page?.limit`), a Top/First limit never is. */
function sliceBounds(skip: string | undefined, take: string | undefined): { start: string; end: string } {
  const start = skip ? `${skip} ?? 0` : '0';
  const count = take === undefined ? undefined : take.includes('?.') && !take.startsWith('Math.min') ? `(${take} ?? Infinity)` : take;
  return { start, end: count === undefined ? 'Infinity' : skip ? `(${skip} ?? 0) + ${count}` : count };
}

/** `{ total: 'DESC', id: 'ASC' }`; nullable columns say where NULLs go, as SQLite (and the in-memory twin) puts them, on every database. */
function orderLiteral(orders: { mapping: FieldMapping; direction: 'asc' | 'desc' }[], support?: Set<string>): string {
  const entries = orders.map(({ mapping, direction }) => {
    const upper = direction.toUpperCase();
    if (mapping.column.nullable) support?.add('nullsOrder');
    const value = mapping.column.nullable ? `nullsOrder(this.dialect, '${upper}')` : `'${upper}'`;
    return `${mapping.column.property}: ${value}`;
  });
  return `{ ${entries.join(', ')} }`;
}

/** A list argument of element type `type` -> the values to compare the column with. */
function listValue(name: string, type: ValueType, item = 'item'): string {
  return type.kind === 'value-object' ? `${name}.map((${item}) => ${argumentValue(item, type)})` : name;
}

function sqlCondition(condition: Condition, args: PortParameter[], parameter: string, typeorm: Set<string>, support: Set<string>): string {
  const value = (i: number) => argumentValue(args[i]!.name, args[i]!.use.type);
  const use = (name: string) => {
    typeorm.add(name);
    return name;
  };
  const textMode = TEXT_MODE[condition.operator];
  if (textMode) {
    support.add('textCondition');
    const match = `textCondition(this.dialect, ${tsLiteral(textMode)}, ${value(0)}, ${condition.ignoreCase}, ${tsLiteral(parameter)})`;
    return condition.operator === 'notLike' ? `${use('Not')}(${match})` : match;
  }
  switch (condition.operator) {
    case 'equals':
    case 'not': {
      let equals = value(0);
      if (condition.ignoreCase) {
        support.add('equalsIgnoringCase');
        equals = `equalsIgnoringCase(${value(0)}, ${tsLiteral(parameter)})`;
      }
      return condition.operator === 'not' ? `${use('Not')}(${equals})` : equals;
    }
    case 'in':
      return `${use('In')}(${listValue(args[0]!.name, args[0]!.use.type)})`;
    case 'notIn':
      return `${use('Not')}(${use('In')}(${listValue(args[0]!.name, args[0]!.use.type)}))`;
    case 'between':
      return `${use('Between')}(${value(0)}, ${value(1)})`;
    case 'isNull':
      return `${use('IsNull')}()`;
    case 'isNotNull':
      return `${use('Not')}(${use('IsNull')}())`;
    case 'true':
      return 'true';
    case 'false':
      return 'false';
    default:
      return `${use(TYPEORM_OPERATOR[condition.operator]!)}(${value(0)})`;
  }
}

function memoryCondition(condition: Condition, mapping: FieldMapping, args: PortParameter[], support: Set<string>): string {
  const column = `model.${mapping.column.property}`;
  const value = (i: number) => argumentValue(args[i]!.name, args[i]!.use.type);
  const list = args[0]?.name;
  const item = args[0] ? argumentValue('item', args[0].use.type) : 'item';
  const present = (expression: string) => (mapping.column.nullable ? `${column} !== null && ${expression}` : expression);
  const textMode = TEXT_MODE[condition.operator];
  if (textMode) {
    support.add('matchesText');
    const match = `matchesText(${column}, ${tsLiteral(textMode)}, ${value(0)}, ${condition.ignoreCase})`;
    return condition.operator === 'notLike' ? present(`!${match}`) : match;
  }
  if (condition.ignoreCase && (condition.operator === 'equals' || condition.operator === 'not')) {
    support.add('foldCase');
    return present(`foldCase(${column}) ${condition.operator === 'equals' ? '===' : '!=='} foldCase(${value(0)})`);
  }
  const comparison = COMPARISON[condition.operator];
  if (comparison) {
    support.add('compareColumns');
    return present(`compareColumns(${column}, ${value(0)}) ${comparison}`);
  }
  // Only the operators that compare values call sameValue: an unused import fails noUnusedLocals.
  if (['equals', 'not', 'in', 'notIn'].includes(condition.operator)) support.add('sameValue');
  switch (condition.operator) {
    case 'equals':
      return `sameValue(${column}, ${value(0)})`;
    case 'not':
      return present(`!sameValue(${column}, ${value(0)})`);
    case 'in':
      return `${list}.some((item) => sameValue(${column}, ${item}))`;
    case 'notIn':
      // An empty NotIn restricts nothing, not even NULLs (TypeORM renders it as NOT (0=1)). Parenthesized: the
      // conditions of a group are joined by &&, which binds tighter than this ||.
      return `(${list}.length === 0 || (${present(`!${list}.some((item) => sameValue(${column}, ${item}))`)}))`;
    case 'between':
      support.add('compareColumns');
      return present(`compareColumns(${column}, ${value(0)}) >= 0 && compareColumns(${column}, ${value(1)}) <= 0`);
    case 'isNull':
      return `${column} === null`;
    case 'isNotNull':
      return `${column} !== null`;
    case 'true':
      return `${column} === true`;
    case 'false':
      return `${column} === false`;
    default:
      throw new Error(`no in-memory form for ${condition.operator}`);
  }
}

/** `new OrderId(randomUUID())`, the body of a nextId method, with what it imports (both repositories). */
export function newIdExpression(model: PersistenceModel, imports: ImportSet, specifiers: ModuleSpecifiers, fromFile: string): string {
  // What nextId returns: the id's own type, or a value object wrapping a primitives-style id.
  const type = model.methods.find((m) => m.kind === 'next-id')?.method.returns.type ?? model.fields.find((f) => f.column.primary)!.field.type;
  imports.add('node:crypto', 'randomUUID');
  addDomainTypeImports(imports, specifiers, fromFile, [type], { valueObjects: 'value', enums: 'type' });
  return type.kind === 'value-object' ? rehydrationCall(type.name, type.rehydration, () => 'randomUUID()') : 'randomUUID()';
}
