import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/config/project-config.js';
import { mapFeature } from '../../src/map/map-feature.js';
import type { RepositoryMethod } from '../../src/map/persistence-model.js';
import { readDomain } from '../../src/read/domain-reader.js';
import { loadProjectContext } from '../../src/project-context.js';
import { RESERVATIONS } from '../fixtures/lookup-spellings.js';
import { writeProject } from '../support/projects.js';

const PORT = 'src/domain/reservations/reservation.repository.ts';

/** The Reservation of the fixture, its port declaring `methods` after save. */
function mapped(methods: string): RepositoryMethod[] {
  const port = `import { Reservation } from './reservation';
import { ReservationUUID } from './reservation-uuid';

export interface ReservationRepository {
  save(reservation: Reservation): Promise<void>;
${methods}
}
`;
  const project = loadProjectContext(writeProject({ ...RESERVATIONS, [PORT]: port }));
  return mapFeature(readDomain(project, DEFAULT_CONFIG, 'reservations')).methods.slice(1);
}

function shape(method: RepositoryMethod): Record<string, unknown> {
  const { method: _, ...rest } = method;
  return rest.kind === 'derived'
    ? { kind: 'derived', result: rest.query.result, absent: rest.query.absent, where: rest.query.where }
    : rest;
}

const on = (field: string) => [[{ field, operator: 'equals', ignoreCase: false, parameters: [0] }]];

describe('an id taken as a class read through toString(), stored as a string (satusg reservations)', () => {
  it('reads delete, findById and exists taking a ReservationUUID as by id', () => {
    const methods = mapped(
      '  delete(uuid: ReservationUUID): Promise<void>;\n  findById(uuid: ReservationUUID): Promise<Reservation | null>;\n  exists(uuid: ReservationUUID): Promise<boolean>;',
    );
    expect(methods.map(shape)).toEqual([
      { kind: 'delete-by-id', argument: 'id' },
      { kind: 'find-by-id', absent: 'null' },
      { kind: 'exists-by-id' },
    ]);
  });

  it('takes it for the id only: a query on another string field refuses it', () => {
    expect(() => mapped('  findByEmail(email: ReservationUUID): Promise<Reservation[]>;')).toThrow(
      /parameter 'email' is 'ReservationUUID', but the condition on 'email' takes string/,
    );
  });
});

describe('of<Field>, by<Field>, with<Field> lookups', () => {
  it.each([
    ['ofEmail(email: string): Promise<Reservation | null>', { kind: 'derived', result: 'one', absent: 'null', where: on('email') }],
    [
      'ofEmail(email: string): Promise<Reservation | undefined>',
      { kind: 'derived', result: 'one', absent: 'undefined', where: on('email') },
    ],
    ['ofEmail(email: string): Promise<Reservation>', { kind: 'derived', result: 'one', absent: 'throw', where: on('email') }],
    ['byKind(kind: string): Promise<Reservation[]>', { kind: 'derived', result: 'many', absent: 'null', where: on('kind') }],
    ['withSeats(seats: number): Promise<Reservation[]>', { kind: 'derived', result: 'many', absent: 'null', where: on('seats') }],
    // Already a derived query: get…By<Field>.
    ['getByEmail(email: string): Promise<Reservation | null>', { kind: 'derived', result: 'one', absent: 'null', where: on('email') }],
  ])('reads %s as findBy<Field>', (signature, expected) => {
    expect(shape(mapped(`  ${signature};`)[0])).toEqual(expected);
  });

  it.each([
    // A value of another type than the field's: the user's, with why.
    ['ofEmail(email: number): Promise<Reservation | null>', "it reads as findByEmail, but parameter 'email' is 'number'"],
    // Names that read as no single field, or no lookup.
    ['ofCustomer(customer: string): Promise<Reservation | null>', undefined],
    ['withLock(): Promise<Reservation[]>', undefined],
    ['bySeatsAndKind(seats: number, kind: string): Promise<Reservation[]>', undefined],
    ['ofEmail(email: string): Promise<number>', undefined],
  ])('leaves %s to the user', (signature, reason) => {
    const [method] = mapped(`  ${signature};`);
    expect(method.kind).toBe('hand-written');
    if (reason) expect(method).toMatchObject({ reason: expect.stringContaining(reason) });
  });
});
