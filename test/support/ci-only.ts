/**
 * Test files a local `npm test` leaves to CI (GEN_TEST_FULL=1 runs them; .ci/run sets it), to keep the local loop
 * under 10 minutes on a 2-core machine (issue 21). Each checks gen in a setting beside the generation itself:
 * other toolchains, module systems and test runners, the packed and installed package, the benchmark, Nest.
 */
export const CI_ONLY_FILES = [
  'test/bench/smoke.test.ts',
  'test/e2e/toolchains.test.ts',
  'test/e2e/module-systems.test.ts',
  'test/e2e/jest.test.ts',
  'test/e2e/mocha.test.ts',
  'test/e2e/installed-package.test.ts',
  'test/e2e/nest.test.ts',
];
