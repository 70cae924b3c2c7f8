import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/config/project-config.js';
import { GenError } from '../../src/errors.js';
import { mapFeature } from '../../src/map/map-feature.js';
import { outboxEvents } from '../../src/map/outbox.js';
import { loadProjectContext } from '../../src/project-context.js';
import { readDomain } from '../../src/read/domain-reader.js';
import { writeProject } from '../support/projects.js';
import { thrown } from '../support/thrown.js';

const AGGREGATE = 'src/domain/aggregates/ordering/order.ts';
const PORT = 'src/domain/aggregates/ordering/order.repository.ts';

/** An Order whose class is `aggregate`, behind a port whose writer is `writer`. */
function domain(aggregate: string, writer = 'save(order: Order): Promise<void>;', extra = ''): Record<string, string> {
  const idType = /id\??: string/.test(aggregate) ? 'string' : 'number';
  return {
    [AGGREGATE]: aggregate,
    [PORT]: `import { Order } from './order';\n\nexport interface OrderRepository {\n  ${writer}\n  findById(id: ${idType}): Promise<Order | null>;\n}\n`,
    ...(extra ? { 'src/domain/aggregates/ordering/order-line.ts': extra } : {}),
  };
}

function read(files: Record<string, string>) {
  return readDomain(loadProjectContext(writeProject(files)), DEFAULT_CONFIG, 'ordering');
}

function refusal(files: Record<string, string>): GenError {
  return thrown(() => mapFeature(read(files)));
}

describe('an id the database assigns on insert', () => {
  it.each([
    [
      'an optional public number, last constructor parameter',
      'export class Order {\n  constructor(\n    public total: number,\n    public id?: number,\n  ) {}\n}\n',
      { strategy: 'increment', writable: true },
    ],
    [
      'a readonly optional number',
      'export class Order {\n  constructor(\n    readonly total: number,\n    readonly id?: number,\n  ) {}\n}\n',
      { strategy: 'increment', writable: false },
    ],
    [
      'a number or null, set after construction',
      'export class Order {\n  id: number | null = null;\n\n  constructor(public total: number) {}\n}\n',
      { strategy: 'increment', writable: true },
    ],
    [
      'an optional string, in a class built from an object of its own type',
      'export class Order {\n  id?: string | undefined;\n  total?: number | undefined;\n\n  constructor(data: Order) {\n    this.id = data.id;\n    this.total = data.total;\n  }\n}\n',
      { strategy: 'uuid', writable: true },
    ],
    [
      'a private field read through getId() and set through a `set id()` accessor (which a rollback sets back)',
      'export class Order {\n  private _id: number | undefined;\n\n  constructor(public total: number) {}\n\n  getId(): number | undefined {\n    return this._id;\n  }\n\n  set id(value: number | undefined) {\n    this._id = value;\n  }\n}\n',
      { strategy: 'increment', writable: true, accessor: true },
    ],
    [
      'a `set id()` accessor that throws (set once): it may refuse to take the id back at a rollback',
      "export class Order {\n  private _id: number | undefined;\n\n  constructor(public total: number) {}\n\n  getId(): number | undefined {\n    return this._id;\n  }\n\n  set id(value: number | undefined) {\n    if (this._id !== undefined) throw new Error('set once');\n    this._id = value;\n  }\n}\n",
      { strategy: 'increment', writable: true, accessor: true, guarded: true },
    ],
    [
      'a `set id()` accessor that only converts what it is given (Number(value)), which takes any id back',
      'export class Order {\n  private _id: number | undefined;\n\n  constructor(public total: number) {}\n\n  getId(): number | undefined {\n    return this._id;\n  }\n\n  set id(value: number | undefined) {\n    this._id = value === undefined ? undefined : Number(value);\n  }\n}\n',
      { strategy: 'increment', writable: true, accessor: true },
    ],
    [
      'a `set id()` accessor that guards through a helper, which may throw as well',
      "const Guard = { againstNullOrUndefined(value: unknown): void {\n  if (value === undefined) throw new Error('required');\n} };\n\nexport class Order {\n  private _id: number | undefined;\n\n  constructor(public total: number) {}\n\n  getId(): number | undefined {\n    return this._id;\n  }\n\n  set id(value: number | undefined) {\n    Guard.againstNullOrUndefined(value);\n    this._id = value;\n  }\n}\n",
      { strategy: 'increment', writable: true, accessor: true, guarded: true },
    ],
  ])('is read from %s', (_name, aggregate, generatedId) => {
    const model = read(domain(aggregate));

    expect(model.aggregate.idField).toBe('id');
    expect(model.aggregate.generatedId).toEqual(generatedId);
  });

  it('is mapped to a non-null key: an auto-incremented integer for a number, a varchar made a UUID for a string', () => {
    const numbered = mapFeature(
      read(domain('export class Order {\n  constructor(\n    public total: number,\n    public id?: number,\n  ) {}\n}\n')),
    );
    expect(numbered.table.columns.find((c) => c.primary)).toMatchObject({
      name: 'id',
      kind: 'integer',
      nullable: false,
      generated: 'increment',
    });

    const named = mapFeature(
      read(domain('export class Order {\n  constructor(\n    public total: number,\n    public id: string | null = null,\n  ) {}\n}\n')),
    );
    expect(named.table.columns.find((c) => c.primary)).toMatchObject({
      name: 'id',
      kind: 'string',
      length: 255,
      nullable: false,
      generated: 'uuid',
    });
  });

  it('is generated where the id cannot be set but the writer returns the aggregate (rebuilt with it)', () => {
    const model = mapFeature(
      read(
        domain(
          'export class Order {\n  constructor(\n    readonly total: number,\n    readonly id?: number,\n  ) {}\n}\n',
          'create(order: Order): Promise<Order>;',
        ),
      ),
    );
    expect(model.aggregate.generatedId).toEqual({
      strategy: 'increment',
      writable: false,
    });
  });

  it('is refused where nothing hands it back: a readonly id and a writer returning void, naming that decision', () => {
    const error = refusal(
      domain('export class Order {\n  constructor(\n    readonly total: number,\n    readonly id?: number,\n  ) {}\n}\n'),
    );

    expect(error.location).toEqual({ file: AGGREGATE, line: 4 });
    expect(error.message).toMatch(
      /the id 'id' of aggregate Order is assigned by the database on insert, but OrderRepository.save cannot hand it back: 'id' cannot be set from outside Order, and save returns neither the Order it saved nor its id/,
    );
    expect(error.hint).toMatch(/make 'id' writable \(`public id\?: number`, not readonly\), or have save return the saved aggregate/);
  });

  it('is refused for a type the database cannot assign, and beside child entities keyed by it', () => {
    const valueObject = refusal({
      ...domain(
        'import { OrderId } from "./order-id";\n\nexport class Order {\n  constructor(\n    public total: number,\n    public id?: OrderId,\n  ) {}\n}\n',
      ),
      'src/domain/aggregates/ordering/order-id.ts': 'export class OrderId {\n  constructor(readonly value: number) {}\n}\n',
      [PORT]: `import { Order } from './order';\n\nexport interface OrderRepository {\n  save(order: Order): Promise<void>;\n}\n`,
    });
    expect(valueObject.message).toMatch(
      /the id 'id' of aggregate Order may be absent, so the database would assign it, but it is not a number or a string/,
    );

    const withLines = refusal(
      domain(
        "import { OrderLine } from './order-line';\n\nexport class Order {\n  constructor(\n    public lines: OrderLine[],\n    public id?: number,\n  ) {}\n}\n",
        undefined,
        'export class OrderLine {\n  constructor(\n    readonly id: number,\n    readonly sku: string,\n  ) {}\n}\n',
      ),
    );
    expect(withLines.message).toMatch(/has child entities \(lines\), whose rows gen keys by the root's id/);
  });

  it('is refused with --outbox, whose rows a first save would write before the id exists', () => {
    const { aggregate } = read(
      domain('export class Order {\n  constructor(\n    public total: number,\n    public id?: number,\n  ) {}\n}\n'),
    );

    expect(() => outboxEvents(aggregate)).toThrow(/--outbox: the id 'id' of aggregate Order is assigned by the database on insert/);
  });
});
