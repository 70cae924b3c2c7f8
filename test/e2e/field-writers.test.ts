import { describe, expect, it } from 'vitest';
import { ProjectBatch, read, runGen, writeProject } from '../support/projects.js';

// The projects are type-checked by one tsc and their suites run by one vitest, in the last test.
const batch = new ProjectBatch();

/**
 * A record whose id the database assigns, and a port whose writers take fields rather than the Todo, as
 * clean-architecture todo apps write them: `create(title)`, `update(id, changes: Partial<Todo>)`, `updateSetting`.
 */
const TODOS: Record<string, string> = {
  'src/domain/todos/todo.ts': `export interface Todo {
  id?: number;
  title: string;
  done: boolean;
  createdAt: Date;
}
`,
  'src/domain/todos/todo.repository.ts': `import type { Todo } from './todo';

export interface TodoRepository {
  save(todo: Todo): Promise<Todo>;
  create(title: string): Promise<Todo>;
  findById(id: number): Promise<Todo | null>;
  findAll(): Promise<Todo[]>;
  update(id: number, changes: Partial<Todo>): Promise<Todo | null>;
  updateSetting(key: string, value: string): Promise<void>;
  delete(id: number): Promise<void>;
}
`,
};

/** A class aggregate whose port has no save: `register` of a DTO and `updateMember(Partial<Member>)`. */
const MEMBERS: Record<string, string> = {
  'src/domain/members/member.ts': `export class Member {
  constructor(
    readonly id: string,
    public name: string,
    public email: string,
  ) {}
}
`,
  'src/domain/members/member.repository.ts': `import { Member } from './member';

export interface RegisterMember {
  name: string;
  email: string;
}

export interface MemberRepository {
  insert(data: RegisterMember): Promise<Member>;
  findById(id: string): Promise<Member | null>;
  findByEmail(email: string): Promise<Member | null>;
  updateMember(member: Partial<Member>): Promise<Member>;
}
`,
};

describe('writers that take fields, not the aggregate', () => {
  it('leaves them to the user as hand-written stubs, warning at their line with the decision, and generates the rest', async () => {
    const dir = writeProject(TODOS);
    const run = await runGen(['infra', 'todos', '--cwd', dir, '--dry-run']);
    expect(run.code).toBe(0);
    expect(run.err).toContain(
      "src/domain/todos/todo.repository.ts:5: TodoRepository.create is hand-written: its name reads as create, but it takes no Todo; write it in the repository's custom part (gen left a stub), or make it take the whole Todo (`create(todo: Todo)`) so that gen implements it.",
    );
    expect(run.err).toContain('src/domain/todos/todo.repository.ts:8: TodoRepository.update is hand-written');
  });

  it('type-checks and passes the generated suites on SQLite, the hand-written methods marked todo', async () => {
    const todos = await batch.generate('todos', TODOS, 'todos');
    const members = await batch.generate('members', MEMBERS, 'members');
    const custom = read(todos, 'src/infrastructure/todos/persistence/repositories/todo.repository.custom.ts');
    expect(custom).toContain('async create(_title: string): Promise<Todo>');
    expect(custom).toContain('async update(_id: number, _changes: Partial<Todo>): Promise<Todo | null>');
    expect(custom).toContain('async updateSetting(_key: string, _value: string): Promise<void>');
    expect(read(members, 'src/infrastructure/members/persistence/repositories/member.repository.custom.ts')).toContain(
      'async insert(_data: RegisterMember): Promise<Member>',
    );

    batch.typecheck();
    // Each hand-written method is a todo in the contract suite, run once for each repository.
    const suites = batch.runSuites();
    expect(suites.get('todos')!.todo).toBe(6);
    expect(suites.get('members')!.todo).toBe(4);
  });
});
