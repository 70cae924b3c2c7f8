import { describe, expect, it } from 'vitest';
import { emitted, featureModel, testCasesOf } from './method-fixture.js';

/** A record whose id the database assigns, updated from a `Partial<T>` (the id an optional member) and by id. */
function notes(fields: string): Record<string, string> {
  return {
    'src/domain/notes/note.ts': `export interface Note {\n  id?: number;\n  title: string;\n  body: string;\n${fields}}\n`,
    'src/domain/notes/note.repository.ts': `import type { Note } from './note';

export interface NoteRepository {
  save(note: Note): Promise<void>;
  findById(id: number): Promise<Note | null>;
  update(id: number, changes: Partial<Note>): Promise<Note | null>;
  updateNote(note: Partial<Note>): Promise<void>;
}
`,
  };
}

const plain = featureModel(notes(''), 'notes');
const versioned = featureModel(notes('  version: number;\n'), 'notes');

describe('updates from fields', () => {
  it('check an id given as an optional member once it is known to be there, in both repositories', () => {
    const { typeorm, memory } = emitted(plain, 'updateNote');
    const guard = "if (note.id === undefined) throw new Error('Note not found: no id given');";
    const check = "checkArgument('updateNote', noteColumns, 'id', note.id);";
    for (const body of [typeorm, memory]) {
      expect(body).toContain(check);
      expect(body.indexOf(check)).toBe(body.indexOf(guard) + 1);
    }
    const [invalid] = testCasesOf(plain, 'updateNote').filter((c) => c.errors?.includes('InvalidValueError'));
    expect(invalid?.lines.join('\n')).toContain('const updating = subject.repository.updateNote({ id: 0.5, title: notes[1].title });');
  });

  it('say in the plan that a merge without a version member is last-writer-wins per field', () => {
    expect(emitted(plain, 'update').row).toContain('the merge is last-writer-wins per field');
    expect(emitted(versioned, 'update').row).not.toContain('last-writer-wins');
  });

  it('compare a version member the changes carry with the stored one, and write the stored one plus one', () => {
    for (const name of ['update', 'updateNote']) {
      const { typeorm, memory, imports, row } = emitted(versioned, name);
      const given = name === 'update' ? 'changes.version' : 'note.version';
      const id = name === 'update' ? 'id' : 'note.id';
      const check = `if (${given} != null && ${given} !== current.version) throw new ConcurrencyError('Note', ${id}, ${given}, current.version);`;
      for (const body of [typeorm, memory]) {
        expect(body).toContain(check);
        expect(body.join('\n')).toContain('version: current.version + 1');
        expect(body.join('\n')).not.toContain(`version: (${given}`);
      }
      expect(imports.typeorm.persistenceErrors).toContain('ConcurrencyError');
      expect(imports.memory.persistenceErrors).toContain('ConcurrencyError');
      expect(row).toContain('a `version` given is compared with the stored one');
      const stale = testCasesOf(versioned, name).find((c) => c.errors?.includes('ConcurrencyError'));
      expect(stale?.lines.join('\n')).toContain('version: notes[0].version + 1');
    }
  });
});
