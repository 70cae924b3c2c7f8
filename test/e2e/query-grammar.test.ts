import { expect, it } from 'vitest';
import { CATALOG_DOMAIN } from '../fixtures/query-grammar.js';
import { generateAndRun } from '../support/projects.js';

it('implements every keyword and modifier of the grammar the same way on SQLite and in memory', async () => {
  const output = await generateAndRun(CATALOG_DOMAIN, 'catalog');

  // One test per derived query (plus the empty-list variants), the CRUD tests and the schema test.
  expect(output).toMatch(/Tests\s+1[0-9]{2} passed/);
});
