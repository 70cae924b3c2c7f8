import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/config/project-config.js';
import { mapFeature } from '../../src/map/map-feature.js';
import { loadProjectContext } from '../../src/project-context.js';
import { readDomain } from '../../src/read/domain-reader.js';
import { columnAssignments, fromColumns } from '../../src/render/conversions.js';
import { DAYJS, libraryDateMatches } from '../fixtures/library-dates.js';
import { writeProject } from '../support/projects.js';

describe("a library's date class in the persistence model (issue 19)", () => {
  const model = mapFeature(readDomain(loadProjectContext(writeProject(libraryDateMatches(DAYJS))), DEFAULT_CONFIG, 'matches'));
  const mapping = (name: string) => model.fields.find((f) => f.field.name === name)!;

  it('stores each Dayjs in a timestamp column, as a Date field is, NULL where it may be absent', () => {
    expect(model.table.columns.map((c) => [c.name, c.kind, c.nullable])).toEqual([
      ['id', 'string', false],
      ['title', 'string', false],
      ['starts_at', 'timestamp', false],
      ['kickoff_name', 'string', false],
      ['kickoff_at', 'timestamp', false],
      ['rounds', 'json', false],
      ['ends_at', 'timestamp', true],
      ['created_at', 'timestamp', false],
      ['updated_at', 'timestamp', false],
      ['deleted_at', 'timestamp', true],
      ['version', 'integer', false],
    ]);
  });

  it('converts through toDate() and back through dayjs(), keeping null and undefined apart', () => {
    expect(columnAssignments('match.startsAt', mapping('startsAt'))).toEqual([{ property: 'startsAt', value: 'match.startsAt.toDate()' }]);
    expect(columnAssignments('match.deletedAt', mapping('deletedAt'))[0].value).toBe('match.deletedAt?.toDate() ?? null');
    expect(fromColumns('model', mapping('startsAt'))).toBe('dayjs(model.startsAt)');
    expect(fromColumns('model', mapping('deletedAt'))).toBe('model.deletedAt === null ? null : dayjs(model.deletedAt)');
    expect(fromColumns('model', mapping('endsAt'))).toBe('model.endsAt === null ? undefined : dayjs(model.endsAt)');
    // Inside a value object, as its own column; inside a list of them, as ISO text in the JSON.
    expect(fromColumns('model', mapping('kickoff'))).toBe('new Round(model.kickoffName, dayjs(model.kickoffAt))');
    expect(fromColumns('model', mapping('rounds'))).toBe('model.rounds.map((item) => new Round(item.name, dayjs(new Date(item.at))))');
    expect(columnAssignments('match.rounds', mapping('rounds'))[0].value).toBe(
      'match.rounds.map((item) => ({ name: item.name, at: item.at.toDate().toISOString() }))',
    );
  });

  it('derives After, Between and IsNull queries on them, comparing the Dates the arguments convert to', () => {
    const kinds = Object.fromEntries(model.methods.map((m) => [m.method.name, m.kind]));
    expect(kinds).toMatchObject({ findByStartsAtAfter: 'derived', findByStartsAtBetween: 'derived', findByDeletedAtIsNull: 'derived' });
  });
});
