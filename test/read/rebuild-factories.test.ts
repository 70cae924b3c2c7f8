import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/config/project-config.js';
import { GenError } from '../../src/errors.js';
import type { DomainModel } from '../../src/model/domain-model.js';
import { loadProjectContext } from '../../src/project-context.js';
import { readDomain } from '../../src/read/domain-reader.js';
import { rehydrationCall } from '../../src/render/conversions.js';
import { GIFTS, MEMBERS, PRODUCTS, WALLETS, feature, todos } from '../fixtures/rebuild-factories.js';
import { writeProject } from '../support/projects.js';

function read(files: Record<string, string>, feature: string): DomainModel {
  return readDomain(loadProjectContext(writeProject(files)), DEFAULT_CONFIG, feature);
}

function refusal(files: Record<string, string>, feature: string): GenError {
  try {
    read(files, feature);
  } catch (error) {
    if (error instanceof GenError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

const call = (model: DomainModel) => rehydrationCall(model.aggregate.name, model.aggregate.rehydration, (f) => `r.${f}`);

describe('the other half of a toPrimitives() pair, under a rebuilding name', () => {
  it.each([
    {
      shape: 'reconstruct(primitives: GiftPrimitives), a value object flattened into two members, create recording an event',
      files: GIFTS,
      feature: 'gifts',
      fields: ['id', 'name', 'imageUrl', 'imageKey', 'drawCount', 'createdAt'],
      call: 'Gift.reconstruct({ id: r.id, name: r.name, imageUrl: r.imageUrl, imageKey: r.imageKey, drawCount: r.drawCount, createdAt: r.createdAt })',
    },
    {
      shape: 'restore(id, label, amount, currency) taking the primitives positionally, a Money flattened',
      files: WALLETS,
      feature: 'wallets',
      fields: ['id', 'label', 'amount', 'currency'],
      call: 'Wallet.restore(r.id, r.label, r.amount, r.currency)',
    },
    {
      shape: 'reconstitute(state: MemberPrimitives) over a type alias, an id value object flattened, an optional member',
      files: MEMBERS,
      feature: 'members',
      fields: ['id', 'email', 'nickname', 'active'],
      call: 'Member.reconstitute({ id: r.id, email: r.email, nickname: r.nickname, active: r.active })',
    },
  ])('$shape', ({ files, feature, fields, call: expected }) => {
    const model = read(files, feature);
    expect(model.aggregate).toMatchObject({ style: 'primitives', snapshot: 'toPrimitives()' });
    expect(model.aggregate.fields.map((f) => f.name)).toEqual(fields);
    expect(model.aggregate.fields.every((f) => f.access.startsWith('.toPrimitives().'))).toBe(true);
    expect(call(model)).toBe(expected);
  });

  it('keeps an optional member optional', () => {
    const { aggregate } = read(MEMBERS, 'members');
    expect(aggregate.fields.find((f) => f.name === 'nickname')).toMatchObject({ optional: true });
    expect(aggregate.fields.find((f) => f.name === 'email')).toMatchObject({ optional: false });
  });

  it('is not a factory that takes something else than what toPrimitives() returns', () => {
    // `reconstruct(id, name)` leaves out what toPrimitives() returns beside them: not the pair, so the class is read
    // through its members as before (drawCount has no getter), and the refusal says how the pair would be declared.
    const source = GIFTS['src/domain/gifts/gift.ts'].replace(
      /static reconstruct\(primitives: GiftPrimitives\): Gift \{[\s\S]*?\n  \}\n/,
      `static reconstruct(id: string, name: string): Gift {
    return new Gift(id, name, Image.create('u', 'k'), 0, new Date());
  }
`,
    );
    const error = refusal({ ...GIFTS, 'src/domain/gifts/gift.ts': source }, 'gifts');
    expect(error.message).toBe("field 'drawCount' of Gift cannot be read from outside the class");
    expect(error.hint).toContain("declare `static fromPrimitives(primitives: ReturnType<Gift['toPrimitives']>): Gift`");
  });
});

describe('a from-style factory taking exactly the stored fields', () => {
  it.each([
    {
      shape: 'from(params: { id; title; done })',
      factories: `  static from(params: { id: string; title: string; done: boolean }): Todo {
    const todo = new Todo(params.id, params.title);
    todo._done = params.done;
    return todo;
  }`,
      call: 'Todo.from({ id: r.id, title: r.title, done: r.done })',
    },
    {
      shape: 'of(id, title, done), positional',
      factories: `  static of(id: string, title: string, done: boolean): Todo {
    const todo = new Todo(id, title);
    todo._done = done;
    return todo;
  }`,
      call: 'Todo.of(r.id, r.title, r.done)',
    },
    {
      shape: 'fromProps(props) when from(props) records an event',
      factories: `  static from(props: { id: string; title: string; done: boolean }): Todo {
    const todo = Todo.fromProps(props);
    todo.events.push(new TodoAdded(props.id));
    return todo;
  }

  static fromProps(props: { id: string; title: string; done: boolean }): Todo {
    const todo = new Todo(props.id, props.title);
    todo._done = props.done;
    return todo;
  }`,
      call: 'Todo.fromProps({ id: r.id, title: r.title, done: r.done })',
    },
    {
      shape: 'from before of, whatever the order they are declared in',
      factories: `  static of(id: string, title: string, done: boolean): Todo {
    return Todo.from({ id, title, done });
  }

  static from(props: { id: string; title: string; done: boolean }): Todo {
    const todo = new Todo(props.id, props.title);
    todo._done = props.done;
    return todo;
  }`,
      call: 'Todo.from({ id: r.id, title: r.title, done: r.done })',
    },
  ])('$shape', ({ factories, call: expected }) => {
    expect(call(read(todos(factories), 'todos'))).toBe(expected);
  });

  it("takes a value object as its primitive when the factory builds it itself (Frandols' Product.from({ price: number }))", () => {
    const files = PRODUCTS;
    expect(call(read(files, 'products'))).toBe('Product.from({ id: r.id, price: r.price.value, active: r.active })');
    // Taken as another primitive than the value object holds, it is refused, naming the parameter.
    const error = refusal(
      {
        ...files,
        'src/domain/products/product.ts': files['src/domain/products/product.ts']
          .replace('price: number;', 'price: string;')
          .replace('Money.create(params.price)', 'Money.create(Number(params.price))'),
      },
      'products',
    );
    expect(error.message).toContain('Product.from (line 11) takes price as string, where the stored field holds a Money');
  });

  it("binds by its parameters' names only: a value object's fromTitle(title) makes a slug of a title, so create(value) rebuilds it", () => {
    const files = feature(
      'pages',
      'Page',
      `import { Slug } from './slug';

export class Page {
  constructor(
    readonly id: string,
    readonly slug: Slug,
  ) {}
}
`,
      {
        'slug.ts': `export class Slug {
  private constructor(readonly value: string) {}
  static fromTitle(title: string): Slug {
    return new Slug(title.toLowerCase().replace(/\\s+/g, '-'));
  }
  static create(value: string): Slug {
    if (value.length === 0) throw new Error('empty slug');
    return new Slug(value);
  }
}
`,
      },
    );
    const slug = read(files, 'pages').aggregate.fields.find((f) => f.name === 'slug');
    expect(slug?.type).toMatchObject({ kind: 'value-object', rehydration: { call: { kind: 'static', method: 'create' } } });
  });

  it('is passed over when it generates an id, and the refusal says so with its line', () => {
    const error = refusal(
      todos(
        `  static from(props: { id: string; title: string; done: boolean }): Todo {
    const todo = new Todo(randomUUID(), props.title);
    todo._done = props.done;
    return todo;
  }`,
        "import { randomUUID } from 'node:crypto';\n\n",
      ),
      'todos',
    );
    expect(error.location).toEqual({ file: 'src/domain/todos/todo.ts', line: 7 });
    expect(error.message).toContain('Todo.from (line 20) generates an id: randomUUID() at line 21');
  });

  it('is passed over when it records an event, and the refusal lists each one tried and why', () => {
    const error = refusal(
      todos(`  static from(props: { id: string; title: string; done: boolean }): Todo {
    const todo = new Todo(props.id, props.title);
    todo._done = props.done;
    todo.events.push(new TodoAdded(props.id));
    return todo;
  }

  static fromTitle(title: string): Todo {
    return new Todo(title.toLowerCase(), title);
  }`),
      'todos',
    );
    expect(error.message).toBe(
      'cannot rebuild Todo from its stored fields (id, title, done): new Todo (line 9) is private; ' +
        'Todo.from (line 18) records a domain event: todo.events.push(new TodoAdded(props.id)) at line 21; ' +
        'Todo.fromTitle (line 25) does not take id, done',
    );
    expect(error.location).toEqual({ file: 'src/domain/todos/todo.ts', line: 5 });
    expect(error.hint).toContain('Add `static reconstitute(props: { id: string; title: string; done: boolean }): Todo`');
    expect(error.hint).toContain('"rehydrators": ["initialize"]');
  });

  it('names a member of its props object that is not stored', () => {
    const error = refusal(
      todos(`  static from(params: { id: string; title: string; done: boolean; owner: string }): Todo {
    const todo = new Todo(params.id, params.title);
    todo._done = params.done;
    return todo;
  }`),
      'todos',
    );
    expect(error.message).toContain('Todo.from (line 18) takes params.owner, which is not stored');
  });
});
