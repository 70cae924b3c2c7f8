import { GenError, formatError } from '../errors.js';

/**
 * Runs every toolchain check (TypeScript, tsconfig, jest versions) and stops once with all that fail: a project that
 * needs two upgrades hears of both in one run, before gen reads its domain (whose refusals come after).
 */
export function checkToolchain(checks: readonly (() => void)[]): void {
  const failed: GenError[] = [];
  for (const check of checks) {
    try {
      check();
    } catch (error) {
      if (!(error instanceof GenError)) throw error;
      failed.push(error);
    }
  }
  if (failed.length === 0) return;
  if (failed.length === 1) throw failed[0];
  throw new GenError(
    `the project's toolchain cannot compile or run the generated code (${failed.length} problems):\n${failed
      .map((e) => `  - ${formatError(e).replace(/\n/g, '\n  ')}`)
      .join('\n')}`,
    undefined,
    'Fix each of them (the upgrades can go in one install command), then run gen again.',
  );
}
