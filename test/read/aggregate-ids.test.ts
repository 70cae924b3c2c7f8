import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/config/project-config.js';
import { GenError, formatError } from '../../src/errors.js';
import { readDomain } from '../../src/read/domain-reader.js';
import { writeProject } from '../support/projects.js';
import { loadProjectContext } from '../../src/project-context.js';

const DIR = 'src/domain/aggregates/users';

const PORT = `import { User } from './user';

export interface UserRepository {
  save(user: User): Promise<void>;
}
`;

function project(user: string, extra: Record<string, string> = {}): Record<string, string> {
  return { [`${DIR}/user.ts`]: user, [`${DIR}/user.repository.ts`]: PORT, ...extra };
}

const AGGREGATE_ROOT_WITH_GET_ID = `export abstract class AggregateRoot<Props> {
  protected readonly _id: string;
  protected props: Props;

  constructor(props: Props, id: string) {
    this._id = id;
    this.props = props;
  }

  getId(): string {
    return this._id;
  }
}
`;

const AGGREGATE_ROOT_WITH_ID_GETTER = `export abstract class AggregateRoot {
  constructor(protected readonly _id: string) {}

  get id(): string {
    return this._id;
  }
}
`;

describe('the id of an aggregate, as projects spell it', () => {
  it.each([
    ['a field named id', project('export class User {\n  constructor(readonly id: string, public name: string) {}\n}\n'), 'id', '.id'],
    [
      'a field named <aggregate>Id',
      project('export class User {\n  constructor(readonly userId: string, public name: string) {}\n}\n'),
      'userId',
      '.userId',
    ],
    [
      'a field named guid',
      project('export class User {\n  constructor(readonly guid: string, public name: string) {}\n}\n'),
      'guid',
      '.guid',
    ],
    [
      'a field named uuid',
      project('export class User {\n  constructor(readonly uuid: string, public name: string) {}\n}\n'),
      'uuid',
      '.uuid',
    ],
    ['a field named uid', project('export class User {\n  constructor(readonly uid: string, public name: string) {}\n}\n'), 'uid', '.uid'],
    [
      'a private field behind getId()',
      project(
        'export class User {\n  constructor(private readonly _id: string, public name: string) {}\n\n  getId(): string {\n    return this._id;\n  }\n}\n',
      ),
      'id',
      '.getId()',
    ],
    [
      'an _id inherited from AggregateRoot<Props>, read through its getId()',
      project(
        "import { AggregateRoot } from './aggregate-root';\n\ninterface UserProps {\n  name: string;\n}\n\nexport class User extends AggregateRoot<UserProps> {\n  get name(): string {\n    return this.props.name;\n  }\n\n  static reconstitute(props: UserProps, id: string): User {\n    return new User(props, id);\n  }\n}\n",
        { [`${DIR}/aggregate-root.ts`]: AGGREGATE_ROOT_WITH_GET_ID },
      ),
      'id',
      '.getId()',
    ],
    [
      'an _id inherited from a base with get id(), the subclass passing it to super()',
      project(
        "import { AggregateRoot } from './aggregate-root';\n\nexport class User extends AggregateRoot {\n  constructor(id: string, public name: string) {\n    super(id);\n  }\n}\n",
        {
          [`${DIR}/aggregate-root.ts`]: AGGREGATE_ROOT_WITH_ID_GETTER,
        },
      ),
      'id',
      '.id',
    ],
    [
      'a guid inherited from Entity<Props>, given to its constructor or made up there',
      project(
        "import { Entity } from './entity';\n\ninterface UserProps {\n  name: string;\n}\n\nexport class User extends Entity<UserProps> {\n  private _name: string;\n\n  constructor({ name }: UserProps, guid?: string) {\n    super(guid);\n    this._name = name;\n  }\n\n  get name(): string {\n    return this._name;\n  }\n}\n",
        {
          [`${DIR}/entity.ts`]:
            'export abstract class Entity<Props> {\n  public readonly guid: string;\n\n  constructor(guid?: string) {\n    this.guid = guid || String(Math.random());\n  }\n}\n',
        },
      ),
      'guid',
      '.guid',
    ],
  ])('%s', (_, files, idField, access) => {
    const { aggregate } = readDomain(loadProjectContext(writeProject(files)), DEFAULT_CONFIG, 'users');

    expect(aggregate.idField).toBe(idField);
    const id = aggregate.fields.find((f) => f.name === idField);
    expect(id?.access).toBe(access);
    expect(id?.type).toEqual({ kind: 'primitive', primitive: 'string' });
    // The id is rebuilt with the rest: every field is an argument of the rehydration.
    expect(JSON.stringify(aggregate.rehydration.arguments)).toContain(`"${idField}"`);
  });

  it('stores the id an Entity<Props> base keeps beside the props, not an optional id the props also declare, and rebuilds with it', () => {
    // bike_share_api's shape: BikeProps declares `id?`, which create() never sets; the base's `get id()` is the id.
    const files = project(
      "import { Entity } from './entity';\n\ninterface UserProps {\n  id?: string;\n  name: string;\n}\n\nexport class User extends Entity<UserProps> {\n  get name(): string {\n    return this.props.name;\n  }\n\n  static create(props: UserProps, id?: string): User {\n    return new User({ name: props.name }, id);\n  }\n}\n",
      {
        [`${DIR}/entity.ts`]:
          'export abstract class Entity<Props> {\n  private _id: string;\n  protected props: Props;\n\n  get id() {\n    return this._id;\n  }\n\n  constructor(props: Props, id?: string) {\n    this.props = props;\n    this._id = id ?? String(Math.random());\n  }\n}\n',
      },
    );
    const { aggregate } = readDomain(loadProjectContext(writeProject(files)), DEFAULT_CONFIG, 'users');

    expect(aggregate.idField).toBe('id');
    expect(aggregate.generatedId).toBeUndefined();
    expect(aggregate.fields.map((f) => `${f.name}:${f.access}:${f.optional}`)).toEqual(['id:.id:false', 'name:.name:false']);
    // The id goes to the base's own parameter, not into the props, where nothing reads it.
    expect(aggregate.rehydration.arguments).toEqual([
      { kind: 'object', fields: ['name'] },
      { kind: 'field', field: 'id' },
    ]);
  });

  it('stores a uid that is a single-value object whose own value is also named uid (hexa-ddd-monorepo Sysadmin: UlidUid)', () => {
    const files = project(
      "import { UlidUid } from './ulid-uid';\n\nexport class User {\n  constructor(public readonly uid: UlidUid, public name: string) {}\n}\n",
      {
        [`${DIR}/ulid-uid.ts`]:
          "export class UlidUid {\n  constructor(public readonly uid: string) {\n    if (uid.length === 0) throw new Error('uid');\n  }\n\n  static create(): UlidUid {\n    return new UlidUid(String(Date.now()));\n  }\n\n  equals(other: UlidUid): boolean {\n    return this.uid === other.uid;\n  }\n}\n",
      },
    );
    const { aggregate } = readDomain(loadProjectContext(writeProject(files)), DEFAULT_CONFIG, 'users');

    expect(aggregate.idField).toBe('uid');
    expect(aggregate.fields.find((f) => f.name === 'uid')?.type).toMatchObject({
      kind: 'value-object',
      name: 'UlidUid',
      valueAccess: '.uid',
      primitive: 'string',
      rehydration: { call: { kind: 'constructor' } },
    });
  });

  const PROPS_ID_GETTER = (idLine: string) =>
    project(
      `import { Entity } from './entity';\nimport { UserId } from './user-id';\n\ninterface UserProps {\n  ${idLine}\n  name: string;\n}\n\nexport class User extends Entity<UserProps> {\n  get id(): string {\n    return this.props.id!.value;\n  }\n\n  get name(): string {\n    return this.props.name;\n  }\n\n  static reconstitute(props: UserProps): User {\n    return new User(props);\n  }\n}\n`,
      {
        [`${DIR}/entity.ts`]:
          'export abstract class Entity<Props> {\n  protected props: Props;\n\n  constructor(props: Props) {\n    this.props = props;\n  }\n}\n',
        [`${DIR}/user-id.ts`]:
          'export class UserId {\n  private constructor(readonly value: string) {}\n\n  static of(value: string): UserId {\n    return new UserId(value);\n  }\n}\n',
      },
    );

  it('keeps the required id the props declare when the class shows it through a getter over this.props.id', () => {
    // `get id(): string { return this.props.id.value }` reads the props' id: it is no second id kept beside them.
    const { aggregate } = readDomain(loadProjectContext(writeProject(PROPS_ID_GETTER('id: UserId;'))), DEFAULT_CONFIG, 'users');

    // As before the base-kept id was read (0c40b11): the props' member, stored as the getter shows it and wrapped back
    // into a UserId for the props; the getter's string handed into the props as is would not compile.
    expect(aggregate.fields.find((f) => f.name === 'id')?.location.line).toBe(5);
    expect(aggregate.rehydration.arguments).toMatchObject([
      { kind: 'object', fields: [{ kind: 'wrapped', field: 'id', type: { kind: 'value-object', name: 'UserId' } }, 'name'] },
    ]);
  });

  it('reads an optional props id that the class getter reads as the props id, not as one a base keeps beside them', () => {
    // The getter is over this.props.id: no other id exists, so the optional one is the id, refused at its line as before.
    let error: unknown;
    try {
      readDomain(loadProjectContext(writeProject(PROPS_ID_GETTER('id?: UserId;'))), DEFAULT_CONFIG, 'users');
    } catch (caught) {
      error = caught;
    }

    expect(error).toBeInstanceOf(GenError);
    expect(formatError(error as GenError)).toMatch(new RegExp(`^${DIR}/user.ts:5: the id 'id' of aggregate User may be absent`));
  });

  it('prefers id over the other spellings when a class has several', () => {
    const { aggregate } = readDomain(
      loadProjectContext(writeProject(project('export class User {\n  constructor(readonly id: string, readonly guid: string) {}\n}\n'))),
      DEFAULT_CONFIG,
      'users',
    );

    expect(aggregate.idField).toBe('id');
  });

  it('without an id, names the class, its line and every spelling it looked for', () => {
    let error: unknown;
    try {
      readDomain(
        loadProjectContext(
          writeProject(project('// a user\nexport class User {\n  constructor(readonly handle: string, public name: string) {}\n}\n')),
        ),
        DEFAULT_CONFIG,
        'users',
      );
    } catch (caught) {
      error = caught;
    }

    expect(error).toBeInstanceOf(GenError);
    expect(formatError(error as GenError)).toBe(
      `${DIR}/user.ts:2: aggregate User has no id: gen looked for a field, getter or getX() method named 'id', 'userId', 'guid', 'uuid', 'uid', also inherited from a base class (\`_id\` with \`get id()\` or \`getId()\`), then for a natural key (a field the port looks one User up or deletes one by, or named 'userCode', 'userNo', 'userKey', 'code', 'key', 'slug', 'sku')\n` +
        '  Give it an id (e.g. `readonly id: UserId`), or name it in gen.config.json: "ids": { "User": "handle" } if that field is unique; fields found: handle, name.',
    );
  });
});
