import { describe, expect, it } from 'vitest';
import { patients } from '../fixtures/derived-fields.js';
import { generateAndRun, read } from '../support/projects.js';

const INFRA = 'src/infrastructure/patients/persistence';

describe('members the constructor computes from its parameters (issue 19)', () => {
  it('stores neither BirthDate.age nor Patient.label, rebuilds both through the constructors; strict tsc and the suite pass', async () => {
    const { dir } = await generateAndRun(patients('new Date(2026, 0, 1)'), 'patients');

    const model = read(dir, `${INFRA}/models/patient.model.ts`);
    expect(model).toContain("name: 'birth_date'");
    expect(model).not.toMatch(/'age'|'label'/);
    const mapper = read(dir, `${INFRA}/mappers/patient.mapper.ts`);
    expect(mapper).toContain('new BirthDate(');
    expect(mapper).toContain('new Patient(');
  });
});
