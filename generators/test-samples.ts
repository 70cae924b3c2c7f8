import type { FieldMapping, PersistenceModel } from '../src/map/persistence-model.js';
import { tsLiteral } from '../src/render/ts-literal.js';

/** A stored value as the database sees it; `null` is absent. Used to work out expected query results. */
export type StoredValue = string | number | boolean | null;

/** One field of one sample aggregate: how to write it in TypeScript, and what it stores. */
export interface SampleValue {
  expression: string;
  stored: StoredValue;
}

export const SAMPLE_COUNT = 3;

/** The variant whose id stands for one that was never saved. */
const MISSING = 998;

/**
 * Sample aggregates for the generated tests. Sample 1 leaves optional fields absent; samples 0 and 2
 * share their other values (so queries find several rows) except in fields that a query expects to be
 * unique, which differ in every sample.
 */
export class SampleSet {
  constructor(
    private readonly model: PersistenceModel,
    private readonly uniqueFields: ReadonlySet<string>,
  ) {}

  value(mapping: FieldMapping, sample: number): SampleValue {
    const { field } = mapping;
    if ((field.optional || field.nullable) && sample === 1) {
      return { expression: field.nullable ? 'null' : 'undefined', stored: null };
    }
    const variant = mapping.column.primary || this.uniqueFields.has(field.name) ? sample : sample % 2;
    return this.variantValue(mapping, variant);
  }

  /** The id of a sample (`order-1`, `order-2`, ...); `missing` is an id no sample has. */
  idValue(sample: number | 'missing'): SampleValue {
    const id = this.model.fields.find((f) => f.column.primary)!;
    return this.variantValue(id, sample === 'missing' ? MISSING : sample);
  }

  /** `new Order(new OrderId('order-1'), OrderStatus.Placed, ...)`; `overrides` replace single fields. */
  construct(sample: number, overrides: Record<string, SampleValue> = {}): string {
    const byName = new Map(this.model.fields.map((f) => [f.field.name, f]));
    const args = this.model.aggregate.rehydration.parameters.map((name) => {
      const mapping = byName.get(name)!;
      return (overrides[name] ?? this.value(mapping, sample)).expression;
    });
    return `new ${this.model.aggregate.name}(${args.join(', ')})`;
  }

  private variantValue(mapping: FieldMapping, variant: number): SampleValue {
    const { field, column } = mapping;
    switch (column.kind) {
      case 'string':
        return this.wrap(mapping, mapping.column.primary ? `${this.model.names.kebab}-${variant + 1}` : `${field.name} ${variant}`);
      case 'double':
        return this.wrap(mapping, column.primary ? variant + 1 : (variant + 1) * 10.25);
      case 'boolean':
        return this.wrap(mapping, variant % 2 === 0);
      case 'timestamp': {
        const iso = new Date(Date.UTC(2024, variant % 12, 15, 9, 30, 0, 250)).toISOString();
        return { expression: this.wrapExpression(mapping, `new Date(${tsLiteral(iso)})`), stored: iso };
      }
      case 'enum': {
        if (field.type.kind !== 'enum') throw new Error(`${field.name}: enum column without enum type`);
        const member = field.type.members[variant % field.type.members.length]!;
        return { expression: `${field.type.name}.${member.name}`, stored: member.value };
      }
    }
  }

  private wrap(mapping: FieldMapping, raw: string | number | boolean): SampleValue {
    return { expression: this.wrapExpression(mapping, tsLiteral(raw)), stored: raw };
  }

  private wrapExpression(mapping: FieldMapping, raw: string): string {
    const conversion = mapping.conversion;
    if (conversion.kind !== 'value-object') return raw;
    return conversion.construction.kind === 'constructor' ? `new ${conversion.className}(${raw})` : `${conversion.className}.${conversion.construction.method}(${raw})`;
  }
}
