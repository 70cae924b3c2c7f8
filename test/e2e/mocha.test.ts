import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ACADEMY_ON_MOCHA, COURSES_ON_MOCHA, MEMBERSHIP_ON_MOCHA, WALLETS_ON_MOCHA } from '../fixtures/mocha-projects.js';
import { generateAndRun, ROOT } from '../support/projects.js';

describe('projects tested with mocha', () => {
  it('CommonJS, tsx through .mocharc.json: tests named for its spec glob, on mocha and node:assert, passing under `npx mocha`', async () => {
    const { dir, output } = await generateAndRun(MEMBERSHIP_ON_MOCHA, 'membership');

    expect(output).not.toMatch(/failing|pending/);
    expect(output).toMatch(/\d{2} passing/);
    const test = readFileSync(join(dir, 'test/integration/infrastructure/user.repository.spec.ts'), 'utf8');
    expect(test).not.toMatch(/vitest|@jest/);
    expect(test).toContain("import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from './support/test-api';");
    expect(readFileSync(join(dir, 'test/integration/infrastructure/migrations.spec.ts'), 'utf8')).toContain("from './support/test-api';");
    expect(readFileSync(join(dir, 'documentation/plans/membership/003-infrastructure-layer.md'), 'utf8')).toContain(
      '`npx mocha test/integration/infrastructure/user.repository.spec.ts`',
    );
    // Teams that lint with typescript-eslint's recommendedTypeChecked need not exclude the support module either (issue 21).
    const lint = spawnSync(process.execPath, [join(ROOT, 'scripts/lint-generated.mjs'), dir], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 170_000,
    });
    expect(lint.stdout, 'file:line rule, one a line').toBe('');
    expect(lint.status).toBe(0);
  });

  it('an ES module under NodeNext, tsx through node-option in .mocharc.yml: .js specifiers, passing', async () => {
    const { dir, output } = await generateAndRun(COURSES_ON_MOCHA, 'courses');

    expect(output).not.toMatch(/failing/);
    // The hand-written query's it.todo, once per repository.
    expect(output).toContain('2 pending');
    expect(output).toContain('- findMostWatched is hand-written: test it in your own suite');
    expect(readFileSync(join(dir, 'tests/integration/infrastructure/CourseRepository.test.ts'), 'utf8')).toContain(
      "from './support/test-api.js';",
    );
  });

  it("CommonJS with path aliases, the spec in package.json's test script: .spec.ts files there, passing", async () => {
    const { dir, output } = await generateAndRun(WALLETS_ON_MOCHA, 'wallet');

    expect(output).not.toMatch(/failing|pending/);
    expect(output).toContain('migrations');
    expect(readFileSync(join(dir, 'tests/integration/infrastructure/migrations.spec.ts'), 'utf8')).toContain("from './support/test-api';");
  });

  it('a Criteria port with .spec.ts specs: the queries suite gets a .spec.ts name of its own, and passes', async () => {
    const { dir, output } = await generateAndRun(ACADEMY_ON_MOCHA, 'academy');

    expect(readFileSync(join(dir, 'tests/integration/infrastructure/course.repository.queries.spec.ts'), 'utf8')).toContain(
      "from './support/test-api';",
    );

    expect(output).not.toMatch(/failing/);
    expect(output).toContain('the TypeORM repository and the in-memory one agree');
  });
});
