import type { FieldModel } from '../model/domain-model.js';
import { columnName } from './naming.js';
import type { ColumnSpec, FieldConversion, FieldMapping } from './persistence-model.js';

/** Strings get a bounded varchar so the same column works as a key or index on every database. */
const STRING_LENGTH = 255;

export function mapField(field: FieldModel, idField: string): FieldMapping {
  const column: ColumnSpec = {
    name: columnName(field.name),
    property: field.name,
    kind: 'string',
    nullable: field.optional || field.nullable,
    primary: field.name === idField,
  };
  let conversion: FieldConversion = { kind: 'plain' };
  const type = field.type;
  switch (type.kind) {
    case 'primitive':
      Object.assign(column, primitiveColumn(type.primitive));
      break;
    case 'enum':
      column.kind = 'enum';
      column.enumValues = type.members.map((m) => String(m.value));
      conversion = { kind: 'enum', enumName: type.name };
      break;
    case 'value-object':
      Object.assign(column, primitiveColumn(type.primitive));
      conversion = { kind: 'value-object', className: type.name, valueProperty: type.valueProperty, construction: type.construction };
      break;
    default:
      throw new Error(`field ${field.name}: the reader let through a ${type.kind} type`);
  }
  return { field, column, conversion };
}

function primitiveColumn(primitive: 'string' | 'number' | 'boolean' | 'date'): Pick<ColumnSpec, 'kind' | 'length'> {
  switch (primitive) {
    case 'string':
      return { kind: 'string', length: STRING_LENGTH };
    case 'number':
      // A JS number is a double: storing it as one loses nothing. Integer columns come with overrides.
      return { kind: 'double' };
    case 'boolean':
      return { kind: 'boolean' };
    case 'date':
      return { kind: 'timestamp' };
  }
}
