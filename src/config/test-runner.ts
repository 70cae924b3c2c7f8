import { mochaConfigPaths } from './mocha-options.js';
import { manifestFields, type PackageManifest } from './package-manifest.js';

/** The test runners the generated tests are written for. */
export type TestRunnerName = 'vitest' | 'jest' | 'mocha';

/** What the generated tests import their API from, how they are run, and where gen learnt which runner it is. */
export interface TestRunner {
  name: TestRunnerName;
  /**
   * The module `describe`, `it`, `expect` and the hooks come from; `mocha` gives globals and no `expect`, so the
   * generated tests import them from a generated support module that maps them onto mocha and node:assert.
   */
  module: 'vitest' | '@jest/globals' | 'mocha';
  /** The command that runs one generated test file, for the plan: `npx vitest run`, `npx jest`, `npx mocha`. */
  command: string;
  from: string;
}

const JEST_PACKAGES = ['jest', 'ts-jest', '@swc/jest'];
const JEST_CONFIG = /^jest\.config\.(js|cjs|mjs|ts|cts|mts|json)$/;
const VITEST_CONFIG = /^vitest\.config\.(js|cjs|mjs|ts|cts|mts)$/;
/** The files mocha reads its options from at the project root, besides package.json's `mocha`. */
export const MOCHA_CONFIG = /^\.mocharc\.(js|cjs|mjs|json|jsonc|yml|yaml)$/;

const VITEST: Omit<TestRunner, 'from'> = { name: 'vitest', module: 'vitest', command: 'npx vitest run' };
const JEST: Omit<TestRunner, 'from'> = { name: 'jest', module: '@jest/globals', command: 'npx jest' };
const MOCHA: Omit<TestRunner, 'from'> = { name: 'mocha', module: 'mocha', command: 'npx mocha' };

/**
 * The project's test runner: jest when its package.json depends on jest (`jest`, `ts-jest`, `@swc/jest`) or has
 * a `jest` section, or a jest.config.* sits at its root, and nothing names vitest; else mocha when package.json depends
 * on mocha or has a `mocha` section, or a .mocharc.* sits at its root; vitest otherwise. `rootEntries`: the names in
 * the project's root folder.
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
  const mochaConfig = files.find((file) => MOCHA_CONFIG.test(file));
  // A config the test script names (`mocha --config tests/.mocharc.json`) and mocha would not find by itself.
  const namedConfig = mochaConfig ? undefined : mochaConfigPaths(packageManifest)[0];
  const mocha = namedConfig ? { ...MOCHA, command: `npx mocha --config ${namedConfig}` } : MOCHA;
  if (dependencies.includes('mocha') || manifest['mocha'] !== undefined) return { ...mocha, from: 'package.json (mocha)' };
  if (mochaConfig) return { ...mocha, from: mochaConfig };
  return { ...VITEST, from: 'the default' };
}
