import { isPublic } from './visibility.js';
import { Node, ts, type Symbol as MorphSymbol, type Type } from 'ts-morph';
import type {
  CriteriaBuild,
  CriteriaShape,
  FilterOperator,
  OrderDirection,
  PageRequestShape,
  PageResultShape,
  PageRole,
  ScalarReading,
  ValueMeaning,
} from '../model/dynamic-query-model.js';
import type { ValueType } from '../model/domain-model.js';
import { relativeFile } from './source-location.js';

/**
 * Recognises, by their members, the types of queries read at run time: a Criteria object (filters of field,
 * operator and value, an order, limit and offset), a page request (`{ limit, offset | page, orderBy? }`) and a
 * page of aggregates (`Paginated<T>`: items, a total, ...). Anything else is left to the other rules (undefined).
 */
export function readDynamicQueryType(type: Type, at: Node, aggregateName: string | undefined, projectRoot: string): ValueType | undefined {
  const declared = projectDeclaration(type, projectRoot);
  if (!declared) return undefined;
  const { name, file, line } = declared;
  const page = aggregateName === undefined ? undefined : pageResult(type, at, aggregateName, name, file);
  if (page) return { kind: 'paginated', name, file, shape: page };
  const criteria = criteriaShape(type, at, name, file);
  if (criteria) {
    const build = criteriaBuild(type, at, projectRoot, criteria);
    return {
      kind: 'criteria',
      name,
      file,
      shape: build ? { ...criteria, build } : criteria,
    };
  }
  const request = pageRequest(type, at, name, file, line);
  if (request) return { kind: 'page-request', name, file, shape: request };
  return undefined;
}

const FIELD_NAMES = ['field', 'property', 'key', 'name', 'attribute'];
const OPERATOR_NAMES = ['operator', 'op', 'comparator', 'condition'];
const LIMIT_NAMES = ['limit', 'take', 'pageSize', 'perPage', 'size'];
const OFFSET_NAMES = ['offset', 'skip'];
const PAGE_NAMES = ['page', 'pageNumber', 'pageIndex'];
const ORDER_NAMES = ['order', 'orderBy', 'sort', 'sortBy'];
const ORDER_FIELD_NAMES = ['orderBy', 'field', 'by', 'property', 'key', 'column', 'name'];
const DIRECTION_NAMES = ['orderType', 'direction', 'param', 'type', 'dir', 'order', 'sort', 'way'];
const ITEM_NAMES = ['items', 'data', 'results', 'records', 'rows', 'content', 'values', 'list'];
const ROLE_NAMES: Record<Exclude<PageRole, 'items'>, string[]> = {
  total: ['count', 'total', 'totalCount', 'totalItems', 'totalElements', 'totalRecords'],
  limit: ['limit', 'pageSize', 'perPage', 'size', 'take'],
  page: ['page', 'pageNumber', 'currentPage', 'pageIndex'],
  offset: ['offset', 'skip'],
};

/** How operators are spelled, as enum values, enum member names or literals (compared upper-cased, without `_`, `-` and spaces). */
const OPERATOR_SPELLINGS: Record<string, FilterOperator> = {
  '=': 'equals',
  '==': 'equals',
  '===': 'equals',
  EQ: 'equals',
  EQUAL: 'equals',
  EQUALS: 'equals',
  IS: 'equals',
  '!=': 'not',
  '!==': 'not',
  '<>': 'not',
  NE: 'not',
  NEQ: 'not',
  NOTEQUAL: 'not',
  NOTEQUALS: 'not',
  NOT: 'not',
  ISNOT: 'not',
  '>': 'greaterThan',
  GT: 'greaterThan',
  GREATERTHAN: 'greaterThan',
  '>=': 'greaterThanEqual',
  GTE: 'greaterThanEqual',
  GE: 'greaterThanEqual',
  GREATERTHANOREQUAL: 'greaterThanEqual',
  GREATERTHANEQUAL: 'greaterThanEqual',
  '<': 'lessThan',
  LT: 'lessThan',
  LESSTHAN: 'lessThan',
  '<=': 'lessThanEqual',
  LTE: 'lessThanEqual',
  LE: 'lessThanEqual',
  LESSTHANOREQUAL: 'lessThanEqual',
  LESSTHANEQUAL: 'lessThanEqual',
  CONTAINS: 'containing',
  CONTAINING: 'containing',
  INCLUDES: 'containing',
  NOTCONTAINS: 'notContaining',
  NOTCONTAINING: 'notContaining',
  NOTINCLUDES: 'notContaining',
  DOESNOTCONTAIN: 'notContaining',
  STARTSWITH: 'startingWith',
  STARTINGWITH: 'startingWith',
  BEGINSWITH: 'startingWith',
  ENDSWITH: 'endingWith',
  ENDINGWITH: 'endingWith',
};

/** The spellings a plain-string operator is read through at run time. */
const PLAIN_OPERATORS: ValueMeaning<FilterOperator>[] = [
  ['=', 'equals'],
  ['!=', 'not'],
  ['>', 'greaterThan'],
  ['>=', 'greaterThanEqual'],
  ['<', 'lessThan'],
  ['<=', 'lessThanEqual'],
  ['CONTAINS', 'containing'],
  ['NOT_CONTAINS', 'notContaining'],
  ['STARTS_WITH', 'startingWith'],
  ['ENDS_WITH', 'endingWith'],
].map(([value, meaning]) => ({
  value: value,
  meaning: meaning as FilterOperator,
}));

const DIRECTION_SPELLINGS: Record<string, OrderDirection> = {
  ASC: 'asc',
  ASCENDING: 'asc',
  UP: 'asc',
  DESC: 'desc',
  DESCENDING: 'desc',
  DOWN: 'desc',
  NONE: 'none',
  '': 'none',
};
const PLAIN_DIRECTIONS: ValueMeaning<OrderDirection>[] = [
  { value: 'asc', meaning: 'asc' },
  { value: 'desc', meaning: 'desc' },
  { value: 'ASC', meaning: 'asc' },
  { value: 'DESC', meaning: 'desc' },
];

export function operatorMeaning(text: string): FilterOperator | undefined {
  return OPERATOR_SPELLINGS[spelling(text)];
}

export function directionMeaning(text: string): OrderDirection | undefined {
  return DIRECTION_SPELLINGS[spelling(text)];
}

function spelling(text: string): string {
  return /^[=!<>]+$/.test(text) ? text : text.toUpperCase().replace(/[_\-\s]/g, '');
}

/** The declaration of a type written in the project (not a library's, not an inline object type). */
function projectDeclaration(type: Type, projectRoot: string): { name: string; file: string; line: number } | undefined {
  const symbol = type.getAliasSymbol() ?? type.getSymbol();
  const declaration = symbol
    ?.getDeclarations()
    .find((d) => Node.isClassDeclaration(d) || Node.isInterfaceDeclaration(d) || Node.isTypeAliasDeclaration(d));
  if (!symbol || !declaration) return undefined;
  const source = declaration.getSourceFile();
  if (source.isInNodeModules() || source.isDeclarationFile()) return undefined;
  return {
    name: symbol.getName(),
    file: relativeFile(source.getFilePath(), projectRoot),
    line: declaration.getStartLineNumber(),
  };
}

interface Member {
  name: string;
  type: Type;
  optional: boolean;
}

/** Data members (no methods) of an object type, with `null`/`undefined` taken off their types. */
function members(type: Type, at: Node): Member[] {
  return type
    .getProperties()
    .map((symbol) => member(symbol, at))
    .filter((m): m is Member => m !== undefined);
}

function member(symbol: MorphSymbol, at: Node): Member | undefined {
  const declaration = symbol.getDeclarations()[0];
  if (declaration && (Node.isMethodDeclaration(declaration) || Node.isMethodSignature(declaration))) return undefined;
  if (
    declaration &&
    Node.isModifierable(declaration) &&
    (declaration.hasModifier(ts.SyntaxKind.PrivateKeyword) || declaration.hasModifier(ts.SyntaxKind.ProtectedKeyword))
  )
    return undefined;
  if (symbol.getName().startsWith('#')) return undefined;
  const full = symbol.getTypeAtLocation(at);
  if (full.getCallSignatures().length > 0) return undefined;
  const optional =
    symbol.hasFlags(ts.SymbolFlags.Optional) || (full.isUnion() && full.getUnionTypes().some((t) => t.isUndefined() || t.isNull()));
  return { name: symbol.getName(), type: full.getNonNullableType(), optional };
}

function find(list: Member[], names: readonly string[], exclude?: string): Member | undefined {
  for (const name of names) {
    const found = list.find((m) => m.name === name && m.name !== exclude);
    if (found) return found;
  }
  return undefined;
}

/** `.name`, or `?.name` when a member on the way to it may be absent. */
function step(name: string, throughOptional: boolean): string {
  return `${throughOptional ? '?.' : '.'}${name}`;
}

function isNumber(type: Type): boolean {
  return (
    type.isNumber() || type.isNumberLiteral() || (type.isUnion() && type.getUnionTypes().every((t) => t.isNumber() || t.isNumberLiteral()))
  );
}

function elementType(type: Type): Type | undefined {
  if (type.isArray()) return type.getArrayElementType();
  const name = type.getSymbol()?.getName();
  return name === 'ReadonlyArray' || name === 'Array' ? type.getTypeArguments()[0] : undefined;
}

/** A string, number, enum or literal union, maybe inside a value object (`.value`, `.getValue()`): its access and values. */
function scalar<M>(
  type: Type,
  at: Node,
  meaning: (text: string) => M | undefined,
  plain: ValueMeaning<M>[],
  depth = 0,
): ScalarReading<M> | undefined {
  const parts = type.isUnion() && !type.isBoolean() ? type.getUnionTypes() : [type];
  if (parts.every((p) => p.isEnumLiteral() || p.isStringLiteral() || p.isNumberLiteral()) || type.isEnum()) {
    const literals = type.isEnum() ? type.getUnionTypes() : parts;
    const values: ValueMeaning<M>[] = [];
    const unknown: (string | number)[] = [];
    for (const literal of literals) {
      const value = literal.getLiteralValue();
      if (typeof value !== 'string' && typeof value !== 'number') return undefined;
      const memberName = literal.isEnumLiteral() ? literal.getSymbol()?.getName() : undefined;
      const found = meaning(String(value)) ?? (memberName === undefined ? undefined : meaning(memberName));
      if (found === undefined) unknown.push(value);
      else
        values.push({
          value,
          ...(memberName === undefined
            ? {}
            : {
                member: `${literal
                  .getBaseTypeOfLiteralType()
                  .getText(at)
                  .replace(/^import\(.*\)\./, '')}.${memberName}`,
              }),
          meaning: found,
        });
    }
    return { access: '', values, unknown };
  }
  if (type.isString()) return { access: '', values: plain, unknown: [] };
  if (depth > 0 || !type.isObject()) return undefined;
  const inner = type.getProperty('value') ?? type.getProperty('getValue');
  if (!inner) return undefined;
  const innerType = inner.getTypeAtLocation(at);
  const signature = innerType.getCallSignatures()[0];
  const read = scalar(signature ? signature.getReturnType() : innerType.getNonNullableType(), at, meaning, plain, depth + 1);
  return (
    read && {
      ...read,
      access: `${signature ? '.getValue()' : '.value'}${read.access}`,
    }
  );
}

function stringAccess(type: Type, at: Node): string | undefined {
  const read = scalar<true>(type, at, () => true, [], 0);
  return read && (read.values.length > 0 || type.isString() || read.access !== '') ? read.access : undefined;
}

/** A filter's value: as it is, or the `.value` of a value object around it. */
function valueAccess(type: Type): string {
  if (!type.isObject() || type.isArray() || type.getSymbol()?.getName() === 'Date') return '';
  const inner = type.getProperty('value');
  if (inner) return '.value';
  return type.getProperty('getValue') ? '.getValue()' : '';
}

function orderShape(
  list: Member[],
  at: Node,
  names: readonly string[],
): {
  found?: Member;
  order?: { field: string; direction: ScalarReading<OrderDirection> };
  fails: boolean;
} {
  const found = find(list, names);
  if (!found) return { fails: false };
  const inner = members(found.type, at);
  const field = find(inner, ORDER_FIELD_NAMES);
  const direction = field && find(inner, DIRECTION_NAMES, field.name);
  const fieldAccess = field && fieldText(field.type, at);
  const directionReading = direction && scalar(direction.type, at, directionMeaning, PLAIN_DIRECTIONS);
  if (!field || !direction || fieldAccess === undefined || !directionReading) return { found, fails: true };
  const base = step(found.name, false);
  return {
    found,
    fails: false,
    order: {
      field: `${base}${step(field.name, found.optional)}${optionalChain(fieldAccess, found.optional || field.optional)}`,
      direction: {
        ...directionReading,
        access: `${base}${step(direction.name, found.optional)}${optionalChain(directionReading.access, found.optional || direction.optional)}`,
      },
    },
  };
}

/** An order's field: a string (maybe in a value object), or `string | true` as domain-driven-hexagon writes it (true: no field). */
function fieldText(type: Type, at: Node): string | undefined {
  if (type.isUnion() && !type.isBoolean()) {
    const parts = type.getUnionTypes().filter((t) => !t.isBooleanLiteral());
    if (parts.length === 1 && parts[0].isString()) return '';
  }
  return stringAccess(type, at);
}

function optionalChain(access: string, optional: boolean): string {
  return optional ? access.replace(/^\./, '?.') : access;
}

function criteriaShape(type: Type, at: Node, name: string, file: string): CriteriaShape | undefined {
  if (!type.isObject() || type.isArray()) return undefined;
  const list = members(type, at);
  const filtersMember = find(list, ['filters', 'filter', 'conditions']);
  if (!filtersMember) return undefined;
  let filters = step(filtersMember.name, false);
  let absent = filtersMember.optional;
  let element = elementType(filtersMember.type);
  if (!element) {
    const inner = members(filtersMember.type, at).find((m) => elementType(m.type) !== undefined);
    if (!inner) return undefined;
    filters += step(inner.name, filtersMember.optional);
    element = elementType(inner.type)!;
    absent ||= inner.optional;
  }
  const filterMembers = members(element, at);
  const field = find(filterMembers, FIELD_NAMES);
  const operator = find(filterMembers, OPERATOR_NAMES);
  const value = find(filterMembers, ['value', 'values']);
  if (!field || !operator || !value) return undefined;
  const fieldAccess = stringAccess(field.type, at);
  const operatorReading = scalar(operator.type, at, operatorMeaning, PLAIN_OPERATORS);
  if (fieldAccess === undefined || !operatorReading || operatorReading.values.length === 0) return undefined;
  const order = orderShape(list, at, ORDER_NAMES);
  if (order.fails) return undefined;
  const limit = find(list, LIMIT_NAMES);
  const offset = find(list, OFFSET_NAMES);
  if ((limit && !isNumber(limit.type)) || (offset && !isNumber(offset.type))) return undefined;
  return {
    name,
    file,
    filters,
    ...(absent ? { filtersMayBeAbsent: true } : {}),
    filter: {
      field: `.${field.name}${fieldAccess}`,
      operator: {
        ...operatorReading,
        access: `.${operator.name}${operatorReading.access}`,
      },
      value: `.${value.name}${valueAccess(value.type)}`,
    },
    ...(order.order ? { order: order.order } : {}),
    ...(limit ? { limit: step(limit.name, false) } : {}),
    ...(offset ? { offset: step(offset.name, false) } : {}),
  };
}

function pageRequest(type: Type, at: Node, name: string, file: string, line: number): PageRequestShape | undefined {
  if (!type.isObject() || type.isArray() || type.isClass()) return undefined;
  const list = members(type, at);
  const limit = find(list, LIMIT_NAMES);
  const offset = find(list, OFFSET_NAMES);
  const page = find(list, PAGE_NAMES);
  if (!limit || !isNumber(limit.type) || (!offset && !page)) return undefined;
  if ((offset && !isNumber(offset.type)) || (page && !isNumber(page.type))) return undefined;
  const order = orderShape(list, at, ORDER_NAMES);
  if (order.fails) return undefined;
  // A member gen does not know (a filter, a search text) would be ignored silently: leave the method to the user.
  const known = new Set([limit, offset, page, order.found].filter((m) => m !== undefined).map((m) => m.name));
  if (list.some((m) => !known.has(m.name))) return undefined;
  return {
    name,
    file,
    line,
    limit: step(limit.name, false),
    ...(offset ? { offset: step(offset.name, false) } : {}),
    ...(page ? { page: step(page.name, false) } : {}),
    ...(order.order ? { order: order.order } : {}),
    ...([limit, offset, page].some((m) => m?.optional) ? { optionalMembers: true as const } : {}),
  };
}

/** `Paginated<User>`: a list of the aggregate under an items name, a total, and maybe limit, page, offset. */
function pageResult(type: Type, at: Node, aggregate: string, name: string, file: string): PageResultShape | undefined {
  if (!type.isObject() || type.isArray()) return undefined;
  const list = members(type, at);
  const roleOf = (member: Member): PageRole | undefined => {
    if (ITEM_NAMES.includes(member.name)) {
      const element = elementType(member.type);
      return element?.getSymbol()?.getName() === aggregate ? 'items' : undefined;
    }
    if (!isNumber(member.type)) return undefined;
    return (Object.keys(ROLE_NAMES) as Exclude<PageRole, 'items'>[]).find((role) => ROLE_NAMES[role].includes(member.name));
  };
  const roles = list.map((m) => ({
    name: m.name,
    role: roleOf(m),
    optional: m.optional,
  }));
  if (!roles.some((r) => r.role === 'items') || !roles.some((r) => r.role === 'total')) return undefined;
  if (roles.some((r) => r.role === undefined && !r.optional)) return undefined;
  const known = roles.filter((r): r is { name: string; role: PageRole; optional: boolean } => r.role !== undefined);
  const declaration = (type.getSymbol() ?? type.getAliasSymbol())?.getDeclarations().find(Node.isClassDeclaration);
  if (!declaration)
    return {
      name,
      file,
      item: aggregate,
      build: 'object-literal',
      members: known.map(({ name: n, role }) => ({ name: n, role })),
    };
  const constructor = declaration.getConstructors()[0];
  if (!constructor || !isPublic(constructor)) return undefined;
  const parameters = constructor.getParameters();
  if (parameters.length === 1 && !roleByName(parameters[0].getName())) {
    // One props object: `constructor(props: Paginated<T>)` or `{ data, count, ... }`.
    const props = members(parameters[0].getType(), at).map((m) => ({
      name: m.name,
      role: roleFromKnown(m.name, known),
      optional: m.optional,
    }));
    if (props.some((p) => p.role === undefined && !p.optional)) return undefined;
    const used = props.filter((p): p is { name: string; role: PageRole; optional: boolean } => p.role !== undefined);
    if (!used.some((p) => p.role === 'items') || !used.some((p) => p.role === 'total')) return undefined;
    return {
      name,
      file,
      item: aggregate,
      build: 'props-object',
      members: used.map(({ name: n, role }) => ({ name: n, role })),
    };
  }
  const positional = parameters.map((p) => ({
    name: p.getName(),
    role: roleFromKnown(p.getName(), known) ?? roleByName(p.getName()),
    optional: p.isOptional(),
  }));
  if (positional.some((p) => p.role === undefined)) return undefined;
  if (!positional.some((p) => p.role === 'items') || !positional.some((p) => p.role === 'total')) return undefined;
  return {
    name,
    file,
    item: aggregate,
    build: 'positional',
    members: positional.map(({ name: n, role }) => ({ name: n, role: role! })),
  };
}

function roleFromKnown(name: string, known: { name: string; role: PageRole }[]): PageRole | undefined {
  return known.find((k) => k.name === name)?.role ?? roleByName(name);
}

function roleByName(name: string): PageRole | undefined {
  if (ITEM_NAMES.includes(name)) return 'items';
  return (Object.keys(ROLE_NAMES) as Exclude<PageRole, 'items'>[]).find((role) => ROLE_NAMES[role].includes(name));
}

/** Builds expression templates for a type: a public constructor whose parameters are named after members, or an object literal. */
class TemplateBuilder {
  readonly imports = new Map<string, string>();

  constructor(
    private readonly at: Node,
    private readonly projectRoot: string,
  ) {}

  /** `hole(member)`: the template of a member's value, or undefined when the test has nothing to say about it (optional ones only). */
  object(type: Type, hole: (member: Member) => string | undefined): string | undefined {
    const declaration = type.getSymbol()?.getDeclarations().find(Node.isClassDeclaration);
    const list = members(type, this.at);
    if (!declaration) {
      if (!type.isObject() || type.isArray()) return undefined;
      const entries: string[] = [];
      for (const m of list) {
        const value = hole(m);
        if (value === undefined && !m.optional) return undefined;
        if (value !== undefined) entries.push(`${m.name}: ${value}`);
      }
      return `{ ${entries.join(', ')} }`;
    }
    if (declaration.isAbstract() || declaration.getSourceFile().isInNodeModules()) return undefined;
    const signature = declaration.getSymbolOrThrow().getTypeAtLocation(this.at).getConstructSignatures()[0];
    if (!signature) return undefined;
    const args: string[] = [];
    for (const parameter of signature.getParameters()) {
      const declared = parameter.getDeclarations()[0];
      const optional =
        declared !== undefined && Node.isParameterDeclaration(declared) && (declared.isOptional() || declared.hasInitializer());
      const m = list.find((candidate) => candidate.name === parameter.getName());
      const value = m ? hole(m) : undefined;
      if (value === undefined) {
        if (!optional) return undefined;
        args.push('undefined');
      } else args.push(value);
    }
    while (args.at(-1) === 'undefined') args.pop();
    const name = declaration.getName();
    if (!name || !declaration.isExported()) return undefined;
    this.imports.set(name, relativeFile(declaration.getSourceFile().getFilePath(), this.projectRoot));
    return `new ${name}(${args.join(', ')})`;
  }

  /** A scalar hole, maybe inside a value object: `new FilterField({field})`. */
  leaf(type: Type, hole: string): string | undefined {
    // `unknown` without null and undefined is `{}`: anything goes.
    const empty = type.isObject() && type.getProperties().length === 0 && !type.isArray();
    if (
      type.isString() ||
      type.isNumber() ||
      type.isEnum() ||
      type.isEnumLiteral() ||
      type.isStringLiteral() ||
      type.isUnion() ||
      type.isUnknown() ||
      type.isAny() ||
      empty
    )
      return hole;
    return this.object(type, (m) => (m.name === 'value' ? this.leaf(m.type, hole) : undefined));
  }

  /** `Operator.EQUAL` for an enum member (importing the enum), else the literal. */
  code(value: ValueMeaning<string>, type: Type): string {
    if (!value.member)
      return typeof value.value === 'string' ? `'${value.value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'` : String(value.value);
    const literal = (type.isUnion() ? type.getUnionTypes() : [type]).find((t) => t.getLiteralValue() === value.value);
    const declaration =
      literal?.getBaseTypeOfLiteralType().getSymbol()?.getDeclarations().find(Node.isEnumDeclaration) ??
      type.getSymbol()?.getDeclarations().find(Node.isEnumDeclaration);
    if (declaration) this.imports.set(declaration.getName(), relativeFile(declaration.getSourceFile().getFilePath(), this.projectRoot));
    return value.member;
  }
}

/** The scalar type a reading ends on: `FilterOperator` -> its `value`'s `Operator`. */
function scalarType(type: Type, at: Node): Type {
  if (type.isObject() && !type.isArray()) {
    const inner = type.getProperty('value') ?? type.getProperty('getValue');
    if (inner) {
      const innerType = inner.getTypeAtLocation(at);
      const signature = innerType.getCallSignatures()[0];
      return signature ? signature.getReturnType() : innerType.getNonNullableType();
    }
  }
  return type;
}

export function criteriaBuild(type: Type, at: Node, projectRoot: string, shape: CriteriaShape): CriteriaBuild | undefined {
  const builder = new TemplateBuilder(at, projectRoot);
  const list = members(type, at);
  const role = (name: string | undefined) => (name === undefined ? undefined : name.replace(/^\??\./, '').split(/\??\./)[0]);
  const filtersName = role(shape.filters);
  const orderName = role(shape.order?.field);
  const filtersMember = list.find((m) => m.name === filtersName);
  const orderMember = list.find((m) => m.name === orderName);
  if (!filtersMember) return undefined;
  const element =
    elementType(filtersMember.type) ??
    members(filtersMember.type, at)
      .map((m) => elementType(m.type))
      .find((t) => t !== undefined);
  if (!element) return undefined;
  const filterMembers = members(element, at);
  const part = (access: string) => access.replace(/^\./, '').split('.')[0];
  const holes: Record<string, string> = {
    [part(shape.filter.field)]: '{field}',
    [part(shape.filter.operator.access)]: '{operator}',
    [part(shape.filter.value)]: '{value}',
  };
  const filter = builder.object(element, (m) => (holes[m.name] ? builder.leaf(m.type, holes[m.name]) : undefined));
  const filterList = elementType(filtersMember.type)
    ? '[{filters}]'
    : builder.object(filtersMember.type, (m) => (elementType(m.type) ? '[{filters}]' : undefined));
  let order: string | undefined;
  if (orderMember && shape.order) {
    const orderHoles: Record<string, string> = {
      [shape.order.field.split(/\??\./)[2]]: '{field}',
      [shape.order.direction.access.split(/\??\./)[2]]: '{direction}',
    };
    order = builder.object(orderMember.type, (m) => (orderHoles[m.name] ? builder.leaf(m.type, orderHoles[m.name]) : undefined));
    if (!order) return undefined;
  }
  const limitName = role(shape.limit);
  const offsetName = role(shape.offset);
  const criteria = builder.object(type, (m) => {
    if (m.name === filtersMember.name) return filterList;
    if (m.name === orderMember?.name) return order === undefined ? undefined : '{order}';
    if (m.name === limitName) return '{limit}';
    if (m.name === offsetName) return '{offset}';
    return undefined;
  });
  if (!filter || !filterList || !criteria) return undefined;
  const operatorType = scalarType(filterMembers.find((m) => holes[m.name] === '{operator}')!.type, at);
  const directionMember =
    orderMember && shape.order
      ? members(orderMember.type, at).find((m) => m.name === shape.order!.direction.access.split(/\??\./)[2])
      : undefined;
  const directionType = directionMember ? scalarType(directionMember.type, at) : undefined;
  const none = shape.order?.direction.values.find((v) => v.meaning === 'none');
  return {
    criteria,
    filter,
    ...(order ? { order } : {}),
    ...(order && none && directionType
      ? {
          noOrder: {
            field: "''",
            direction: builder.code(none, directionType),
          },
        }
      : {}),
    operators: shape.filter.operator.values.map((v) => ({
      meaning: v.meaning,
      code: builder.code(v, operatorType),
    })),
    directions: directionType
      ? (shape.order?.direction.values ?? []).map((v) => ({
          meaning: v.meaning,
          code: builder.code(v, directionType),
        }))
      : [],
    imports: [...builder.imports].map(([name, file]) => ({ name, file })),
  };
}
