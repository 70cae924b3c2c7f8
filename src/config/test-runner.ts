import { manifestFields, type PackageManifest } from './package-manifest.js';

/** The test runners the generated tests are written for. */
export type TestRunnerName = 'vitest' | 'jest';

/** What the generated tests import their API from, how they are run, and where gen learnt which runner it is. */
export interface TestRunner {
  name: TestRunnerName;
  /** The module `describe`, `it`, `expect` and the hooks come from. */
  module: 'vitest' | '@jest/globals';
  /** The command that runs one generated test file, for the plan: `npx vitest run`, `npx jest`. */
  command: string;
  from: string;
}

const JEST_PACKAGES = ['jest', 'ts-jest', '@swc/jest'];
const JEST_CONFIG = /^jest\.config\.(js|cjs|mjs|ts|cts|mts|json)$/;
const VITEST_CONFIG = /^vitest\.config\.(js|cjs|mjs|ts|cts|mts)$/;

const VITEST: Omit<TestRunner, 'from'> = { name: 'vitest', module: 'vitest', command: 'npx vitest run' };
const JEST: Omit<TestRunner, 'from'> = { name: 'jest', module: '@jest/globals', command: 'npx jest' };

/**
 * The project's test runner: jest when its package.json depends on jest (`jest`, `ts-jest`, `@swc/jest`) or has
 * a `jest` section, or a jest.config.* sits at its root, and nothing names vitest; vitest otherwise. `rootEntries`: the names in the project's root folder.
 */
export function testRunner(packageManifest: PackageManifest | undefined, rootEntries: readonly string[]): TestRunner {
  const manifest = manifestFields(packageManifest);
  const dependencies = ['dependencies', 'devDependencies'].flatMap((field) =>
    Object.keys((manifest[field] as Record<string, unknown> | undefined) ?? {}),
  );
  const files = rootEntries;
  const vitestConfig = files.find((file) => VITEST_CONFIG.test(file));
  if (dependencies.includes('vitest') || vitestConfig) return { ...VITEST, from: vitestConfig ?? 'package.json (vitest)' };
  const jestPackage = JEST_PACKAGES.find((name) => dependencies.includes(name));
  if (jestPackage) return { ...JEST, from: `package.json (${jestPackage})` };
  if (manifest['jest'] !== undefined) return { ...JEST, from: 'package.json (jest)' };
  const jestConfig = files.find((file) => JEST_CONFIG.test(file));
  if (jestConfig) return { ...JEST, from: jestConfig };
  return { ...VITEST, from: 'the default' };
}
