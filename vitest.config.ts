import { availableParallelism } from 'node:os';
import { configDefaults, defineConfig } from 'vitest/config';
import { CI_ONLY_FILES } from './test/support/ci-only.js';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The slowest end-to-end files, whose checks are about toolchains and packaging rather than what gen generates,
    // run in CI only (GEN_TEST_FULL=1, which .ci/run sets): test/support/ci-only.ts.
    exclude: process.env['GEN_TEST_FULL'] === '1' ? configDefaults.exclude : [...configDefaults.exclude, ...CI_ONLY_FILES],
    // Says once which database servers the generated suites will skip.
    globalSetup: ['test/support/global-setup.ts'],
    // GEN_TEST_CPU_LOG=<file> logs each test file's CPU and wall time there.
    setupFiles: ['test/support/cpu-time.ts'],
    // One test file per core. Vitest's default leaves one core free, which on a 2-core machine runs the files one
    // by one; most of an end-to-end test's time is spent waiting for tsc or a generated suite in a child process.
    maxWorkers: availableParallelism(),
    // Test files in a worker share its modules (ts-morph, TypeScript, prettier are loaded once, not once per file, and
    // gen's reads share their parsed node_modules declarations: src/read/shared-declarations.ts). No test mocks a
    // module or changes the process's globals, so files cannot see one another; this halves the unit tests' CPU time.
    isolate: false,
    // End-to-end tests run tsc and the generated suites of every example in child processes.
    testTimeout: 180_000,
    hookTimeout: 180_000,
  },
});
