import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/config/project-config.js';
import { readDomain } from '../../src/read/domain-reader.js';
import { BANKING, GARAGE, LIBRARY, STAFF } from '../fixtures/domain-styles.js';
import { runGen, runTool, writeProject } from '../support/projects.js';

const VITEST_CONFIG = "import { defineConfig } from 'vitest/config';\nexport default defineConfig({ test: { include: ['tests/**/*.test.ts'] } });\n";

describe.each([
  { feature: 'garage', files: GARAGE, style: 'constructor-properties', fields: ['id:.id', 'condition:.condition', 'mileage:.getMileage()', 'electric:.isElectric()', 'owners:.getOwners()'] },
  { feature: 'library', files: LIBRARY, style: 'props-object', fields: ['id:.id', 'title:.title', 'author:.author', 'price:.price', 'format:.format', 'tags:.tags', 'discount:.discount', 'publishedAt:.publishedAt'] },
  { feature: 'banking', files: BANKING, style: 'private-fields', fields: ['id:.getId()', 'email:.getEmail()', 'balance:.getBalance()', 'closedAt:.getClosedAt()'] },
  { feature: 'staff', files: STAFF, style: 'constructor-properties', fields: ['id:.id', 'email:.email', 'salary:.salary'] },
])('an aggregate in the $style style ($feature)', ({ feature, files, style, fields }) => {
  it('is read with each stored field and how to read it, derived getters left out', () => {
    const { aggregate } = readDomain(writeProject(files), DEFAULT_CONFIG, feature);

    expect(aggregate.style).toBe(style);
    expect(aggregate.fields.map((f) => `${f.name}:${f.access}`)).toEqual(fields);
  });

  it('gets an infrastructure layer that type-checks under strict and passes its own round-trip and query tests', async () => {
    const dir = writeProject({ ...files, 'vitest.config.ts': VITEST_CONFIG });

    const run = await runGen(['infra', feature, '--cwd', dir, '--now', '2024-06-01T00:00:00Z']);
    expect(run.err.split('\n').filter((line) => line !== '' && !line.startsWith('gen: warning:'))).toEqual([]);
    expect(run.code).toBe(0);

    const tsc = runTool('tsc', ['-p', 'tsconfig.json', '--noEmit'], dir);
    expect(tsc.output).toBe('');

    const tests = runTool('vitest', ['run'], dir);
    expect(tests.status, tests.output).toBe(0);
    expect(tests.output).toMatch(/Tests\s+\d+ passed/);
  });
});
