import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/config/project-config.js';
import { readDomain } from '../../src/read/domain-reader.js';
import { loadProjectContext } from '../../src/project-context.js';
import { writeProject } from '../support/projects.js';

// toky-back's shape: state held only by an abstract base (set in its constructor, changed by its own methods), and a
// port that inherits its CRUD methods from a generic abstract Repository<T>.
const BASE = `export abstract class DomainEntity {
  protected _createdAt: Date;
  private _updatedAt: Date;
  private _deletedAt: Date | null = null;
  protected constructor(readonly id: string) {
    this._createdAt = new Date();
    this._updatedAt = new Date();
  }
  get createdAt(): Date { return this._createdAt; }
  get updatedAt(): Date { return this._updatedAt; }
  get deletedAt(): Date | null { return this._deletedAt; }
  protected touch(): void { this._updatedAt = new Date(); }
  isDeleted(): boolean { return this._deletedAt !== null; }
  delete(): void { this._deletedAt = new Date(); }
}
`;
const ITEM = `import { DomainEntity } from '../../shared/domain-entity';
export class Item extends DomainEntity {
  private _name: string;
  private constructor(id: string, name: string) { super(id); this._name = name; }
  static create(id: string, name: string): Item { return new Item(id, name); }
  get name(): string { return this._name; }
  rename(name: string): void { this._name = name; this.touch(); }
}
`;
const GENERIC_PORT = `export abstract class Repository<T> {
  abstract save(aggregate: T): Promise<void>;
  abstract saveAll(aggregates: T[]): Promise<void>;
  abstract findById(id: string): Promise<T | null>;
  abstract findAll(): Promise<T[]>;
  describe(): string { return 'a repository'; }
}
`;

function read(files: Record<string, string>) {
  return readDomain(loadProjectContext(writeProject(files, { compiled: true })), DEFAULT_CONFIG, 'shop');
}

const ABSTRACT_PORT = {
  'src/domain/shared/domain-entity.ts': BASE,
  'src/domain/shared/repository.ts': GENERIC_PORT,
  'src/domain/aggregates/shop/item.ts': ITEM,
  'src/domain/aggregates/shop/item.repository.ts': `import { Repository } from '../../shared/repository';
import { Item } from './item';
export abstract class ItemRepository extends Repository<Item> {
  abstract findByName(name: string): Promise<Item[]>;
}
`,
};

describe('state held by a project base class', () => {
  it('stores the base private and protected fields read through its getters, beside the class own', () => {
    const { aggregate } = read(ABSTRACT_PORT);

    expect(aggregate.fields.map((f) => `${f.name}:${f.access}`)).toEqual([
      'id:.id',
      'name:.name',
      'createdAt:.createdAt',
      'updatedAt:.updatedAt',
      'deletedAt:.deletedAt',
    ]);
    expect(aggregate.fields.find((f) => f.name === 'deletedAt')).toMatchObject({
      nullable: true,
      type: { kind: 'primitive', primitive: 'date' },
    });
  });

  it('writes them back after create(), which does not take them', () => {
    const { aggregate } = read(ABSTRACT_PORT);

    expect(aggregate.rehydration.call).toEqual({ kind: 'static', method: 'create' });
    expect(aggregate.rehydration.written?.map((w) => w.member)).toEqual(expect.arrayContaining(['_createdAt', '_updatedAt', '_deletedAt']));
  });

  it('refuses, naming it, a base field nothing outside the class can read', () => {
    const files = {
      ...ABSTRACT_PORT,
      'src/domain/shared/domain-entity.ts': BASE.replace('  get deletedAt(): Date | null { return this._deletedAt; }\n', ''),
    };

    expect(() => read(files)).toThrow(/deletedAt/);
  });
});

describe('a port that inherits abstract methods from a generic abstract base class', () => {
  it('reads them with the type argument substituted, before its own, and leaves the concrete ones alone', () => {
    const { port } = read(ABSTRACT_PORT);

    expect(port.methods.map((m) => m.name)).toEqual(['save', 'saveAll', 'findById', 'findAll', 'findByName']);
  });

  it('reads them the same when the port is an interface extending the base', () => {
    const files = {
      ...ABSTRACT_PORT,
      'src/domain/aggregates/shop/item.repository.ts': `import { Repository } from '../../shared/repository';
import { Item } from './item';
export interface ItemRepository extends Repository<Item> {
  findByName(name: string): Promise<Item[]>;
}
`,
    };
    const { port } = read(files);

    expect(port.methods.map((m) => m.name)).toEqual(expect.arrayContaining(['save', 'saveAll', 'findById', 'findAll', 'findByName']));
  });
});
