import type { FieldMapping } from '../map/persistence-model.js';
import type { DomainEventsAccess } from '../model/domain-events.js';
import type { FieldModel, ObjectArgument, Rehydration, ValueType, WrappedArgument } from '../model/domain-model.js';

/**
 * TypeScript expressions that convert fields between their domain values and their column values.
 * The mapper, both repositories and the tests share them, so every artifact converts the same way.
 */

/**
 * A member of an object argument declared with `?`: its value, left out (`omit`), or left out when `when` holds
 * (`...(model.note === null ? {} : { note: model.note })`), since under exactOptionalPropertyTypes such a member
 * takes no `undefined`.
 */
export type MemberValue = string | { omit: true } | { when: string; value: string };

/**
 * An aggregate rebuilt through `create()` (no rehydrating factory or constructor takes its fields) records its events
 * again on every rebuild: the call that drops them (`pullDomainEvents()`), else undefined. A loaded aggregate, and a
 * test's stored sample, has none pending; an outbox would publish them again on its next save.
 */
export function eventsRecordedByRebuild(aggregate: { rehydration: Rehydration; domainEvents?: DomainEventsAccess }): string | undefined {
  const { call } = aggregate.rehydration;
  const events = aggregate.domainEvents;
  if (!events || call.kind !== 'static' || call.method !== 'create' || aggregate.rehydration.unwrap) return undefined;
  return events.kind === 'pull' ? `${events.method}()` : `${events.clear}()`;
}

/**
 * The call that rebuilds a class from its fields: `new Money(a, b)`, `Book.reconstitute({ title: a }, id).getValue()`.
 * `memberOf` gives the members an object argument may leave out; without it they are written like the others.
 */
export function rehydrationCall(
  className: string,
  rehydration: Rehydration,
  valueOf: (field: string) => string,
  memberOf?: (field: string) => MemberValue,
): string {
  const member = (field: string, omittable: boolean): string | undefined => {
    const value = omittable && memberOf ? memberOf(field) : valueOf(field);
    if (typeof value === 'string') return `${field}: ${value}`;
    return 'omit' in value ? undefined : `...(${value.when} ? {} : { ${field}: ${value.value} })`;
  };
  const wrapped = (arg: WrappedArgument): string =>
    arg.list
      ? `${valueOf(arg.field)}.map((item) => ${rehydrationCall(arg.type.name, arg.type.rehydration, () => 'item')})`
      : rehydrationCall(arg.type.name, arg.type.rehydration, () => valueOf(arg.field));
  const object = ({ fields, omittable = [] }: ObjectArgument): string => {
    const members = fields.flatMap((f) =>
      typeof f === 'string'
        ? (member(f, omittable.includes(f)) ?? [])
        : 'kind' in f
          ? `${f.field}: ${f.kind === 'wrapped' ? wrapped(f) : `${valueOf(f.field)}${f.access}`}`
          : 'mode' in f
            ? `${f.member}: ${f.mode}`
            : `${f.member}: ${object(f.object)}`,
    );
    return members.length === 0 ? '{}' : `{ ${members.join(', ')} }`;
  };
  const args = rehydration.arguments.map((arg) =>
    arg.kind === 'field'
      ? valueOf(arg.field)
      : arg.kind === 'wrapped'
        ? wrapped(arg)
        : arg.kind === 'unwrapped'
          ? `${valueOf(arg.field)}${arg.access}`
          : arg.kind === 'mode'
            ? arg.text
            : object(arg),
  );
  // Parenthesized: an arrow function's body may be this literal.
  if (rehydration.call.kind === 'literal') return `(${args[0]})`;
  if (rehydration.call.kind === 'cast') return `(${args[0]} as ${className})`;
  if (rehydration.call.kind === 'function') {
    const call = `${rehydration.call.callee}(${args.join(', ')})`;
    return rehydration.call.as === undefined ? call : `(${call} as ${rehydration.call.as})`;
  }
  const call =
    rehydration.call.kind === 'constructor'
      ? `new ${className}(${args.join(', ')})`
      : `${className}.${rehydration.call.method}(${args.join(', ')})`;
  if (rehydration.assigned?.length)
    return `Object.assign(${call}, { ${rehydration.assigned.map((f) => `${f}: ${valueOf(f)}`).join(', ')} })`;
  // Typed as the class alone: tsc reduces `Customer & { _address: Address }` to never, `_address` being private in one.
  if (rehydration.written?.length)
    return `Object.assign<${className}, object>(${call}, { ${rehydration.written.map((w) => `${w.member}: ${valueOf(w.field)}`).join(', ')} })`;
  return rehydration.unwrap ? `${call}${rehydration.unwrap.accessor}` : call;
}

/** The value objects a rebuild builds from stored primitives (see WrappedArgument): what its code must import. */
export function wrappedTypes(rehydration: Rehydration): ValueType[] {
  return wrappedArguments(rehydration).map((arg) => arg.type);
}

/** The arguments of a rebuild that build a value object from a stored primitive, in objects too. */
export function wrappedArguments(rehydration: Rehydration): WrappedArgument[] {
  const inObject = (object: ObjectArgument): WrappedArgument[] =>
    object.fields.flatMap((f) =>
      typeof f === 'string' || 'mode' in f ? [] : 'kind' in f ? (f.kind === 'wrapped' ? [f] : []) : inObject(f.object),
    );
  return rehydration.arguments.flatMap((arg) => (arg.kind === 'wrapped' ? [arg] : arg.kind === 'object' ? inObject(arg) : []));
}

/** The items of a list rebuilt into the field's collection class when it has one: `Comments.create(items)`. */
export function intoCollection(field: FieldModel, items: string): string {
  return field.collection ? rehydrationCall(field.collection.className, field.collection.rehydration, () => items) : items;
}

/** Domain value -> the value of its (single) column; absent values become `null`, as TypeORM stores them. */
export function toColumnValue(expression: string, mapping: FieldMapping): string {
  const { conversion, field, column } = mapping;
  const absent = column.nullable;
  if (field.collection?.iterable) {
    // A Set: its items in insertion order (the reader refuses an absent one).
    const item =
      conversion.kind === 'composite-list'
        ? jsonItem('item', conversion)
        : `item${conversion.kind === 'value-object' ? conversion.valueAccess : ''}${column.jsonElement === 'bigint' ? '.toString()' : ''}`;
    return item === 'item' ? `Array.from(${expression})` : `Array.from(${expression}, (item) => ${item})`;
  }
  if (conversion.kind === 'composite-list') {
    const items = `.map((item) => ${jsonItem('item', conversion)})`;
    return absent ? `${expression}?${items} ?? null` : `${expression}${items}`;
  }
  if (field.list) {
    // JSON has no 64-bit integers: bigints go in as decimal strings.
    const text = column.jsonElement === 'bigint' ? '.toString()' : '';
    const items =
      conversion.kind === 'value-object' || text
        ? `.map((item) => item${conversion.kind === 'value-object' ? conversion.valueAccess : ''}${text})`
        : '';
    if (absent) return items ? `${expression}?${items} ?? null` : bound(expression, (list) => `${list} ? [...${list}] : null`);
    return items ? `${expression}${items}` : `[...${expression}]`;
  }
  if (conversion.kind === 'value-object')
    return absent && conversion.valueAccess
      ? `${expression}?${conversion.valueAccess} ?? null`
      : absent
        ? `${expression} ?? null`
        : `${expression}${conversion.valueAccess}`;
  return absent ? `${expression} ?? null` : expression;
}

/** One value object of a list as the JSON object stored for it: `{ author: item.author, at: item.at.toISOString() }`. */
function jsonItem(item: string, conversion: JsonObject): string {
  const members = (base: string) =>
    conversion.parts.map(
      (part) => `${part.column.property}: ${jsonValue(`${base}${conversion.snapshot ? `.${part.field.name}` : part.field.access}`, part)}`,
    );
  if (!conversion.snapshot) return `({ ${members(item).join(', ')} })`;
  return `{ const primitives = ${item}.${conversion.snapshot}; return { ${members('primitives').join(', ')} }; }`;
}

type JsonObject = Extract<FieldMapping['conversion'], { kind: 'composite' | 'composite-list' }>;

/**
 * A part's value as JSON holds it: a single-value object unwrapped, a Date or bigint as a string, a value object as a
 * nested object, a list as an array, an absent one null.
 */
function jsonValue(access: string, part: FieldMapping): string {
  const { conversion, column, field } = part;
  if (field.list) return toColumnValue(access, part);
  if (conversion.kind === 'composite') {
    const inline = (value: string) => {
      const object = conversion.snapshot ? `((value) => ${jsonItem('value', conversion)})(${value})` : jsonItem(value, conversion);
      return object.startsWith('(') ? object : `(${object})`;
    };
    return column.nullable ? bound(access, (value) => `${value} == null ? null : ${inline(value)}`) : inline(access);
  }
  const unwrap = conversion.kind === 'value-object' ? conversion.valueAccess : '';
  const text = column.kind === 'timestamp' ? '.toISOString()' : column.kind === 'bigint' ? '.toString()' : '';
  if (!column.nullable) return `${access}${unwrap}${text}`;
  return unwrap || text ? `${access}?${unwrap}${text} ?? null` : `${access} ?? null`;
}

/**
 * `use(expression)` where it tests `expression` and then reads it: a call's result (`item.getGift()`) is not narrowed
 * by the test, so it is bound to a parameter first: `((value) => value == null ? null : value.getMessage())(item.getGift())`.
 */
function bound(expression: string, use: (value: string) => string): string {
  return isNarrowable(expression) ? use(expression) : `((value) => ${use('value')})(${expression})`;
}

/** A local constant the mapper declares before its assignments: `const pricePrimitives = order.price.toPrimitives();`. */
export interface MapperLocal {
  name: string;
  value: string;
}

/**
 * Every column assignment for one field (several for a composite value object), from the domain value `expression`.
 * A value object that offers `toPrimitives()` is read through one call of it, kept in a local added to `locals`.
 */
export function columnAssignments(
  expression: string,
  mapping: FieldMapping,
  locals: MapperLocal[] = [],
  inAbsent = false,
): { property: string; value: string }[] {
  const { conversion } = mapping;
  if (conversion.kind !== 'composite') return [{ property: mapping.column.property, value: toColumnValue(expression, mapping) }];
  // `inAbsent`: the value object holding this one may be absent, so a local read from it may be undefined.
  const optional = mapping.field.optional || mapping.field.nullable ? '?' : '';
  const absent = optional !== '' || inAbsent;
  if (conversion.snapshot) {
    // A value object inside another may share its name with a field: each local gets a name of its own.
    const base = `${mapping.field.name}Primitives`;
    let name = base;
    for (let n = 2; locals.some((l) => l.name === name); n++) name = `${base}${n}`;
    const local = { name, value: `${expression}${optional}.${conversion.snapshot}` };
    locals.push(local);
    return conversion.parts.flatMap((part) =>
      columnAssignments(`${local.name}${absent ? '?' : ''}.${part.field.name}`, part, locals, absent),
    );
  }
  return conversion.parts.flatMap((part) => columnAssignments(`${expression}${optional}${part.field.access}`, part, locals, absent));
}

/** The domain value of a field, rebuilt from the columns of `model`, restoring `undefined` or `null` as the domain declares. */
export function fromColumns(model: string, mapping: FieldMapping): string {
  const { field, conversion, column } = mapping;
  const stored = `${model}.${column.property}`;
  const absentValue = field.nullable ? 'null' : 'undefined';
  if (conversion.kind === 'composite-list') {
    const part = (name: string) => conversion.parts.find((p) => p.field.name === name)!;
    const build = rehydrationCall(
      conversion.className,
      conversion.rehydration,
      (name) => fromJson('item', part(name)),
      (name) => memberFromJson('item', part(name)),
    );
    const items = intoCollection(field, `${stored}.map((item) => ${build})`);
    return column.nullable ? `${stored} === null ? ${absentValue} : ${items}` : items;
  }
  if (conversion.kind === 'composite') {
    const absent = field.optional || field.nullable;
    // Once the value is known to be there, its parts are only as optional as the value object says.
    const parts = conversion.parts.map((p) => ({ ...p, column: { ...p.column, nullable: p.field.optional || p.field.nullable } }));
    const part = (name: string) => parts.find((p) => p.field.name === name)!;
    const build = rehydrationCall(
      conversion.className,
      conversion.rehydration,
      (name) => fromColumns(model, part(name)),
      (name) => memberFromColumns(model, part(name)),
    );
    if (!absent) return build;
    // The value is there when its required parts are (the checks also narrow their types).
    const required = requiredColumns(conversion.parts).map((c) => `${model}.${c.property} === null`);
    return required.length === 0 ? build : `${required.join(' || ')} ? ${absentValue} : ${build}`;
  }
  const bigintItems = field.list && column.jsonElement === 'bigint';
  const item = bigintItems ? 'BigInt(item)' : 'item';
  const single = (value: string): string => {
    switch (conversion.kind) {
      case 'plain':
        return bigintItems ? `${value}.map((item) => ${item})` : value;
      case 'cast':
        // The column only holds the type's values: a CHECK constraint (or the mapper) put them there.
        return field.list
          ? `${value} as ${conversion.type.includes('|') ? `(${conversion.type})` : conversion.type}[]`
          : `${value} as ${conversion.type}`;
      case 'value-object':
        return field.list
          ? `${value}.map((item) => ${rehydrationCall(conversion.className, conversion.rehydration, () => item)})`
          : rehydrationCall(conversion.className, conversion.rehydration, () => value);
    }
  };
  // A wrapped collection is never absent (the reader refuses it), so its column is NOT NULL.
  if (!column.nullable) return intoCollection(field, single(stored));
  if (conversion.kind === 'plain' && !bigintItems) return field.nullable ? stored : `${stored} ?? undefined`;
  if (conversion.kind === 'cast' && !field.list) return `(${stored} ?? ${absentValue}) as ${conversion.type} | ${absentValue}`;
  return `${stored} === null ? ${absentValue} : ${single(stored)}`;
}

/** A part of a value object, rebuilt from the JSON object `item` stores for it (see jsonItem). */
function fromJson(item: string, part: FieldMapping): string {
  const stored = `${item}.${part.column.property}`;
  // A list inside the object is read back as a list column is (its key is the part's property).
  if (part.field.list) return fromColumns(item, part);
  const value = (raw: string): string => {
    const { conversion } = part;
    if (conversion.kind === 'composite') {
      const inner = (name: string) => conversion.parts.find((p) => p.field.name === name)!;
      return rehydrationCall(
        conversion.className,
        conversion.rehydration,
        (name) => fromJson(raw, inner(name)),
        (name) => memberFromJson(raw, inner(name)),
      );
    }
    const scalar = part.column.kind === 'timestamp' ? `new Date(${raw})` : part.column.kind === 'bigint' ? `BigInt(${raw})` : raw;
    if (conversion.kind === 'value-object') return rehydrationCall(conversion.className, conversion.rehydration, () => scalar);
    if (conversion.kind === 'cast') return `${scalar} as ${conversion.type}`;
    return scalar;
  };
  if (!part.column.nullable) return value(stored);
  const absent = part.field.nullable ? 'null' : 'undefined';
  return `${stored} === null ? ${absent} : ${value(stored)}`;
}

function memberFromJson(item: string, part: FieldMapping): MemberValue {
  if (!part.field.optional || part.field.nullable) return fromJson(item, part);
  return {
    when: `${item}.${part.column.property} === null`,
    value: fromJson(item, { ...part, column: { ...part.column, nullable: false } }),
  };
}

/**
 * The columns a present value object always fills: its required parts', and those of the value objects it always
 * holds (`ship_address_address_city` of a required `address` inside `shipAddress`).
 */
function requiredColumns(parts: readonly FieldMapping[]): FieldMapping['column'][] {
  return parts
    .filter((p) => !p.field.optional && !p.field.nullable)
    .flatMap((p) => (p.conversion.kind === 'composite' ? requiredColumns(p.conversion.parts) : [p.column]));
}

/** A field's value for a member declared with `?`: left out when its columns say it is absent (see MemberValue). */
export function memberFromColumns(model: string, mapping: FieldMapping): MemberValue {
  const { field, conversion, column } = mapping;
  if (!field.optional || field.nullable) return fromColumns(model, mapping);
  if (conversion.kind === 'composite') {
    const required = requiredColumns(conversion.parts).map((c) => `${model}.${c.property} === null`);
    if (required.length === 0) return fromColumns(model, mapping);
    return { when: required.join(' || '), value: fromColumns(model, { ...mapping, field: { ...field, optional: false } }) };
  }
  if (!column.nullable) return fromColumns(model, mapping);
  // Once the column is known to hold a value, the value is read as from a NOT NULL column.
  return {
    when: `${model}.${column.property} === null`,
    value: fromColumns(model, { ...mapping, column: { ...column, nullable: false } }),
  };
}

/**
 * Whether TypeScript narrows `expression` by a test of it (`x.a === undefined`, `x.a ? ... : ...`): a name or a chain
 * of properties does, a call (`order.getId()`) does not, so code testing one binds its value first.
 */
export function isNarrowable(expression: string): boolean {
  return /^[\w$]+(\??\.[\w$]+)*$/.test(expression);
}

/** A query argument (never absent) of type `type` -> the value to compare the column with. */
export function argumentValue(expression: string, type: ValueType): string {
  return type.kind === 'value-object' ? `${expression}${type.valueAccess}` : expression;
}
