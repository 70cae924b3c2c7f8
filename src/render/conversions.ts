import type { FieldMapping } from '../map/persistence-model.js';

/**
 * TypeScript expressions that convert one field between its domain value and its column value.
 * The mapper, both repositories and the tests share them, so every artifact converts the same way.
 */

/** Domain value -> column value (absent values become `null`, as TypeORM stores them). */
export function toColumnValue(expression: string, mapping: FieldMapping): string {
  const absent = mapping.column.nullable;
  if (mapping.conversion.kind === 'value-object') {
    const property = mapping.conversion.valueProperty;
    return absent ? `${expression}?.${property} ?? null` : `${expression}.${property}`;
  }
  return absent ? `${expression} ?? null` : expression;
}

/** Column value -> domain value, restoring `undefined` or `null` as the domain declares. */
export function fromColumnValue(expression: string, mapping: FieldMapping): string {
  const { field, conversion } = mapping;
  const absentValue = field.nullable ? 'null' : 'undefined';
  const absent = mapping.column.nullable;
  switch (conversion.kind) {
    case 'plain':
      return absent && !field.nullable ? `${expression} ?? undefined` : expression;
    case 'enum':
      // The column's CHECK constraint admits only the enum's values.
      return absent ? `(${expression} ?? ${absentValue}) as ${conversion.enumName} | ${absentValue}` : `${expression} as ${conversion.enumName}`;
    case 'value-object': {
      const build = conversion.construction.kind === 'constructor' ? `new ${conversion.className}(${expression})` : `${conversion.className}.${conversion.construction.method}(${expression})`;
      return absent ? `${expression} === null ? ${absentValue} : ${build}` : build;
    }
  }
}

/** A query argument (never absent) -> the value to compare the column with. */
export function argumentValue(expression: string, mapping: FieldMapping): string {
  return mapping.conversion.kind === 'value-object' ? `${expression}.${mapping.conversion.valueProperty}` : expression;
}

/** In memory, the same equality SQL applies: a null column matches nothing, dates compare by instant. */
export function columnEquals(column: string, argument: string, mapping: FieldMapping): string {
  if (mapping.column.kind === 'timestamp') {
    return mapping.column.nullable ? `${column} !== null && ${column}.getTime() === ${argument}.getTime()` : `${column}.getTime() === ${argument}.getTime()`;
  }
  return `${column} === ${argument}`;
}
