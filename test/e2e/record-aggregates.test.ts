import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BOOKS, NOTES, USERS } from '../fixtures/record-aggregates.js';
import { ProjectBatch, read } from '../support/projects.js';

const batch = new ProjectBatch();

describe('aggregates typed as an interface or a type alias, found from their ports', () => {
  it('generates each with no config: mappers build object literals, the interface is imported as a type, and the suites pass', async () => {
    const users = await batch.generate('users', USERS, 'users');
    const notes = await batch.generate('notes', NOTES, 'notes');
    // Under verbatimModuleSyntax: every import of the interface is a type import.
    const books = await batch.generate('books', BOOKS, 'books');

    const mapper = read(users, 'src/infrastructure/users/persistence/mappers/user.mapper.ts');
    expect(mapper).toContain("import type { Role, User } from '../../../../domain/users/user';");
    expect(mapper).toContain('...(model.nickname === null ? {} : { nickname: model.nickname }),');
    expect(mapper).toContain('address: { street: model.addressStreet, city: model.addressCity },');
    expect(read(users, 'tests/users/user.repository.test.ts')).toContain("status: 'banned' as const,");
    // The list of a named record with an id is a child table; the anonymous objects are a JSON column.
    const folder = 'src/infrastructure/persistence/migrations';
    const migration = readdirSync(join(notes, folder))
      .map((file) => read(notes, `${folder}/${file}`))
      .join('\n');
    expect(migration).toContain("name: 'note_task_items'");
    expect(migration).toContain("name: 'labels'");

    expect(read(books, 'tests/books/book.repository.test.ts')).toContain("import { type Book, Genre } from '../../src/domain/books/book';");

    batch.typecheck();
    const suites = batch.runSuites();
    expect(suites.get('users')!.files).toEqual(['tests/migrations.test.ts', 'tests/users/user.repository.test.ts']);
    expect(suites.get('notes')!.passed).toBeGreaterThan(40);
    expect(suites.get('books')!.passed).toBeGreaterThan(40);
  });
});
