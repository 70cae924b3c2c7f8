import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/config/project-config.js';
import { GenError } from '../../src/errors.js';
import { fieldColumns } from '../../src/map/column-spec.js';
import { mapFeature } from '../../src/map/map-feature.js';
import type { PersistenceModel } from '../../src/map/persistence-model.js';
import { readDomain } from '../../src/read/domain-reader.js';
import { loadProjectContext } from '../../src/project-context.js';
import { SHIPMENTS, SHIPMENTS_DIR } from '../fixtures/nested-values.js';
import { writeProject } from '../support/projects.js';

const SHIPMENT = `${SHIPMENTS_DIR}/shipment.ts`;

function mapped(files: Record<string, string>): PersistenceModel {
  return mapFeature(readDomain(loadProjectContext(writeProject(files)), DEFAULT_CONFIG, 'shipments'));
}

function readError(files: Record<string, string>): GenError {
  try {
    mapped(files);
  } catch (error) {
    if (error instanceof GenError) return error;
    throw error;
  }
  throw new Error('expected a GenError');
}

const lineOf = (text: string, line: string) => text.split('\n').findIndex((l) => l.includes(line)) + 1;

describe('value objects inside value objects (issue 19)', () => {
  const model = mapped(SHIPMENTS);
  const column = (name: string) => model.table.columns.find((c) => c.name === name);

  it('stores a class inside a class as columns prefixed by both names, as optional as the outer value', () => {
    expect(
      ['ship_address_name', 'ship_address_address_city', 'ship_address_floor', 'return_address_address_city', 'total_price_currency'].map(
        (name) => [name, column(name)?.property, column(name)?.kind, column(name)?.nullable],
      ),
    ).toEqual([
      ['ship_address_name', 'shipAddressName', 'string', false],
      ['ship_address_address_city', 'shipAddressAddressCity', 'string', false],
      ['ship_address_floor', 'shipAddressFloor', 'double', true],
      ['return_address_address_city', 'returnAddressAddressCity', 'string', true],
      ['total_price_currency', 'totalPriceCurrency', 'string', false],
    ]);
  });

  it('keeps every column name within 63 characters, the same on every run, and apart where long names share a start', () => {
    const names = model.table.columns.map((c) => c.name);
    const long = names.filter((n) => n.startsWith('warehouse_international_shipping_destination_address_'));

    expect(names.every((n) => n.length <= 63)).toBe(true);
    expect(new Set(names).size).toBe(names.length);
    expect(long).toHaveLength(6);
    expect(long.filter((n) => /_[0-9a-f]{8}$/.test(n))).toHaveLength(4);
    expect(mapped(SHIPMENTS).table.columns.map((c) => c.name)).toEqual(names);
    // The ORM properties keep their whole names: TypeScript has no such limit.
    expect(model.table.columns.map((c) => c.property)).toContain('warehouseInternationalShippingDestinationAddressAddressPostalCode');
  });

  it('reaches a part of a class inside a class through both accessors', () => {
    const field = model.fields.find((f) => f.field.name === 'shipAddress')!;

    expect(fieldColumns(field).map((c) => c.name)).toEqual([
      'ship_address_name',
      'ship_address_address_street',
      'ship_address_address_city',
      'ship_address_address_postal_code',
      'ship_address_address_country',
      'ship_address_floor',
    ]);
  });
});

describe('lists inside values (issue 19)', () => {
  const model = mapped(SHIPMENTS);
  const column = (name: string) => model.table.columns.find((c) => c.name === name)!;

  it('stores a list inside an optional object as a JSON column of its own, NULL when the object is absent', () => {
    expect([column('shipping_carrier').nullable, column('shipping_lines').kind, column('shipping_lines').nullable]).toEqual([
      true,
      'json',
      true,
    ]);
    expect(column('shipping_legs').jsonItem).toBe('{ from: string; at: string }');
  });

  it('keeps a value object inside a listed one as a nested JSON object, null when absent, with its Dates as ISO strings', () => {
    expect(column('lines').jsonItem).toBe(
      '{ productId: string; quantity: number; addedAt: string; price: { amount: number; currency: string }; ' +
        'product: { name: string; images: string[]; releasedAt: string | null } | null }',
    );
  });

  it('keeps an optional object whose parts are all optional inside JSON, where null and {} differ', () => {
    expect(column('parcels').jsonItem).toBe('{ label: string; extra: { note: string | null; tags: string[] | null } | null }');
  });

  it('refuses such an object in columns of its own, where absent and empty look the same, at its field', () => {
    const files = {
      ...SHIPMENTS,
      [SHIPMENT]: SHIPMENTS[SHIPMENT].replace(
        '    public returnAddress?: ShipAddress,',
        '    public returnAddress?: ShipAddress,\n    public extra?: { note?: string; tags?: string[] },',
      ),
    };
    const error = readError(files);

    expect(error.message).toBe(
      "field 'extra' may be absent and so may every part of it (note, tags): its columns cannot tell an absent extra from an empty one",
    );
    expect(error.location).toEqual({ file: SHIPMENT, line: lineOf(files[SHIPMENT], 'public extra?:') });
    expect(error.hint).toBe(`Make one of its parts required, or make 'extra' itself required (an empty value then stands for "nothing").`);
  });

  it('refuses a list of Dates inside an object, naming the member', () => {
    const files = {
      ...SHIPMENTS,
      [SHIPMENT]: SHIPMENTS[SHIPMENT].replace('carrier: string; lines: string[];', 'carrier: string; lines: string[]; stops: Date[];'),
    };
    const error = readError(files);

    expect(error.message).toBe("field 'stops' is a list of dates, which gen does not store yet");
    expect(error.location).toEqual({ file: SHIPMENT, line: lineOf(files[SHIPMENT], 'stops: Date[]') });
  });

  it('refuses a child entity inside a value object, at its field, with the two ways out', () => {
    const SHIP_ADDRESS = `${SHIPMENTS_DIR}/ship-address.ts`;
    const files = {
      ...SHIPMENTS,
      [`${SHIPMENTS_DIR}/courier.ts`]:
        'export class Courier {\n  constructor(\n    readonly id: string,\n    readonly name: string,\n  ) {}\n}\n',
      [SHIP_ADDRESS]: SHIPMENTS[SHIP_ADDRESS].replace(
        "import { Address } from './address';",
        "import { Address } from './address';\nimport { Courier } from './courier';",
      ).replace('    readonly floor?: number,', '    readonly floor?: number,\n    readonly courier?: Courier,'),
    };
    const error = readError(files);

    expect(error.message).toBe(
      "field 'courier' of value object ShipAddress holds a child entity (Courier has an id), which gen does not store inside a value",
    );
    expect(error.location).toEqual({ file: SHIP_ADDRESS, line: lineOf(files[SHIP_ADDRESS], 'readonly courier?: Courier') });
    expect(error.hint).toBe('Move it to the aggregate root, or drop the id from Courier (then it is stored as part of ShipAddress).');
  });
});

describe("a value object read through its base class's getValue() (nestjs-northwind-hexagonal)", () => {
  it('is stored as its one primitive, read through getValue() and rebuilt through its constructor', () => {
    const files = {
      ...SHIPMENTS,
      [`${SHIPMENTS_DIR}/value-object.ts`]: `export abstract class ValueObject<T> {
  protected abstract validate(value: T): boolean;

  constructor(private primitiveValue: T, errorMessage: string) {
    if (!this.validate(primitiveValue)) throw new Error(errorMessage);
  }

  getValue() {
    return this.primitiveValue;
  }
}
`,
      [`${SHIPMENTS_DIR}/discount.ts`]: `import { ValueObject } from './value-object';

export class Discount extends ValueObject<number> {
  constructor(value: number) {
    super(value, \`\${value} discount cannot be applied\`);
  }

  protected validate(value: number): boolean {
    return value >= 0 && value < 1;
  }
}
`,
      [SHIPMENT]: SHIPMENTS[SHIPMENT].replace(
        "import { CartLine } from './cart-line';",
        "import { CartLine } from './cart-line';\nimport { Discount } from './discount';",
      ).replace('    public lines: CartLine[],', '    public lines: CartLine[],\n    public discount: Discount,'),
    };
    const model = mapped(files);
    const discount = model.fields.find((f) => f.field.name === 'discount')!;

    expect([discount.column.name, discount.column.kind, discount.conversion.kind]).toEqual(['discount', 'double', 'value-object']);
    expect(discount.field.type).toMatchObject({
      kind: 'value-object',
      valueAccess: '.getValue()',
      rehydration: { call: { kind: 'constructor' } },
    });
  });
});
