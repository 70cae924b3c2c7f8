import { describe, expect, it } from 'vitest';
import { aliasResolutionWarning } from '../../src/config/alias-resolution.js';
import type { TestRunner } from '../../src/config/test-runner.js';

const VITEST: TestRunner = { name: 'vitest', module: 'vitest', command: 'npx vitest run', from: 'package.json (vitest)' };
const JEST: TestRunner = { name: 'jest', module: '@jest/globals', command: 'npx jest', from: 'package.json (jest)' };
const MOCHA: TestRunner = { name: 'mocha', module: 'mocha', command: 'npx mocha', from: '.mocharc.json' };
const ALIASES = [{ pattern: '@/*', targets: ['src/*'] }];

function files(configs: Record<string, string>, manifest: object = {}) {
  return {
    packageManifest: { text: JSON.stringify(manifest), fields: manifest as Record<string, unknown> },
    runnerConfigs: new Map(Object.entries(configs)),
  };
}

describe('path aliases the test runner must resolve (issue 19)', () => {
  it('names the vitest plugin to add when the vitest config maps no paths', () => {
    const warning = aliasResolutionWarning(
      VITEST,
      files({ 'vitest.config.ts': "export default defineConfig({ test: { include: ['tests/**'] } });" }),
      ALIASES,
    );
    expect(warning).toContain("tsconfig path alias '@/*', which vitest does not resolve by itself");
    expect(warning).toContain('add the vite-tsconfig-paths plugin to vitest.config.ts');
  });

  it('says nothing when vitest already resolves them: an alias, the plugin, or no alias used', () => {
    expect(aliasResolutionWarning(VITEST, files({ 'vitest.config.mts': "resolve: { alias: { '@': './src' } }" }), ALIASES)).toBeUndefined();
    expect(aliasResolutionWarning(VITEST, files({}, { devDependencies: { 'vite-tsconfig-paths': '^5.0.0' } }), ALIASES)).toBeUndefined();
    expect(aliasResolutionWarning(VITEST, files({}), [])).toBeUndefined();
  });

  it('gives jest the moduleNameMapper entry of each alias, unless its config has one', () => {
    const warning = aliasResolutionWarning(JEST, files({ 'jest.config.js': 'module.exports = { preset: "ts-jest" };' }), [
      ...ALIASES,
      { pattern: '@shared', targets: ['src/shared/index.ts'] },
    ]);
    expect(warning).toContain("moduleNameMapper: { '^@/(.*)$': '<rootDir>/src/$1', '^@shared$': '<rootDir>/src/shared/index.ts' }");
    expect(
      aliasResolutionWarning(
        JEST,
        files({ 'jest.config.js': "module.exports = { moduleNameMapper: { '^@/(.*)$': '<rootDir>/src/$1' } };" }),
        ALIASES,
      ),
    ).toBeUndefined();
    expect(aliasResolutionWarning(JEST, files({}, { jest: { moduleNameMapper: {} } }), ALIASES)).toBeUndefined();
  });

  it("writes the moduleNameMapper targets from jest's rootDir (Nest's rootDir: 'src'), not from the project's root", () => {
    const nest = files({}, { jest: { rootDir: 'src', testRegex: '.*\\.spec\\.ts$' } });
    const warning = aliasResolutionWarning(JEST, nest, [...ALIASES, { pattern: '@config/*', targets: ['config/*'] }]);
    expect(warning).toContain("moduleNameMapper: { '^@/(.*)$': '<rootDir>/$1', '^@config/(.*)$': '<rootDir>/../config/$1' }");
  });

  it('asks mocha under ts-node for tsconfig-paths; tsx resolves the aliases itself', () => {
    expect(aliasResolutionWarning(MOCHA, files({ '.mocharc.json': '{ "require": ["ts-node/register"] }' }), ALIASES)).toBe(
      `the project's code imports through the tsconfig path alias '@/*', which mocha's TypeScript loader does not resolve by itself, so the generated tests cannot load it: add "tsconfig-paths/register" to "require" in .mocharc.json`,
    );
    const registered = files({ '.mocharc.yml': 'require:\n  - ts-node/register\n  - tsconfig-paths/register\n' });
    expect(aliasResolutionWarning(MOCHA, registered, ALIASES)).toBeUndefined();
    expect(aliasResolutionWarning(MOCHA, files({ '.mocharc.json': '{ "require": "tsx/cjs" }' }), ALIASES)).toBeUndefined();
    expect(aliasResolutionWarning(MOCHA, files({}, { scripts: { test: 'mocha --import=tsx test/**/*.ts' } }), ALIASES)).toBeUndefined();
  });
});
