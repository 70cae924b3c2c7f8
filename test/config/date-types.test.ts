import { describe, expect, it } from 'vitest';
import { parseProjectConfig } from '../../src/config/project-config.js';
import { thrown } from '../support/thrown.js';

const config = (dateTypes: unknown) => parseProjectConfig(JSON.stringify({ dateTypes }, null, 2));

describe('gen.config.json "dateTypes"', () => {
  it('reads each entry, toDate left to the class (toDate or toJSDate) and import defaulting to named', () => {
    expect(
      config([
        { module: 'chrono-lite', type: 'Instant', fromDate: 'Instant.fromDate' },
        { module: 'my-dates', type: 'Stamp', fromDate: 'stamp', toDate: 'asDate', import: 'default' },
      ]).dateTypes,
    ).toEqual([
      { module: 'chrono-lite', type: 'Instant', fromDate: 'Instant.fromDate', import: 'named' },
      { module: 'my-dates', type: 'Stamp', fromDate: 'stamp', toDate: 'asDate', import: 'default' },
    ]);
    expect(parseProjectConfig('{}').dateTypes).toEqual([]);
  });

  it.each([
    [{ module: 'm', type: 'T' }, "[0] needs 'fromDate', a non-empty string"],
    [{ type: 'T', fromDate: 'T.of' }, "[0] needs 'module', a non-empty string"],
    [{ module: 'm', type: 'T', fromDate: 'new T(date)' }, '[0].fromDate must name a function or a static method that takes a Date'],
    [{ module: 'm', type: 'a.T', fromDate: 'T.of' }, `[0].type must be the type's name`],
    [{ module: 'm', type: 'T', fromDate: 'T.of', import: 'namespace' }, '[0].import must be "named" or "default"'],
    [{ module: 'm', type: 'T', fromDate: 'T.of', toDate: 'toDate()' }, '[0].toDate must be the name of a method'],
    [{ module: 'm', type: 'T', fromDate: 'T.of', from: 'x' }, "[0] has an unknown key 'from'"],
    ['T', '[0] must be an object'],
    [{ module: 'm', type: 'T', fromDate: 'T.of', import: null }, '[0].import must be "named" or "default"'],
    [{ module: './src/dates', type: 'T', fromDate: 'T.of' }, "[0].module must be a package's name"],
  ])('refuses %j, at its line, with an example', (entry, message) => {
    const error = thrown(() => config([entry]));
    expect(error.message).toContain(`gen.config.json: 'dateTypes' ${message}`);
    expect(error.location).toEqual({ file: 'gen.config.json', line: 2 });
    expect(error.hint).toContain('"dateTypes": [{ "module"');
  });

  it('refuses a second entry for the same type of the same module', () => {
    const entry = { module: 'chrono-lite', type: 'Instant', fromDate: 'Instant.fromDate' };
    expect(thrown(() => config([entry, { ...entry, fromDate: 'Instant.of' }])).message).toBe(
      "gen.config.json: 'dateTypes' [1] repeats [0] (chrono-lite's Instant): keep one of them",
    );
  });

  it('refuses a value that is not a list', () => {
    expect(thrown(() => config({ Instant: 'Instant.fromDate' })).message).toBe("gen.config.json: 'dateTypes' must be a list of objects");
  });
});
