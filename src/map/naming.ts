import { createHash } from 'node:crypto';
import { camelCase, kebabCase, pascalCase, snakeCase } from 'change-case';
import pluralize from 'pluralize';
import type { EntityStyle } from '../config/entity-style.js';
import type { NameSet } from './persistence-model.js';

export function nameSet(aggregate: string): NameSet {
  const pascal = pascalCase(persistenceName(aggregate));
  return {
    aggregate,
    kebab: kebabCase(persistenceName(aggregate)),
    variable: variableName(camelCase(persistenceName(aggregate))),
    entityClass: `${pascal}Model`,
    mapperClass: `${pascal}Mapper`,
    typeOrmRepositoryClass: `TypeOrm${pascal}Repository`,
    inMemoryRepositoryClass: `InMemory${pascal}Repository`,
  };
}

/** Words a variable cannot be named in an ES module (strict mode), and names the generated code uses itself. */
const RESERVED = new Set(
  (
    'break case catch class const continue debugger default delete do else enum export extends false finally for function if ' +
    'implements import in instanceof interface let new null package private protected public return static super switch this ' +
    'throw true try typeof var void while with yield await arguments eval model models primitives result subject'
  ).split(' '),
);

/** `order` for Order; an aggregate called Case or Package gets `aCase`, `aPackage`, since `case` cannot name a variable. */
function variableName(camel: string): string {
  if (!RESERVED.has(camel)) return camel;
  return `${/^[aeiou]/.test(camel) ? 'an' : 'a'}${camel.charAt(0).toUpperCase()}${camel.slice(1)}`;
}

/**
 * What the persistence side calls a class: its name without a role suffix (`UserEntity`, `OrderAggregate`,
 * `CartAggregateRoot` -> User, Order, Cart), as in projects that name their domain classes so.
 */
export function persistenceName(className: string): string {
  const base = className.replace(/(Entity|AggregateRoot|Aggregate)$/, '');
  return base === '' ? className : base;
}

/** Tables are snake_case plurals (`order_lines`); plural names also keep clear of keywords like `order`. */
export function tableName(aggregate: string): string {
  return snakeCase(pluralize(persistenceName(aggregate)));
}

/**
 * A child entity's table: `order_lines` for Order's OrderLine, `product_variants` for Product's Variant
 * (prefixed with the root, so two aggregates' `Item`s do not share a table).
 */
export function childTableName(aggregate: string, child: string): string {
  const name = snakeCase(pluralize(persistenceName(child)));
  const root = snakeCase(persistenceName(aggregate));
  return name.startsWith(`${root}_`) ? name : `${root}_${name}`;
}

export function columnName(field: string): string {
  return snakeCase(field);
}

/**
 * The shortest identifier limit of the databases gen writes for: PostgreSQL's 63 bytes (MariaDB allows 64).
 * PostgreSQL silently truncates a longer name, so two long names could meet; MariaDB refuses it.
 */
export const IDENTIFIER_LIMIT = 63;

/**
 * A table, column, index or key name within IDENTIFIER_LIMIT: a longer one (the column of a value object inside a value
 * object, `shipping_address_destination_postal_code_...`) keeps its start and ends with a hash of the whole name, so
 * it is the same on every run and two long names that share a start stay apart.
 */
export function boundedIdentifier(name: string, limit = IDENTIFIER_LIMIT): string {
  if (Buffer.byteLength(name, 'utf8') <= limit) return name;
  const hash = createHash('sha256').update(name).digest('hex').slice(0, 8);
  let head = name.slice(0, limit - hash.length - 1);
  while (Buffer.byteLength(head, 'utf8') > limit - hash.length - 1) head = head.slice(0, -1);
  return `${head.replace(/_+$/, '')}_${hash}`;
}

export { camelCase, kebabCase, pascalCase, pluralize, snakeCase };

/** `OrderModel` -> `OrderSchema`: the EntitySchema of a row class. */
export function schemaName(entityClass: string): string {
  return `${entityClass.replace(/Model$/, '')}Schema`;
}

/** What a DataSource's `entities` lists for the feature: the decorated classes, or their EntitySchemas. */
export function entityExports(style: EntityStyle, modelClasses: readonly string[]): string[] {
  return style === 'schema' ? modelClasses.map(schemaName) : [...modelClasses];
}
