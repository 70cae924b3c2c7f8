import { expect, it } from 'vitest';
import { ROOT, runTool } from './support/projects.js';

// gen's own type-check, as a test file: it runs beside the others instead of before all of them (npm test).
it('gen type-checks under its strict tsconfig', () => {
  const tsc = runTool('tsc', ['-p', 'tsconfig.json', '--noEmit'], ROOT);
  expect(tsc.output).toBe('');
  expect(tsc.status).toBe(0);
});
