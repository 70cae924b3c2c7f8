import { describe, expect, it } from 'vitest';
import { libraryDateMatches, threeLibraryDates } from '../fixtures/library-dates.js';
import { generateAndRun, read } from '../support/projects.js';

const INFRA = 'src/infrastructure/matches/persistence';

describe("a library's date class as a timestamp column (issue 19: dayjs, as toky-back writes it)", () => {
  it('stores Dayjs fields as Date columns, rebuilds them with dayjs(), queries by them; strict tsc and the suite pass on SQLite', async () => {
    const { dir } = await generateAndRun(libraryDateMatches(), 'matches');

    const model = read(dir, `${INFRA}/models/match.model.ts`);
    expect(model).toMatch(/name: 'starts_at', type: Date/);
    expect(model).toMatch(/name: 'deleted_at', type: Date, nullable: true/);
    const mapper = read(dir, `${INFRA}/mappers/match.mapper.ts`);
    expect(mapper).toContain("import dayjs from 'dayjs';");
    expect(mapper).toContain('.toDate()');
    expect(mapper).toMatch(/dayjs\(\w+\.startsAt\)/);
    expect(mapper).toContain('new Round(item.name, dayjs(new Date(item.at)))');
    const repository = read(dir, `${INFRA}/repositories/match.repository.ts`);
    expect(repository).toContain("import type { Dayjs } from 'dayjs';");
    expect(repository).toContain('where: { startsAt: MoreThan(date.toDate()) }');
  });

  it("stores dayjs, luxon and moment dates in one aggregate (luxon's DateTime<true> included); strict tsc and the suite pass on SQLite", async () => {
    const { dir } = await generateAndRun(threeLibraryDates(), 'slots');
    const mapper = read(dir, 'src/infrastructure/slots/persistence/mappers/slot.mapper.ts');
    expect(mapper).toContain("import { DateTime } from 'luxon';");
    expect(mapper).toContain("import moment from 'moment';");
    expect(mapper).toContain('DateTime.fromJSDate(model.closesAt) as DateTime<true>');
  });
});
