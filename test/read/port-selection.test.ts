import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/config/project-config.js';
import { GenError } from '../../src/errors.js';
import { readDomain, readFeature } from '../../src/read/domain-reader.js';
import { namesFeature } from '../../src/read/feature-locator.js';
import { USERS } from '../fixtures/ports.js';
import { ORDER_DOMAIN, PORT_FILE } from '../support/fixtures.js';
import { writeProject } from '../support/projects.js';
import { loadProjectContext } from '../../src/project-context.js';

const DIR = 'src/domain/aggregates/ordering';

function readError(files: Record<string, string>, feature = 'ordering'): GenError {
  try {
    readDomain(loadProjectContext(writeProject(files)), DEFAULT_CONFIG, feature);
  } catch (error) {
    if (error instanceof GenError) return error;
    throw error;
  }
  throw new Error('expected a GenError');
}

describe('the ports of an aggregate', () => {
  it('implements a read port, a write port and one-method out-ports together, the one with save first, and leaves the rest alone', () => {
    const { aggregate, port } = readDomain(loadProjectContext(writeProject(USERS)), DEFAULT_CONFIG, 'users');

    expect(aggregate).toMatchObject({ name: 'User', defaultExport: true });
    expect(port.ports.map((p) => [p.name, p.defaultExport ?? false])).toEqual([
      ['UserWriteRepository', true],
      ['DeleteUserPort', false],
      ['LoadUserPort', false],
      ['UserReadRepository', false],
    ]);
    expect(port.name).toBe('UserWriteRepository');
    // findById is declared by LoadUserPort and UserReadRepository alike (parameter names differ): one method.
    expect(port.methods.map((m) => m.name)).toEqual([
      'save',
      'exists',
      'deleteById',
      'findById',
      'findByEmail',
      'findByStatus',
      'countByStatus',
      'emailOf',
    ]);
    expect(port.leftAlone.map((l) => `${l.name}: ${l.reason}`)).toEqual([
      'RegisterUserUseCase: an inbound port: a use case the application implements, not storage',
      'USER_REPOSITORY: a dependency-injection token, not a type',
      'UserDirectoryPort: a read-model port: it returns UserSummary, not User',
      'UserEventStorePort: an event-store port: it stores or publishes events (UserRegisteredEvent), not an aggregate',
    ]);
    expect(port.methods.find((m) => m.name === 'findById')!.typeReferences).toContainEqual({
      name: 'User',
      file: 'src/domain/aggregates/users/user.ts',
      defaultExport: true,
    });
  });

  it('finds the aggregate through an out-port that only returns it, with save in another port', () => {
    const files = {
      ...ORDER_DOMAIN,
      [`${DIR}/order.repository.ts`]:
        "import { Order } from './order';\n\nexport interface SaveOrderPort {\n  save(order: Order): Promise<void>;\n}\n",
      [`${DIR}/load-order.port.ts`]:
        "import { Order } from './order';\nimport { OrderId } from './order-id';\n\nexport interface LoadOrderPort {\n  findById(id: OrderId): Promise<Order | null>;\n}\n",
    };

    const { aggregate, port } = readDomain(loadProjectContext(writeProject(files)), DEFAULT_CONFIG, 'ordering');

    expect(aggregate.name).toBe('Order');
    expect(port.ports.map((p) => p.name)).toEqual(['SaveOrderPort', 'LoadOrderPort']);
  });

  it('keeps a port that only takes the id and returns nothing richer, and leaves one returning a DTO alone', () => {
    const files = {
      ...ORDER_DOMAIN,
      [`${DIR}/order-ports.ts`]: `import { OrderId } from './order-id';

export interface OrderView {
  id: string;
}

export interface ArchiveOrderPort {
  archive(id: OrderId): Promise<boolean>;
}

export interface OrderViewPort {
  viewOf(id: OrderId): Promise<OrderView | null>;
}
`,
    };

    const { port } = readDomain(loadProjectContext(writeProject(files)), DEFAULT_CONFIG, 'ordering');

    expect(port.ports.map((p) => p.name)).toEqual(['OrderRepository', 'ArchiveOrderPort']);
    expect(port.methods.map((m) => m.name)).toContain('archive');
    expect(port.leftAlone).toEqual([
      {
        name: 'OrderViewPort',
        location: { file: `${DIR}/order-ports.ts`, line: 11 },
        reason: 'a read-model port: it returns OrderView, not Order',
      },
    ]);
  });

  it("leaves another aggregate's port alone when the feature names one, and a port of a class it only reads", () => {
    const files = {
      ...ORDER_DOMAIN,
      [`${DIR}/invoice.ts`]: 'export class Invoice {\n  constructor(readonly id: string) {}\n}\n',
      [`${DIR}/order-stats.ts`]: 'export class OrderStats {\n  constructor(readonly count: number) {}\n}\n',
      [`${DIR}/invoice.repository.ts`]:
        "import { Invoice } from './invoice';\n\nexport interface InvoiceRepository {\n  save(invoice: Invoice): Promise<void>;\n}\n",
      [`${DIR}/order-stats.port.ts`]:
        "import { OrderStats } from './order-stats';\n\nexport interface OrderStatsPort {\n  stats(): Promise<OrderStats>;\n}\n",
    };

    const { port } = readDomain(loadProjectContext(writeProject(files)), DEFAULT_CONFIG, 'ordering');

    expect(port.ports.map((p) => p.name)).toEqual(['OrderRepository']);
    expect(port.leftAlone.map((l) => `${l.name}: ${l.reason}`)).toEqual([
      'InvoiceRepository: a port of another aggregate (Invoice)',
      'OrderStatsPort: a read-model port: it returns OrderStats, not Order',
    ]);
  });

  it('reads every aggregate whose ports are in the folder when the feature names none of them, each with its own ports', () => {
    const files = {
      ...ORDER_DOMAIN,
      [`${DIR}/invoice.ts`]: 'export class Invoice {\n  constructor(readonly id: string) {}\n}\n',
      [`${DIR}/invoice.repository.ts`]:
        "import { Invoice } from './invoice';\n\nexport interface InvoiceRepository {\n  save(invoice: Invoice): Promise<void>;\n}\n",
      [`${DIR}/payment.ts`]: 'export class Payment {\n  constructor(readonly id: string) {}\n}\n',
      [`${DIR}/payment.repository.ts`]:
        "import { Payment } from './payment';\n\nexport interface PaymentRepository {\n  save(payment: Payment): Promise<void>;\n}\n",
      // Takes only a string id, which Invoice's and Payment's are: it could be either's, so neither implements it.
      [`${DIR}/archive.port.ts`]: 'export interface ArchivePort {\n  archive(id: string): Promise<void>;\n}\n',
    };
    const config = { ...DEFAULT_CONFIG, layout: { ...DEFAULT_CONFIG.layout, paths: { domainDir: DIR } } };

    const { domains } = readFeature(loadProjectContext(writeProject(files)), config, 'sales');

    expect(domains.map((d) => [d.aggregate.name, d.port.ports.map((p) => p.name), d.feature])).toEqual([
      ['Invoice', ['InvoiceRepository'], 'sales'],
      ['Order', ['OrderRepository'], 'sales'],
      ['Payment', ['PaymentRepository'], 'sales'],
    ]);
    // None lists another's port as left alone: all are implemented.
    const shared = 'ArchivePort: it takes only an id, which Invoice and Payment share, so its aggregate is unknown';
    expect(domains.map((d) => d.port.leftAlone.map((l) => `${l.name}: ${l.reason}`))).toEqual([
      [shared],
      ['ArchivePort: none of its methods takes or returns Order or its id'],
      [shared],
    ]);
  });

  it('reads only the aggregate the feature names when the folder holds several', () => {
    const files = {
      ...ORDER_DOMAIN,
      [`${DIR}/invoice.ts`]: 'export class Invoice {\n  constructor(readonly id: string) {}\n}\n',
      [`${DIR}/invoice.repository.ts`]:
        "import { Invoice } from './invoice';\n\nexport interface InvoiceRepository {\n  save(invoice: Invoice): Promise<void>;\n}\n",
    };
    const config = { ...DEFAULT_CONFIG, layout: { ...DEFAULT_CONFIG.layout, paths: { domainDir: DIR } } };

    const { domains } = readFeature(loadProjectContext(writeProject(files)), config, 'invoice');

    expect(domains.map((d) => d.aggregate.name)).toEqual(['Invoice']);
    expect(domains[0].port.leftAlone.map((l) => `${l.name}: ${l.reason}`)).toEqual([
      'OrderRepository: a port of another aggregate (Order)',
    ]);
  });

  it('reads the aggregate whose port the feature names, when it names no aggregate (ResetPasswordRepository of PasswordReset)', () => {
    const files = {
      ...ORDER_DOMAIN,
      [`${DIR}/password-reset.ts`]: 'export class PasswordReset {\n  constructor(readonly id: string, readonly token: string) {}\n}\n',
      [`${DIR}/reset-password.repository.ts`]:
        "import { PasswordReset } from './password-reset';\n\nexport abstract class ResetPasswordRepository {\n  abstract save(entity: PasswordReset): Promise<void>;\n}\n",
    };
    const config = { ...DEFAULT_CONFIG, layout: { ...DEFAULT_CONFIG.layout, paths: { domainDir: DIR } } };

    const { domains } = readFeature(loadProjectContext(writeProject(files)), config, 'reset-password');

    expect(domains.map((d) => [d.aggregate.name, d.port.ports.map((p) => p.name)])).toEqual([
      ['PasswordReset', ['ResetPasswordRepository']],
    ]);
  });

  it('takes the class a read-only port is named for as its aggregate, not a query builder or another class it returns first', () => {
    const files = {
      ...ORDER_DOMAIN,
      [`${DIR}/order-query-builder.ts`]: 'export class OrderQueryBuilder {\n  status?: string;\n}\n',
      [`${DIR}/order-cursor.ts`]: 'export class OrderCursor {\n  constructor(readonly after: string) {}\n}\n',
      [PORT_FILE]: `import { Order } from './order';
import { OrderCursor } from './order-cursor';
import { OrderQueryBuilder } from './order-query-builder';

export abstract class OrderRepository {
  abstract getQueryBuilder(): OrderQueryBuilder;
  abstract cursor(): OrderCursor;
  abstract findMany(queryBuilder?: OrderQueryBuilder): Promise<Order[]>;
}
`,
    };

    const { aggregate, port } = readDomain(loadProjectContext(writeProject(files)), DEFAULT_CONFIG, 'ordering');

    expect(aggregate.name).toBe('Order');
    expect(port.ports.map((p) => p.name)).toEqual(['OrderRepository']);
  });

  it('leaves a port alone whose plain string parameters are not named for an id, though the id is a string', () => {
    const files = {
      ...ORDER_DOMAIN,
      [`${DIR}/invoice.ts`]: 'export class Invoice {\n  constructor(readonly id: string) {}\n}\n',
      [`${DIR}/invoice.repository.ts`]:
        "import { Invoice } from './invoice';\n\nexport interface InvoiceRepository {\n  save(invoice: Invoice): Promise<void>;\n}\n",
      [`${DIR}/mailer.port.ts`]:
        'export abstract class MailerPort {\n  abstract sendVerificationEmail(to: string, token: string): Promise<void>;\n}\n',
    };
    const config = { ...DEFAULT_CONFIG, layout: { ...DEFAULT_CONFIG.layout, paths: { domainDir: DIR } } };

    const { domains } = readFeature(loadProjectContext(writeProject(files)), config, 'invoice');

    expect(domains[0].port.ports.map((p) => p.name)).toEqual(['InvoiceRepository']);
    expect(domains[0].port.leftAlone.map((l) => `${l.name}: ${l.reason}`)).toContain(
      'MailerPort: none of its methods takes or returns Invoice or its id',
    );
  });

  it.each([
    ['User', 'users', true],
    ['User', 'user', true],
    ['UserEntity', 'users', true],
    ['OrderAggregate', 'order', true],
    ['Category', 'categories', true],
    ['Order', 'checkout', false],
    ['Order', 'ordering', false],
  ])('%s is named by feature %s: %s', (className, feature, named) => {
    expect(namesFeature(className, feature)).toBe(named);
  });

  it('takes a class named Event for the aggregate when a port saves it alone (a calendar), events in lists stay an event store', () => {
    const dir = 'src/domain/aggregates/events';
    const files = {
      [`${dir}/event.ts`]: 'export class Event {\n  constructor(\n    readonly id: string,\n    public title: string,\n  ) {}\n}\n',
      [`${dir}/event.repository.ts`]:
        "import { Event } from './event';\n\nexport interface EventRepository {\n  save(event: Event): Promise<void>;\n  findById(id: string): Promise<Event | null>;\n}\n",
      [`${dir}/event-store.port.ts`]:
        'export class EventScheduledEvent {}\n\nexport interface CalendarLogPort {\n  append(id: string, events: EventScheduledEvent[]): Promise<void>;\n}\n',
    };

    const { aggregate, port } = readDomain(loadProjectContext(writeProject(files)), DEFAULT_CONFIG, 'events');

    expect(aggregate.name).toBe('Event');
    expect(port.ports.map((p) => p.name)).toEqual(['EventRepository']);
    expect(port.leftAlone.map((l) => l.name)).toEqual(['CalendarLogPort']);
  });

  it('stops with no port when only decoys are there, saying why each was left alone', () => {
    const files = {
      ...ORDER_DOMAIN,
      [`${DIR}/order.repository.ts`]:
        'export interface OrderEventsPort {\n  append(events: OrderPlacedEvent[]): Promise<void>;\n}\n\nexport class OrderPlacedEvent {}\n',
    };

    expect(readError(files).message).toBe(
      `no repository port found in ${DIR}/; left alone: OrderEventsPort (${DIR}/order.repository.ts:1: an event-store port: it stores or publishes events (OrderPlacedEvent), not an aggregate)`,
    );
  });
});

describe('the token a dependency-injection container provides the port under', () => {
  const tokenOf = (tokens: string, file = PORT_FILE) => {
    const files = { ...ORDER_DOMAIN };
    files[file] = file === PORT_FILE ? `${tokens}\n${files[PORT_FILE]}` : tokens;
    return readDomain(loadProjectContext(writeProject(files)), DEFAULT_CONFIG, 'ordering').port.token;
  };

  it.each([
    ['a Symbol', "export const ORDER_REPOSITORY = Symbol('OrderRepository');", 'ORDER_REPOSITORY'],
    ['a string named like a token', "export const ORDER_REPOSITORY = 'OrderRepository';", 'ORDER_REPOSITORY'],
    [
      'the one named for the port among several',
      "export const USER_REPOSITORY = Symbol('UserRepository');\nexport const OrderRepositoryToken = Symbol.for('orders');",
      'OrderRepositoryToken',
    ],
    [
      'an InjectionToken',
      "class InjectionToken<T> { constructor(readonly name: string, readonly type?: T) {} }\nexport const ORDERS = new InjectionToken('orders');",
      'ORDERS',
    ],
  ])('%s', (_, tokens, expected) => {
    expect(tokenOf(tokens)).toMatchObject({ name: expected, location: { file: PORT_FILE } });
  });

  it('is none where nothing in the port folder is one (a plain string constant is not)', () => {
    expect(tokenOf("export const ORDER_TABLE = 'orders';")).toBeUndefined();
  });

  it('may live in another file of the port folder', () => {
    const file = 'src/domain/aggregates/ordering/tokens.ts';
    expect(tokenOf("export const ORDER_REPOSITORY = Symbol('OrderRepository');", file)).toEqual({
      name: 'ORDER_REPOSITORY',
      location: { file, line: 1 },
    });
  });
});

it('takes a port whose read takes a PageRequest for a repository, not for an inbound port (a request it handles)', () => {
  const files = { ...ORDER_DOMAIN };
  files[PORT_FILE] = files[PORT_FILE].replace('  findAll(): Promise<Order[]>;', '  findAll(page: PageRequest): Promise<Order[]>;').concat(
    '\nexport interface PageRequest {\n  limit: number;\n  offset: number;\n}\n',
  );
  const { port } = readDomain(loadProjectContext(writeProject(files)), DEFAULT_CONFIG, 'ordering');
  expect(port.methods.map((m) => m.name)).toContain('findAll');
});

it('takes a Repository whose read takes a FindManyInput as storage (its criteria), and still leaves a port taking a command alone', () => {
  const files = { ...ORDER_DOMAIN };
  files[PORT_FILE] = files[PORT_FILE].replace(
    '  findAll(): Promise<Order[]>;',
    '  findAll(): Promise<Order[]>;\n  findMany(input: FindManyOrdersInput): Promise<Order[]>;',
  ).concat(
    '\nexport interface FindManyOrdersInput {\n  status?: OrderStatus;\n  page: number;\n}\n',
    '\nexport interface PlaceOrderCommand {\n  email: string;\n}\n',
    '\nexport interface PlaceOrderPort {\n  place(command: PlaceOrderCommand): Promise<Order>;\n}\n',
  );
  const { port } = readDomain(loadProjectContext(writeProject(files)), DEFAULT_CONFIG, 'ordering');
  expect(port.name).toBe('OrderRepository');
  expect(port.methods.map((m) => m.name)).toContain('findMany');
  expect(port.leftAlone.map((l) => `${l.name}: ${l.reason}`)).toContain(
    'PlaceOrderPort: an inbound port: a use case the application implements, not storage',
  );
});

describe('a port that stores an interface or a type instead of a class', () => {
  const STATE = `export interface OrderState {
  id: string;
  total: number;
}
`;
  const PORT = `import type { OrderState } from './order-state';

export interface OrderRepository {
  findById(id: string): Promise<OrderState | null>;
  save(order: OrderState): Promise<OrderState>;
}
`;

  it('stores the interface as the aggregate: a record of fields', () => {
    const { aggregate, port } = readDomain(
      loadProjectContext(writeProject({ [`${DIR}/order-state.ts`]: STATE, [`${DIR}/order.repository.ts`]: PORT })),
      DEFAULT_CONFIG,
      'ordering',
    );
    expect(aggregate).toMatchObject({ name: 'OrderState', style: 'record', idField: 'id' });
    expect(port.methods.map((m) => m.name)).toEqual(['findById', 'save']);
  });

  it('refuses a union of records at the method, naming the records and the one decision', () => {
    const error = readError({
      [`${DIR}/pets.ts`]:
        'export interface Cat {\n  id: string;\n  lives: number;\n}\n\nexport interface Dog {\n  id: string;\n  bark: string;\n}\n',
      [`${DIR}/pet.repository.ts`]: `import type { Cat, Dog } from './pets';

export interface PetRepository {
  save(pet: Cat | Dog): Promise<void>;
}
`,
    });
    expect(error.message).toBe(
      'PetRepository.save takes Cat | Dog, a union of records (Cat | Dog): gen stores one record of fields (or one class) per repository',
    );
    expect(error.location).toEqual({ file: `${DIR}/pet.repository.ts`, line: 4 });
    expect(error.hint).toContain('give each record its own port, or merge them into one type');
  });

  it('refuses a generic record, naming its type parameters', () => {
    const error = readError({
      [`${DIR}/stored.ts`]: 'export interface Stored<T> {\n  id: string;\n  data: T;\n}\n',
      [`${DIR}/order.repository.ts`]: `import type { Stored } from './stored';

export interface OrderRepository {
  save(order: Stored<number>): Promise<void>;
}
`,
      [`${DIR}/product.repository.ts`]: 'export interface ProductRepository {\n  priceOf(id: string): Promise<number>;\n}\n',
    });
    expect(error.message).toMatch(/^OrderRepository\.save takes Stored<number>, generic \(Stored<T>\): .*; ports seen: /);
    expect(error.message).toContain('ProductRepository (src/domain/aggregates/ordering/product.repository.ts:1: none of its methods');
    expect(error.hint).toContain('without type parameters');
  });
});
