import { describe, expect, it } from 'vitest';
import { membersBehindPrimitives, walletWithUntypedBalance } from '../fixtures/value-spellings.js';
import { ORDER_DOMAIN, PORT_FILE } from '../support/fixtures.js';
import { generateAndRun, read } from '../support/projects.js';

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

describe('spellings met on unseen codebases (issue 19)', () => {
  it('implements a Repository whose read takes a FindManyInput, the read left as a stub to write', async () => {
    const files = { ...ORDER_DOMAIN };
    files[PORT_FILE] = files[PORT_FILE].replace(
      '  findAll(): Promise<Order[]>;',
      '  findAll(): Promise<Order[]>;\n  findMany(input: FindManyOrdersInput): Promise<Order[]>;',
    ).concat('\nexport interface FindManyOrdersInput {\n  status?: OrderStatus;\n  page: number;\n}\n');
    const { dir } = await generateAndRun(files, 'ordering');

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
    const { dir } = await generateAndRun(files, 'ordering');

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
    const { dir } = await generateAndRun(files, 'ordering');

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
    const { dir } = await generateAndRun(files, 'customer');

    expect(read(dir, 'src/core/infrastructure/persistence/repositories/customer.repository.ts')).toMatch(
      /implements\s+CustomerRepository\s*\{/,
    );
  });

  it("stores a member typed any in toPrimitives() as its value object's own typed primitives", async () => {
    const { dir } = await generateAndRun(walletWithUntypedBalance(), 'wallets');

    const model = read(dir, `${INFRA}/models/wallet.model.ts`);
    expect(model).toContain("name: 'balance_amount'");
    expect(model).toContain("name: 'balance_currency'");
  });

  it('rebuilds fields kept private behind toPrimitives() through a constructor taking value objects of them', async () => {
    const { dir } = await generateAndRun(membersBehindPrimitives(), 'members');

    const mapper = read(dir, `${INFRA}/mappers/member.mapper.ts`);
    expect(mapper).toMatch(/new Member\(\s*new MemberId\(model\.id\),\s*new MemberName\(model\.name\)/);
    expect(mapper).toContain('model.friends.map((item) => new MemberId(item))');
    expect(mapper).toContain('member.toPrimitives()');
  });

  it('rebuilds fields kept private behind toPrimitives() through a props object of value objects', async () => {
    const { dir } = await generateAndRun(membersBehindPrimitives('props'), 'members');

    expect(read(dir, `${INFRA}/mappers/member.mapper.ts`)).toMatch(/new Member\(\{\s*id: new MemberId\(model\.id\),/);
  });
});
