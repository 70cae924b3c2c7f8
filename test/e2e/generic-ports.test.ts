import { describe, expect, it } from 'vitest';
import { TICKETS } from '../fixtures/generic-ports.js';
import { generateAndRun, read } from '../support/projects.js';

const INFRA = 'src/infrastructure/persistence';

describe('a port extending a generic base port, all but save written by hand (tickets)', () => {
  it('gets stubs with the base port real signatures, type arguments substituted, that type-check strict without unused names', async () => {
    const { dir } = await generateAndRun(TICKETS, 'tickets');

    const custom = read(dir, `${INFRA}/repositories/ticket.repository.custom.ts`);
    expect(custom).toContain('archive(_entity: Ticket, _reason: ArchiveReason): Promise<Report<Ticket>>');
    expect(custom).toContain('withLock<T>(_entity: Ticket, _work: (locked: Ticket, attempt: number) => Promise<T>): Promise<T>');
    expect(custom).toContain('page<K extends keyof Ticket>(');
    expect(custom).not.toContain('unknown');
    // Only save is generated: no model import in the in-memory class, no saveAll or samples list in the suite (noUnusedLocals).
    expect(read(dir, `${INFRA}/in-memory/ticket.repository.ts`)).not.toContain('TicketModel');
    expect(read(dir, 'tests/integration/infrastructure/ticket.repository.test.ts')).not.toMatch(/saveAll|let tickets/);
    expect(custom).toMatch(/import type \{ PageParams, Report \} from '[./]+\/libs\/ddd\/report';/);
  });
});
