/**
 * Queries whose fields, operators and order are only known at run time: a project's Criteria object
 * (filters, an order, limit and offset) and a page request (`{ limit, offset, page, orderBy }`), plus the
 * project's page type a paginated find returns. The reader records how to read each part from the object
 * (member access paths such as `.filters.filters`), never the object itself; the repositories translate it.
 */

/** What a filter's operator means; the same names as the derived-query operators where they overlap. */
export type FilterOperator =
  | 'equals'
  | 'not'
  | 'greaterThan'
  | 'greaterThanEqual'
  | 'lessThan'
  | 'lessThanEqual'
  | 'containing'
  | 'notContaining'
  | 'startingWith'
  | 'endingWith';

export type OrderDirection = 'asc' | 'desc' | 'none';

/** A run-time value (an enum member's value, a literal) and what it means. */
export interface ValueMeaning<M> {
  value: string | number;
  /** The enum member's name, for messages (`Operator.EQUAL`); absent for a literal. */
  member?: string;
  meaning: M;
}

/**
 * How to read the direction or the operator: the access path of a scalar, and the meaning of each value it can
 * take. `values` empty: a plain string, read through the common spellings (`'='`, `'asc'`, ...) at run time.
 */
export interface ScalarReading<M> {
  access: string;
  values: ValueMeaning<M>[];
  /** Values the type allows that gen could not give a meaning to: rejected at run time, named. */
  unknown: (string | number)[];
}

/** How to read a project's Criteria: `criteria.filters.filters[i].field.value`, and so on. */
export interface CriteriaShape {
  name: string;
  file: string;
  /** From the criteria to the list of filters: `.filters.filters`. */
  filters: string;
  /** A member on the way is optional: no list means no filters. */
  filtersMayBeAbsent?: boolean;
  filter: { field: string; operator: ScalarReading<FilterOperator>; value: string };
  /** From the criteria to the order's field and direction (`.order.orderBy.value`), when it has one. */
  order?: { field: string; direction: ScalarReading<OrderDirection> };
  /** `.limit`, `.offset`, with `?.` where a member on the way is optional. */
  limit?: string;
  offset?: string;
  /** How a test builds one, when gen can see how (public constructors, object types): for the generated contract test. */
  build?: CriteriaBuild;
}

/**
 * Expression templates with holes (`{filters}`, `{order}`, `{limit}`, `{offset}`; in a filter `{field}`, `{operator}`,
 * `{value}`; in an order `{field}`, `{direction}`): `new Criteria(new Filters([{filters}]), {order}, {limit}, {offset})`.
 * Operators and directions are spelled as code (`Operator.EQUAL`, `'asc'`).
 */
export interface CriteriaBuild {
  criteria: string;
  filter: string;
  /** Absent: the Criteria has no order member, or it is optional and left out. */
  order?: string;
  /** How a test asks for no order when the member is required: `Order.none()`'s parts, as an order template's holes. */
  noOrder?: { field: string; direction: string };
  operators: { meaning: FilterOperator; code: string }[];
  directions: { meaning: OrderDirection; code: string }[];
  /** Classes the templates construct and enums they name, to import as values. */
  imports: { name: string; file: string }[];
}

/** A page request: `{ limit, offset?, page?, orderBy? }` (the domain-driven-hexagon shape among others). */
export interface PageRequestShape {
  /** The type as the project declares it (`PaginatedQueryParams`), and its file. */
  name: string;
  file: string;
  /** The line of its declaration, for messages. */
  line: number;
  limit: string;
  /** Where the page starts: the offset member, else (page − the project's first page) × limit. */
  offset?: string;
  page?: string;
  order?: { field: string; direction: ScalarReading<OrderDirection> };
  /** Some of limit, offset and page may be left out (`page?: number`). */
  optionalMembers?: true;
}

/** The members of a page (`Paginated<T>`) and what each one holds. */
export type PageRole = 'items' | 'total' | 'limit' | 'page' | 'offset';

/** The project's page type and how to build one: its constructor (a props object, or positional) or an object literal. */
export interface PageResultShape {
  name: string;
  file: string;
  /** The aggregate it pages. */
  item: string;
  build: 'props-object' | 'positional' | 'object-literal';
  members: { name: string; role: PageRole }[];
}
