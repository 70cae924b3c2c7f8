import { camelCase } from 'change-case';
import { GenError } from '../errors.js';
import type { FieldModel, PrimitiveKind } from '../model/domain-model.js';
import type { ColumnOverride } from '../config/column-overrides.js';
import { applyColumnOverride } from './column-overrides.js';
import { boundedIdentifier, columnName } from './naming.js';
import type { ColumnSpec, FieldConversion, FieldMapping } from './persistence-model.js';

/** Strings get a bounded varchar so the same column works as a key or index on every database. */
const STRING_LENGTH = 255;

/**
 * One domain field -> its column(s) and conversion. `prefix` names the parts of a composite value object:
 * `price.amount` -> column `price_amount`, property `priceAmount`.
 */
export function mapField(
  field: FieldModel,
  idField: string,
  prefix?: { column: string; property: string; nullable: boolean },
  overrides: ReadonlyMap<string, ColumnOverride> = new Map(),
): FieldMapping {
  const property = prefix ? camelCase(`${prefix.property} ${field.name}`) : field.name;
  // The full path (`ship_address_address_city`): a nested part's name is shortened once, from its whole path.
  const path = prefix ? `${prefix.column}_${columnName(field.name)}` : columnName(field.name);
  const column: ColumnSpec = {
    name: boundedIdentifier(path),
    property,
    kind: 'string',
    nullable: field.optional || field.nullable || (prefix?.nullable ?? false),
    primary: !prefix && field.name === idField,
  };
  let conversion: FieldConversion = { kind: 'plain' };
  const type = field.type;
  switch (type.kind) {
    case 'primitive':
      Object.assign(column, primitiveColumn(type.primitive));
      break;
    case 'enum':
      if (type.valueKind === 'number') column.kind = 'integer';
      else Object.assign(column, { kind: 'enum', enumValues: type.members.map((m) => String(m.value)) });
      conversion = { kind: 'cast', type: type.name };
      break;
    case 'literal-union':
      Object.assign(column, { kind: 'enum', enumValues: type.values });
      conversion = { kind: 'cast', type: type.values.map((v) => `'${v}'`).join(' | ') };
      break;
    case 'value-object':
      Object.assign(column, primitiveColumn(type.primitive));
      conversion = { kind: 'value-object', className: type.name, valueAccess: type.valueAccess, rehydration: type.rehydration };
      break;
    case 'composite': {
      if (field.list) return compositeList(field, column, type, idField);
      const parts = type.fields.map((part) => mapField(part, idField, { column: path, property, nullable: column.nullable }, overrides));
      // An absent value is a row whose required parts are NULL: with none required, absent and empty look the same.
      if ((field.optional || field.nullable) && !alwaysFilled(parts))
        throw new GenError(
          `field '${field.name}' may be absent and so may every part of it (${type.fields.map((f) => f.name).join(', ')}): its columns cannot tell an absent ${field.name} from an empty one`,
          field.location,
          `Make one of its parts required, or make '${field.name}' itself required (an empty value then stands for "nothing").`,
        );
      const snapshot = type.snapshot ? { snapshot: type.snapshot } : {};
      return {
        field,
        column: parts[0].column,
        conversion: { kind: 'composite', className: type.name, rehydration: type.rehydration, parts, ...snapshot },
      };
    }
    default:
      throw new Error(`field ${field.name}: the reader let through a ${type.kind} type`);
  }
  const override = overrides.get(column.name);
  if (override) applyColumnOverride(column, field, override);
  if (field.list) {
    // Lists of values are stored as JSON text: one column, read back whole.
    const element =
      column.kind === 'double' || column.kind === 'integer'
        ? 'number'
        : column.kind === 'bigint'
          ? 'bigint'
          : column.kind === 'boolean'
            ? 'boolean'
            : column.kind === 'timestamp'
              ? undefined
              : 'string';
    if (!element)
      throw new GenError(
        `field '${field.name}' is a list of dates, which gen does not store yet`,
        field.location,
        'Store ISO strings, or a list of value objects wrapping them.',
      );
    Object.assign(column, { kind: 'json', jsonElement: element });
    delete column.length;
    delete column.enumValues;
  }
  return { field, column, conversion };
}

/**
 * A list of value objects without identity (`remarks: Remark[]`): one JSON column, an object per element keyed by
 * the parts' names, rebuilt element by element through the value object's own rehydration. Its elements are read
 * and written whole with the aggregate, like a list of single values; derived queries cannot filter on it.
 */
function compositeList(
  field: FieldModel,
  column: ColumnSpec,
  type: Extract<FieldModel['type'], { kind: 'composite' }>,
  idField: string,
): FieldMapping {
  const parts = jsonParts(type, idField);
  Object.assign(column, { kind: 'json', jsonElement: 'object', jsonItem: jsonObjectType(parts) });
  const snapshot = type.snapshot ? { snapshot: type.snapshot } : {};
  return { field, column, conversion: { kind: 'composite-list', className: type.name, rehydration: type.rehydration, parts, ...snapshot } };
}

/**
 * The parts of a value object held inside JSON, keyed by their own names: a value object in it is a nested JSON object
 * (null when absent), a list a JSON array.
 */
function jsonParts(type: Extract<FieldModel['type'], { kind: 'composite' }>, idField: string): FieldMapping[] {
  return type.fields.map((part) => {
    if (part.list || part.type.kind !== 'composite') return mapField(part, idField, { column: '', property: '', nullable: false });
    // JSON tells an absent object (null) from an empty one ({}), so it may have no required part.
    const parts = jsonParts(part.type, idField);
    const column: ColumnSpec = {
      name: '',
      property: part.name,
      kind: 'json',
      jsonElement: 'object',
      jsonItem: jsonObjectType(parts),
      nullable: part.optional || part.nullable,
      primary: false,
    };
    const snapshot = part.type.snapshot ? { snapshot: part.type.snapshot } : {};
    return {
      field: part,
      column,
      conversion: { kind: 'composite', className: part.type.name, rehydration: part.type.rehydration, parts, ...snapshot },
    };
  });
}

/** The TypeScript type of a value object as JSON holds it: `{ street: string; at: string; tags: string[] | null }`. */
function jsonObjectType(parts: readonly FieldMapping[]): string {
  const member = (part: FieldMapping): string => {
    const { column, conversion } = part;
    const type =
      conversion.kind === 'composite'
        ? (column.jsonItem ?? 'unknown')
        : column.kind === 'json'
          ? column.jsonItem
            ? `${column.jsonItem}[]`
            : `${column.jsonElement === 'bigint' ? 'string' : (column.jsonElement ?? 'unknown')}[]`
          : JSON_ITEM_TYPE[column.kind];
    return `${column.property}: ${type}${column.nullable ? ' | null' : ''}`;
  };
  return `{ ${parts.map(member).join('; ')} }`;
}

/** How a part of a value object is held inside JSON: Dates as ISO strings, bigints as decimal strings. */
const JSON_ITEM_TYPE: Record<ColumnSpec['kind'], string> = {
  string: 'string',
  double: 'number',
  integer: 'number',
  decimal: 'number',
  bigint: 'string',
  boolean: 'boolean',
  timestamp: 'string',
  enum: 'string',
  json: 'unknown',
};

/** Whether a value object's columns always hold something when it is there: a required part, maybe in a required value object. */
function alwaysFilled(parts: readonly FieldMapping[]): boolean {
  return parts.some(
    (p) => !p.field.optional && !p.field.nullable && (p.conversion.kind !== 'composite' || alwaysFilled(p.conversion.parts)),
  );
}

/** Every column of a field: one, or one per part of a composite value object. */
export function fieldColumns(mapping: FieldMapping): ColumnSpec[] {
  return mapping.conversion.kind === 'composite' ? mapping.conversion.parts.flatMap(fieldColumns) : [mapping.column];
}

function primitiveColumn(primitive: PrimitiveKind): Pick<ColumnSpec, 'kind' | 'length'> {
  switch (primitive) {
    case 'string':
      return { kind: 'string', length: STRING_LENGTH };
    case 'number':
      // A JS number is a double: storing it as one loses nothing. gen.config.json's `columns` may say
      // integer or decimal(P,S) instead, where the project knows its values fit.
      return { kind: 'double' };
    case 'bigint':
      return { kind: 'bigint' };
    case 'boolean':
      return { kind: 'boolean' };
    case 'date':
      return { kind: 'timestamp' };
  }
}
