import { camelCase, kebabCase, pascalCase, snakeCase } from 'change-case';
import pluralize from 'pluralize';
import type { NameSet } from './persistence-model.js';

export function nameSet(aggregate: string): NameSet {
  const pascal = pascalCase(aggregate);
  return {
    aggregate,
    kebab: kebabCase(aggregate),
    variable: camelCase(aggregate),
    modelClass: `${pascal}Model`,
    mapperClass: `${pascal}Mapper`,
    typeOrmRepositoryClass: `TypeOrm${pascal}Repository`,
    inMemoryRepositoryClass: `InMemory${pascal}Repository`,
  };
}

/** Tables are snake_case plurals (`order_lines`); plural names also keep clear of keywords like `order`. */
export function tableName(aggregate: string): string {
  return snakeCase(pluralize(aggregate));
}

/**
 * A child entity's table: `order_lines` for Order's OrderLine, `product_variants` for Product's Variant
 * (prefixed with the root, so two aggregates' `Item`s do not share a table).
 */
export function childTableName(aggregate: string, child: string): string {
  const name = snakeCase(pluralize(child));
  const root = snakeCase(aggregate);
  return name.startsWith(`${root}_`) ? name : `${root}_${name}`;
}

export function columnName(field: string): string {
  return snakeCase(field);
}

export { camelCase, kebabCase, pascalCase, pluralize, snakeCase };
