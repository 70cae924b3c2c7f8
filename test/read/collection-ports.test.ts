import { describe, expect, it } from 'vitest';
import { initialConfig } from '../../src/init-config.js';
import { readDomain } from '../../src/read/domain-reader.js';
import { locateFeature } from '../../src/read/feature-locator.js';
import { collectionOf, discoverPorts } from '../../src/read/port-discovery.js';
import { loadProjectContext } from '../../src/project-context.js';
import { TODO_LISTS } from '../fixtures/collection-ports.js';
import { writeProject } from '../support/projects.js';
import { thrown } from '../support/thrown.js';

describe('ports named as the collection of what they store', () => {
  it('reads the singulars a plural name may have (only one a method takes or returns counts), none of a singular name', () => {
    expect(collectionOf('Todos')).toEqual(['Todo']);
    expect(collectionOf('TodoLists')).toEqual(['TodoList']);
    expect(collectionOf('Categories')).toEqual(['Category', 'Categorie']);
    expect(collectionOf('Movies')).toEqual(['Movy', 'Movie']);
    expect(collectionOf('Addresses')).toEqual(['Address', 'Addresse']);
    expect(collectionOf('Status')).toEqual(['Statu']);
    expect(collectionOf('Address')).toEqual([]);
    expect(collectionOf('Todo')).toEqual([]);
  });

  it('finds Todos and TodoLists as the ports of their records, and no port in the persistence base class', () => {
    const ports = discoverPorts(loadProjectContext(writeProject(TODO_LISTS)));

    expect(ports.map((p) => [p.name, p.aggregate, `${p.file}:${p.line}`])).toEqual([
      ['TodoLists', 'TodoList', 'src/todo-list-manager/domain/TodoLists.ts:3'],
      ['Todos', 'Todo', 'src/todo-list-manager/domain/Todos.ts:4'],
    ]);
  });

  it('reads the port as a repository port: ofId is findById, save and remove as themselves, ofTodoList left to the user', () => {
    const project = loadProjectContext(writeProject(TODO_LISTS));

    const location = locateFeature(project, project.config, 'todo');
    const domain = readDomain(project, project.config, 'todo');

    expect(location).toMatchObject({ source: 'detected', paths: { domainDir: 'src/todo-list-manager/domain' } });
    expect(domain.aggregate.name).toBe('Todo');
    expect(domain.port.ports.map((p) => p.name)).toEqual(['Todos']);
    expect(domain.port.methods.map((m) => m.name).sort()).toEqual(['ofId', 'ofTodoList', 'remove', 'save']);
  });

  it('still finds a port in a domain folder that imports a persistence library, for the isolation check to name it', () => {
    const files = {
      ...TODO_LISTS,
      'src/todo-list-manager/domain/Todos.ts': `import type { SaveOptions } from 'typeorm';\n${TODO_LISTS['src/todo-list-manager/domain/Todos.ts']}`,
    };

    const ports = discoverPorts(loadProjectContext(writeProject(files)));

    expect(ports.map((p) => p.name)).toContain('Todos');
  });

  it.each(['src/core', 'src/application/ports', 'src/todo-list-manager/port'])(
    'also finds it in a domain-side folder other than domain/ (%s), hexagonal spellings of the core',
    (folder) => {
      const files = Object.fromEntries(
        Object.entries(TODO_LISTS).map(([path, text]) => [
          path.replace('src/todo-list-manager/domain', folder),
          path.endsWith('/Todos.ts') ? `import type { SaveOptions } from 'typeorm';\n${text}` : text,
        ]),
      );

      const ports = discoverPorts(loadProjectContext(writeProject(files)));

      expect(ports.map((p) => p.name)).toContain('Todos');
    },
  );

  it('takes the record a collection port is named for when it writes and reads several without an id', () => {
    const files = {
      'src/todos/domain/Todo.ts':
        'export type Todo = { code: string; title: string };\nexport type TodoSummary = { code: string; title: string };\n',
      'src/todos/domain/Todos.ts': `import type { Todo, TodoSummary } from './Todo';

export interface Todos {
  addSummary(summary: TodoSummary): Promise<void>;
  save(todo: Todo): Promise<void>;
  ofCode(code: string): Promise<Todo | undefined>;
  summaries(): Promise<TodoSummary[]>;
}
`,
    };

    const project = loadProjectContext(writeProject(files));

    expect(discoverPorts(project).map((p) => [p.name, p.aggregate])).toEqual([['Todos', 'Todo']]);
    expect(readDomain(project, project.config, 'todo').aggregate.name).toBe('Todo');
  });

  it('does not read a plural-named interface whose methods neither take nor return its singular', () => {
    const files = {
      ...TODO_LISTS,
      'src/todo-list-manager/domain/Tags.ts':
        "import type { Todo } from './Todo';\n\nexport interface Tags {\n  of(todo: Todo): string[];\n}\n",
      'src/todo-list-manager/domain/Tag.ts': 'export type Tag = { id: string; label: string };\n',
    };

    const ports = discoverPorts(loadProjectContext(writeProject(files)));

    expect(ports.map((p) => p.name)).toEqual(['TodoLists', 'Todos']);
  });

  it('does not read a plural-named interface that only acts on its singular (sends, charges) as a port', () => {
    const files = {
      ...TODO_LISTS,
      'src/todo-list-manager/domain/Notifications.ts':
        "import type { Notification } from './Notification';\n\nexport interface Notifications {\n  send(notification: Notification): Promise<void>;\n}\n",
      'src/todo-list-manager/domain/Notification.ts': 'export type Notification = { id: string; text: string };\n',
    };

    const ports = discoverPorts(loadProjectContext(writeProject(files)));

    expect(ports.map((p) => p.name)).toEqual(['TodoLists', 'Todos']);
  });

  it('gen init writes each record with a collection port as a feature, and not the persistence base class', () => {
    const config = initialConfig(writeProject(TODO_LISTS));

    expect(config.features).toEqual(['todo', 'todo-list']);
    expect(Object.keys((JSON.parse(config.content) as { features: object }).features)).toEqual(['todo', 'todo-list']);
  });

  it('names where it looked and the closest candidates with file:line when the feature is not found', () => {
    const files = {
      ...TODO_LISTS,
      'src/authentication/domain/Account.ts':
        "export type VerifiedAccount = { type: 'verified'; id: string; email: string };\nexport type UnverifiedAccount = { type: 'unverified'; id: string; email: string; token: string };\n",
      'src/authentication/domain/Accounts.ts':
        "import type { UnverifiedAccount, VerifiedAccount } from './Account';\n\nexport interface Accounts {\n  verifiedAccountOfEmail(email: string): Promise<VerifiedAccount>;\n  save(account: UnverifiedAccount | VerifiedAccount): Promise<void>;\n}\n",
    };
    const project = loadProjectContext(writeProject(files));

    const error = thrown(() => locateFeature(project, project.config, 'account'));

    expect(error.message).toContain('looked for src/domain/aggregates/account/');
    expect(error.message).toContain('ports found: TodoLists of TodoList; Todos of Todo');
    expect(error.message).toContain('closest candidates: Accounts (interface) at src/authentication/domain/Accounts.ts:3');
  });
});
