import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/config/project-config.js';
import { GenError } from '../../src/errors.js';
import type { FieldModel } from '../../src/model/domain-model.js';
import { mapFeature } from '../../src/map/map-feature.js';
import { readDomain } from '../../src/read/domain-reader.js';
import { rehydrationCall } from '../../src/render/conversions.js';
import { inventoryWithNestedPrice, membersBehindPrimitives, walletWithUntypedBalance } from '../fixtures/value-spellings.js';
import { ORDER_DOMAIN } from '../support/fixtures.js';
import { writeProject } from '../support/projects.js';
import { loadProjectContext } from '../../src/project-context.js';

const ORDER = 'src/domain/aggregates/ordering/order.ts';
const EMAIL = 'src/domain/aggregates/ordering/email.ts';

/** The Order domain with customerEmail an Email value object written as `emailClass`. */
function withEmail(emailClass: string): Record<string, string> {
  return {
    ...ORDER_DOMAIN,
    [EMAIL]: emailClass,
    [ORDER]: `import { Email } from './email';\n${ORDER_DOMAIN[ORDER].replace('public customerEmail: string', 'public customerEmail: Email')}`,
  };
}

function customerEmail(files: Record<string, string>): FieldModel {
  const field = readDomain(loadProjectContext(writeProject(files)), DEFAULT_CONFIG, 'ordering').aggregate.fields.find(
    (f) => f.name === 'customerEmail',
  );
  if (!field) throw new Error('no customerEmail');
  return field;
}

function readError(files: Record<string, string>): GenError {
  try {
    readDomain(loadProjectContext(writeProject(files)), DEFAULT_CONFIG, 'ordering');
  } catch (error) {
    if (error instanceof GenError) return error;
    throw error;
  }
  throw new Error('expected a GenError');
}

describe('a single-field value object as projects spell it (issue 19)', () => {
  it.each([
    ['a private field named for the concept, a value getter and create()', 'email', 'create'],
    ['a private _value field, a value getter and fromString()', '_value', 'fromString'],
  ])('%s is stored as one column of its primitive', (_title, member, factory) => {
    const field = customerEmail(
      withEmail(`export class Email {
  private readonly ${member}: string;

  private constructor(value: string) {
    this.${member} = value;
  }

  static ${factory}(value: string): Email {
    if (!value.includes('@')) throw new Error('not an email');
    return new Email(value);
  }

  get value(): string {
    return this.${member};
  }
}
`),
    );

    expect(field.type).toMatchObject({
      kind: 'value-object',
      name: 'Email',
      valueAccess: '.value',
      primitive: 'string',
      rehydration: { call: { kind: 'static', method: factory }, arguments: [{ kind: 'field', field: expect.any(String) }] },
    });
  });

  it('is stored as one column when the field is a private constructor parameter property', () => {
    const field = customerEmail(
      withEmail(`export class Email {
  private constructor(private readonly email: string) {}

  static create(email: string): Email {
    return new Email(email.toLowerCase());
  }

  get value(): string {
    return this.email;
  }
}
`),
    );

    expect(field.type).toMatchObject({
      kind: 'value-object',
      valueAccess: '.value',
      primitive: 'string',
      rehydration: { call: { kind: 'static', method: 'create' } },
    });
  });
});

describe('a value object over a branded primitive (issue 19: nestjs-hexagonal-auth EmailVo, OtpCodeVo)', () => {
  const BRANDED: Record<string, string> = {
    'src/domain/aggregates/ordering/email-address.ts': `declare const __brand: unique symbol;

export type Branded<T, B> = T & { [__brand]: B };
export type EmailAddress = Branded<string, 'EmailAddress'>;
`,
  };

  it.each([
    [
      'a private constructor behind of(value: string)',
      'private constructor',
      'static of(value: string): Email {\n    return new Email(value.toLowerCase() as EmailAddress);\n  }',
      { kind: 'static', method: 'of' },
    ],
    ['a public constructor taking the brand', 'constructor', '', { kind: 'constructor' }],
  ])('is a single-value object (%s), its value cast back to the brand where the rebuild hands it on', (_title, ctor, factory, call) => {
    const field = customerEmail({
      ...withEmail(`import { EmailAddress } from './email-address';

export class Email {
  ${ctor}(private readonly value: EmailAddress) {}

  ${factory}

  getValue(): EmailAddress {
    return this.value;
  }
}
`),
      ...BRANDED,
    });

    expect(field.type).toMatchObject({
      kind: 'value-object',
      name: 'Email',
      valueAccess: '.getValue()',
      primitive: 'string',
      rehydration: {
        call,
        arguments: [{ kind: 'wrapped', field: 'value', type: { kind: 'value-object', name: 'EmailAddress', brand: true } }],
      },
    });
    expect(field.type).not.toHaveProperty('brand');
  });

  it('lets a derived query take the branded primitive for a field of the value object wrapping it, and no other brand', () => {
    const files = (parameter: string) => ({
      ...withEmail(`import { EmailAddress } from './email-address';

export class Email {
  constructor(private readonly value: EmailAddress) {}

  getValue(): EmailAddress {
    return this.value;
  }
}
`),
      ...BRANDED,
      'src/domain/aggregates/ordering/email-address.ts': `${BRANDED['src/domain/aggregates/ordering/email-address.ts']}export type Nickname = Branded<string, 'Nickname'>;\n`,
      'src/domain/aggregates/ordering/order.repository.ts': ORDER_DOMAIN['src/domain/aggregates/ordering/order.repository.ts']
        .replace(
          "import { Order } from './order';",
          "import { Order } from './order';\nimport { EmailAddress, Nickname } from './email-address';",
        )
        .replace('findAll(): ', `findByCustomerEmail(email: ${parameter}): Promise<Order[]>;\n  findAll(): `),
    });
    const read = (parameter: string) =>
      mapFeature(readDomain(loadProjectContext(writeProject(files(parameter))), DEFAULT_CONFIG, 'ordering'));

    expect(read('EmailAddress').methods.find((m) => m.method.name === 'findByCustomerEmail')?.kind).toBe('derived');
    expect(() => read('Nickname')).toThrow(/parameter 'email' is 'Nickname', but the condition on 'customerEmail' takes Email/);
  });
});

describe('a private member read through the one accessor that returns it', () => {
  it("reads a value object's one private field through toString() when nothing else hands it out", () => {
    const field = customerEmail(
      withEmail(`export class Email {
  constructor(private readonly address: string) {}

  equals(other: Email): boolean {
    return other.address === this.address;
  }

  toString(): string {
    return this.address;
  }
}
`),
    );

    expect(field.type).toMatchObject({ kind: 'composite', name: 'Email', fields: [{ name: 'address', access: '.toString()' }] });
  });

  it('reads a private field through a getter of another name and a wider type, and keeps an #field only such a getter returns', () => {
    const files = {
      ...ORDER_DOMAIN,
      [ORDER]: `import { OrderId } from './order-id';

export class Order {
  #remark: string;

  constructor(readonly id: OrderId, private _labels: string[], remark: string) {
    this.#remark = remark;
  }

  get labelList(): ReadonlyArray<string> {
    return this._labels;
  }

  get note(): string {
    return this.#remark;
  }
}
`,
    };
    const { fields } = readDomain(loadProjectContext(writeProject(files)), DEFAULT_CONFIG, 'ordering').aggregate;

    expect(fields.map((f) => [f.name, f.access])).toEqual([
      ['id', '.id'],
      ['labels', '.labelList'],
      ['remark', '.note'],
    ]);
  });

  it('rebuilds through a factory whose parameter is named for the getter, not the field it returns (restore(id, note) for #remark)', () => {
    const files = {
      ...ORDER_DOMAIN,
      [ORDER]: `import { OrderId } from './order-id';

export class Order {
  #remark: string;

  private constructor(readonly id: OrderId, remark: string) {
    this.#remark = remark;
  }

  static restore(id: OrderId, note: string): Order {
    const order = new Order(id, note);
    return order;
  }

  get note(): string {
    return this.#remark;
  }
}
`,
    };
    const { rehydration } = readDomain(loadProjectContext(writeProject(files)), DEFAULT_CONFIG, 'ordering').aggregate;

    expect(rehydration).toEqual({
      call: { kind: 'static', method: 'restore' },
      arguments: [
        { kind: 'field', field: 'id' },
        { kind: 'field', field: 'remark' },
      ],
    });
  });

  it('reads a private field through a getX() written as an arrow-function property', () => {
    const field = customerEmail(
      withEmail(`export class Email {
  constructor(private readonly address: string) {}

  getAddress = (): string => this.address;
}
`),
    );

    expect(field.type).toMatchObject({ kind: 'composite', name: 'Email', fields: [{ name: 'address', access: '.getAddress()' }] });
    const declared = customerEmail(
      withEmail(`export class Email {
  private readonly address: string;

  constructor(address: string) {
    this.address = address;
  }

  getAddress = (): string => this.address;
}
`),
    );
    expect(declared.type).toMatchObject({ kind: 'composite', fields: [{ name: 'address', access: '.getAddress()' }] });
  });

  it('still refuses a private field nothing public returns, naming it', () => {
    const error = readError(
      withEmail(`export class Email {
  constructor(private readonly address: string) {}

  describe(): string {
    return \`<\${this.address}>\`;
  }
}
`),
    );

    expect(error.message).toBe("field 'address' of Email cannot be read from outside the class");
    expect(error.location?.file).toBe(EMAIL);
  });
});

const RESULT = `export class Result<T> {
  private constructor(readonly isFailure: boolean, private readonly value?: T, readonly error?: string) {}

  static ok<T>(value: T): Result<T> {
    return new Result<T>(false, value);
  }

  static fail<T>(error: string): Result<T> {
    return new Result<T>(true, undefined, error);
  }

  getValue(): T {
    if (this.isFailure || this.value === undefined) throw new Error(this.error);
    return this.value;
  }
}
`;

const EITHER = `export class Left<L> {
  constructor(readonly value: L) {}
  isLeft(): this is Left<L> {
    return true;
  }
}

export class Right<R> {
  constructor(readonly value: R) {}
  isLeft(): false {
    return false;
  }
}

export type Either<L, R> = Left<L> | Right<R>;
`;

describe('a value object keeping a constant in a private field (issue 19)', () => {
  const BASE = 'src/domain/aggregates/ordering/value-object.ts';
  const base = `export abstract class ValueObject<T> {
  readonly value: T;

  protected constructor(value: T) {
    this.value = value;
  }
}
`;
  const email = (fields: string, body = '') => `import { ValueObject } from './value-object';

export class Email extends ValueObject<string> {
  ${fields}

  private constructor(value: string) {
    super(value);
  }

  static of(value: string): Email {
    const email = new Email(value);
    if (!email.pattern.test(value)) throw new Error('not an email');
    return email;
  }
${body}}
`;

  it('reads the base class value, the regex literal the class never writes again left out as no state', () => {
    const field = customerEmail({ ...withEmail(email('private pattern = /^[^@]+@[^@]+$/i;\n  private readonly max = 80;')), [BASE]: base });

    expect(field.type).toMatchObject({ kind: 'value-object', name: 'Email', valueAccess: '.value', primitive: 'string' });
  });

  it('still takes a private field written after its declaration for state', () => {
    const error = readError({
      ...withEmail(email('private pattern = /^[^@]+@[^@]+$/i;\n  private checked = 0;', '\n  check(): void {\n    this.checked++;\n  }\n')),
      [BASE]: base,
    });

    expect(error.message).toBe("field 'checked' of Email cannot be read from outside the class");
  });
  it('takes no field for a constant where the class may write any field (Object.assign(this, ...)): refused, not dropped', () => {
    const error = readError({
      ...withEmail(
        email(
          'private pattern = /^[^@]+@[^@]+$/i;\n  private checked = 0;',
          '\n  restore(state: object): void {\n    Object.assign(this, state);\n  }\n',
        ),
      ),
      [BASE]: base,
    });

    // The regex is read as state again, and refused (as before constants were told apart), rather than left unstored.
    expect(error.message).toBe("unsupported type 'RegExp'");
  });
});

describe('rebuilding factories as projects name them (issue 19)', () => {
  it('prefers fromHashed, which rebuilds what was stored, over create, which would hash it again', () => {
    const field = customerEmail(
      withEmail(`export class Email {
  private constructor(private readonly hash: string) {}

  static create(plain: string): Email {
    return new Email(plain.split('').reverse().join(''));
  }

  static fromHashed(hash: string): Email {
    return new Email(hash);
  }

  get value(): string {
    return this.hash;
  }
}
`),
    );

    expect(field.type).toMatchObject({ kind: 'value-object', rehydration: { call: { kind: 'static', method: 'fromHashed' } } });
  });

  it('unwraps a create() returning Result<Email> through getValue(), failing loudly', () => {
    const field = customerEmail({
      ...withEmail(`import { Result } from './result';

export class Email {
  private constructor(private readonly email: string) {}

  static create(email: string): Result<Email> {
    return email.includes('@') ? Result.ok(new Email(email)) : Result.fail('not an email');
  }

  get value(): string {
    return this.email;
  }
}
`),
      'src/domain/aggregates/ordering/result.ts': RESULT,
    });

    expect(field.type).toMatchObject({
      kind: 'value-object',
      valueAccess: '.value',
      rehydration: { call: { kind: 'static', method: 'create' }, unwrap: { accessor: '.getValue()', failure: '.isFailure' } },
    });
  });

  it('unwraps a fromString() returning Either<Error, Email> through value, failing on isLeft()', () => {
    const field = customerEmail({
      ...withEmail(`import { Either, Left, Right } from './either';

export class Email {
  private constructor(private readonly _value: string) {}

  static fromString(value: string): Either<Error, Email> {
    return value.includes('@') ? new Right(new Email(value)) : new Left(new Error('not an email'));
  }

  get value(): string {
    return this._value;
  }
}
`),
      'src/domain/aggregates/ordering/either.ts': EITHER,
    });

    expect(field.type).toMatchObject({
      kind: 'value-object',
      rehydration: { call: { kind: 'static', method: 'fromString' }, unwrap: { accessor: '.value', failure: '.isLeft()' } },
    });
  });

  it('refuses a class it cannot rebuild with a hint that names its fields, its own static methods and "rehydrators"', () => {
    const error = readError(
      withEmail(`export class Email {
  private constructor(private readonly email: string) {}

  static parse(text: string): Email {
    return new Email(text.trim());
  }

  static blank(): Email {
    return new Email('');
  }

  get value(): string {
    return this.email;
  }
}
`),
    );

    expect(error.message).toBe('cannot rebuild Email from its stored fields (email): new Email (line 2) is private');
    expect(error.location).toEqual({ file: EMAIL, line: 1 });
    expect(error.hint).toBe(
      'Add `static reconstitute(email: string): Email` that rebuilds it without side effects, or a public constructor taking every field; ' +
        'or, if parse rebuilds it, name it in gen.config.json: "rehydrators": ["parse"].',
    );
  });

  it('names the stored fields and their types as one props object when there are several, and "rehydrators" when no static method could do', () => {
    const error = readError({
      ...ORDER_DOMAIN,
      [ORDER]: ORDER_DOMAIN[ORDER].replace('  constructor(', '  private constructor('),
    });

    expect(error.hint).toBe(
      'Add `static reconstitute(props: { id: OrderId; status: OrderStatus; customerEmail: string; placedAt: Date; total: number; paid: boolean; note?: string }): Order` that rebuilds it without side effects, or a public constructor taking every field; ' +
        'or name the static method that rebuilds it in gen.config.json: "rehydrators": ["<method>"].',
    );
  });
});

describe('objects nested in what toPrimitives() or toJSON() returns (issue 19)', () => {
  it.each(['toPrimitives', 'toJSON'] as const)('stores an object inside an object of %s() as prefixed columns', (snapshot) => {
    const domain = readDomain(loadProjectContext(writeProject(inventoryWithNestedPrice(snapshot))), DEFAULT_CONFIG, 'inventory');
    const model = mapFeature(domain);

    expect(model.table.columns.map((c) => [c.name, c.kind, c.nullable])).toEqual(
      expect.arrayContaining([
        ['price_amount', 'double', false],
        ['price_currency_code', 'string', false],
        ['price_currency_decimals', 'double', false],
      ]),
    );
    expect(domain.aggregate.fields.find((f) => f.name === 'price')!.access).toBe(`.${snapshot}().price`);
  });
});

describe('rebuilding as unseen codebases spell it (issue 19)', () => {
  const TIER = 'src/domain/aggregates/ordering/tier.ts';
  const tiered = (order: string): Record<string, string> => ({
    ...ORDER_DOMAIN,
    [TIER]: `export type TierName = 'GOLD' | 'SILVER';

export class Tier {
  private readonly _value: TierName;

  private constructor(tier: TierName = 'SILVER') {
    this._value = tier;
  }

  static create(tier: TierName = 'SILVER'): Tier {
    return new Tier(tier);
  }

  static restore(tier: TierName): Tier {
    return new Tier(tier);
  }

  get value(): TierName {
    return this._value;
  }
}
`,
    [ORDER]: order,
  });
  const read = (files: Record<string, string>) => readDomain(loadProjectContext(writeProject(files)), DEFAULT_CONFIG, 'ordering').aggregate;

  it('rebuilds a value object of a literal union through restore(tier), its one parameter named for the concept', () => {
    const order = `import { OrderId } from './order-id';
import { OrderStatus } from './order-status';
import { Tier } from './tier';

export class Order {
  constructor(
    readonly id: OrderId,
    public status: OrderStatus,
    public tier: Tier,
  ) {}
}
`;
    const tier = read(tiered(order)).fields.find((f) => f.name === 'tier');
    // Kept as one object of its one literal-union member, read through the value getter.
    expect(tier?.type).toMatchObject({
      rehydration: { call: { kind: 'static', method: 'restore' }, arguments: [{ kind: 'field', field: 'value' }] },
    });
  });

  it('rebuilds a class with no constructor by setting its public fields on new Order()', () => {
    const order = `import { OrderId } from './order-id';
import { OrderStatus } from './order-status';

export class Order {
  id!: OrderId;
  status!: OrderStatus;
  placedAt!: Date;

  static place(id: OrderId, status: OrderStatus): Order {
    const order = new Order();
    order.id = id;
    order.status = status;
    order.placedAt = new Date();
    return order;
  }
}
`;
    expect(read(tiered(order)).rehydration).toEqual({
      call: { kind: 'constructor' },
      arguments: [],
      assigned: ['id', 'status', 'placedAt'],
    });
  });

  it('rebuilds a class whose constructor takes the class itself as its data, as an object of its fields', () => {
    const order = `import { OrderId } from './order-id';
import { OrderStatus } from './order-status';

export class Order {
  id: OrderId;
  status: OrderStatus;
  note?: string | undefined;

  constructor(data: Order) {
    this.id = data.id;
    this.status = data.status;
    this.note = data.note;
  }
}
`;
    expect(read(tiered(order)).rehydration).toEqual({
      call: { kind: 'constructor' },
      arguments: [{ kind: 'object', fields: ['id', 'status', 'note'], omittable: ['note'] }],
    });
  });

  it('rebuilds a class whose constructor takes its own fields as an intersection, some optional (Omit<Order, ...> & { id?: ... })', () => {
    const order = `import { OrderId } from './order-id';
import { OrderStatus } from './order-status';

type ModelInput<T> = Omit<T, 'id' | 'placedAt'> & { id?: OrderId; placedAt?: Date };

export class Order {
  readonly id: OrderId = new OrderId('new');
  readonly status!: OrderStatus;
  readonly placedAt: Date = new Date();

  constructor(input: ModelInput<Order>) {
    Object.assign(this, input);
  }
}
`;
    expect(read(tiered(order)).rehydration).toEqual({
      call: { kind: 'constructor' },
      arguments: [{ kind: 'object', fields: ['status', 'id', 'placedAt'], omittable: ['id', 'placedAt'] }],
    });
  });

  it('still refuses the class itself as constructor data when it has a method: an object literal of its fields is not one', () => {
    const order = `import { OrderId } from './order-id';
import { OrderStatus } from './order-status';

export class Order {
  id: OrderId;
  status: OrderStatus;

  constructor(data: Order) {
    this.id = data.id;
    this.status = data.status;
  }

  pay(): void {
    this.status = OrderStatus.Paid;
  }
}
`;
    expect(readError(tiered(order)).message).toContain('cannot rebuild Order from its stored fields (id, status)');
  });
});

describe('a member typed any in what toPrimitives() returns (issue 19)', () => {
  it("is stored as what the class's own value object gives from its typed toPrimitives()", () => {
    const domain = readDomain(loadProjectContext(writeProject(walletWithUntypedBalance())), DEFAULT_CONFIG, 'wallets');

    expect(mapFeature(domain).table.columns.map((c) => [c.name, c.kind])).toEqual(
      expect.arrayContaining([
        ['balance_amount', 'double'],
        ['balance_currency', 'string'],
      ]),
    );
    expect(domain.aggregate.fields.find((f) => f.name === 'balance')!.access).toBe('.toPrimitives().balance');
  });

  it('is refused at the member, naming the decision, when the value object says no more than any', () => {
    let error: unknown;
    try {
      readDomain(loadProjectContext(writeProject(walletWithUntypedBalance('any'))), DEFAULT_CONFIG, 'wallets');
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(GenError);
    const genError = error as GenError;
    expect(genError.message).toBe(
      "member 'balance' of what Wallet.toPrimitives() returns is typed any, so gen cannot tell which columns store it (Money.toPrimitives() is untyped too)",
    );
    expect(genError.location).toEqual({ file: 'src/domain/aggregates/wallets/wallet.ts', line: 6 });
    expect(genError.hint).toContain('Type it as what is stored');
  });
});

describe('fields kept private behind a typed toPrimitives() with no fromPrimitives (issue 19)', () => {
  const MEMBER = 'src/domain/aggregates/members/member.ts';
  const readMember = (files: Record<string, string>) =>
    readDomain(loadProjectContext(writeProject(files)), DEFAULT_CONFIG, 'members').aggregate;

  it.each([
    ['its public constructor', 'constructor', { kind: 'constructor' }],
    ['a static create()', 'create', { kind: 'static', method: 'create' }],
  ] as const)(
    'stores what toPrimitives() returns and rebuilds through %s, wrapping each primitive in its value object',
    (_t, factory, call) => {
      const member = readMember(membersBehindPrimitives(factory));

      expect(member.style).toBe('primitives');
      expect(member.snapshot).toBe('toPrimitives()');
      expect(member.fields.map((f) => [f.name, f.type])).toEqual([
        ['id', { kind: 'primitive', primitive: 'string' }],
        ['name', { kind: 'primitive', primitive: 'string' }],
        ['joinedAt', { kind: 'primitive', primitive: 'date' }],
        ['visits', { kind: 'primitive', primitive: 'number' }],
        ['friends', { kind: 'primitive', primitive: 'string' }],
      ]);
      expect(member.rehydration.call).toEqual(call);
      expect(member.rehydration.arguments).toMatchObject([
        { kind: 'wrapped', field: 'id', type: { kind: 'value-object', name: 'MemberId', primitive: 'string' } },
        { kind: 'wrapped', field: 'name', type: { kind: 'value-object', name: 'MemberName', primitive: 'string' } },
        { kind: 'field', field: 'joinedAt' },
        { kind: 'field', field: 'visits' },
        { kind: 'wrapped', field: 'friends', type: { kind: 'value-object', name: 'MemberId' }, list: true },
      ]);
    },
  );

  it('wraps the members of a props object the constructor takes', () => {
    const member = readMember(membersBehindPrimitives('props'));

    expect(member.rehydration).toMatchObject({
      call: { kind: 'constructor' },
      arguments: [
        {
          kind: 'object',
          fields: [
            { kind: 'wrapped', field: 'id', type: { name: 'MemberId' } },
            { kind: 'wrapped', field: 'name', type: { name: 'MemberName' } },
            'joinedAt',
            'visits',
            { kind: 'wrapped', field: 'friends', type: { name: 'MemberId' }, list: true },
          ],
        },
      ],
    });
  });

  it('is still refused at the field when a value object is built from a primitive of another kind', () => {
    const files = membersBehindPrimitives();
    files[MEMBER] = files[MEMBER].replace('{ id: string;', '{ id: number;').replace('id: this.id.value,', 'id: this.id.value.length,');
    const error = readError2(files);

    expect(error.message).toContain("field 'id' of Member cannot be read from outside the class");
    expect(error.location?.file).toBe(MEMBER);
    expect(error.hint).toContain(
      "Or store it as what toPrimitives() returns: declare `static fromPrimitives(primitives: ReturnType<Member['toPrimitives']>): Member`, or let its public constructor take id, name, joinedAt, visits, friends",
    );
  });

  function readError2(files: Record<string, string>): GenError {
    try {
      readMember(files);
    } catch (error) {
      if (error instanceof GenError) return error;
      throw error;
    }
    throw new Error('expected a GenError');
  }
});

describe('a rebuilding factory that takes a value object as its primitive (Frandols/nestjs-examples Product.from)', () => {
  const MONEY = 'src/domain/aggregates/ordering/money.ts';
  const domain = (priceType: string, build: string): Record<string, string> => ({
    ...ORDER_DOMAIN,
    [MONEY]: `export class Money {
  private constructor(private readonly _value: number) {}

  static create(value: number): Money {
    return new Money(value);
  }

  get value(): number {
    return this._value;
  }
}
`,
    [ORDER]: `import { Money } from './money';
import { OrderId } from './order-id';
import { OrderStatus } from './order-status';

export class Order {
  private constructor(
    readonly id: OrderId,
    public status: OrderStatus,
    public customerEmail: string,
    public placedAt: Date,
    public total: Money,
    public paid: boolean,
  ) {}

  static reconstitute(props: {
    id: OrderId;
    status: OrderStatus;
    customerEmail: string;
    placedAt: Date;
    total: ${priceType};
    paid: boolean;
  }): Order {
    return new Order(props.id, props.status, props.customerEmail, props.placedAt, ${build}, props.paid);
  }
}
`,
  });

  it('hands the value object over as the primitive it holds, read through its own reader, where the factory builds it', () => {
    const aggregate = readDomain(
      loadProjectContext(writeProject(domain('number', 'Money.create(props.total)'))),
      DEFAULT_CONFIG,
      'ordering',
    ).aggregate;

    expect(rehydrationCall(aggregate.name, aggregate.rehydration, (f) => `r.${f}`)).toContain('total: r.total.value,');
  });

  it('refuses at the parameter that takes another primitive than the value object holds, naming the mismatch and the decision, instead of generating code tsc rejects', () => {
    const error = readError(domain('string', 'Money.create(Number(props.total))'));

    expect(error.message).toBe(
      'Order.reconstitute takes total as string, but the stored field total of Order holds a Money: gen rebuilds the Money from its column and would hand it where Order.reconstitute expects the string',
    );
    expect(error.location).toEqual({ file: ORDER, line: 20 });
    expect(error.hint).toContain('make Order.reconstitute take total: Money');
  });

  it('rebuilds through the factory when it takes the value object itself', () => {
    const aggregate = readDomain(loadProjectContext(writeProject(domain('Money', 'props.total'))), DEFAULT_CONFIG, 'ordering').aggregate;

    expect(aggregate.rehydration.call).toEqual({ kind: 'static', method: 'reconstitute' });
    expect(aggregate.fields.find((f) => f.name === 'total')?.type).toMatchObject({ kind: 'value-object', name: 'Money' });
  });
});
