import { describe, expect, it } from 'vitest';
import { TODO_LISTS } from '../fixtures/collection-ports.js';
import { ProjectBatch, read } from '../support/projects.js';

// Both projects are type-checked by one tsc and their suites run by one vitest, in the last test.
const batch = new ProjectBatch();

describe('records kept by ports named as their collection (remix-hexagonal-architecture)', () => {
  it('generates Todo from `interface Todos` with no config: ofId is implemented as findById', async () => {
    const dir = await batch.generate('todo', TODO_LISTS, 'todo');

    const repository = read(dir, 'src/todo-list-manager/infrastructure/persistence/repositories/TypeOrmTodoRepository.ts');
    expect(repository).toContain('implements Todos');
    expect(repository).toContain("checkArgument('ofId', todoColumns, 'id', todoId);");
    // `ofTodoList(todoListId)` reads as no CRUD name: a stub for the user, created once.
    expect(read(dir, 'src/todo-list-manager/infrastructure/persistence/repositories/TypeOrmTodoRepositoryCustom.ts')).toContain(
      'not implemented: ofTodoList',
    );
  });

  it('generates TodoList from `interface TodoLists` beside it', async () => {
    const dir = await batch.generate('todo-list', TODO_LISTS, 'todo-list');

    expect(read(dir, 'src/todo-list-manager/infrastructure/persistence/repositories/TypeOrmTodoListRepository.ts')).toContain(
      'implements TodoLists',
    );
  });

  it('each type-checks under strict and passes its own generated suite', () => {
    batch.typecheck();
    const suites = batch.runSuites();
    expect(suites.get('todo')!.files).toContain('tests/todo/TodoRepository.test.ts');
    expect(suites.get('todo')!.passed).toBeGreaterThan(10);
    expect(suites.get('todo-list')!.files).toContain('tests/todo-list/TodoListRepository.test.ts');
  }, 600_000);
});
