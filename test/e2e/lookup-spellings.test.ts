import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RESERVATIONS } from '../fixtures/lookup-spellings.js';
import { ProjectBatch, read } from '../support/projects.js';

const batch = new ProjectBatch();

describe('lookups as public projects spell them (issue 19)', () => {
  it('takes the id as a class read through toString(), and of/by/with<Field> as findBy<Field>; the suite passes', async () => {
    const dir = await batch.generate('reservations', RESERVATIONS, 'reservations');

    const repository = read(dir, 'src/infrastructure/reservations/persistence/repositories/reservation.repository.ts');
    expect(repository).toContain('const result = await this.orm.delete({ uuid: uuid.toString() });');
    expect(repository).toContain('return this.orm.exists({ where: { uuid: uuid.toString() } });');
    expect(repository).toContain("const models = await this.orm.find({ where: { email }, order: { uuid: 'ASC' }, take: 2 });");
    expect(repository).toContain("const models = await this.orm.find({ where: { kind }, order: { uuid: 'ASC' } });");
    expect(read(dir, 'src/infrastructure/reservations/persistence/in-memory/reservation.repository.ts')).toContain('uuid.toString()');
    // Every method is implemented: no stub left for the user.
    expect(existsSync(join(dir, 'src/infrastructure/reservations/persistence/repositories/reservation.repository.custom.ts'))).toBe(false);

    batch.typecheck();
    const suites = batch.runSuites();
    const suite = read(dir, 'tests/reservations/reservation.repository.test.ts');
    expect(suite).toContain('ReservationUUID.fromString(');
    expect(suite).toMatch(/it\('ofEmail/);
    expect(suites.get('reservations')!.passed).toBeGreaterThan(10);
  }, 600_000);
});
