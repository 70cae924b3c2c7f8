import { describe, expect, it } from 'vitest';
import { databaseServers } from '../support/databases.js';
import { ProjectBatch, read, STRICT_COMPILER_OPTIONS } from '../support/projects.js';

const servers = await databaseServers();

// The projects are type-checked by one tsc and their suites run by one vitest, in the last tests.
const batch = new ProjectBatch();

const DOMAIN = 'src/domain/aggregates';
const INFRA = 'src/infrastructure/persistence';
const TESTS = 'tests/integration/infrastructure';

/** A public, writable `id?: number` that the port's save (returning void) must fill in. */
const CUSTOMERS: Record<string, string> = {
  [`${DOMAIN}/customers/customer.ts`]: `export class Customer {
  constructor(
    public name: string,
    public email: string,
    public since: Date,
    public id?: number,
  ) {}
}
`,
  [`${DOMAIN}/customers/customer.repository.ts`]: `import { Customer } from './customer';

export interface CustomerRepository {
  save(customer: Customer): Promise<void>;
  findById(id: number): Promise<Customer | null>;
  findByEmail(email: string): Promise<Customer | null>;
  findAll(): Promise<Customer[]>;
  delete(id: number): Promise<void>;
}
`,
};

/** A readonly `id?: number`: save returns the ticket rebuilt with the id the database assigned. */
const TICKETS: Record<string, string> = {
  [`${DOMAIN}/tickets/ticket.ts`]: `export class Ticket {
  constructor(
    readonly title: string,
    readonly openedAt: Date,
    readonly id?: number,
  ) {}
}
`,
  [`${DOMAIN}/tickets/ticket.repository.ts`]: `import { Ticket } from './ticket';

export interface TicketRepository {
  save(ticket: Ticket): Promise<Ticket>;
  findById(id: number): Promise<Ticket | undefined>;
  findByTitle(title: string): Promise<Ticket[]>;
  findAll(): Promise<Ticket[]>;
}
`,
};

/** A readonly `id?: number` the aggregate cannot take: create resolves to the id the database assigned, and nothing else holds it. */
const TICKET_IDS: Record<string, string> = {
  [`${DOMAIN}/tickets/ticket.ts`]: TICKETS[`${DOMAIN}/tickets/ticket.ts`],
  [`${DOMAIN}/tickets/ticket.repository.ts`]: `import { Ticket } from './ticket';

export interface TicketRepository {
  create(ticket: Ticket): Promise<number>;
  findById(id: number): Promise<Ticket | undefined>;
  findAll(): Promise<Ticket[]>;
}
`,
};

/** `id: number | null`, null until created, set after construction; the port creates and returns nothing. */
const NOTES: Record<string, string> = {
  [`${DOMAIN}/notes/note.ts`]: `export class Note {
  id: number | null = null;

  constructor(
    public text: string,
    public pinned: boolean,
  ) {}
}
`,
  [`${DOMAIN}/notes/note.repository.ts`]: `import { Note } from './note';

export interface NoteRepository {
  create(note: Note): Promise<void>;
  findById(id: number): Promise<Note | null>;
  findByPinned(pinned: boolean): Promise<Note[]>;
}
`,
};

/** A string id absent until saved, in a class built from an object of its own type (as orderly's Client is). */
const CLIENTS: Record<string, string> = {
  [`${DOMAIN}/clients/client.ts`]: `export class Client {
  id?: string | undefined;
  document?: string | undefined;

  constructor(data: Client) {
    this.id = data.id;
    this.document = data.document;
  }
}
`,
  [`${DOMAIN}/clients/client.repository.ts`]: `import { Client } from './client';

export interface ClientRepository {
  save(client: Client): Promise<Client>;
  findByDocument(document: string): Promise<Client | null>;
  findAll(): Promise<Client[]>;
}
`,
};

/** An `id?: number` inherited from the project's base entity, set after construction; create returns the user. */
const USERS: Record<string, string> = {
  'src/domain/shared/base-entity.ts': `export abstract class BaseEntity {
  id?: number;
  createdAt: Date = new Date();
}
`,
  [`${DOMAIN}/users/user.ts`]: `import { BaseEntity } from '../../shared/base-entity';

export class User extends BaseEntity {
  constructor(
    public name: string,
    public email: string,
  ) {
    super();
  }
}
`,
  [`${DOMAIN}/users/user.repository.ts`]: `import { User } from './user';

export interface UserRepository {
  create(user: User): Promise<User>;
  findById(id: number): Promise<User | null>;
  findByEmail(email: string): Promise<User | null>;
  update(user: User): Promise<void>;
  exists(user: User): Promise<boolean>;
  delete(user: User): Promise<boolean>;
}
`,
};

/**
 * A private id read through getId() (a call, which `=== undefined` does not narrow), and values read through getters
 * only: an optional value object holding a list, and a JSON list of value objects holding an optional one and a list.
 */
const ORDERS: Record<string, string> = {
  [`${DOMAIN}/orders/order.ts`]: `export class Tags {
  constructor(private readonly items: string[]) {}

  getItems(): string[] {
    return this.items;
  }
}

export class Gift {
  constructor(
    private readonly message: string,
    private readonly wrapped: boolean,
  ) {}

  getMessage(): string {
    return this.message;
  }

  isWrapped(): boolean {
    return this.wrapped;
  }
}

export class OrderLine {
  constructor(
    private readonly product: string,
    private readonly quantity: number,
    private readonly gift?: Gift,
    private readonly notes?: string[],
  ) {}

  getProduct(): string {
    return this.product;
  }

  getQuantity(): number {
    return this.quantity;
  }

  getGift(): Gift | undefined {
    return this.gift;
  }

  getNotes(): string[] | undefined {
    return this.notes;
  }
}

export class Delivery {
  constructor(
    private readonly street: string,
    private readonly instructions?: string[],
  ) {}

  getStreet(): string {
    return this.street;
  }

  getInstructions(): string[] | undefined {
    return this.instructions;
  }
}

export class Order {
  private _id?: number;

  constructor(
    private readonly customer: string,
    private readonly tags: Tags,
    private readonly lines: OrderLine[],
    private readonly delivery?: Delivery,
    id?: number,
  ) {
    if (id !== undefined) this._id = id;
  }

  getId(): number | undefined {
    return this._id;
  }

  getCustomer(): string {
    return this.customer;
  }

  getTags(): Tags {
    return this.tags;
  }

  getLines(): OrderLine[] {
    return this.lines;
  }

  getDelivery(): Delivery | undefined {
    return this.delivery;
  }
}
`,
  [`${DOMAIN}/orders/order.repository.ts`]: `import { Order } from './order';

export interface OrderRepository {
  save(order: Order): Promise<Order>;
  findById(id: number): Promise<Order | null>;
  findAll(): Promise<Order[]>;
  exists(order: Order): Promise<boolean>;
  delete(order: Order): Promise<boolean>;
}
`,
};

/** A private id read through getId() and set through a `set id()` accessor; insert takes a list. */
const INVOICES: Record<string, string> = {
  [`${DOMAIN}/invoices/invoice.ts`]: `export class Invoice {
  private _id: number | undefined;

  constructor(
    private readonly customer: string,
    private readonly total: number,
  ) {}

  getId(): number | undefined {
    return this._id;
  }

  set id(value: number | undefined) {
    this._id = value;
  }

  getCustomer(): string {
    return this.customer;
  }

  getTotal(): number {
    return this.total;
  }
}
`,
  [`${DOMAIN}/invoices/invoice.repository.ts`]: `import { Invoice } from './invoice';

export interface InvoiceRepository {
  save(invoice: Invoice): Promise<void>;
  insert(invoices: Invoice[]): Promise<boolean>;
  findById(id: number): Promise<Invoice | null>;
  findAll(): Promise<Invoice[]>;
  deleteById(id: number): Promise<void>;
}
`,
};

/**
 * A set-once `set id()` that throws when the id is set again, undefined included: a rollback cannot take the id back.
 * The project's own test rolls back two saves and checks the error the caller gets and the rows left, in both repositories.
 */
const RECEIPTS: Record<string, string> = {
  [`${DOMAIN}/receipts/receipt.ts`]: `export class Receipt {
  private _id: number | undefined;

  constructor(
    private readonly payer: string,
    private readonly amount: number,
  ) {}

  getId(): number | undefined {
    return this._id;
  }

  set id(value: number) {
    if (this._id !== undefined) throw new Error('Receipt id is set once');
    this._id = value;
  }

  getPayer(): string {
    return this.payer;
  }

  getAmount(): number {
    return this.amount;
  }
}
`,
  [`${DOMAIN}/receipts/receipt.repository.ts`]: `import { Receipt } from './receipt';

export interface ReceiptRepository {
  save(receipt: Receipt): Promise<void>;
  findById(id: number): Promise<Receipt | null>;
  findAll(): Promise<Receipt[]>;
  transaction<T>(work: () => Promise<T>): Promise<T>;
}
`,
  'tests/receipt-rollback.test.ts': `import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DataSource } from 'typeorm';
import { Receipt } from '../src/domain/aggregates/receipts/receipt';
import type { ReceiptRepository } from '../src/domain/aggregates/receipts/receipt.repository';
import { TypeOrmReceiptRepository } from '../src/infrastructure/persistence/repositories/receipt.repository';
import { InMemoryReceiptRepository } from '../src/infrastructure/persistence/in-memory/receipt.repository';
import { openTestDatabase, type TestDatabase } from './integration/infrastructure/support/test-database';

let database: TestDatabase;
let dataSource: DataSource;

beforeAll(async () => {
  database = await openTestDatabase();
  dataSource = await database.connect();
});

afterAll(async () => {
  await dataSource.destroy();
  await database.close();
});

describe.each([
  { name: 'TypeORM', make: (): ReceiptRepository => new TypeOrmReceiptRepository(dataSource) },
  { name: 'in memory', make: (): ReceiptRepository => new InMemoryReceiptRepository() },
])('a rollback of receipts whose setter refuses to take the id back ($name)', ({ make }) => {
  it('runs every other undo step and rejects with the error that rolled it back, the setter\\'s refusals attached', async () => {
    const receipts = make();
    const kept = new Receipt('kept', 1);
    await receipts.save(kept);
    const before = await receipts.findAll();
    const first = new Receipt('first', 2);
    const second = new Receipt('second', 3);
    const cause = new Error('rolled back');

    const failure = await receipts
      .transaction(async () => {
        await receipts.save(first);
        await receipts.save(second);
        throw cause;
      })
      .then(
        () => undefined,
        (error: unknown) => error,
      );

    // The same error, so the caller's instanceof checks hold; each undo step that threw is on it, not lost.
    expect(failure).toBe(cause);
    expect((failure as { undoErrors?: unknown[] }).undoErrors?.map((e) => (e as Error).message)).toEqual([
      'Receipt id is set once',
      'Receipt id is set once',
    ]);
    // Thrown again by a later rollback whose steps all ran, the same instance carries that rollback's failures (none).
    const again = await receipts
      .transaction(async () => {
        throw cause;
      })
      .then(
        () => undefined,
        (error: unknown) => error,
      );
    expect(again).toBe(cause);
    expect((again as { undoErrors?: unknown[] }).undoErrors).toEqual([]);

    // The setter kept the ids; the rows the transaction wrote are gone all the same.
    expect(first.getId()).toBeDefined();
    expect(second.getId()).toBeDefined();
    expect(await receipts.findAll()).toStrictEqual(before);
    expect(await receipts.findById(first.getId()!)).toBeNull();
  });
});
`,
};

const ASSIGNED = 'gives each %s saved without an id the one the database assigns, and finds it by it';
const RETURNED = 'resolves each %s created without an id to the one the database assigns, and finds it by it';
const SAVED_AGAIN = 'refuses to save again the %s it returned another in place of, which would be a second row: DuplicateError';
const REPLACED = 'replaces the %s saved under an id the database assigned, rather than inserting another';
const NOT_REUSED = 'never assigns again the id of a deleted %s, as a database sequence does not';
const ROLLED_BACK = 'takes back at a rollback the id it assigned a new %s: saved again, it is inserted';

describe('an id the database assigns on insert', () => {
  it('a writable number: an auto-increment key, set on the aggregate the port saved', async () => {
    const dir = await batch.generate('customers', CUSTOMERS, 'customers');

    expect(read(dir, `${INFRA}/models/customer.model.ts`)).toContain(
      "@PrimaryGeneratedColumn('increment', { name: 'id', type: 'integer' })\n  id!: number;",
    );
    const migration = read(dir, `${INFRA}/migrations/${migrationFile(dir)}`);
    expect(migration).toContain("{ name: 'id', ...type.integer, isPrimary: true, isGenerated: true, generationStrategy: 'increment' }");
    // The mapper leaves the id out of the row until the aggregate has one.
    const mapper = read(dir, `${INFRA}/mappers/customer.mapper.ts`);
    expect(mapper).toContain('const id = customer.id;');
    expect(mapper).toContain('if (id !== undefined) model.id = id;');
    const repository = read(dir, `${INFRA}/repositories/customer.repository.ts`);
    expect(repository).toMatch(/assignId: \{\n\s+set: \(customer, model\) => \{\n\s+customer\.id = model\.id;/);
    const memory = read(dir, `${INFRA}/in-memory/customer.repository.ts`);
    // Past the last id it assigned too: a sequence never hands out again the id of a row deleted since.
    expect(memory).toContain('next: (stored, last = 0) => stored.reduce((largest, id) => Math.max(largest, id), last) + 1,');
    const suite = read(dir, `${TESTS}/customer.repository.test.ts`);
    expect(suite).toContain(`it('${ASSIGNED.replace('%s', 'Customer')}'`);
    expect(suite).toContain(`it('${REPLACED.replace('%s', 'Customer')}'`);
    expect(read(dir, 'documentation/plans/customers/003-infrastructure-layer.md')).toContain(
      'primary key, not null, assigned on insert (auto-increment)',
    );
  });

  it('a writable number without experimentalDecorators: the same key in an EntitySchema', async () => {
    const { experimentalDecorators: _decorators, emitDecoratorMetadata: _metadata, ...options } = STRICT_COMPILER_OPTIONS;
    const tsconfig = {
      compilerOptions: {
        ...options,
        module: 'ESNext',
        moduleResolution: 'bundler',
      },
      include: ['src', 'tests'],
    };
    const dir = await batch.generate(
      'customers in an EntitySchema',
      { ...CUSTOMERS, 'tsconfig.json': JSON.stringify(tsconfig) },
      'customers',
    );

    expect(read(dir, `${INFRA}/models/customer.model.ts`)).toContain(
      "id: { name: 'id', type: 'integer', primary: true, generated: 'increment' },",
    );
  });

  it('a readonly number: save resolves to the aggregate rebuilt with its id', async () => {
    const dir = await batch.generate('tickets', TICKETS, 'tickets');

    expect(read(dir, `${INFRA}/repositories/ticket.repository.ts`)).toMatch(
      /const \[saved = ticket\] = await this\.store\.save\(\[ticket\]\);\n\s+return saved;/,
    );
    expect(read(dir, `${INFRA}/in-memory/ticket.repository.ts`)).toMatch(
      /const \[saved = ticket\] = this\.aggregates\.save\(\[ticket\]\);/,
    );
    expect(read(dir, `${TESTS}/ticket.repository.test.ts`)).toContain('const first = await subject.repository.save(');
    // The instance given is not the one stored: saved again it would be a second row, so both repositories refuse it.
    expect(read(dir, `${TESTS}/ticket.repository.test.ts`)).toContain(`it('${SAVED_AGAIN.replace('%s', 'Ticket')}'`);
  });

  it('a readonly number returned by create: each created ticket is found by the id create resolved to, holding it', async () => {
    const dir = await batch.generate('ticket ids', TICKET_IDS, 'tickets');

    const suite = read(dir, `${TESTS}/ticket.repository.test.ts`);
    expect(suite).toContain(`it('${RETURNED.replace('%s', 'Ticket')}'`);
    expect(suite).toContain('const firstId = await subject.repository.create(first);');
    expect(suite).toMatch(/expect\(await subject\.repository\.findById\(firstId\)\)\.toStrictEqual\(\n\s+new Ticket\([^\n]*, firstId\),/);
  });

  it('a number or null: create sets it on the aggregate, and a rollback sets it back to null', async () => {
    const dir = await batch.generate('notes', NOTES, 'notes');

    expect(read(dir, `${INFRA}/repositories/note.repository.ts`)).toMatch(/clear: \(note\) => \{\n\s+note\.id = null;/);
    expect(read(dir, `${TESTS}/note.repository.test.ts`)).toContain(`it('${ASSIGNED.replace('%s', 'Note')}'`);
  });

  it('an inherited number: set after construction; methods taking a user never saved find nothing to update, check or delete', async () => {
    const dir = await batch.generate('users', USERS, 'users');

    const repository = read(dir, `${INFRA}/repositories/user.repository.ts`);
    expect(repository).toMatch(/set: \(user, model\) => \{\n\s+user\.id = model\.id;/);
    expect(repository).toMatch(/async exists\(user: User\): Promise<boolean> \{\n\s+if \(user\.id === undefined\) return false;/);
    expect(repository).toMatch(/async delete\(user: User\): Promise<boolean> \{\n\s+if \(user\.id === undefined\) return false;/);
    expect(read(dir, `${INFRA}/in-memory/user.repository.ts`)).toContain(
      'if (user.id === undefined || !this.rows.has(user.id)) throw new Error(`User not found: ${user.id}`);',
    );
  });

  it('read through getId(): each method taking an order tests a local bound to it, which narrows where the call would not', async () => {
    const dir = await batch.generate('orders', ORDERS, 'orders');

    const repository = read(dir, `${INFRA}/repositories/order.repository.ts`);
    expect(repository).toMatch(
      /async exists\(order: Order\): Promise<boolean> \{\n\s+const orderId = order\.getId\(\);\n\s+if \(orderId === undefined\) return false;\n\s+return this\.orm\.exists\(\{ where: \{ id: orderId \} \}\);/,
    );
    expect(repository).toContain('const result = await this.orm.delete({ id: orderId });');
    expect(read(dir, `${INFRA}/in-memory/order.repository.ts`)).toContain('return this.aggregates.delete(orderId);');
    // Values read through getters are bound before they are tested, in the columns and inside the JSON of the lines.
    const mapper = read(dir, `${INFRA}/mappers/order.mapper.ts`);
    expect(mapper).toContain(
      'model.deliveryInstructions = ((value) => (value ? [...value] : null))(order.getDelivery()?.getInstructions());',
    );
    expect(mapper).toContain('notes: ((value) => (value ? [...value] : null))(item.getNotes()),');
    expect(mapper).toContain('value == null ? null : { message: value.getMessage(), wrapped: value.isWrapped() }');
    expect(mapper).toMatch(/\)\(\s*item\.getGift\(\),?\s*\)/);
    expect(read(dir, `${TESTS}/order.repository.test.ts`)).toContain(`it('${NOT_REUSED.replace('%s', 'Order')}'`);
  });

  it('read through getId() and set through `set id()`: a rollback sets it back through the setter, where deleting it would do nothing', async () => {
    const dir = await batch.generate('invoices', INVOICES, 'invoices');

    for (const file of [`${INFRA}/repositories/invoice.repository.ts`, `${INFRA}/in-memory/invoice.repository.ts`])
      expect(read(dir, file)).toMatch(/clear: \(invoice\) => \{\n\s+Reflect\.set\(invoice, 'id', undefined\);/);
    // A list's items are each bound too.
    expect(read(dir, `${INFRA}/in-memory/invoice.repository.ts`)).toMatch(
      /invoices\.some\(\(item\) => \{\n\s+const itemId = item\.getId\(\);\n\s+return !\(itemId === undefined\) && this\.rows\.has\(itemId\);/,
    );
    const suite = read(dir, `${TESTS}/invoice.repository.test.ts`);
    expect(suite).toContain(`it('${ROLLED_BACK.replace('%s', 'Invoice')}'`);
    expect(suite).toContain(`it('${NOT_REUSED.replace('%s', 'Invoice')}'`);
  });

  it('set through a set-once `set id()`: a rollback that cannot take the id back still runs its other steps and rethrows its own error', async () => {
    const dir = await batch.generate('receipts', RECEIPTS, 'receipts');

    // The generated suite does not expect the id back: the setter may refuse it.
    const suite = read(dir, `${TESTS}/receipt.repository.test.ts`);
    expect(suite).not.toContain(`it('${ROLLED_BACK.replace('%s', 'Receipt')}'`);
    expect(suite).toContain(`it('${ASSIGNED.replace('%s', 'Receipt')}'`);
  });

  it('a string: a varchar key given a random UUID as it is inserted', async () => {
    const dir = await batch.generate('clients', CLIENTS, 'clients');

    expect(read(dir, `${INFRA}/models/client.model.ts`)).toContain("@PrimaryColumn({ name: 'id', type: 'varchar', length: 255 })");
    expect(read(dir, `${INFRA}/migrations/${migrationFile(dir)}`)).not.toContain('isGenerated');
    expect(read(dir, `${INFRA}/repositories/client.repository.ts`)).toContain('newId: () => randomUUID(),');
    expect(read(dir, `${INFRA}/in-memory/client.repository.ts`)).toContain('next: () => randomUUID(),');
    expect(read(dir, `${TESTS}/client.repository.test.ts`)).toContain(
      'expect(assignedId(first)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);',
    );
  });
});

describe('every project above', () => {
  it('type-checks under strict and passes its generated suites, the assigned-id cases on both repositories', () => {
    batch.typecheck();
    const suites = batch.runSuites();
    for (const [name, ran] of suites) expect(ran.skipped, `${name}: skipped tests`).toBe(0);
  }, 600_000);

  for (const server of servers) {
    it.skipIf(!server.run)(
      `passes them on ${server.name} too (SERIAL, AUTO_INCREMENT; a local run without GEN_TEST_DATABASES=1 skips it)`,
      () => {
        expect(server.reachable, `${server.name} is not reachable at ${server.url}, and GEN_REQUIRE_DATABASES is set`).toBe(true);
        batch.runSuites({ GEN_TEST_DATABASE_URL: server.url });
      },
      600_000,
    );
  }
});

/** The one migration gen wrote. */
function migrationFile(dir: string): string {
  const plan = read(dir, '.gen/manifest.json');
  const match = /migrations\/(\d+-Create\w+\.ts)/.exec(plan);
  expect(match, 'a migration in the manifest').not.toBeNull();
  return match![1];
}
