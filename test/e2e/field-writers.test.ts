import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ProjectBatch, read, runGen, writeProject } from '../support/projects.js';

// The projects are type-checked by one tsc and their suites run by one vitest, in the last test.
const batch = new ProjectBatch();

/**
 * A record whose id the database assigns, and a port whose writers take fields rather than the Todo, as
 * clean-architecture todo apps write them: `create(title)`, `createTodo(dto)`, `update(id, changes: Partial<Todo>)`.
 */
const TODOS: Record<string, string> = {
  'src/domain/todos/todo.ts': `export interface Todo {
  id?: number;
  title: string;
  priority: number;
  done?: boolean;
  note: string | null;
  createdAt?: Date;
}
`,
  'src/domain/todos/create-todo.dto.ts': `export interface CreateTodoDto {
  title: string;
  priority: number;
  note: string | null;
  done?: boolean;
}
`,
  'src/domain/todos/todo.repository.ts': `import type { Todo } from './todo';
import type { CreateTodoDto } from './create-todo.dto';

export interface TodoRepository {
  create(title: string): Promise<Todo>;
  createTodo(dto: CreateTodoDto): Promise<number>;
  findById(id: number): Promise<Todo | null>;
  findAll(): Promise<Todo[]>;
  update(id: number, changes: Partial<Todo>): Promise<Todo | null>;
  updateTodo(todo: Partial<Todo>): Promise<void>;
  updateSetting(key: string, value: string): Promise<void>;
  delete(id: number): Promise<void>;
}
`,
};

/** A class aggregate whose port has no save: `insert` of a DTO (the id made by gen) and `updateMember(Partial<Member>)`. */
const MEMBERS: Record<string, string> = {
  'src/domain/members/member.ts': `export class Member {
  constructor(
    readonly id: string,
    public name: string,
    public email: string,
    public nickname?: string,
  ) {}
}
`,
  'src/domain/members/register-member.ts': `export interface RegisterMember {
  name: string;
  email: string;
}
`,
  'src/domain/members/member.repository.ts': `import { Member } from './member';
import type { RegisterMember } from './register-member';

export interface MemberRepository {
  insert(data: RegisterMember): Promise<Member>;
  findById(id: string): Promise<Member | null>;
  findByEmail(email: string): Promise<Member | null>;
  updateMember(member: Partial<Member>): Promise<Member>;
  rename(id: string, changes: { name: string; age: number }): Promise<void>;
}
`,
};

/**
 * A record with a `version` of its own: updates from fields compare the one the changes carry with the stored one
 * (ConcurrencyError, as a stale save) and increment it, rather than write it as a plain column.
 */
const NOTES: Record<string, string> = {
  'src/domain/notes/note.ts': `export interface Note {
  id?: number;
  title: string;
  body: string;
  version: number;
}
`,
  'src/domain/notes/note.repository.ts': `import type { Note } from './note';

export interface NoteRepository {
  save(note: Note): Promise<void>;
  findById(id: number): Promise<Note | null>;
  findAll(): Promise<Note[]>;
  update(id: number, changes: Partial<Note>): Promise<Note | null>;
  updateNote(note: Partial<Note>): Promise<void>;
}
`,
};

describe('writers that take fields, not the aggregate', () => {
  it('implements those whose parameters name the fields, and leaves the others to the user with a warning', async () => {
    const dir = writeProject(TODOS);
    const run = await runGen(['infra', 'todos', '--cwd', dir, '--dry-run']);
    expect(run.code).toBe(0);
    expect(run.err).toContain(
      "src/domain/todos/todo.repository.ts:5: TodoRepository.create is hand-written: it takes fields of Todo, but 'priority' is required and not among its parameters (give it as parameters, or make it optional in Todo); write it in the repository's custom part (gen left a stub), or make it take the whole Todo (`create(todo: Todo)`) so that gen implements it.",
    );
    expect(run.err).not.toContain('TodoRepository.update is hand-written');
    expect(run.err).not.toContain('TodoRepository.createTodo is hand-written');
  });

  it('type-checks and passes the generated suites on SQLite, in both repositories', async () => {
    const todos = await batch.generate('todos', TODOS, 'todos');
    const members = await batch.generate('members', MEMBERS, 'members');
    const custom = read(todos, 'src/infrastructure/todos/persistence/repositories/todo.repository.custom.ts');
    expect(custom).toContain('async create(_title: string): Promise<Todo>');
    expect(custom).toContain('async updateSetting(_key: string, _value: string): Promise<void>');
    expect(custom).not.toContain('update(');
    const repository = read(todos, 'src/infrastructure/todos/persistence/repositories/todo.repository.ts');
    expect(repository).toContain('async createTodo(dto: CreateTodoDto): Promise<number>');
    expect(repository).toContain('async update(id: number, changes: Partial<Todo>): Promise<Todo | null>');
    const memberRepository = read(members, 'src/infrastructure/members/persistence/repositories/member.repository.ts');
    expect(memberRepository).toContain('randomUUID()');
    expect(memberRepository).toContain('new Member(');
    // `age` is no field of Member: the user's.
    expect(read(members, 'src/infrastructure/members/persistence/repositories/member.repository.custom.ts')).toContain(
      'async rename(_id: string, _changes: { name: string; age: number }): Promise<void>',
    );

    const notes = await batch.generate('notes', NOTES, 'notes');
    const suitePath = readdirSync(notes, { recursive: true, encoding: 'utf8' }).find((path) => path.endsWith('note.repository.test.ts'));
    const noteSuite = read(notes, suitePath!);
    for (const name of ['update', 'updateNote']) {
      expect(noteSuite).toContain(`it('${name} compares the version it is given with the stored one`);
      expect(noteSuite).toContain(`it('${name} rejects an id its column could not hold, in both: InvalidValueError'`);
    }

    batch.typecheck();
    // Each hand-written method is a todo in the contract suite, run once for each repository.
    const suites = batch.runSuites();
    expect(suites.get('todos')!.todo).toBe(4);
    expect(suites.get('members')!.todo).toBe(2);
  });
});
