import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/projects.js';

// Teams that lint with typescript-eslint's recommendedTypeChecked must not have to exclude gen's output (issue 21).
// One example here (catalog: child tables, the support code, noUncheckedIndexedAccess); `npm run lint` lints all nine.
describe('npm run lint:generated', () => {
  it('finds no error in the code gen generated in examples/catalog, under its own tsconfig', () => {
    const result = spawnSync(process.execPath, [join(ROOT, 'scripts/lint-generated.mjs'), join(ROOT, 'examples/catalog')], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 170_000,
    });

    expect(`${result.stdout}${result.stderr}`).toContain('examples/catalog: 0 error(s)');
    expect(result.stdout, 'file:line rule, one a line').toBe('');
    expect(result.status).toBe(0);
  }, 180_000);
});
