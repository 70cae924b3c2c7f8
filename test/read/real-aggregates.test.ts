import { loadProjectContext } from '../../src/project-context.js';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/config/project-config.js';
import { GenError } from '../../src/errors.js';
import type { FieldModel } from '../../src/model/domain-model.js';
import { readDomain } from '../../src/read/domain-reader.js';
import { BILLING, COURSES, FORUM, SHIPPING } from '../fixtures/real-aggregates.js';
import { ORDER_DOMAIN } from '../support/fixtures.js';
import { writeProject } from '../support/projects.js';

const INVOICE = 'src/domain/aggregates/billing/invoice.ts';
const SHIPMENT = 'src/domain/aggregates/shipping/shipment.ts';
const UNIQUE_ID = 'src/shared/domain/unique-entity-id.ts';
const IDENTIFIER = 'src/shared/domain/identifier.ts';
const POST_TITLE = 'src/domain/aggregates/forum/post-title.ts';
const COURSE = 'src/domain/aggregates/courses/course.ts';

function read(files: Record<string, string>, feature: string) {
  return readDomain(loadProjectContext(writeProject(files)), DEFAULT_CONFIG, feature).aggregate;
}

function field(fields: FieldModel[], name: string): FieldModel {
  const found = fields.find((f) => f.name === name);
  if (!found) throw new Error(`no field ${name} in ${fields.map((f) => f.name).join(', ')}`);
  return found;
}

function readError(files: Record<string, string>, feature: string): GenError {
  try {
    read(files, feature);
  } catch (error) {
    if (error instanceof GenError) return error;
    throw error;
  }
  throw new Error('expected a GenError');
}

describe('state read through one toJSON() or export() call', () => {
  it('stores the members of what toJSON() returns, rebuilt through fromJSON()', () => {
    const aggregate = read(BILLING, 'billing');

    expect(aggregate.snapshot).toBe('toJSON()');
    expect(aggregate.fields.map((f) => `${f.name}:${f.access}`)).toEqual(
      ['id', 'customer', 'status', 'amountCents', 'issuedAt', 'paidAt', 'notes'].map((f) => `${f}:.toJSON().${f}`),
    );
    expect(aggregate.rehydration).toEqual({
      call: { kind: 'static', method: 'fromJSON' },
      arguments: [{ kind: 'object', fields: ['id', 'customer', 'status', 'amountCents', 'issuedAt', 'paidAt', 'notes'] }],
    });
  });

  it('reads export() the same way, rebuilt through a public constructor taking what it returns', () => {
    const invoice = BILLING[INVOICE].replace('toJSON(): InvoiceJSON', 'export(): InvoiceJSON')
      .replace('private constructor(private readonly state', 'constructor(private readonly state')
      .replace(/ {2}static fromJSON[\s\S]*?\n {2}}\n\n/, '');
    const aggregate = read({ ...BILLING, [INVOICE]: invoice }, 'billing');

    expect(aggregate.snapshot).toBe('export()');
    expect(field(aggregate.fields, 'paidAt')).toMatchObject({ access: '.export().paidAt', nullable: true });
    expect(aggregate.rehydration.call).toEqual({ kind: 'constructor' });
  });

  it('falls back to the getters when the class cannot be rebuilt from what toJSON() returns (types checked)', () => {
    const files = {
      ...SHIPPING,
      // toJSON() gives the id as a string, but restore() wants ParcelCollection and Labels for parcels and labels.
      [SHIPMENT]: SHIPPING[SHIPMENT].replace(
        '  pullDomainEvents()',
        '  toJSON(): { id: string; destination: string; parcels: string[]; labels: string[]; dispatchedAt: Date | null } {\n    return { id: this.id, destination: this.destination, parcels: this.parcels.toArray().map((p) => p.id), labels: [...this.labels.items], dispatchedAt: this.dispatchedAt };\n  }\n\n  pullDomainEvents()',
      ),
    };
    const aggregate = read(files, 'shipping');

    expect(aggregate.snapshot).toBeUndefined();
    expect(aggregate.fields.map((f) => `${f.name}:${f.access}`)).toEqual([
      'id:.getId()',
      'destination:.getDestination()',
      'parcels:.getParcels().toArray()',
      'labels:.getLabels().items',
      'dispatchedAt:.getDispatchedAt()',
    ]);
  });
});

describe('the white-label style: create(props, id) returning a Result, public props, UniqueEntityID', () => {
  it('rebuilds the aggregate through Post.create({ ...props }, id) and checks the Result', () => {
    const aggregate = read(FORUM, 'forum');

    expect(aggregate.rehydration).toEqual({
      call: { kind: 'static', method: 'create' },
      arguments: [
        { kind: 'object', fields: ['title', 'authorId', 'votes', 'comments', 'tags', 'publishedAt', 'genres'], omittable: ['publishedAt'] },
        { kind: 'field', field: 'id' },
      ],
      unwrap: { accessor: '.getValue()', failure: '.isFailure' },
    });
  });

  it('reads fields through getters, else through the public props', () => {
    const aggregate = read(FORUM, 'forum');

    expect(aggregate.fields.map((f) => `${f.name}:${f.access}`)).toEqual([
      'id:.id',
      'title:.title',
      'authorId:.props.authorId',
      'votes:.votes',
      'comments:.comments.getItems()',
      'tags:.props.tags.getItems()',
      'publishedAt:.props.publishedAt',
      'genres:.props.genres',
    ]);
  });

  it('stores an Identifier<string | number> as the text of its toString(), rebuilt by new UniqueEntityID(text)', () => {
    const id = field(read(FORUM, 'forum').fields, 'id').type;

    expect(id).toMatchObject({
      kind: 'value-object',
      name: 'UniqueEntityID',
      valueAccess: '.toString()',
      primitive: 'string',
      rehydration: { call: { kind: 'constructor' }, arguments: [{ kind: 'field', field: 'value' }] },
    });
  });

  it('reads an identifier of string alone through toValue(), as before', () => {
    const files = { ...FORUM, [UNIQUE_ID]: FORUM[UNIQUE_ID].replaceAll('string | number', 'string') };
    const id = field(read(files, 'forum').fields, 'id').type;

    expect(id).toMatchObject({ kind: 'value-object', valueAccess: '.toValue()', primitive: 'string' });
  });

  it('refuses a string | number identifier without a toString() of its own: it would not know how to write the text', () => {
    const files = { ...FORUM, [IDENTIFIER]: FORUM[IDENTIFIER].replace(/ {2}toString\(\): string \{[\s\S]*?\n {2}}\n\n/, '') };

    expect(readError(files, 'forum').message).toBe("unsupported type 'string | number'");
  });

  it('reads a value object whose one prop is kept under its own key (title) but exposed as get value(), rebuilt by create({ title })', () => {
    const title = field(read(FORUM, 'forum').fields, 'title').type;

    expect(title).toMatchObject({
      kind: 'value-object',
      name: 'PostTitle',
      valueAccess: '.value',
      primitive: 'string',
      rehydration: {
        call: { kind: 'static', method: 'create' },
        arguments: [{ kind: 'object', fields: ['title'] }],
        unwrap: { accessor: '.getValue()', failure: '.isFailure' },
      },
    });
  });

  it('does not read the prop through value when value has another type: the public props are read instead', () => {
    const files = {
      ...FORUM,
      [POST_TITLE]: FORUM[POST_TITLE].replace(
        'get value(): string {\n    return this.props.title;',
        'get value(): number {\n    return this.props.title.length;',
      ),
    };
    const title = field(read(files, 'forum').fields, 'title').type;

    expect(title).toMatchObject({ kind: 'composite', name: 'PostTitle', fields: [{ name: 'title', access: '.props.title' }] });
  });
});

describe('an entity whose one value is named value beside its id', () => {
  const GENRE = 'src/domain/aggregates/forum/genre.ts';

  it('binds the one required primitive parameter named for no field (Genre.create(name, id)) to value', () => {
    const type = field(read(FORUM, 'forum').fields, 'genres').type;

    expect(type).toMatchObject({
      kind: 'composite',
      name: 'Genre',
      idField: 'id',
      rehydration: {
        call: { kind: 'static', method: 'create' },
        arguments: [
          { kind: 'field', field: 'value' },
          { kind: 'field', field: 'id' },
        ],
      },
    });
  });

  it('does not guess between two such parameters', () => {
    const files = {
      ...FORUM,
      [GENRE]: FORUM[GENRE].replace('static create(name: string, id', 'static create(name: string, label: string, id').replace(
        '{ value: name }',
        '{ value: name + label }',
      ),
    };

    expect(readError(files, 'forum').message).toBe(
      'cannot rebuild Genre from its stored fields (id, value): new Genre (line 15) is private; Genre.create (line 19) does not take value and takes name, label, which are not stored',
    );
  });
});

describe('domain events are never stored', () => {
  it.each([
    [
      'an AggregateRoot base with private _domainEvents: IDomainEvent[] and pullDomainEvents()',
      FORUM,
      'forum',
      ['id', 'title', 'authorId', 'votes', 'comments', 'tags', 'publishedAt', 'genres'],
    ],
    [
      'a nestjs/cqrs-style AggregateRoot with a symbol-keyed EventBase[]',
      BILLING,
      'billing',
      ['id', 'customer', 'status', 'amountCents', 'issuedAt', 'paidAt', 'notes'],
    ],
    [
      'private readonly events: ShipmentEvent[] (a union of event classes)',
      SHIPPING,
      'shipping',
      ['id', 'destination', 'parcels', 'labels', 'dispatchedAt'],
    ],
  ])('%s', (_shape, files, feature, fields) => {
    expect(read(files, feature).fields.map((f) => f.name)).toEqual(fields);
  });

  it('leaves the symbol-keyed events of a nestjs/cqrs-style base out of an aggregate of private fields read through getters and isX()', () => {
    const invoice = `import { AggregateRoot } from '../../../libs/cqrs/aggregate-root';
import { InvoiceIssuedEvent } from './invoice-issued.event';

export class Invoice extends AggregateRoot {
  readonly id: string;
  private customer: string;
  private paid: boolean;

  private constructor(id: string, customer: string, paid: boolean) {
    super();
    this.id = id;
    this.customer = customer;
    this.paid = paid;
  }

  static issue(id: string, customer: string): Invoice {
    const invoice = new Invoice(id, customer, false);
    invoice.apply(new InvoiceIssuedEvent(id));
    return invoice;
  }

  static restore(id: string, customer: string, paid: boolean): Invoice {
    return new Invoice(id, customer, paid);
  }

  getCustomer(): string {
    return this.customer;
  }

  isPaid(): boolean {
    return this.paid;
  }
}
`;
    const port =
      'import { Invoice } from "./invoice";\n\nexport interface InvoiceRepository {\n  save(invoice: Invoice): Promise<void>;\n}\n';
    const files = {
      'src/libs/cqrs/aggregate-root.ts': BILLING['src/libs/cqrs/aggregate-root.ts'],
      'src/domain/aggregates/billing/invoice-issued.event.ts': BILLING['src/domain/aggregates/billing/invoice-issued.event.ts'],
      [INVOICE]: invoice,
      'src/domain/aggregates/billing/invoice.repository.ts': port,
    };
    const aggregate = read(files, 'billing');

    expect(aggregate.fields.map((f) => `${f.name}:${f.access}`)).toEqual(['id:.id', 'customer:.getCustomer()', 'paid:.isPaid()']);
    expect(aggregate.rehydration).toEqual({
      call: { kind: 'static', method: 'restore' },
      arguments: ['id', 'customer', 'paid'].map((field) => ({ kind: 'field', field })),
    });
  });

  it.each([
    ['private _domainEvents: DomainEvent[] = [];', 'export class DomainEvent {\n  readonly at = new Date();\n}\n'],
    [
      'private readonly recorded: ReadonlyArray<DomainEventInterface> = [];',
      'export interface DomainEventInterface {\n  name: string;\n}\n',
    ],
    ['private uncommittedEvents: unknown[] = [];', ''],
    ['private changes: Array<ShipmentEvent> = [];', ''],
  ])('leaves out %s kept in the aggregate', (member, declaration) => {
    const names = declaration.match(/(?:class|interface) (\w+)/)?.[1];
    const shipment = `${names ? `import { ${names} } from './event-base';\n` : ''}${SHIPPING[SHIPMENT].replace('  private readonly events: ShipmentEvent[] = [];\n', `  private readonly events: ShipmentEvent[] = [];\n  ${member}\n`)}`;
    const files = {
      ...SHIPPING,
      [SHIPMENT]: shipment,
      ...(declaration ? { 'src/domain/aggregates/shipping/event-base.ts': declaration } : {}),
    };

    expect(read(files, 'shipping').fields.map((f) => f.name)).toEqual(['id', 'destination', 'parcels', 'labels', 'dispatchedAt']);
  });

  it('stores a required constructor list of entities named events, but not one with a default that holds domain events', () => {
    const files = {
      'src/domain/aggregates/calendar/calendar-event.ts':
        'export class CalendarEvent {\n  constructor(\n    readonly id: string,\n    readonly title: string,\n  ) {}\n}\n',
      'src/domain/aggregates/calendar/domain-event.ts': 'export class DomainEvent {\n  readonly at = new Date();\n}\n',
      'src/domain/aggregates/calendar/calendar.ts': `import { CalendarEvent } from './calendar-event';
import { DomainEvent } from './domain-event';

export class Calendar {
  constructor(
    readonly id: string,
    readonly events: CalendarEvent[],
    private readonly recorded: DomainEvent[] = [],
  ) {}

  pullDomainEvents(): DomainEvent[] {
    return this.recorded.splice(0, this.recorded.length);
  }
}
`,
      'src/domain/aggregates/calendar/calendar.repository.ts':
        "import { Calendar } from './calendar';\n\nexport interface CalendarRepository {\n  save(calendar: Calendar): Promise<void>;\n}\n",
    };
    const aggregate = read(files, 'calendar');

    expect(aggregate.fields.map((f) => f.name)).toEqual(['id', 'events']);
    expect(field(aggregate.fields, 'events')).toMatchObject({
      list: true,
      type: { kind: 'composite', name: 'CalendarEvent', idField: 'id' },
    });
  });
});

describe('child collections wrapped in a class', () => {
  it('stores a WatchedList of child entities like a plain list, read through getItems(), rebuilt by Comments.create(items)', () => {
    const comments = field(read(FORUM, 'forum').fields, 'comments');

    expect(comments).toMatchObject({
      list: true,
      optional: false,
      access: '.comments.getItems()',
      type: { kind: 'composite', name: 'Comment', idField: 'id' },
    });
    expect(comments.collection).toEqual({
      className: 'Comments',
      file: 'src/domain/aggregates/forum/comments.ts',
      itemsAccess: '.getItems()',
      rehydration: { call: { kind: 'static', method: 'create' }, arguments: [{ kind: 'field', field: 'items' }] },
    });
  });

  it('rebuilds a child entity through Comment.create(props, id) returning a Result', () => {
    const comment = field(read(FORUM, 'forum').fields, 'comments').type;

    expect(comment.kind === 'composite' && comment.rehydration).toEqual({
      call: { kind: 'static', method: 'create' },
      arguments: [
        { kind: 'object', fields: ['authorName', 'text', 'postedAt'] },
        { kind: 'field', field: 'id' },
      ],
      unwrap: { accessor: '.getValue()', failure: '.isFailure' },
    });
  });

  it('reads a custom collection through toArray() and rebuilds it with its constructor', () => {
    const parcels = field(read(SHIPPING, 'shipping').fields, 'parcels');

    expect(parcels).toMatchObject({
      list: true,
      access: '.getParcels().toArray()',
      type: { kind: 'composite', name: 'Parcel', idField: 'id' },
    });
    expect(parcels.collection).toMatchObject({
      className: 'ParcelCollection',
      itemsAccess: '.toArray()',
      rehydration: { call: { kind: 'constructor' }, arguments: [{ kind: 'field', field: 'items' }] },
    });
  });

  it('reads a collection of strings through its items getter, rebuilt by Labels.of(items)', () => {
    const labels = field(read(SHIPPING, 'shipping').fields, 'labels');

    expect(labels).toMatchObject({ list: true, access: '.getLabels().items', type: { kind: 'primitive', primitive: 'string' } });
    expect(labels.collection).toMatchObject({
      className: 'Labels',
      itemsAccess: '.items',
      rehydration: { call: { kind: 'static', method: 'of' } },
    });
  });

  it('reads a collection of value objects whose create(items) returns a Result', () => {
    const tags = field(read(FORUM, 'forum').fields, 'tags');

    expect(tags).toMatchObject({ list: true, type: { kind: 'value-object', name: 'Tag' } });
    expect(tags.collection).toMatchObject({
      className: 'Tags',
      rehydration: { call: { kind: 'static', method: 'create' }, unwrap: { accessor: '.getValue()', failure: '.isFailure' } },
    });
  });

  it('says how to make a collection rebuildable when nothing takes its items', () => {
    // The shipment's calls follow, so that the domain still type-checks.
    const files = {
      ...SHIPPING,
      'src/domain/aggregates/shipping/labels.ts': SHIPPING['src/domain/aggregates/shipping/labels.ts']
        .replace('static of(values: string[])', 'static of(first: string)')
        .replace('new Labels([...new Set(values)])', 'new Labels([first])'),
      [SHIPMENT]: SHIPPING[SHIPMENT].replace('Labels.of([])', "Labels.of('none')").replace(
        'Labels.of(labels)',
        "Labels.of(labels[0] ?? 'none')",
      ),
    };
    const error = readError(files, 'shipping');

    expect(error.message).toBe('collection Labels cannot be rebuilt from its items');
    expect(error.location).toEqual({ file: 'src/domain/aggregates/shipping/labels.ts', line: 1 });
    expect(error.hint).toContain('static create(items: string[]): Labels');
  });

  it('refuses a collection that may be absent', () => {
    const files = {
      ...SHIPPING,
      [SHIPMENT]: SHIPPING[SHIPMENT].replace('  private parcels: ParcelCollection;', '  private parcels?: ParcelCollection;')
        .replace('getParcels(): ParcelCollection {', 'getParcels(): ParcelCollection | undefined {')
        .replace('this.parcels = this.parcels.with(parcel);', 'this.parcels = (this.parcels ?? new ParcelCollection()).with(parcel);'),
    };
    const error = readError(files, 'shipping');

    expect(error.message).toContain("collection 'parcels' of Shipment may be absent");
    expect(error.location).toEqual({ file: SHIPMENT, line: 17 });
  });
});

describe('the CodelyTV / typescript-ddd-cqrs style: value in a generic ValueObject<T>, inherited factories, toPrimitives(): any', () => {
  it('ignores toPrimitives(): any and reads the readonly fields, rebuilt through the constructor (not fromPrimitives, which takes the untyped snapshot)', () => {
    const aggregate = read(COURSES, 'courses');

    expect(aggregate.snapshot).toBeUndefined();
    expect(aggregate.fields.map((f) => `${f.name}:${f.access}`)).toEqual(['id:.id', 'name:.name', 'duration:.duration']);
    expect(aggregate.rehydration).toEqual({
      call: { kind: 'constructor' },
      arguments: ['id', 'name', 'duration'].map((f) => ({ kind: 'field', field: f })),
    });
  });

  it('reads the value a generic base declares, with its type argument, and rebuilds through the own factory', () => {
    const fields = read(COURSES, 'courses').fields;

    expect(field(fields, 'name').type).toMatchObject({
      kind: 'value-object',
      name: 'CourseName',
      valueAccess: '.value',
      primitive: 'string',
      rehydration: { call: { kind: 'static', method: 'fromPrimitives' } },
    });
    // The base's fromPrimitives(): any is a placeholder: CourseDuration is rebuilt through its own of(minutes).
    expect(field(fields, 'duration').type).toMatchObject({
      kind: 'value-object',
      name: 'CourseDuration',
      primitive: 'number',
      rehydration: { call: { kind: 'static', method: 'of' } },
    });
  });

  it('rebuilds an identifier that adds nothing to its base through the factory it inherits (CourseId.fromPrimitives)', () => {
    expect(field(read(COURSES, 'courses').fields, 'id').type).toMatchObject({
      kind: 'value-object',
      name: 'CourseId',
      valueAccess: '.value',
      primitive: 'string',
      rehydration: { call: { kind: 'static', method: 'fromPrimitives' }, arguments: [{ kind: 'field', field: 'value' }] },
    });
  });

  it('does not take an inherited factory whose result tsc would not accept for the subclass', () => {
    // Course's own call casts, so that the domain still type-checks.
    const files = {
      ...COURSES,
      'src/domain/aggregates/courses/course-id.ts': COURSES['src/domain/aggregates/courses/course-id.ts'].replace(
        'extends Uuid {}',
        'extends Uuid {\n  isCourse(): boolean {\n    return true;\n  }\n}',
      ),
      [COURSE]: COURSES[COURSE].replace('CourseId.fromPrimitives(plainData.id)', 'CourseId.fromPrimitives(plainData.id) as CourseId'),
    };

    expect(readError(files, 'courses').message).toMatch(
      /^cannot rebuild CourseId from its stored fields \(value\): CourseId.fromPrimitives \(src\/shared\/domain\/uuid\.ts:11\) does not return a CourseId/,
    );
  });

  it('still reads a typed toPrimitives() with fromPrimitives as the primitives style', () => {
    const files = {
      ...COURSES,
      [COURSE]: COURSES[COURSE].replace('toPrimitives(): any', 'toPrimitives(): { id: string; name: string; duration: number }'),
    };

    expect(read(files, 'courses').snapshot).toBe('toPrimitives()');
  });
});

describe('which factory rebuilds a stored class', () => {
  const ORDER = 'src/domain/aggregates/ordering/order.ts';
  const ORDER_ID = 'src/domain/aggregates/ordering/order-id.ts';
  const withCreate = ORDER_DOMAIN[ORDER].replace(
    '  ) {}\n}',
    '  ) {}\n\n  /** Validates and records OrderPlaced: a new order, not a stored one. */\n  static create(id: OrderId, status: OrderStatus, customerEmail: string, placedAt: Date, total: number, paid: boolean, note?: string): Order {\n    return new Order(id, status, customerEmail, placedAt, total, paid, note);\n  }\n}',
  );

  it('prefers a public constructor to create(), where classes record their domain events', () => {
    const aggregate = read({ ...ORDER_DOMAIN, [ORDER]: withCreate }, 'ordering');

    expect(aggregate.rehydration.call).toEqual({ kind: 'constructor' });
  });

  it('still rebuilds through create() when the constructor is private', () => {
    const aggregate = read({ ...ORDER_DOMAIN, [ORDER]: withCreate.replace('  constructor(', '  private constructor(') }, 'ordering');

    expect(aggregate.rehydration.call).toEqual({ kind: 'static', method: 'create' });
  });

  it('takes createFromExisting(value) by default (ddd-forum value objects), before the constructor', () => {
    const orderId =
      'export class OrderId {\n  constructor(readonly value: string) {}\n\n  static createFromExisting(value: string): OrderId {\n    return new OrderId(value);\n  }\n}\n';
    const domain = readDomain(loadProjectContext(writeProject({ ...ORDER_DOMAIN, [ORDER_ID]: orderId })), DEFAULT_CONFIG, 'ordering');
    const id = field(domain.aggregate.fields, 'id');

    expect(id.type).toMatchObject({ kind: 'value-object', rehydration: { call: { kind: 'static', method: 'createFromExisting' } } });
  });
});
