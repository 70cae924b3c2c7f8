import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/config/project-config.js';
import { GenError } from '../../src/errors.js';
import type { DomainModel } from '../../src/model/domain-model.js';
import { loadProjectContext } from '../../src/project-context.js';
import { readDomain } from '../../src/read/domain-reader.js';
import { rehydrationCall } from '../../src/render/conversions.js';
import { patients } from '../fixtures/derived-fields.js';
import { writeProject } from '../support/projects.js';
import { thrown } from '../support/thrown.js';

function read(files: Record<string, string>): DomainModel {
  return readDomain(loadProjectContext(writeProject(files)), DEFAULT_CONFIG, 'patients');
}

function refusal(files: Record<string, string>): GenError {
  return thrown(() => read(files));
}

describe('a member the constructor computes from its parameters (issue 19)', () => {
  it.each([
    { shape: 'a fixed date', ageOn: 'new Date(2026, 0, 1)' },
    { shape: 'the value itself', ageOn: 'this.value' },
    { shape: 'a date built from the value', ageOn: 'new Date(value.getTime() + 0)' },
  ])('is not stored, and comes back through the constructor: age from $shape', ({ ageOn }) => {
    const { aggregate } = read(patients(ageOn));
    expect(aggregate.fields.map((f) => f.name)).toEqual(['id', 'name', 'ward', 'birthDate']);
    const birthDate = aggregate.fields.find((f) => f.name === 'birthDate')!;
    // BirthDate keeps one stored value, its date: `age` is not a column.
    expect(birthDate.type).toMatchObject({ kind: 'value-object', name: 'BirthDate', primitive: 'date', valueAccess: '.toDate()' });
    expect(rehydrationCall(aggregate.name, aggregate.rehydration, (f) => `r.${f}`)).toBe('new Patient(r.id, r.name, r.ward, r.birthDate)');
  });

  it.each([
    { shape: 'new Date()', ageOn: 'new Date()', read: 'new Date()' },
    { shape: 'Date.now()', ageOn: 'new Date(Date.now())', read: 'Date.now()' },
    { shape: 'Math.random()', ageOn: 'new Date(value.getTime() + Math.random())', read: 'Math.random()' },
  ])('is refused when computed from $shape, naming the member, its file:line and the decision', ({ ageOn, read }) => {
    const error = refusal(patients(ageOn));
    expect(error.message).toBe(
      `BirthDate.age is computed in its constructor from ${read} (line 5), not stored: rebuilding BirthDate through its constructor would compute it again, at another time, so not as it was`,
    );
    expect(error.location).toEqual({ file: 'src/domain/patients/birth-date.ts', line: 2 });
    expect(error.hint).toContain('Decide whether age is stored or computed when read');
  });

  it('is refused from the clock when it is read inside the method the constructor calls', () => {
    const files = patients('this.value');
    files['src/domain/patients/birth-date.ts'] = files['src/domain/patients/birth-date.ts'].replace(
      'let age = today.getFullYear()',
      'let age = new Date().getFullYear() + 0 * today.getFullYear()',
    );
    expect(refusal(files).message).toContain('BirthDate.age is computed in its constructor from new Date() (line 18)');
  });

  it.each([
    {
      shape: 'set again by a method',
      edit: (s: string) =>
        s
          .replace('private readonly age', 'private age')
          .replace('  public toDate', '  public grow(): void {\n    this.age = this.age + 1;\n  }\n\n  public toDate'),
    },
    {
      shape: 'set under a condition',
      edit: (s: string) =>
        s.replace(
          '    this.age = this.calculateAge(this.value);',
          '    if (value.getTime() > 0) {\n      this.age = this.calculateAge(this.value);\n    } else {\n      this.age = 0;\n    }',
        ),
    },
  ])('is stored data as before when $shape: rebuilt through the constructor, then written back', ({ edit }) => {
    const files = patients('this.value');
    files['src/domain/patients/birth-date.ts'] = edit(files['src/domain/patients/birth-date.ts']);
    const birthDate = read(files).aggregate.fields.find((f) => f.name === 'birthDate')!;
    expect(birthDate.type).toMatchObject({
      kind: 'composite',
      rehydration: {
        call: { kind: 'constructor' },
        arguments: [{ kind: 'field', field: 'value' }],
        written: [
          { field: 'age', member: 'age' },
          { field: 'value', member: 'value', taken: true },
        ],
      },
    });
  });
  it.each([
    {
      shape: 'from a member a method changes',
      edit: (s: string) =>
        s
          .replace('public readonly ward: number', 'public ward: number')
          .replace('  get label()', '  move(ward: number): void {\n    this.ward = ward;\n  }\n\n  get label()'),
    },
    {
      shape: 'public and writable',
      edit: (s: string) => s.replace('private readonly _label: string;', 'public _label: string;'),
    },
    {
      shape: 'an object that may change inside',
      edit: (s: string) =>
        s
          .replace('private readonly _label: string;', 'private readonly _label: { text: string };')
          .replace('this._label = `', 'this._label = { text: `')
          .replace('(ward ${ward})`;', '(ward ${ward})` };')
          .replace('return this._label;', 'return this._label.text;'),
    },
  ])('is state, never silently dropped, when computed $shape', ({ edit }) => {
    const files = patients('new Date(2026, 0, 1)');
    files['src/domain/patients/patient.ts'] = edit(files['src/domain/patients/patient.ts']);
    let fields: string[] = [];
    try {
      fields = read(files).aggregate.fields.map((f) => f.name);
    } catch (caught) {
      if (!(caught instanceof GenError)) throw caught;
      expect(caught.message).toMatch(/^cannot rebuild Patient|^Patient keeps state in the non-public field '_label'/);
      return;
    }
    expect(fields).toContain('label');
  });
});
