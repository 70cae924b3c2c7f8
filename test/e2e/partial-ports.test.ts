import { expect, it } from 'vitest';
import { generateAndRun, read } from '../support/projects.js';

// An abstract-class port that implements part of itself (franco4457/hexagonal-tasks): a base class with a constructor
// and an abstract name, concrete fields and a helper beside the abstract methods. Both repositories extend it, pass
// its constructor's arguments on, fill the abstract name and inherit the rest; the generated suite builds them with
// sample arguments and passes on SQLite and in memory, and the inherited helper works on what they load.
const FILES: Record<string, string> = {
  'src/task/domain/task.ts': [
    'export class Task {',
    '  constructor(',
    '    readonly id: string,',
    '    public title: string,',
    '    public done: boolean,',
    '  ) {}',
    '}',
    '',
  ].join('\n'),
  'src/task/domain/repository-base.ts': [
    'export interface RepositorySettings {',
    '  table: string;',
    '  retries: number;',
    '}',
    '',
    'export abstract class RepositoryBase<A> {',
    '  protected abstract readonly repositoryName: string;',
    '  constructor(',
    '    protected readonly log: (message: string) => void,',
    '    readonly settings: RepositorySettings,',
    '  ) {}',
    '  protected logged(aggregate: A): A {',
    '    this.log(`${this.repositoryName}: ${String(aggregate)}`);',
    '    return aggregate;',
    '  }',
    '  describe(): string {',
    '    return `${this.repositoryName} on ${this.settings.table}`;',
    '  }',
    '}',
    '',
  ].join('\n'),
  'src/task/domain/task-repository.ts': [
    "import { RepositoryBase, type RepositorySettings } from './repository-base';",
    "import { Task } from './task';",
    '',
    'export interface ITaskRepository {',
    '  getTask(id: string): Promise<Task>;',
    '  create(task: Task): Promise<Task>;',
    '}',
    '',
    'export abstract class TaskRepository extends RepositoryBase<Task> implements ITaskRepository {',
    "  readonly kind = 'tasks';",
    '  protected readonly mapper = { toText: (task: Task) => `${task.id}: ${task.title}` };',
    '  constructor(log: (message: string) => void, settings: RepositorySettings) {',
    '    super(log, settings);',
    '  }',
    '  abstract getTask(id: string): Promise<Task>;',
    '  abstract create(task: Task): Promise<Task>;',
    '  abstract findById(id: string): Promise<Task | null>;',
    '  abstract save(task: Task): Promise<void>;',
    '  abstract findByDone(done: boolean): Promise<Task[]>;',
    '  abstract delete(id: string): Promise<void>;',
    '  async titleOf(id: string): Promise<string | undefined> {',
    '    const task = await this.findById(id);',
    '    return task ? this.mapper.toText(task) : undefined;',
    '  }',
    '}',
    '',
  ].join('\n'),
  'tests/task/inherited.test.ts': [
    "import { DataSource } from 'typeorm';",
    "import { describe, expect, it } from 'vitest';",
    "import { Task } from '../../src/task/domain/task';",
    "import { TypeOrmTaskRepository } from '../../src/task/infrastructure/persistence/repositories/task.repository';",
    "import { InMemoryTaskRepository } from '../../src/task/infrastructure/persistence/in-memory/task.repository';",
    "import { entities, migrations } from '../../src/infrastructure/persistence';",
    '',
    "describe('the port’s own members', () => {",
    "  it('are inherited by both repositories, with the arguments passed on', async () => {",
    '    const messages: string[] = [];',
    "    const dataSource = new DataSource({ type: 'sqlite', database: ':memory:', entities, migrations, migrationsRun: true });",
    '    await dataSource.initialize();',
    '    for (const repository of [',
    "      new TypeOrmTaskRepository(dataSource, (m) => messages.push(m), { table: 'tasks', retries: 1 }),",
    "      new InMemoryTaskRepository((m) => messages.push(m), { table: 'memory', retries: 0 }),",
    '    ]) {',
    "      await repository.create(new Task('t1', 'Write', false));",
    "      expect(await repository.titleOf('t1')).toBe('t1: Write');",
    "      expect(await repository.titleOf('t2')).toBeUndefined();",
    "      expect(repository.kind).toBe('tasks');",
    '    }',
    "    expect(new InMemoryTaskRepository(() => undefined, { table: 'm', retries: 0 }).describe()).toBe('InMemoryTaskRepository on m');",
    "    expect(new TypeOrmTaskRepository(dataSource, () => undefined, { table: 't', retries: 0 }).describe()).toBe('TypeOrmTaskRepository on t');",
    '    await dataSource.destroy();',
    '  });',
    '});',
    '',
  ].join('\n'),
};

it('generates repositories that extend a partial abstract-class port: tsc and the generated suite pass', async () => {
  const { dir, output } = await generateAndRun(FILES, 'task');

  const typeorm = read(dir, 'src/task/infrastructure/persistence/repositories/task.repository.ts');
  expect(typeorm).toContain('export class TypeOrmTaskRepository extends TaskRepository implements ITaskRepository {');
  expect(typeorm).toContain("protected readonly repositoryName = 'TypeOrmTaskRepository';");
  expect(typeorm).toContain('constructor(dataSource: DataSource, ...portArguments: ConstructorParameters<typeof TaskRepository>) {');
  expect(typeorm).not.toContain('titleOf');
  const suite = read(dir, 'tests/task/task.repository.test.ts');
  expect(suite).toContain("new TypeOrmTaskRepository(dataSource, () => undefined, { table: 'table', retries: 0 })");
  expect(suite).toContain("new InMemoryTaskRepository(() => undefined, { table: 'table', retries: 0 })");
  expect(output).toMatch(/inherited\.test\.ts/);
});
