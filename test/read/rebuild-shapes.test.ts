import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/config/project-config.js';
import { GenError } from '../../src/errors.js';
import type { DomainModel } from '../../src/model/domain-model.js';
import { loadProjectContext } from '../../src/project-context.js';
import { readDomain, readFeature } from '../../src/read/domain-reader.js';
import { rehydrationCall } from '../../src/render/conversions.js';
import { ACCOUNTS, BADGES, MEMOS, SHELVES, TASKS, TICKETS, items, sellers } from '../fixtures/rebuild-shapes.js';
import { writeProject } from '../support/projects.js';

function read(files: Record<string, string>, feature: string): DomainModel {
  return readDomain(loadProjectContext(writeProject(files)), DEFAULT_CONFIG, feature);
}

describe('a constructor or factory that takes a mode flag is called in its restoring mode', () => {
  it.each([
    {
      shape: "a props object with type: 'create' | 'restore'",
      files: ACCOUNTS,
      feature: 'accounts',
      id: 'accountId',
      call: "new Account({ type: 'restore', accountId: r.accountId, password: r.password, displayName: r.displayName, enabled: r.enabled, createdAt: r.createdAt })",
    },
    {
      shape: "{ mode: 'new' | 'load' } & Pick<Shelf, ...>",
      files: SHELVES,
      feature: 'shelves',
      id: 'id',
      call: "new Shelf({ mode: 'load', id: r.id, label: r.label, capacity: r.capacity })",
    },
    {
      shape: 'a positional isNew: boolean of a static factory',
      files: BADGES,
      feature: 'badges',
      id: 'id',
      call: 'Badge.make(r.id, r.title, false)',
    },
  ])('$shape', ({ files, feature, id, call }) => {
    const { aggregate } = read(files, feature);
    expect(aggregate.idField).toBe(id);
    expect(rehydrationCall(aggregate.name, aggregate.rehydration, (f) => `r.${f}`)).toBe(call);
  });

  it('refuses a mode none of whose values reads as restoring, naming the mode, its values and the decision', () => {
    let error: unknown;
    try {
      read(TICKETS, 'tickets');
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(GenError);
    const refusal = error as GenError;
    expect(refusal.location).toMatchObject({
      file: 'src/domain/tickets/ticket.ts',
      line: 1,
    });
    expect(refusal.message).toContain("kind: 'open' | 'copy'");
    expect(refusal.hint).toContain('Decide which mode rebuilds Ticket without side effects');
  });
});

/**
 * A chat message whose create() takes an enum and a literal union that it passes on into a value object (toky-back's
 * ChatMessage: `create(id, sport, content, userId, username, university: University)`), and rebuilds through
 * `reconstruct(primitives)` (a name gen knows; the refusal below spells it `revive`, which gen does not).
 */
function chatMessages(university: string, rebuild = 'reconstruct'): Record<string, string> {
  return {
    'src/domain/chat/university.ts': `export enum University {
  Korea = '고려대학교',
  Yonsei = '연세대학교',
}
`,
    'src/domain/chat/user-info.ts': `import { University } from './university';

export class UserInfo {
  private constructor(
    readonly userId: string,
    readonly university: ${university},
    readonly role: 'player' | 'fan',
  ) {}

  static create(userId: string, university: ${university}, role: 'player' | 'fan'): UserInfo {
    return new UserInfo(userId, university, role);
  }
}
`,
    'src/domain/chat/chat-message.ts': `import { University } from './university';
import { UserInfo } from './user-info';

export type Channel = 'main' | 'side';

export interface ChatMessagePrimitives {
  id: string;
  content: string;
  channel: Channel;
  userInfo: UserInfo;
}

export class ChatMessage {
  private constructor(
    readonly id: string,
    private _content: string,
    readonly channel: Channel,
    readonly userInfo: UserInfo,
  ) {}

  static create(id: string, content: string, channel: Channel, userId: string, university: ${university}, kind: 'player' | 'fan'): ChatMessage {
    if (content.trim() === '') throw new Error('empty message');
    return new ChatMessage(id, content, channel, UserInfo.create(userId, university, kind));
  }

  static ${rebuild}(primitives: ChatMessagePrimitives): ChatMessage {
    return new ChatMessage(primitives.id, primitives.content, primitives.channel, primitives.userInfo);
  }

  get content(): string {
    return this._content;
  }
}
`,
    'src/domain/chat/chat-message.repository.ts': `import { ChatMessage } from './chat-message';

export interface ChatMessageRepository {
  save(message: ChatMessage): Promise<void>;
  findById(id: string): Promise<ChatMessage | null>;
}
`,
  };
}

describe('a parameter of create() that is data the aggregate stores is not a mode (issue 19, toky-back ChatMessage)', () => {
  it.each([['University'], ["'고려대학교' | '연세대학교'"]])(
    'refuses naming what is true when nothing rebuilds it, for a university typed %s',
    (university) => {
      let error: unknown;
      try {
        read(chatMessages(university, 'revive'), 'chat');
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(GenError);
      const refusal = error as GenError;
      expect(refusal.location).toMatchObject({ file: 'src/domain/chat/chat-message.ts', line: 13 });
      expect(refusal.message).toBe(
        'cannot rebuild ChatMessage from its stored fields (id, content, channel, userInfo): new ChatMessage (line 14) is private; ChatMessage.create (line 21) does not take userInfo and takes userId, university, kind, which are not stored',
      );
      expect(refusal.message).not.toContain('mode');
      expect(refusal.hint).toContain('if revive rebuilds it, name it in gen.config.json: "rehydrators": ["revive"]');
    },
  );

  it('rebuilds through reconstruct with no config, the enum stored inside the value object', () => {
    const { aggregate } = readDomain(loadProjectContext(writeProject(chatMessages('University'))), DEFAULT_CONFIG, 'chat');
    expect(rehydrationCall(aggregate.name, aggregate.rehydration, (f) => `r.${f}`)).toBe(
      'ChatMessage.reconstruct({ id: r.id, content: r.content, channel: r.channel, userInfo: r.userInfo })',
    );
  });
});

describe('a record aggregate spelled through Readonly', () => {
  it.each([
    {
      shape: 'type Task = Readonly<{ ... }>',
      files: TASKS,
      feature: 'tasks',
      name: 'Task',
      mutable: [] as string[],
    },
    {
      shape: 'type Memo = Readonly<MemoProps> & { ... }',
      files: MEMOS,
      feature: 'memos',
      name: 'Memo',
      mutable: ['body'],
    },
  ])('$shape is found by its own name, its Readonly members not reassignable', ({ files, feature, name, mutable }) => {
    const { aggregate } = read(files, feature);
    expect(aggregate).toMatchObject({ name, style: 'record', idField: 'id' });
    expect(aggregate.fields.filter((f) => f.mutable).map((f) => f.name)).toEqual(mutable);
  });

  it('is found in a project with an unresolved import, and its use cases read after it', () => {
    // nestjs-hexagonal-auth: ts-morph's importer lookup left the unresolved import listening for added files, and adding
    // the use case (which imports many files not yet read) built the program once per file, nested: a stack overflow.
    const parts = 400;
    const feature = readFeature(
      loadProjectContext(
        writeProject({
          ...TASKS,
          'src/domain/tasks/task.ts': `import type { Clock } from 'not-installed';\n${TASKS['src/domain/tasks/task.ts']}`,
          'src/application/tasks/finish.use-case.ts': `import type { TaskRepository } from '../../domain/tasks/task.repository';
import { later } from '../../shared/later';

export class Finish {
  constructor(private readonly tasks: TaskRepository) {}
  run(id: string) {
    return later > 0 ? this.tasks.findById(id) : null;
  }
}
`,
          'src/shared/later.ts': `${Array.from({ length: parts }, (_, i) => `export * from './parts/part${i}';\n`).join('')}export const later = 1;\n`,
          ...Object.fromEntries(
            Array.from({ length: parts }, (_, i) => [`src/shared/parts/part${i}.ts`, `export const part${i} = ${i};\n`]),
          ),
        }),
      ),
      DEFAULT_CONFIG,
      'tasks',
    );
    expect(feature.domain.aggregate.name).toBe('Task');
    expect(feature.application.useCases.map((u) => [u.name, u.calls.map((c) => c.method)])).toEqual([['Finish', ['findById']]]);
  });
});

describe('a private member with no getter', () => {
  it.each(['toObject', 'serialize', 'toPlain', 'toJSON', 'toPrimitives'])(
    'is read through %s() when that returns every stored field',
    (method) => {
      const { aggregate } = read(
        sellers(`  ${method}(): { id: string; name: string; password: string } {
    return { id: this.id, name: this.name, password: this.password };
  }
`),
        'sellers',
      );
      expect(aggregate.fields.map((f) => f.access)).toEqual([`.${method}().id`, `.${method}().name`, `.${method}().password`]);
      expect(aggregate.rehydration.call).toEqual({ kind: 'constructor' });
    },
  );

  it('is read through a snapshot typed as an intersection (`{ id: string } & SellerProps`), as through one object type', () => {
    const files = sellers(`  toPrimitives(): { id: string } & SellerProps {
    return { id: this.id, name: this.name, password: this.password };
  }
`);
    const file = 'src/domain/sellers/seller.ts';
    files[file] = `export interface SellerProps {\n  name: string;\n  password: string;\n}\n\n${files[file]}`;
    const { aggregate } = read(files, 'sellers');
    expect(aggregate.fields.map((f) => f.access)).toEqual(['.toPrimitives().id', '.toPrimitives().name', '.toPrimitives().password']);
    expect(aggregate.rehydration.call).toEqual({ kind: 'constructor' });
  });

  it('is refused otherwise, naming the member, its file:line and the getter or snapshot to add', () => {
    let error: unknown;
    try {
      read(sellers(''), 'sellers');
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(GenError);
    const refusal = error as GenError;
    expect(refusal.message).toBe("field 'password' of Seller cannot be read from outside the class");
    expect(refusal.location).toEqual({ file: 'src/domain/sellers/seller.ts', line: 5 });
    expect(refusal.hint).toContain('Add a public getter `get password()`');
  });
});

describe('a private member set from a default', () => {
  it('is not stored when nothing reads it, not even the class', () => {
    const { aggregate } = read(items(''), 'items');
    expect(aggregate.fields.map((f) => f.name)).toEqual(['id', 'name']);
    expect(rehydrationCall(aggregate.name, aggregate.rehydration, (f) => `r.${f}`)).toBe('new Item(r.id, r.name)');
  });

  it('is refused without a getter when the class reads it', () => {
    let error: unknown;
    try {
      read(
        items(`  isStale(now: Date): boolean {
    return now.getTime() - this._updatedAt.getTime() > 1000;
  }
`),
        'items',
      );
    } catch (caught) {
      error = caught;
    }
    expect((error as GenError).message).toBe("field 'updatedAt' of Item cannot be read from outside the class");
    expect((error as GenError).location).toEqual({ file: 'src/domain/items/item.ts', line: 6 });
  });
});

describe('a value object whose one value is a record', () => {
  // A rental app's Address: `{ value: IAddressProps }` behind a private constructor, `create(props: IAddressProps)`.
  const files = {
    'src/domain/property/address.ts': `interface IAddressProps {
  streetAddress: string;
  city: string;
}

export class Address {
  private constructor(private readonly props: { value: IAddressProps }) {}

  get value(): IAddressProps {
    return this.props.value;
  }

  static create(props: IAddressProps): Address {
    return new Address({ value: props });
  }
}
`,
    'src/domain/property/property.ts': `import { Address } from './address';

export class Property {
  constructor(
    readonly id: string,
    readonly address: Address,
  ) {}
}
`,
    'src/domain/property/property.repository.ts': `import { Property } from './property';

export interface PropertyRepository {
  save(property: Property): Promise<void>;
}
`,
  };

  it('is rebuilt by passing the record back to the factory that takes it', () => {
    const { aggregate } = read(files, 'property');
    const address = aggregate.fields.find((f) => f.name === 'address');
    expect(JSON.stringify(address?.type)).toContain('"method":"create"');
  });
});

describe('a constructor parameter stored under another name', () => {
  // `constructor(..., password: Secret) { this.secret = password }`: the parameter is the field, renamed.
  const member = (body: string) => ({
    'src/domain/members/secret.ts': `export class Secret {
  constructor(readonly value: string) {}
}
`,
    'src/domain/members/member.ts': `import { Secret } from './secret';

export class Member {
  private readonly memberId: string;
  private readonly nickname: string;
  private readonly secret: Secret;

  constructor(memberId: string, nickname: string, password: Secret) {
${body}
  }

  getMemberId(): string {
    return this.memberId;
  }
  getNickname(): string {
    return this.nickname;
  }
  getSecret(): Secret {
    return this.secret;
  }
}
`,
    'src/domain/members/member.repository.ts': `import { Member } from './member';

export interface MemberRepository {
  save(member: Member): Promise<void>;
  findById(memberId: string): Promise<Member | null>;
}
`,
  });

  it('is bound to the field the constructor stores it in as it is', () => {
    const { aggregate } = read(
      member(`    this.memberId = memberId;
    this.nickname = nickname;
    this.secret = password;`),
      'members',
    );
    expect(rehydrationCall(aggregate.name, aggregate.rehydration, (f) => `r.${f}`)).toBe('new Member(r.memberId, r.nickname, r.secret)');
  });

  it('is not bound when the constructor transforms it first: the refusal names the decision', () => {
    let error: unknown;
    try {
      read(
        member(`    this.memberId = memberId;
    this.nickname = nickname.trim();
    this.secret = new Secret(password.value + '!');`),
        'members',
      );
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(GenError);
    expect((error as GenError).message).toContain('cannot rebuild Member from its stored fields');
    expect((error as GenError).hint).toContain('static reconstitute(');
  });
});

describe("a base class's public constructor parameter properties", () => {
  // DomainEntity's `constructor(public readonly id, public readonly openedAt: Date, public closedAt: Date | null)`
  // under a class whose own state is private fields: state too, not left out of the table.
  const files = {
    'src/domain/tabs/domain-entity.ts': `export abstract class DomainEntity {
  constructor(
    public readonly id: string,
    public readonly openedAt: Date,
    public closedAt: Date | null,
  ) {}
}
`,
    'src/domain/tabs/tab.ts': `import { DomainEntity } from './domain-entity';

export class Tab extends DomainEntity {
  private _label: string;

  private constructor(id: string, label: string, openedAt: Date, closedAt: Date | null) {
    super(id, openedAt, closedAt);
    this._label = label;
  }

  static create(id: string, label: string): Tab {
    return new Tab(id, label, new Date(), null);
  }

  get label(): string {
    return this._label;
  }
}
`,
    'src/domain/tabs/tab.repository.ts': `import { Tab } from './tab';

export interface TabRepository {
  save(tab: Tab): Promise<void>;
  findById(id: string): Promise<Tab | null>;
}
`,
  };

  it('are stored beside the private fields, and written back over what the factory made of them', () => {
    const { aggregate } = read(files, 'tabs');
    expect(aggregate.fields.map((f) => f.name)).toEqual(['id', 'label', 'openedAt', 'closedAt']);
    expect(aggregate.rehydration.written?.map((w) => w.field)).toEqual(expect.arrayContaining(['openedAt', 'closedAt']));
  });
});
