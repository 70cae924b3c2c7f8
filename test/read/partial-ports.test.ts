import { describe, expect, it } from 'vitest';
import { readDomain } from '../../src/read/domain-reader.js';
import { loadProjectContext } from '../../src/project-context.js';
import { writeProject } from '../support/projects.js';
import { thrown } from '../support/thrown.js';

const TASK = 'export class Task {\n  constructor(readonly id: string, public title: string) {}\n}\n';

/** A feature `task` whose port is `port` (imports Task and a RepositoryBase from `base`). */
function project(port: string, base = BASE): string {
  return writeProject({
    'src/task/domain/task.ts': TASK,
    'src/task/domain/repository-base.ts': base,
    'src/task/domain/task-repository.ts': `import { RepositoryBase } from './repository-base';\nimport { Task } from './task';\n\n${port}`,
  });
}

function read(dir: string) {
  const context = loadProjectContext(dir);
  return readDomain(context, context.config, 'task');
}

const BASE = [
  'export abstract class RepositoryBase<A> {',
  '  protected abstract readonly repositoryName: string;',
  '  constructor(protected readonly log: (message: string) => void, readonly settings: { table: string; retries: number; strict: boolean }) {}',
  '  protected logged(aggregate: A): void {',
  '    this.log(`${this.repositoryName}: ${String(aggregate)}`);',
  '  }',
  '}',
  '',
].join('\n');

const PORT = [
  'export interface ITaskRepository {',
  '  getTask(id: string): Promise<Task>;',
  '  create(task: Task): Promise<Task>;',
  '}',
  '',
  'export abstract class TaskRepository extends RepositoryBase<Task> implements ITaskRepository {',
  "  readonly repositoryName = 'TaskRepository';",
  '  protected readonly mapper = { toText: (task: Task) => task.title };',
  '  abstract getTask(id: string): Promise<Task>;',
  '  abstract create(task: Task): Promise<Task>;',
  '  describe(task: Task): string {',
  '    return this.mapper.toText(task);',
  '  }',
  '}',
  '',
].join('\n');

describe('an abstract-class port that implements part of itself', () => {
  it('is extended: its concrete fields and helpers are inherited, its abstract methods read, its constructor sampled', () => {
    const domain = read(project(PORT));

    const extended = domain.port.ports.find((p) => p.partial);
    expect(extended?.name).toBe('TaskRepository');
    expect(domain.port.methods.map((m) => m.name).sort()).toEqual(['create', 'getTask']);
    expect(extended?.partial).toEqual({
      samples: ['() => undefined', "{ table: 'table', retries: 0, strict: false }"],
      abstractProperties: [],
      implemented: ['describe', 'logged', 'mapper', 'repositoryName'],
    });
  });

  it('leaves an abstract string property to the repositories, with its scope', () => {
    const domain = read(project(PORT.replace("  readonly repositoryName = 'TaskRepository';\n", '')));

    expect(domain.port.ports.find((p) => p.partial)?.partial?.abstractProperties).toEqual([
      { name: 'repositoryName', scope: 'protected', readonly: true },
    ]);
  });

  it('samples a constructor of its own, with a default or optional parameter left undefined', () => {
    const port = PORT.replace(
      '  abstract getTask',
      '  constructor(readonly prefix: string, readonly limit = 10, done?: () => Promise<void>) {\n    super(() => undefined, { table: prefix, retries: 0, strict: true });\n    void done;\n  }\n  abstract getTask',
    );

    expect(read(project(port)).port.ports.find((p) => p.partial)?.partial?.samples).toEqual(["'prefix'", 'undefined', 'undefined']);
  });

  it('refuses a constructor parameter it cannot build a value of, at the constructor, naming the choice', () => {
    const base = BASE.replace('readonly settings: { table: string; retries: number; strict: boolean }', 'readonly clock: Clock').concat(
      'export class Clock {\n  private now = 0;\n  tick(): number {\n    return ++this.now;\n  }\n}\n',
    );

    const error = thrown(() => read(project(PORT, base)));

    expect(error.message).toContain("port TaskRepository's constructor takes 'clock: Clock'");
    expect(error.location).toEqual({ file: 'src/task/domain/repository-base.ts', line: 3 });
    expect(error.hint).toContain("Give 'clock' a default value or make it optional");
  });

  it('samples an interface of void methods (a logger), and names the member it cannot build (a class) by its path', () => {
    const base = BASE.replace(
      'readonly settings: { table: string; retries: number; strict: boolean }',
      'readonly services: { logger: Logger; bus: Bus }',
    ).concat(
      'export interface Logger {\n  log(message: string): void;\n  warn: (message: string) => void;\n}\nexport class Bus {\n  private readonly sent: string[] = [];\n}\n',
    );

    const error = thrown(() => read(project(PORT, base)));
    expect(error.message).toContain("takes 'services: { logger: Logger; bus: Bus }' (its 'bus: Bus' is a class)");

    const sampled = read(project(PORT, base.replace('; bus: Bus }', ' }')));
    expect(sampled.port.ports.find((p) => p.partial)?.partial?.samples).toEqual([
      '() => undefined',
      '{ logger: { log: () => undefined, warn: () => undefined } }',
    ]);
  });

  it('refuses an abstract property that is no string, at its line, naming where its value belongs', () => {
    const base = BASE.replace(
      'protected abstract readonly repositoryName: string;',
      'protected abstract readonly repositoryName: string;\n  protected abstract readonly retries: number;',
    );

    const error = thrown(() => read(project(PORT, base)));

    expect(error.message).toContain("port TaskRepository leaves abstract property 'retries: number'");
    expect(error.location).toEqual({ file: 'src/task/domain/repository-base.ts', line: 3 });
    expect(error.hint).toContain('readonly retries = ...');
  });

  it('is implemented as before where every member is abstract (no base, no constructor)', () => {
    const port =
      'export abstract class TaskRepository {\n  abstract getTask(id: string): Promise<Task>;\n  abstract create(task: Task): Promise<Task>;\n}\n';

    const domain = read(project(port));

    expect(domain.port.ports.map((p) => p.partial)).toEqual([undefined]);
  });

  it.each([
    ['a generic base of abstract methods only', 'abstract class Repository<T> {\n  abstract save(item: T): Promise<void>;\n}\n'],
    [
      'a base with a static member and a constructor taking nothing',
      'abstract class Repository<T> {\n  static readonly kind = "repo";\n  protected constructor() {}\n  abstract save(item: T): Promise<void>;\n}\n',
    ],
  ])('is implemented as before when it extends %s', (_shape, base) => {
    const port = `${base}\nexport abstract class TaskRepository extends Repository<Task> {\n  abstract getTask(id: string): Promise<Task>;\n}\n`;

    const domain = read(project(port));

    expect(domain.port.ports.map((p) => p.partial)).toEqual([undefined]);
    expect(domain.port.methods.map((m) => m.name).sort()).toEqual(['getTask', 'save']);
  });

  it('refuses a protected constructor, which the repositories extending it cannot pass on, at the constructor', () => {
    const port =
      'export abstract class TaskRepository {\n  protected constructor(readonly name: string) {}\n  abstract getTask(id: string): Promise<Task>;\n}\n';

    const error = thrown(() => read(project(port)));

    expect(error.message).toBe(
      'port TaskRepository has a protected constructor, which the generated repositories that extend it cannot pass on',
    );
    expect(error.location).toEqual({ file: 'src/task/domain/task-repository.ts', line: 5 });
    expect(error.hint).toContain('Make the constructor public');
  });

  it('reads an abstract store() as a port method, not as a clash with the repositories own members', () => {
    const port =
      "export abstract class TaskRepository {\n  protected readonly label = 'tasks';\n  abstract store(task: Task): Promise<void>;\n  abstract getTask(id: string): Promise<Task>;\n}\n";

    const domain = read(project(port));

    expect(domain.port.ports.find((p) => p.partial)?.name).toBe('TaskRepository');
    expect(domain.port.methods.map((m) => m.name).sort()).toEqual(['getTask', 'store']);
  });

  it('leaves a method it implements itself to it, though the interface it implements declares it too', () => {
    const port = PORT.replace(
      '  create(task: Task): Promise<Task>;\n}',
      '  create(task: Task): Promise<Task>;\n  findById(id: string): Promise<Task | null>;\n}',
    ).replace(
      '  describe(task: Task): string {',
      '  async findById(id: string): Promise<Task | null> {\n    return this.getTask(id);\n  }\n  describe(task: Task): string {',
    );

    const domain = read(project(port));

    expect(port).toContain('findById(id: string): Promise<Task | null>;');
    expect(domain.port.methods.map((m) => m.name).sort()).toEqual(['create', 'getTask']);
    expect(domain.port.ports.find((p) => p.partial)?.partial?.implemented).toEqual([
      'describe',
      'findById',
      'logged',
      'mapper',
      'repositoryName',
    ]);
  });

  it('refuses two partial ports for one repository, which cannot extend both', () => {
    const second =
      'export abstract class TaskWriter {\n  protected readonly name = "w";\n  abstract create(task: Task): Promise<Task>;\n}\n';
    const dir = writeProject({
      'src/task/domain/task.ts': TASK,
      'src/task/domain/repository-base.ts': BASE,
      'src/task/domain/task-repository.ts': `import { RepositoryBase } from './repository-base';\nimport { Task } from './task';\n\n${PORT}`,
      'src/task/domain/task-writer.repository.ts': `import { Task } from './task';\n\n${second}`,
    });

    const error = thrown(() => read(dir));

    expect(error.message).toMatch(/ports (TaskRepository and TaskWriter|TaskWriter and TaskRepository) are abstract classes/);
  });
});
