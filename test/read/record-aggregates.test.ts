import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/config/project-config.js';
import { GenError } from '../../src/errors.js';
import type { DomainModel } from '../../src/model/domain-model.js';
import { loadProjectContext } from '../../src/project-context.js';
import { readDomain } from '../../src/read/domain-reader.js';
import { NOTES, USERS } from '../fixtures/record-aggregates.js';
import { writeProject } from '../support/projects.js';

function read(files: Record<string, string>, feature: string): DomainModel {
  return readDomain(loadProjectContext(writeProject(files)), DEFAULT_CONFIG, feature);
}

function readError(files: Record<string, string>, feature: string): GenError {
  try {
    read(files, feature);
  } catch (error) {
    if (error instanceof GenError) return error;
    throw error;
  }
  throw new Error('expected a GenError');
}

/** Each field as `name: kind [list] [?] [| null] [readonly]`, for a table-like comparison. */
function shapes(domain: DomainModel): string[] {
  return domain.aggregate.fields.map(
    (f) =>
      `${f.name}: ${f.type.kind === 'primitive' ? f.type.primitive : f.type.kind}${f.list ? '[]' : ''}${f.optional ? ' ?' : ''}${f.nullable ? ' | null' : ''}${f.mutable ? '' : ' readonly'}`,
  );
}

describe('an aggregate typed as an interface or a type alias of fields', () => {
  it('reads an interface the port takes and returns: its members as fields, rebuilt as an object literal', () => {
    const domain = read(USERS, 'users');

    expect(domain.aggregate).toMatchObject({ name: 'User', file: 'src/domain/users/user.ts', style: 'record', idField: 'id' });
    expect(shapes(domain)).toEqual([
      'id: string readonly',
      'name: string',
      'email: string',
      'nickname: string ?',
      'bio: string | null',
      'createdAt: date',
      'role: enum',
      'status: literal-union',
      'address: composite',
      'tags: string[]',
    ]);
    expect(domain.aggregate.rehydration).toEqual({
      call: { kind: 'literal' },
      arguments: [
        {
          kind: 'object',
          fields: ['id', 'name', 'email', 'nickname', 'bio', 'createdAt', 'role', 'status', 'address', 'tags'],
          omittable: ['nickname'],
        },
      ],
    });
    const address = domain.aggregate.fields.find((f) => f.name === 'address')!.type;
    expect(address).toMatchObject({ kind: 'composite', name: 'Address', plain: true });
    expect(domain.port.methods.find((m) => m.name === 'findById')!.returns).toMatchObject({
      type: { kind: 'aggregate', name: 'User' },
      absent: 'null',
    });
  });

  it('reads an intersection alias (members of both sides), a list of a named record with an id as child entities, anonymous objects as values', () => {
    const domain = read(NOTES, 'notes');

    expect(domain.aggregate).toMatchObject({ name: 'Note', style: 'record', idField: 'id' });
    expect(domain.port.kind).toBe('type-alias');
    expect(shapes(domain)).toEqual([
      'id: string readonly',
      'createdAt: date',
      'updatedAt: date ?',
      'title: string',
      'body: string | null',
      'priority: literal-union',
      'pinned: boolean',
      'views: number',
      'labels: composite[]',
      'tasks: composite[]',
      'author: composite',
    ]);
    const type = (name: string) => domain.aggregate.fields.find((f) => f.name === name)!.type;
    expect(type('tasks')).toMatchObject({
      kind: 'composite',
      name: 'TaskItem',
      idField: 'id',
      file: 'src/domain/notes/note.ts',
      plain: true,
    });
    expect(type('labels')).not.toHaveProperty('idField');
    // The port's signatures name Note, not the types Note is made of.
    expect(domain.port.methods.find((m) => m.name === 'save')!.typeReferences).toEqual([
      { name: 'Note', file: 'src/domain/notes/note.ts' },
    ]);
  });

  it('takes the record a read-only port returns when it has an id', () => {
    const domain = read(
      {
        'src/domain/users/user.ts': 'export interface User {\n  userId: number;\n  name: string;\n}\n',
        'src/domain/users/user.repository.ts':
          "import type { User } from './user';\n\nexport interface UserRepository {\n  findAll(): Promise<User[]>;\n}\n",
      },
      'users',
    );
    expect(domain.aggregate).toMatchObject({ name: 'User', style: 'record', idField: 'userId' });
  });

  it('refuses a record with no id, naming the candidates and its fields', () => {
    const error = readError(
      {
        'src/domain/stats/stat.ts': 'export interface Stat {\n  day: string;\n  count: number;\n}\n',
        'src/domain/stats/stat.repository.ts':
          "import type { Stat } from './stat';\n\nexport interface StatRepository {\n  save(stat: Stat): Promise<void>;\n}\n",
      },
      'stats',
    );
    expect(error.message).toContain("aggregate Stat has no id: gen looked for a field, getter or getX() method named 'id', 'statId'");
    expect(error.location).toEqual({ file: 'src/domain/stats/stat.ts', line: 1 });
    expect(error.hint).toContain('fields found: day, count');
  });

  it('refuses a member it cannot store, naming it', () => {
    const error = readError(
      {
        ...USERS,
        'src/domain/users/user.ts': USERS['src/domain/users/user.ts'].replace('  tags: string[];', '  tags: string[];\n  manager: User;'),
      },
      'users',
    );
    expect(error.message).toBe("member 'manager' of User is of type 'User', which gen does not store");
    expect(error.location).toEqual({ file: 'src/domain/users/user.ts', line: 22 });
    expect(error.hint).toContain('`managerId: string`');
  });

  it('refuses a save that takes something else, saying what it takes; other writers taking fields are read (`updateUser(user: Partial<User>)`)', () => {
    const user = 'export interface User {\n  id: string;\n  name: string;\n}\n';
    const port = (writer: string) =>
      `import type { User } from './user';\n\nexport interface UserRepository {\n  findById(id: string): Promise<User | null>;\n  ${writer};\n}\n`;
    const error = readError(
      { 'src/domain/users/user.ts': user, 'src/domain/users/user.repository.ts': port('save(user: Partial<User>): Promise<User>') },
      'users',
    );
    expect(error.message).toBe(
      'UserRepository.save must take the aggregate root type (User) as its first parameter (it takes Partial<User>)',
    );
    expect(error.location).toEqual({ file: 'src/domain/users/user.repository.ts', line: 5 });
    expect(error.hint).toBe('Declare it as `save(user: User): Promise<void>`.');

    const domain = read(
      { 'src/domain/users/user.ts': user, 'src/domain/users/user.repository.ts': port('updateUser(user: Partial<User>): Promise<User>') },
      'users',
    );
    expect(domain.port.methods.map((m) => m.name)).toEqual(['findById', 'updateUser']);
  });

  it('finds the class aggregate of a feature when another module has a record of the same name with a port', () => {
    const domain = read(
      {
        'src/app/users/user.ts': 'export class User {\n  constructor(\n    readonly id: string,\n    public name: string,\n  ) {}\n}\n',
        'src/app/users/user.repository.ts':
          "import type { User } from './user';\n\nexport interface UserRepository {\n  save(user: User): Promise<void>;\n}\n",
        'src/app/auth/user.ts': 'export interface User {\n  id: string;\n  email: string;\n}\n',
        'src/app/auth/auth-user.repository.ts':
          "import type { User } from './user';\n\nexport interface AuthUserRepository {\n  findUser(id: string): Promise<User | null>;\n}\n",
      },
      'users',
    );
    expect(domain.aggregate).toMatchObject({ name: 'User', file: 'src/app/users/user.ts', style: 'constructor-properties' });
  });

  it('prefers a class the port names over a record beside it', () => {
    const domain = read(
      {
        'src/domain/users/user.ts':
          'export interface UserPrimitives {\n  id: string;\n  name: string;\n}\n\nexport class User {\n  constructor(\n    readonly id: string,\n    public name: string,\n  ) {}\n}\n',
        'src/domain/users/user.repository.ts':
          "import type { User, UserPrimitives } from './user';\n\nexport interface UserRepository {\n  save(user: User): Promise<void>;\n  findRaw(id: string): Promise<UserPrimitives | null>;\n}\n",
      },
      'users',
    );
    expect(domain.aggregate).toMatchObject({ name: 'User', style: 'constructor-properties' });
  });

  it("takes the record the port returns, not the DTO its only writer takes, and reads the DTO's members", () => {
    const domain = read(
      {
        'src/domain/todos/todo.ts': 'export interface Todo { id: string; title: string; done?: boolean }\n',
        'src/domain/todos/create-todo.dto.ts': 'export interface CreateTodoDto { title: string; done?: boolean }\n',
        'src/domain/todos/todo.repository.ts': `import type { Todo } from './todo';
import type { CreateTodoDto } from './create-todo.dto';

export interface TodoRepository {
  create(dto: CreateTodoDto): Promise<Todo>;
  findById(id: string): Promise<Todo | null>;
}
`,
      },
      'todos',
    );
    expect(domain.aggregate).toMatchObject({ name: 'Todo', style: 'record' });
    const create = domain.port.methods.find((m) => m.name === 'create')!;
    expect(create.parameters[0].members?.map((m) => [m.name, m.optional])).toEqual([
      ['title', false],
      ['done', true],
    ]);
  });
});
