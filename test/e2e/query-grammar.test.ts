import { expect, it } from 'vitest';
import { CATALOG_DOMAIN } from '../fixtures/query-grammar.js';
import { runGen, runTool, writeProject } from '../support/projects.js';

it('implements every keyword and modifier of the grammar the same way on SQLite and in memory', async () => {
  const dir = writeProject({
    ...CATALOG_DOMAIN,
    'vitest.config.ts': "import { defineConfig } from 'vitest/config';\nexport default defineConfig({ test: { include: ['tests/**/*.test.ts'] } });\n",
  });

  const run = await runGen(['infra', 'catalog', '--cwd', dir, '--now', '2024-06-01T00:00:00Z']);
  expect(run.err.split('\n').filter((line) => line !== '' && !line.startsWith('gen: warning:'))).toEqual([]);
  expect(run.code).toBe(0);

  const tsc = runTool('tsc', ['-p', 'tsconfig.json', '--noEmit'], dir);
  expect(tsc.output).toBe('');

  const tests = runTool('vitest', ['run'], dir);
  expect(tests.status, tests.output).toBe(0);
  // One test per derived query (plus the empty-list variants), the CRUD tests and the schema test.
  expect(tests.output).toMatch(/Tests\s+1[0-9]{2} passed/);
});
