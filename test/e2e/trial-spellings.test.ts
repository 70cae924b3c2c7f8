import { describe, expect, it } from 'vitest';
import { ORDER_DOMAIN, PORT_FILE } from '../support/fixtures.js';
import { generateAndRun, read } from '../support/projects.js';

const DIR = 'src/domain/aggregates/ordering';
const INFRA = 'src/infrastructure/persistence';

/**
 * Spellings met when trying gen on public codebases it had not seen: an id value object whose one private field only
 * `toString()` returns, a private field behind a getter of another name (and a wider, readonly type), a value object
 * built through a static factory that only forwards its parameters to a private constructor (in another order), and a
 * `save` that resolves to the id of the aggregate it took.
 */
const FILES: Record<string, string> = {
  ...ORDER_DOMAIN,
  [`${DIR}/order-id.ts`]: `export class OrderId {
  constructor(private readonly value: string) {
    if (value.length === 0) throw new Error('an order id is not empty');
  }

  equals(other: OrderId): boolean {
    return other.value === this.value;
  }

  toString(): string {
    return this.value;
  }
}
`,
  [`${DIR}/price.ts`]: `export class Price {
  private readonly _amount: number;
  private readonly _currency: string;

  private constructor(amount: number, currency: string) {
    if (amount < 0) throw new Error('a price is not negative');
    this._amount = amount;
    this._currency = currency;
  }

  static of(currency: string, value: number): Price {
    return new Price(value, currency);
  }

  get amount(): number {
    return this._amount;
  }

  get currency(): string {
    return this._currency;
  }
}
`,
  [`${DIR}/order.ts`]: `import { OrderId } from './order-id';
import { OrderStatus } from './order-status';
import { Price } from './price';

export class Order {
  #remark: string;

  constructor(
    readonly id: OrderId,
    private _status: OrderStatus,
    private _price: Price,
    private _labels: string[],
    remark: string,
  ) {
    this.#remark = remark;
  }

  get status(): OrderStatus {
    return this._status;
  }

  get price(): Price {
    return this._price;
  }

  get labelList(): ReadonlyArray<string> {
    return this._labels;
  }

  get note(): string {
    return this.#remark;
  }

  pay(): void {
    this._status = OrderStatus.Paid;
  }
}
`,
  [PORT_FILE]: `import { Order } from './order';
import { OrderId } from './order-id';

export abstract class OrderRepository {
  abstract save(order: Order): Promise<OrderId>;
  abstract findById(id: OrderId): Promise<Order | null>;
  abstract findAll(): Promise<Order[]>;
}
`,
};

describe('spellings met on public codebases gen had not seen', () => {
  it('reads members through the accessor that returns them, rebuilds through a forwarding factory, and saves to the id', async () => {
    const { dir } = await generateAndRun(FILES, 'ordering');

    const mapper = read(dir, `${INFRA}/mappers/order.mapper.ts`);
    expect(mapper).toContain('.toString()');
    expect(mapper).toContain('.labelList');
    expect(mapper).toContain('.note;');
    expect(mapper).toMatch(/Price\.of\(\s*\w+\.priceCurrency,\s*\w+\.priceAmount,?\s*\)/);
    const repository = read(dir, `${INFRA}/repositories/order.repository.ts`);
    expect(repository).toMatch(/return order\.id;/);
  });
});
