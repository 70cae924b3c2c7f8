import { kebabCase } from '../src/map/naming.js';
import type { ChildCollection, FieldMapping, PersistenceModel } from '../src/map/persistence-model.js';
import { eventsRecordedByRebuild, intoCollection, rehydrationCall } from '../src/render/conversions.js';
import { tsLiteral } from '../src/render/ts-literal.js';

/** A stored value as the database sees it; `null` is absent. Dates are ISO strings, which order like instants. */
export type StoredValue = string | number | bigint | boolean | null;

/** Samples of a bigint field: past 32 bits, negative, and the largest integer SQLite's drivers read exactly (2^53 - 1). */
const BIGINTS = [10n, 4_294_967_296n, -25n, 9_007_199_254_740_991n];

/** A sample as a test writes it before wrapping: a string (dates as ISO text), a number, a bigint or a boolean. */
export type RawSample = string | number | bigint | boolean;

/**
 * Samples the domain accepted where today's guesses were refused (src/samples/accepted-samples.ts), by
 * `Class.field`: the raw value of each variant 0 to 3, and of the missing id (variant 998) for an id.
 */
export type SampleChoices = Readonly<Record<string, Readonly<Record<number, RawSample>>>>;

/** The variants a field's samples take: 0 to 3, and 998 for the id no sample has. */
export const MISSING_VARIANT = 998;

/** One value: how to write it in TypeScript, and what it stores. */
export interface SampleValue {
  expression: string;
  stored: StoredValue;
}

export const SAMPLE_COUNT = 4;

/** The choice that gives a list field an element in a variant that would leave it empty (`true` for that variant). */
export function listShapeKey(owner: string, field: string): string {
  return `${owner}.${field}[]`;
}

/**
 * The owner a composite's parts are sampled under (the first part of their `samples` key): its class or type name
 * (`Money`), or for an object type with no name (`customer: { name: string; email: string }`) the path to it from the
 * nearest named one (`Reservation.customer`), so that `Reservation.customer.email` names the value at any depth.
 */
export function partsOwner(mapping: FieldMapping, owner: string): string {
  const { conversion } = mapping;
  const className = conversion.kind === 'composite' || conversion.kind === 'composite-list' ? conversion.className : '';
  return /^[A-Za-z_$][\w$]*$/.test(className) ? className : `${owner}.${mapping.field.name}`;
}

/** How many children the generated suite saves in one aggregate: past every database's parameter limit (65,535 on PostgreSQL). */
export const LARGE_COLLECTION = 70_000;

/**
 * Each sample's children of one collection: CHILD_SAMPLES, but sample 2 holds one child (id 2, variant 2) instead
 * of none where the domain refuses an aggregate without children (`at least one item`: the probe stage sets the
 * collection's `listShapeKey` for sample 2).
 */
export function childSamples(choices: SampleChoices, owner: string, field: string): [number, number][][] {
  if (choices[listShapeKey(owner, field)]?.[2] !== true) return CHILD_SAMPLES;
  return CHILD_SAMPLES.map((children, sample) => (sample === 2 && children.length === 0 ? [[2, 2]] : children));
}

/** Sample 2 leaves optional fields absent, so every query meets a NULL. */
const ABSENT_SAMPLE = 2;

/** Samples 0 and 2 share a value, so equality finds several rows; fields a single-result query looks up differ in every sample. */
const SHARED_VARIANTS = [0, 1, 0, 3];

/** Each sample's children as [id, variant] pairs (see SampleSet.children). */
export const CHILD_SAMPLES: [number, number][][] = [
  [
    [0, 0],
    [1, 1],
  ],
  [
    [1, 3],
    [2, 2],
  ],
  [],
  [
    [2, 2],
    [0, 0],
    [1, 1],
  ],
];

/**
 * Sample aggregates for the generated contract tests, chosen to catch the usual mistakes: case variants
 * (`Name Alpha`, `NAME ALPHA`), LIKE wildcards in the data (`name alpha_%`), NULLs and shared values.
 */
export class SampleSet {
  constructor(
    private readonly model: PersistenceModel,
    private readonly uniqueFields: ReadonlySet<string>,
    /** Fields whose values the tests pass wrapped in a value object (by name: the class), so they get its kind of sample. */
    private readonly wrappedFields: ReadonlyMap<string, string> = new Map(),
    /** Fields stored as plain strings that the tests pass wrapped in a value object named like Uuid: their samples are UUIDs. */
    private readonly uuidFields: ReadonlySet<string> = new Set(),
    /** Values the domain accepted in place of refused guesses. */
    private readonly choices: SampleChoices = {},
    /** `javascript` for the probe stage, which runs the expressions as they are (no `as const`). */
    private readonly language: 'typescript' | 'javascript' = 'typescript',
  ) {}

  /** Each sample's children of `child` as [id, variant] pairs (see childSamples). */
  childPairs(child: ChildCollection): [number, number][][] {
    return childSamples(this.choices, this.model.aggregate.name, child.field.name);
  }

  /** The same samples with other choices: the probe stage tries its candidates through this. */
  withChoices(choices: SampleChoices): SampleSet {
    return new SampleSet(this.model, this.uniqueFields, this.wrappedFields, this.uuidFields, choices, this.language);
  }

  /** The same samples as JavaScript expressions, for the probe stage. */
  asJavaScript(): SampleSet {
    return new SampleSet(this.model, this.uniqueFields, this.wrappedFields, this.uuidFields, this.choices, 'javascript');
  }

  value(mapping: FieldMapping, sample: number, owner = this.model.aggregate.name): SampleValue {
    const { field } = mapping;
    // An id the database assigns is absent only before the first save: the samples stand for saved aggregates.
    if ((field.optional || field.nullable) && sample === ABSENT_SAMPLE && !mapping.column.generated) {
      return { expression: field.nullable ? 'null' : 'undefined', stored: null };
    }
    return this.variant(mapping, this.variantOf(mapping, sample), this.model.names.kebab, owner);
  }

  /** Which variant of a field sample `sample` holds: its own for ids and looked-up fields, else shared (0, 1, 0, 3). */
  variantOf(mapping: FieldMapping, sample: number): number {
    return mapping.column.primary || this.uniqueFields.has(mapping.field.name) ? sample : SHARED_VARIANTS[sample];
  }

  /** The id of a sample (`order-1`, ...); `missing` is an id no sample has. */
  idValue(sample: number | 'missing'): SampleValue {
    return this.variant(this.id(), sample === 'missing' ? MISSING_VARIANT : sample);
  }

  /**
   * The id of variant `variant`, a TypeScript expression of a number evaluated when the test runs (`order-${n + 1}`),
   * for tests that make many aggregates; undefined for an id no such expression builds.
   */
  idAt(variant: string): string | undefined {
    return this.nthId(this.id(), variant, this.model.names.kebab, this.model.aggregate.name);
  }

  /**
   * Sample 0 with `count` children in collection `child`, ids 1 to `count` (built in a loop when the test runs), the
   * other fields of each child those of its variant 0; undefined when no expression builds the child's ids.
   */
  withManyChildren(child: ChildCollection, count: number): string | undefined {
    const id = child.fields.find((f) => f.column.primary);
    const nth = id && this.nthId(id, 'n', kebabCase(child.className), child.className);
    if (!id || !nth) return undefined;
    const expression = (name: string) =>
      name === id.field.name
        ? nth
        : this.value(
            child.fields.find((f) => f.field.name === name)!,
            0,
            child.className,
          ).expression;
    const item = rehydrationCall(child.className, child.rehydration, expression, (name) =>
      expression(name) === 'undefined' ? { omit: true } : expression(name),
    );
    const items = `Array.from({ length: ${count} }, (_, n) => ${item})`;
    return this.construct(0, { [child.field.name]: { expression: intoCollection(child.field, items), stored: null } });
  }

  /** The value of an id (the aggregate's or a child's) in variant `variant`, a TypeScript expression of a number. */
  private nthId(mapping: FieldMapping, variant: string, prefix: string, owner: string): string | undefined {
    const { field, column, conversion } = mapping;
    if (conversion.kind === 'composite' || field.list || field.type.kind === 'literal-union' || field.type.kind === 'enum')
      return undefined;
    const uuid = (field.type.kind === 'value-object' && field.type.uuid === true) || this.uuidFields.has(field.name);
    const uuidExpression = `\`${sampleUuid(prefix, 0).slice(0, 24)}\${(${variant} + 1).toString(16).padStart(12, '0')}\``;
    const chosen = this.choices[`${owner}.${field.name}`];
    if (chosen) {
      // Ids the domain chose: built in a loop only when they are the UUIDs or readable ids one of these expressions
      // makes, maybe in the case the domain stores them in (`new MemberId('MEMBER-1')`, an id it upper-cases).
      if (column.kind !== 'string') return undefined;
      const forms = [
        { value: (v: number) => sampleUuid(prefix, v), expression: uuidExpression },
        { value: (v: number) => `${prefix}-${v + 1}`, expression: `\`${prefix}-\${${variant} + 1}\`` },
      ];
      const cases = [
        { apply: (text: string) => text, call: '' },
        { apply: (text: string) => text.toUpperCase(), call: '.toUpperCase()' },
        { apply: (text: string) => text.toLowerCase(), call: '.toLowerCase()' },
      ];
      for (const form of forms)
        for (const { apply, call } of cases)
          if ([0, 1, 2, 3].every((v) => chosen[v] === undefined || chosen[v] === apply(form.value(v))))
            return this.wrapExpression(mapping, `${form.expression}${call}`);
      return undefined;
    }
    switch (column.kind) {
      case 'string':
        return this.wrapExpression(mapping, uuid ? uuidExpression : `\`${prefix}-\${${variant} + 1}\``);
      case 'integer':
      case 'double':
      case 'decimal':
        return this.wrapExpression(mapping, `${variant} + 1`);
      case 'bigint':
        return this.wrapExpression(mapping, `BigInt(${variant} + 1)`);
      default:
        return undefined;
    }
  }

  /** `new Order(new OrderId('order-1'), OrderStatus.Placed, ...)`, built the way the mapper rebuilds it; `overrides` replace single fields. */
  construct(sample: number, overrides: Record<string, SampleValue> = {}): string {
    const byName = new Map(this.model.fields.map((f) => [f.field.name, f]));
    const children = new Map(this.model.children.map((c) => [c.field.name, c]));
    const expression = (name: string) => {
      const child = children.get(name);
      return overrides[name]?.expression ?? (child ? this.children(child, sample) : this.value(byName.get(name)!, sample).expression);
    };
    // A member declared with `?` is left out when absent, rather than set to undefined.
    const call = rehydrationCall(this.model.aggregate.name, this.model.aggregate.rehydration, expression, (name) =>
      expression(name) === 'undefined' ? { omit: true } : expression(name),
    );
    // Built through create(), it holds the events create() recorded: a stored sample has none pending, as a loaded one.
    const discard = eventsRecordedByRebuild(this.model.aggregate);
    return discard === undefined ? call : `((sample) => {\n sample.${discard};\n return sample;\n})(${call})`;
  }

  /**
   * One child of `child`'s collection with every field (its id too) in variant `variant`, whatever sample would hold
   * it: the probe stage reads back what the child stores for each of its samples.
   */
  childAt(child: ChildCollection, variant: number): string {
    const byName = new Map(child.fields.map((f) => [f.field.name, f]));
    const expression = (name: string) => this.variant(byName.get(name)!, variant, kebabCase(child.className), child.className).expression;
    return rehydrationCall(child.className, child.rehydration, expression, (name) =>
      expression(name) === 'undefined' ? { omit: true } : expression(name),
    );
  }

  /**
   * The children of a sample, as `[child(id, variant), ...]`. Saving sample 1 over sample 0 removes a child,
   * changes one and adds one; sample 2 has none; sample 3 lists them out of id order.
   */
  private children(child: ChildCollection, sample: number): string {
    const byName = new Map(child.fields.map((f) => [f.field.name, f]));
    const prefix = kebabCase(child.className);
    const items = this.childPairs(child)[sample].map(([id, variant]) => {
      const expression = (name: string) => {
        const mapping = byName.get(name)!;
        return (mapping.column.primary ? this.variant(mapping, id, prefix, child.className) : this.value(mapping, variant, child.className))
          .expression;
      };
      return rehydrationCall(child.className, child.rehydration, expression, (name) =>
        expression(name) === 'undefined' ? { omit: true } : expression(name),
      );
    });
    return intoCollection(child.field, `[${items.join(', ')}]`);
  }

  /**
   * The value a field of class `owner` has in variant `variant` (0 to 3), whichever sample holds it; string ids
   * start with `idPrefix`. A value the domain chose in place of the guess (`Owner.field`) wins.
   */
  variant(mapping: FieldMapping, variant: number, idPrefix = this.model.names.kebab, owner = this.model.aggregate.name): SampleValue {
    const { field, column, conversion } = mapping;
    if (conversion.kind === 'composite') {
      const parts = conversion.parts.map((part) => this.variant(part, variant, idPrefix, partsOwner(mapping, owner)));
      const byName = new Map(conversion.parts.map((part, i) => [part.field.name, parts[i]]));
      return {
        expression: rehydrationCall(conversion.className, conversion.rehydration, (name) => byName.get(name)!.expression),
        stored: storedJson(parts.map((p) => p.stored)),
      };
    }
    if (conversion.kind === 'composite-list') {
      const element = this.variant(
        { ...mapping, field: { ...field, list: false }, conversion: { ...conversion, kind: 'composite' } },
        variant,
        idPrefix,
        owner,
      );
      const list = this.listHoldsOne(owner, field.name, variant)
        ? { expression: `[${element.expression}]`, stored: storedJson([element.stored]) }
        : { expression: '[]', stored: '[]' };
      return { ...list, expression: intoCollection(field, list.expression) };
    }
    if (field.list) {
      // Lists hold one element, or none in odd variants, so both shapes round-trip.
      const element = this.variant(
        { ...mapping, field: { ...field, list: false }, column: { ...column, kind: this.elementKind(mapping) } },
        variant,
        idPrefix,
        owner,
      );
      const list = this.listHoldsOne(owner, field.name, variant)
        ? { expression: `[${element.expression}]`, stored: storedJson([element.stored]) }
        : { expression: '[]', stored: '[]' };
      return { ...list, expression: intoCollection(field, list.expression) };
    }
    if (field.type.kind === 'literal-union') {
      const value = field.type.values[variant % field.type.values.length];
      // A record aggregate's sample is an object literal that `const changed = { ... }` would widen to string.
      const literal =
        this.model.aggregate.style === 'record' && this.language === 'typescript' ? `${tsLiteral(value)} as const` : tsLiteral(value);
      return { expression: literal, stored: value };
    }
    const chosen = this.choices[`${owner}.${field.name}`]?.[variant];
    if (chosen !== undefined) return column.kind === 'timestamp' ? this.date(mapping, String(chosen)) : this.wrap(mapping, chosen);
    switch (column.kind) {
      case 'string': {
        const wrapper = conversion.kind === 'value-object' ? conversion.className : this.wrappedFields.get(field.name);
        // A value object named like Uuid may refuse anything but a UUID: its samples are UUIDs, in the same order.
        const uuid = (field.type.kind === 'value-object' && field.type.uuid === true) || this.uuidFields.has(field.name);
        const raw = uuid
          ? sampleUuid(column.primary ? idPrefix : field.name, variant)
          : column.primary
            ? `${idPrefix}-${variant + 1}`
            : wrapper
              ? valueObjectVariant(wrapper, variant)
              : stringVariant(field.name, variant);
        return this.wrap(mapping, raw);
      }
      case 'double':
        return this.wrap(mapping, column.primary ? variant + 1 : [10.25, 20.5, 30.75, 40][variant % 4] + Math.floor(variant / 4) * 100);
      case 'decimal':
        return this.wrap(mapping, column.primary ? variant + 1 : decimalVariant(column.precision ?? 10, column.scale ?? 0, variant));
      case 'bigint':
        return this.wrap(mapping, column.primary ? BigInt(variant + 1) : BIGINTS[variant % 4] + BigInt(Math.floor(variant / 4) * 100));
      case 'boolean':
        return this.wrap(mapping, variant % 2 === 0);
      case 'timestamp':
        return this.date(mapping, new Date(Date.UTC(2024, variant % 12, 15, 9, 30, 0, 250)).toISOString());
      case 'integer':
        if (field.type.kind !== 'enum')
          return this.wrap(mapping, column.primary ? variant + 1 : (variant % 4) * 10 + 10 + Math.floor(variant / 4) * 100);
      // A numeric enum's members, like a string enum's.
      // falls through
      case 'enum':
      case 'json': {
        if (field.type.kind !== 'enum') throw new Error(`${field.name}: ${column.kind} column without enum type`);
        const member = field.type.members[variant % field.type.members.length];
        return { expression: `${field.type.name}.${member.name}`, stored: member.value };
      }
    }
  }

  /**
   * Whether a list field holds its one element in variant `variant`: even variants do, odd ones are empty so that both
   * shapes round-trip, unless the domain refuses an empty one (`listShapeKey` in the choices: the probe stage sets it).
   */
  private listHoldsOne(owner: string, field: string, variant: number): boolean {
    return variant % 2 === 0 || this.choices[listShapeKey(owner, field)]?.[variant] === true;
  }

  /** One element of a list field, as variant `variant` of its samples holds it. */
  element(mapping: FieldMapping, variant: number): SampleValue {
    const { field, column, conversion } = mapping;
    if (conversion.kind === 'composite-list')
      return this.variant({ ...mapping, field: { ...field, list: false }, conversion: { ...conversion, kind: 'composite' } }, variant);
    return this.variant({ ...mapping, field: { ...field, list: false }, column: { ...column, kind: this.elementKind(mapping) } }, variant);
  }

  /** The column kind one element of a list field would have. */
  elementKind(mapping: FieldMapping): FieldMapping['column']['kind'] {
    const type = mapping.field.type;
    if (type.kind === 'enum') return type.valueKind === 'number' ? 'integer' : 'enum';
    if (type.kind === 'literal-union') return 'enum';
    const primitive = type.kind === 'primitive' || type.kind === 'value-object' ? type.primitive : 'string';
    return primitive === 'number' ? 'double' : primitive === 'bigint' ? 'bigint' : primitive === 'boolean' ? 'boolean' : 'string';
  }

  /** A string argument, wrapped like the field's values are (a value object or a plain string). */
  text(mapping: FieldMapping, raw: string): SampleValue {
    return this.wrap(mapping, raw);
  }

  private id(): FieldMapping {
    return this.model.fields.find((f) => f.column.primary)!;
  }

  private date(mapping: FieldMapping, iso: string): SampleValue {
    return { expression: this.wrapExpression(mapping, `new Date(${tsLiteral(iso)})`), stored: iso };
  }

  private wrap(mapping: FieldMapping, raw: RawSample): SampleValue {
    return { expression: this.wrapExpression(mapping, tsLiteral(raw)), stored: raw };
  }

  private wrapExpression(mapping: FieldMapping, raw: string): string {
    const conversion = mapping.conversion;
    return conversion.kind === 'value-object' ? rehydrationCall(conversion.className, conversion.rehydration, () => raw) : raw;
  }
}

/** JSON of stored values; JSON has no 64-bit integers, so a list keeps bigints as decimal strings (as the mapper does). */
function storedJson(values: StoredValue[]): string {
  return JSON.stringify(values, (_key, value: unknown) => (typeof value === 'bigint' ? value.toString() : value));
}

/** 10.25, 20.5, 30.75, 40 scaled to fit decimal(P,S): exact in the column, and as a JS number. */
function decimalVariant(precision: number, scale: number, variant: number): number {
  const units = precision >= 4 ? [1025, 2050, 3075, 4000] : [1, 2, 3, 4].map((u) => u * 10 ** (precision - 1));
  return (units[variant % 4] + Math.floor(variant / 4) * 10 ** Math.min(precision - 1, 4)) / 10 ** scale;
}

/**
 * Value objects often normalise (lower-case an email) or validate what they wrap, so their samples are
 * lower case and, for an email, look like one; the case variants are left to plain strings.
 */
function valueObjectVariant(className: string, variant: number): string {
  const word = ['alpha', 'alpha_%', 'gamma', 'delta'][variant] ?? `value${variant}`;
  return /e-?mail/i.test(className) ? `${word.replace(/[^a-z]/g, '')}${variant}@example.com` : `${className.toLowerCase()} ${word}`;
}

/** `Name Alpha`, `name alpha_%`, `Name Gamma`, `NAME ALPHA`: a case variant, wildcards as data, and two plain values. */
function stringVariant(field: string, variant: number): string {
  const label = field.charAt(0).toUpperCase() + field.slice(1);
  const values = [`${label} Alpha`, `${field} alpha_%`, `${label} Gamma`, `${label.toUpperCase()} ALPHA`];
  return variant < values.length ? values[variant] : `${label} Value ${variant}`;
}

/**
 * A version-4-shaped UUID for sample `variant` of `tag`: the tag's hash, then the variant, so that samples of one
 * tag sort in variant order as the readable ids (`order-1`, `order-2`) do.
 */
export function sampleUuid(tag: string, variant: number): string {
  let hash = 0x811c9dc5;
  for (const char of tag) hash = Math.imul(hash ^ char.charCodeAt(0), 0x01000193) >>> 0;
  return `${hash.toString(16).padStart(8, '0')}-0000-4000-8000-${(variant + 1).toString(16).padStart(12, '0')}`;
}
