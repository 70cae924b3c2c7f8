import { describe, expect, it } from 'vitest';
import { ACCOUNTS, BADGES, MEMOS, SHELVES, TASKS } from '../fixtures/rebuild-shapes.js';
import { ProjectBatch, read } from '../support/projects.js';

describe('aggregates rebuilt through a mode flag', () => {
  const batch = new ProjectBatch();

  it('calls the constructor or factory in its restoring mode; the suites pass (a create-mode rebuild would hash the password again)', async () => {
    const accounts = await batch.generate('accounts', ACCOUNTS, 'accounts');
    const shelves = await batch.generate('shelves', SHELVES, 'shelves');
    const badges = await batch.generate('badges', BADGES, 'badges');

    expect(read(accounts, 'src/infrastructure/accounts/persistence/mappers/account.mapper.ts')).toContain("type: 'restore',");
    expect(read(shelves, 'src/infrastructure/shelves/persistence/mappers/shelf.mapper.ts')).toContain("mode: 'load',");
    expect(read(badges, 'src/infrastructure/badges/persistence/mappers/badge.mapper.ts')).toMatch(/Badge\.make\([^)]*, false\)/);

    batch.typecheck();
    const suites = batch.runSuites();
    for (const feature of ['accounts', 'shelves', 'badges']) expect(suites.get(feature)!.passed).toBeGreaterThan(10);
  });
});

describe('record aggregates spelled through Readonly', () => {
  const batch = new ProjectBatch();

  it('finds `type Task = Readonly<{ ... }>` and `Readonly<Props> & { ... }` by their own names; the code type-checks and the suites pass', async () => {
    const tasks = await batch.generate('tasks', TASKS, 'tasks');
    const memos = await batch.generate('memos', MEMOS, 'memos');

    expect(read(tasks, 'src/infrastructure/tasks/persistence/mappers/task.mapper.ts')).toContain(
      "import type { Task } from '../../../../domain/tasks/task';",
    );
    expect(read(memos, 'src/infrastructure/memos/persistence/mappers/memo.mapper.ts')).toContain(
      "import type { Memo } from '../../../../domain/memos/memo';",
    );

    batch.typecheck();
    const suites = batch.runSuites();
    expect(suites.get('tasks')!.passed).toBeGreaterThan(10);
    expect(suites.get('memos')!.passed).toBeGreaterThan(10);
  });
});
