import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/config/project-config.js';
import { GenError, formatError } from '../../src/errors.js';
import { readDomain } from '../../src/read/domain-reader.js';
import { loadProjectContext } from '../../src/project-context.js';
import { ORDER_DOMAIN, AGGREGATE_FILE } from '../support/fixtures.js';
import { runGen, writeProject } from '../support/projects.js';
import { thrown } from '../support/thrown.js';
import { idsName } from '../../src/read/aggregate-reference.js';

const CUSTOMER_FILE = 'src/domain/aggregates/customer/customer.ts';
const CUSTOMER_PORT_FILE = 'src/domain/aggregates/customer/customer.repository.ts';

/** A second aggregate root, with its own repository port (line 3). */
const CUSTOMER = {
  [CUSTOMER_FILE]: `export class Customer {
  constructor(
    readonly id: string,
    public name: string,
  ) {}
}
`,
  [CUSTOMER_PORT_FILE]: `import { Customer } from './customer';

export interface CustomerRepository {
  save(customer: Customer): Promise<void>;
  findById(id: string): Promise<Customer | null>;
}
`,
};

/** Order with `member` inserted after `public paid: boolean,` (and Customer imported). */
function orderWith(members: string, extra: Record<string, string> = CUSTOMER): Record<string, string> {
  return {
    ...ORDER_DOMAIN,
    ...extra,
    [AGGREGATE_FILE]: `import { Customer } from '../customer/customer';\n${ORDER_DOMAIN[AGGREGATE_FILE].replace(
      'public paid: boolean,',
      `public paid: boolean,\n${members}`,
    )}`,
  };
}

function lineOf(files: Record<string, string>, file: string, text: string): number {
  return files[file].split('\n').findIndex((l) => l.includes(text)) + 1;
}

function readError(files: Record<string, string>, feature = 'ordering'): GenError {
  return thrown(() => readDomain(loadProjectContext(writeProject(files)), DEFAULT_CONFIG, feature));
}

describe('a member typed as another aggregate root (one with its own repository port)', () => {
  it('is refused at the member, naming the other aggregate, its port and the id to hold instead', () => {
    const files = orderWith('    public customer: Customer,');
    const error = readError(files);

    expect(formatError(error)).toBe(
      `${AGGREGATE_FILE}:${lineOf(files, AGGREGATE_FILE, 'public customer:')}: Order holds another aggregate: 'customer' (Customer, stored by CustomerRepository at ${CUSTOMER_PORT_FILE}:3); saving Order does not save it, and gen cannot rebuild Order without loading it\n` +
        "  Reference other aggregates by identity: replace 'customer' with `customerId: string`. Load it through CustomerRepository where a use case needs it.",
    );
  });

  it('asks only to drop the object when the id is held beside it, and names every such member at once', () => {
    const files = orderWith('    public customerId: string,\n    public customer: Customer | null,\n    public referrers: Customer[],');
    const error = readError(files);

    expect(error.location).toEqual({ file: AGGREGATE_FILE, line: lineOf(files, AGGREGATE_FILE, 'public customer:') });
    expect(error.message).toBe(
      `Order holds other aggregates: 'customer' (Customer, stored by CustomerRepository at ${CUSTOMER_PORT_FILE}:3), 'referrers' (Customer[], stored by CustomerRepository at ${CUSTOMER_PORT_FILE}:3); saving Order does not save them, and gen cannot rebuild Order without loading them`,
    );
    expect(error.hint).toBe(
      "Reference other aggregates by identity: drop 'customer' (Order already holds `customerId`); replace 'referrers' with `referrerIds: string[]`. Load them through CustomerRepository where a use case needs them.",
    );
  });

  it.each([
    ['an optional one', '    public referee?: Customer,', "replace 'referee' with `refereeId?: string`"],
    ['a nullable one', '    public buyer: Customer | null,', "replace 'buyer' with `buyerId: string | null`"],
  ])('asks for an id as absent as the member: %s', (_case, member, decision) => {
    expect(readError(orderWith(member)).hint).toContain(decision);
  });

  it("asks for the other aggregate's id by name when it has no `id` member to take the type from", () => {
    const files = orderWith('    public customer: Customer,', {
      ...CUSTOMER,
      [CUSTOMER_FILE]:
        'export class Customer {\n  constructor(private readonly key: string) {}\n\n  getId(): string {\n    return this.key;\n  }\n}\n',
    });

    expect(readError(files).hint).toContain("replace 'customer' with `customerId`, holding Customer's id.");
  });

  it('is refused as a reference when the two aggregates hold each other (not as a value object that contains itself)', () => {
    const files = orderWith('    public customer: Customer,', {
      ...CUSTOMER,
      [CUSTOMER_FILE]: `import { Order } from '../ordering/order';

export class Customer {
  constructor(
    readonly id: string,
    public orders: Order[],
  ) {}
}
`,
    });

    expect(readError(files).message).toMatch(/^Order holds another aggregate: 'customer' \(Customer, stored by CustomerRepository/);
    // Generating the other feature meets the same shape from its side.
    const other = readError(files, 'customer');
    expect(other.location).toEqual({ file: CUSTOMER_FILE, line: 6 });
    expect(other.message).toMatch(
      /^Customer holds other aggregates: 'orders' \(Order\[\], stored by OrderRepository at src\/domain\/aggregates\/ordering\/order.repository.ts:5\)/,
    );
    expect(other.hint).toContain("replace 'orders' with `orderIds: OrderId[]`");
  });

  it('is refused inside a value object of the aggregate too', () => {
    const files = {
      ...orderWith('    public delivery: Delivery,'),
      [AGGREGATE_FILE]: `import { Delivery } from './delivery';\n${ORDER_DOMAIN[AGGREGATE_FILE].replace('public paid: boolean,', 'public paid: boolean,\n    public delivery: Delivery,')}`,
      'src/domain/aggregates/ordering/delivery.ts': `import { Customer } from '../customer/customer';

export class Delivery {
  constructor(
    readonly street: string,
    readonly recipient: Customer,
  ) {}
}
`,
    };
    const error = readError(files);

    expect(error.location).toEqual({ file: 'src/domain/aggregates/ordering/delivery.ts', line: 6 });
    expect(error.message).toMatch(/^Delivery holds another aggregate: 'recipient' \(Customer, stored by CustomerRepository/);
  });

  it('leaves a class that some port only returns, with no id, a value object', () => {
    const files = orderWith('    public rate: Rate,', {
      'src/domain/aggregates/ordering/rate.ts':
        'export class Rate {\n  constructor(\n    readonly amount: number,\n    readonly currency: string,\n  ) {}\n}\n',
      'src/domain/aggregates/ordering/rate.port.ts':
        "import { Rate } from './rate';\n\nexport interface RatePort {\n  current(currency: string): Promise<Rate>;\n}\n",
    });
    files[AGGREGATE_FILE] = files[AGGREGATE_FILE].replace(
      "import { Customer } from '../customer/customer';",
      "import { Rate } from './rate';",
    );
    const { aggregate } = readDomain(loadProjectContext(writeProject(files)), DEFAULT_CONFIG, 'ordering');

    expect(aggregate.fields.find((f) => f.name === 'rate')?.type).toMatchObject({ kind: 'composite', name: 'Rate' });
  });

  it("leaves a port method that takes another aggregate hand-written, saying why (the aggregate holds the other's id)", () => {
    const files = orderWith('    public customerId: string,');
    files['src/domain/aggregates/ordering/order.repository.ts'] = files['src/domain/aggregates/ordering/order.repository.ts']
      .replace("import { Order } from './order';", "import { Order } from './order';\nimport { Customer } from '../customer/customer';")
      .replace('  findAll(', '  findByCustomer(customer: Customer): Promise<Order[]>;\n  findAll(');
    const { port, aggregate } = readDomain(loadProjectContext(writeProject(files)), DEFAULT_CONFIG, 'ordering');

    expect(aggregate.fields.map((f) => f.name)).toContain('customerId');
    expect(port.methods.find((m) => m.name === 'findByCustomer')?.parameters[0].use.type).toEqual({
      kind: 'unknown',
      reason: `Customer is another aggregate (stored by CustomerRepository at ${CUSTOMER_PORT_FILE}:3), not a value of this one`,
    });
  });

  it('stops `gen infra` with exit 2 and writes nothing', async () => {
    const dir = writeProject(orderWith('    public customer: Customer,'));
    const run = await runGen(['infra', 'ordering', '--cwd', dir]);

    expect(run.code).toBe(2);
    expect(run.err).toContain("Order holds another aggregate: 'customer' (Customer, stored by CustomerRepository");
    expect(run.err).toContain('Nothing was written.');
    expect(existsSync(join(dir, 'src/infrastructure'))).toBe(false);
  });

  it('names the aggregate (not its props type, nor an import path) and every aggregate its props in a generic base hold', () => {
    const base = 'src/domain/aggregates/shared/entity.ts';
    const files = {
      [base]:
        'export abstract class Entity<P extends { id: I }, I = string> {\n  constructor(protected readonly props: P) {}\n\n  get id(): I {\n    return this.props.id;\n  }\n}\n',
      'src/domain/aggregates/odds/odds.ts':
        "import { Entity } from '../shared/entity';\n\nexport interface OddsProps {\n  id: string;\n  draw: number;\n}\n\nexport class Odds extends Entity<OddsProps> {}\n",
      'src/domain/aggregates/odds/odds.repository.ts':
        "import { Odds } from './odds';\n\nexport interface OddsRepository {\n  save(odds: Odds): Promise<void>;\n}\n",
      'src/domain/aggregates/match/match.ts':
        "import { Entity } from '../shared/entity';\nimport { Odds } from '../odds/odds';\n\ninterface MatchProps {\n  id: string;\n  odds: Odds[];\n  closingOdds: Odds[];\n}\n\nexport class Match extends Entity<MatchProps> {\n  get odds() {\n    return this.props.odds;\n  }\n\n  get closingOdds() {\n    return this.props.closingOdds;\n  }\n}\n",
      'src/domain/aggregates/match/match.repository.ts':
        "import { Match } from './match';\n\nexport interface MatchRepository {\n  save(match: Match): Promise<void>;\n}\n",
      'src/domain/aggregates/betting/bet.ts':
        "import { Entity } from '../shared/entity';\nimport { Match } from '../match/match';\nimport { Odds } from '../odds/odds';\n\ninterface BetProps {\n  id: string;\n  amount: number;\n  match: Match;\n  odds: Odds;\n}\n\nexport class Bet extends Entity<BetProps> {\n  get amount() {\n    return this.props.amount;\n  }\n}\n",
      'src/domain/aggregates/betting/bet.repository.ts':
        "import { Bet } from './bet';\n\nexport interface BetRepository {\n  save(bet: Bet): Promise<void>;\n}\n",
    };
    const bet = readError(files, 'betting');
    expect(bet.location).toEqual({ file: 'src/domain/aggregates/betting/bet.ts', line: 8 });
    expect(bet.message).toMatch(
      /^Bet holds other aggregates( in its BetProps)?: 'match' \(Match, stored by MatchRepository at src\/domain\/aggregates\/match\/match.repository.ts:3\), 'odds' \(Odds, stored by OddsRepository at src\/domain\/aggregates\/odds\/odds.repository.ts:3\); saving Bet does not save them, and gen cannot rebuild Bet without loading them$/,
    );
    expect(bet.hint).toBe(
      "Reference other aggregates by identity: replace 'match' with `matchId: string`; replace 'odds' with `oddsId: string`. Load them through MatchRepository and OddsRepository where a use case needs them.",
    );

    const match = readError(files, 'match');
    expect(match.message).not.toContain('import(');
    expect(match.message).toMatch(
      /^Match holds other aggregates( in its MatchProps)?: 'odds' \(Odds\[\], .*\), 'closingOdds' \(Odds\[\], /,
    );
    expect(match.hint).toContain("replace 'odds' with `oddsIds: string[]`; replace 'closingOdds' with `closingOddsIds: string[]`");
  });
});

describe('the ids member asked for in place of a list of another aggregate', () => {
  it.each([
    ['odds', 'Odds', 'oddsIds'],
    ['matchOdds', 'Odds', 'matchOddsIds'],
    ['users', 'User', 'userIds'],
    ['user', 'User', 'userIds'],
    ['favouriteUsers', 'User', 'favouriteUserIds'],
    ['winners', 'User', 'winnerIds'],
    ['categories', 'Category', 'categoryIds'],
    ['news', 'News', 'newsIds'],
  ])('%s: %s[] -> %s', (member, aggregate, expected) => {
    expect(idsName(member, aggregate)).toBe(expected);
  });
});
