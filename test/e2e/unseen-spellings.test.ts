import { describe, expect, it } from 'vitest';
import { membersBehindPrimitives, walletWithUntypedBalance } from '../fixtures/value-spellings.js';
import { ORDER_DOMAIN, PORT_FILE } from '../support/fixtures.js';
import { ProjectBatch, STRICT_COMPILER_OPTIONS, read } from '../support/projects.js';

const INFRA = 'src/infrastructure/persistence';
const ORDER = 'src/domain/aggregates/ordering/order.ts';
const TIER = `export type TierName = 'GOLD' | 'SILVER';

export class Tier {
  private readonly _value: TierName;

  private constructor(tier: TierName) {
    this._value = tier;
  }

  static restore(tier: TierName): Tier {
    return new Tier(tier);
  }

  get value(): TierName {
    return this._value;
  }
}
`;

/**
 * A context laid out src/<context>/domain/<aggregate>, everything `export default`, a value-object base whose subclass
 * keeps a private regex constant, an aggregate with private state behind a typed toPrimitives() that only a recording
 * create() rebuilds, a port whose save returns void, and a vitest config that runs test/, not tests/.
 */
const GEO: Record<string, string> = {
  'vitest.config.ts':
    "import { defineConfig } from 'vitest/config';\nexport default defineConfig({ test: { include: ['test/**/*.test.ts'] } });\n",
  'src/geo/domain/shared/domain-event.ts': `export abstract class DomainEvent {
  protected constructor(readonly aggregateId: string) {}
}
`,
  'src/geo/domain/shared/aggregate-root.ts': `import { DomainEvent } from './domain-event';

export abstract class AggregateRoot {
  protected domainEvents: DomainEvent[] = [];

  protected record(event: DomainEvent): void {
    this.domainEvents.push(event);
  }

  pullDomainEvents(): DomainEvent[] {
    const events = this.domainEvents;
    this.domainEvents = [];
    return events;
  }
}
`,
  'src/geo/domain/shared/value-object.ts': `export abstract class ValueObject<T extends string | number> {
  readonly value: T;

  protected constructor(value: T) {
    this.value = value;
  }
}
`,
  'src/geo/domain/region/region-id.ts': `import { ValueObject } from '../shared/value-object';

export default class RegionId extends ValueObject<string> {
  private readonly allowed = /^[^\\s]+$/;

  private constructor(value: string) {
    super(value);
  }

  static of(value: string): RegionId {
    const id = new RegionId(value);
    if (!id.allowed.test(value)) throw new Error(\`a region id has no spaces: \${value}\`);
    return id;
  }

  static fromPrimitives(value: string): RegionId {
    return new RegionId(value);
  }
}
`,
  'src/geo/domain/region/region-opened.ts': `import { DomainEvent } from '../shared/domain-event';

export class RegionOpened extends DomainEvent {
  readonly openedAt = new Date();

  constructor(aggregateId: string) {
    super(aggregateId);
  }
}
`,
  'src/geo/domain/region/region.ts': `import { AggregateRoot } from '../shared/aggregate-root';
import RegionId from './region-id';
import { RegionOpened } from './region-opened';

export type RegionPrimitives = { id: string; name: string; population: number };

export default class Region extends AggregateRoot {
  private constructor(
    private id: RegionId,
    private name: string,
    private population: number,
  ) {
    super();
  }

  static create(id: string, name: string, population: number): Region {
    const region = new Region(RegionId.of(id), name, population);
    region.record(new RegionOpened(id));
    return region;
  }

  rename(name: string): void {
    this.name = name;
  }

  toPrimitives(): RegionPrimitives {
    return { id: this.id.value, name: this.name, population: this.population };
  }
}
`,
  'src/geo/domain/region/region-repository.ts': `import Region from './region';
import RegionId from './region-id';

export default interface RegionRepository {
  save(region: Region): void;
  findById(id: RegionId): Promise<Region | null>;
  findAll(): Promise<Region[]>;
}
`,
};

/**
 * A checkout context spelled with default exports throughout: an Order that refuses to exist without lines, whose
 * lines are default-exported child entities, behind a port that only extends a generic base (`Repository<Order>`).
 */
const CHECKOUT: Record<string, string> = {
  'src/domain/shared/repository.ts': `export default interface Repository<T> {
  create(entity: T): Promise<void>;
  update(entity: T): Promise<void>;
  find(id: string): Promise<T>;
  findAll(): Promise<T[]>;
}
`,
  'src/domain/checkout/entity/line.ts': `export default class Line {
  constructor(
    private readonly _id: string,
    private readonly _sku: string,
    private readonly _quantity: number,
  ) {}

  get id(): string {
    return this._id;
  }

  get sku(): string {
    return this._sku;
  }

  get quantity(): number {
    return this._quantity;
  }
}
`,
  'src/domain/checkout/entity/basket.ts': `import Line from './line';

export default class Basket {
  constructor(
    private readonly _id: string,
    private readonly _buyer: string,
    private readonly _lines: Line[],
  ) {
    if (_lines.length === 0) throw new Error('A basket holds at least one line');
  }

  get id(): string {
    return this._id;
  }

  get buyer(): string {
    return this._buyer;
  }

  get lines(): Line[] {
    return this._lines;
  }
}
`,
  'src/domain/checkout/repository/basket-repository.interface.ts': `import Repository from '../../shared/repository';
import Basket from '../entity/basket';

export default interface BasketRepositoryInterface extends Repository<Basket> {}
`,
};

/**
 * Every project below, type-checked by one tsc and its generated suites run by one vitest (each project under its own
 * config), instead of a tsc and a vitest per project.
 */
const batch = new ProjectBatch();

describe('spellings met on unseen codebases (issue 19)', () => {
  it('implements a Repository whose read takes a FindManyInput, the read left as a stub to write', async () => {
    const files = { ...ORDER_DOMAIN };
    files[PORT_FILE] = files[PORT_FILE].replace(
      '  findAll(): Promise<Order[]>;',
      '  findAll(): Promise<Order[]>;\n  findMany(input: FindManyOrdersInput): Promise<Order[]>;',
    ).concat('\nexport interface FindManyOrdersInput {\n  status?: OrderStatus;\n  page: number;\n}\n');
    const dir = await batch.generate('findMany stub', files, 'ordering');

    expect(read(dir, `${INFRA}/repositories/order.repository.ts`)).toMatch(/implements\s+OrderRepository\s*\{/);
    expect(read(dir, `${INFRA}/repositories/order.repository.custom.ts`)).toContain('findMany(');
  });

  it('rebuilds a class with no constructor by setting its fields, and a value object through restore(tier)', async () => {
    const files = {
      ...ORDER_DOMAIN,
      'src/domain/aggregates/ordering/tier.ts': TIER,
      [ORDER]: `import { OrderId } from './order-id';
import { OrderStatus } from './order-status';
import { Tier } from './tier';

export class Order {
  id!: OrderId;
  status!: OrderStatus;
  tier!: Tier;
  placedAt!: Date;
  note?: string | undefined;

  static place(id: OrderId, tier: Tier): Order {
    const order = new Order();
    order.id = id;
    order.status = OrderStatus.Placed;
    order.tier = tier;
    order.placedAt = new Date();
    return order;
  }
}
`,
    };
    const dir = await batch.generate('no constructor', files, 'ordering');

    const mapper = read(dir, `${INFRA}/mappers/order.mapper.ts`);
    expect(mapper).toContain('new Order()');
    expect(mapper).toContain('Tier.restore(');
  });

  it('rebuilds a class whose constructor takes the class itself as its data', async () => {
    const files = {
      ...ORDER_DOMAIN,
      [ORDER]: `import { OrderId } from './order-id';
import { OrderStatus } from './order-status';

export class Order {
  id: OrderId;
  status: OrderStatus;
  placedAt: Date;
  note?: string | undefined;

  constructor(data: Order) {
    this.id = data.id;
    this.status = data.status;
    this.placedAt = data.placedAt;
    this.note = data.note;
  }
}
`,
    };
    const dir = await batch.generate('constructor of itself', files, 'ordering');

    expect(read(dir, `${INFRA}/mappers/order.mapper.ts`)).toMatch(/new Order\(\{/);
  });

  it('generates one of several aggregates of one domain folder whose ports are in ports/outbound/', async () => {
    const files = {
      // A NestJS-style project: its tests in test/, beside src/.
      'vitest.config.ts':
        "import { defineConfig } from 'vitest/config';\nexport default defineConfig({ test: { include: ['test/**/*.test.ts'] } });\n",
      'src/core/domain/customer.ts': 'export class Customer {\n  constructor(readonly id: string, public name: string) {}\n}\n',
      'src/core/domain/order.ts': 'export class Order {\n  constructor(readonly id: number, public total: number) {}\n}\n',
      'src/core/domain/ports/outbound/order-repository.ts': `import { Order } from '../../order';

export interface OrderRepository {
  save(order: Order): Promise<void>;
}
`,
      'src/core/domain/ports/outbound/customer-repository.ts': `import { Customer } from '../../customer';

export interface CustomerRepository {
  save(customer: Customer): Promise<void>;
  findById(id: string): Promise<Customer | null>;
}
`,
    };
    const dir = await batch.generate('ports/outbound', files, 'customer');

    expect(read(dir, 'src/core/infrastructure/persistence/repositories/customer.repository.ts')).toMatch(
      /implements\s+CustomerRepository\s*\{/,
    );
  });

  it("stores a member typed any in toPrimitives() as its value object's own typed primitives", async () => {
    const dir = await batch.generate('any in toPrimitives', walletWithUntypedBalance(), 'wallets');

    const model = read(dir, `${INFRA}/models/wallet.model.ts`);
    expect(model).toContain("name: 'balance_amount'");
    expect(model).toContain("name: 'balance_currency'");
  });

  it('rebuilds fields kept private behind toPrimitives() through a constructor taking value objects of them', async () => {
    const dir = await batch.generate('private behind toPrimitives', membersBehindPrimitives(), 'members');

    const mapper = read(dir, `${INFRA}/mappers/member.mapper.ts`);
    expect(mapper).toMatch(/new Member\(\s*new MemberId\(model\.id\),\s*new MemberName\(model\.name\)/);
    expect(mapper).toContain('model.friends.map((item) => new MemberId(item))');
    expect(mapper).toContain('member.toPrimitives()');
  });

  it('rebuilds fields kept private behind toPrimitives() through a props object of value objects', async () => {
    const dir = await batch.generate('private behind props', membersBehindPrimitives('props'), 'members');

    expect(read(dir, `${INFRA}/mappers/member.mapper.ts`)).toMatch(/new Member\(\{\s*id: new MemberId\(model\.id\),/);
  });
  it('generates a context whose classes are default exports, whose port saves with void and whose aggregate only create() rebuilds', async () => {
    const dir = await batch.generate('default exports', GEO, 'region');
    const infra = 'src/geo/infrastructure/persistence';

    // The project's vitest runs test/: the generated suites go there, not to the layout's tests/.
    const suite = read(dir, 'test/geo/region/region.repository.test.ts');
    expect(suite).toMatch(/^import RegionId from /m);
    // create() records RegionOpened again on every rebuild: the mapper drops it, and so do the stored samples.
    expect(read(dir, `${infra}/mappers/region.mapper.ts`)).toContain('result.pullDomainEvents();');
    expect(suite).toContain('sample.pullDomainEvents();');
    // save(region): void is implemented async, and the suite awaits it through the class's own signature.
    expect(read(dir, `${infra}/repositories/region.repository.ts`)).toMatch(/async save\(region: Region\): Promise<void>/);
    expect(suite).toMatch(/Omit<RegionRepository, 'save'> & Pick<TypeOrmRegionRepository, 'save'>/);
  });
  it('generates a default-exported aggregate behind a generic base port whose default-exported children may not be empty', async () => {
    const dir = await batch.generate('generic base port', CHECKOUT, 'checkout');
    const infra = 'src/infrastructure/checkout/persistence';

    // The base's methods name Basket through its type parameter: imported by its own name, not as `default`.
    expect(read(dir, `${infra}/repositories/basket.repository.ts`)).toMatch(/^import type Basket from /m);
    expect(read(dir, `${infra}/mappers/basket.mapper.ts`)).toMatch(/^import Line from /m);
    // Every sample holds a line: sample 2, empty elsewhere, holds one.
    expect(read(dir, 'tests/checkout/basket.repository.test.ts')).not.toMatch(/new Basket\([^()]*, \[\]\)/);
  });
  it('implements findById(id: any): Promise<Order>, taking the id as the aggregate types it and rejecting a missing one', async () => {
    const files = { ...ORDER_DOMAIN };
    files[PORT_FILE] = files[PORT_FILE].replace('findById(id: OrderId): Promise<Order | null>;', 'findById(id: any): Promise<Order>;');
    const dir = await batch.generate('findById any', files, 'ordering');

    expect(read(dir, `${INFRA}/repositories/order.repository.ts`)).toMatch(/async findById\(id: any\): Promise<Order>/);
  });
  it('compiles under a target below ES2020 with no lib (Nest 9 wrote es2017), the library it uses referenced', async () => {
    const tsconfig = {
      compilerOptions: { ...STRICT_COMPILER_OPTIONS, target: 'es2017', module: 'ESNext', moduleResolution: 'bundler' },
      include: ['src', 'tests'],
    };
    const dir = await batch.generate('ES2017 with no lib', { ...ORDER_DOMAIN, 'tsconfig.json': JSON.stringify(tsconfig) }, 'ordering');

    expect(read(dir, `${INFRA}/support/aggregate-store.ts`).split('\n')[1]).toBe('/// <reference lib="es2020" />');
  });

  it('every project above type-checks under strict (one tsc --build) and passes its generated suites (one vitest)', () => {
    batch.typecheck();
    expect(batch.runSuites().size, 'the projects run').toBe(11);
  }, 900_000);
});
