import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // End-to-end tests run tsc and the generated suites of every example in child processes.
    testTimeout: 180_000,
    hookTimeout: 180_000,
  },
});
