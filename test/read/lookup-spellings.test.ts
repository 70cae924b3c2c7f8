import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/config/project-config.js';
import { readDomain } from '../../src/read/domain-reader.js';
import { loadProjectContext } from '../../src/project-context.js';
import { RESERVATIONS } from '../fixtures/lookup-spellings.js';
import { writeProject } from '../support/projects.js';

const UUID_FILE = 'src/domain/reservations/reservation-uuid.ts';

function parameterOf(files: Record<string, string>, method: string) {
  const domain = readDomain(loadProjectContext(writeProject(files)), DEFAULT_CONFIG, 'reservations');
  return domain.port.methods.find((m) => m.name === method)!.parameters[0].use.type;
}

describe('a port parameter gen cannot store, read as the text it gives', () => {
  it('reads ReservationUUID (bytes inside) as a string through toString(), built with fromString', () => {
    expect(parameterOf(RESERVATIONS, 'delete')).toMatchObject({
      kind: 'value-object',
      name: 'ReservationUUID',
      file: UUID_FILE,
      valueAccess: '.toString()',
      primitive: 'string',
      textual: true,
      rehydration: { call: { kind: 'static', method: 'fromString' }, arguments: [{ kind: 'field', field: 'value' }] },
      uuid: true,
    });
  });

  it('leaves it unknown with no toString(): string, or with nothing public named as a factory that takes one string', () => {
    const noText = RESERVATIONS[UUID_FILE].replace(/ {2}toString\(\): string \{[\s\S]*?\n {2}\}\n/, '');
    expect(noText).not.toContain('toString');
    expect(parameterOf({ ...RESERVATIONS, [UUID_FILE]: noText }, 'delete').kind).toBe('unknown');
    const parse = (file: string) => RESERVATIONS[file].replace(/fromString/g, 'parse');
    const files = {
      ...RESERVATIONS,
      [UUID_FILE]: parse(UUID_FILE),
      'src/domain/reservations/reservation.ts': parse('src/domain/reservations/reservation.ts'),
    };
    expect(parameterOf(files, 'delete').kind).toBe('unknown');
  });
});
