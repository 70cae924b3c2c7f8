import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { jestConfigPath } from '../../src/config/jest-config.js';
import { testDiscovery } from '../../src/config/test-discovery.js';
import { placeTests, type ArtifactLayout } from '../../src/layout.js';
import { loadProjectContext } from '../../src/project-context.js';

function project(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'gen-jest-config-'));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return dir;
}

const withTestScript = (test: string) => JSON.stringify({ scripts: { test } });
const jestOf = (files: Record<string, string>) => testDiscovery(loadProjectContext(project(files)), 'jest');

describe('the jest config the test script names', () => {
  it.each([
    ['jest --config test/config/jest-unit.config.ts', 'test/config/jest-unit.config.ts'],
    ['jest -c ./test/jest.json --runInBand', 'test/jest.json'],
    ['cross-env TZ=UTC jest --config=config/jest.config.cjs', 'config/jest.config.cjs'],
    ['node --experimental-vm-modules node_modules/jest/bin/jest.js -c "jest/unit.mjs"', 'jest/unit.mjs'],
    ['tsc --noEmit && jest --config test/jest-e2e.json', 'test/jest-e2e.json'],
    [`jest --config '{"testRegex": "\\\\.spec\\\\.ts$"}'`, undefined],
    ['jest --coverage', undefined],
    ['vitest run --config vitest.unit.ts', undefined],
  ])('%s -> %s', (command, path) => {
    expect(jestConfigPath({ fields: { scripts: { test: command } } } as never)).toBe(path);
  });

  it("reads Nest's test/config/jest-unit.config.ts: rootDir '../..' from its own folder, testRegex from a spread base", () => {
    const finder = jestOf({
      'package.json': withTestScript('jest --config test/config/jest-unit.config.ts'),
      'test/config/jest-base.config.ts': [
        "import type { Config } from 'jest';",
        'export const baseConfig: Config = {',
        "  moduleFileExtensions: ['js', 'json', 'ts'],",
        "  testRegex: '.*\\\\.spec\\\\.ts$',",
        "  transform: { '^.+\\\\.(t|j)s$': 'ts-jest' },",
        '};',
        '',
      ].join('\n'),
      'test/config/jest-unit.config.ts': [
        "import type { Config } from 'jest';",
        "import { baseConfig } from './jest-base.config';",
        '',
        "const config: Config = { ...baseConfig, rootDir: '../..', roots: ['<rootDir>/src', '<rootDir>/test'] };",
        'export default config;',
        '',
      ].join('\n'),
      // jest never reads a root config when the script names one.
      'jest.config.js': "module.exports = { testMatch: ['<rootDir>/nowhere/**/*.ts'] };\n",
    });
    expect(finder.from).toBe('test/config/jest-unit.config.ts');
    expect(finder.rootDir).toBe('');
    expect(finder.warning).toBeUndefined();
    expect(finder.finds('test/users/user.repository.spec.ts')).toBe(true);
    expect(finder.finds('src/users/user.service.spec.ts')).toBe(true);
    expect(finder.finds('test/users/user.repository.test.ts')).toBe(false);
    expect(finder.finds('e2e/users.spec.ts')).toBe(false);
    const layout = {
      test: 'test/users/user.repository.test.ts',
      migrationsTest: 'test/infrastructure/migrations.test.ts',
      repository: 'src/users/infrastructure/user.repository.ts',
      migrationsDir: 'src/migrations',
    } as ArtifactLayout;
    expect(placeTests(layout, finder).layout).toMatchObject({
      test: 'test/users/user.repository.spec.ts',
      migrationsTest: 'test/infrastructure/migrations.spec.ts',
    });
  });

  it('takes the config file folder as rootDir when the config sets none (a .json named with -c)', () => {
    const finder = jestOf({
      'package.json': withTestScript('jest -c test/jest.json'),
      'test/jest.json': JSON.stringify({ testMatch: ['<rootDir>/**/*.test.ts'] }),
    });
    expect(finder.rootDir).toBe('test');
    expect(finder.finds('test/users/user.repository.test.ts')).toBe(true);
    expect(finder.finds('src/users/user.repository.test.ts')).toBe(false);
    expect(finder.entryFor('src/users', '.test.ts')).toBe(
      '"testMatch": ["<rootDir>/**/*.test.ts", "<rootDir>/src/users/**/*.test.ts"] (in test/jest.json)',
    );
  });

  it.each([
    [
      'config/jest.config.cjs',
      "const base = require('./jest.base.js');\nmodule.exports = { ...base, rootDir: '..' };\n",
      'config/jest.base.js',
      "module.exports = { testMatch: ['<rootDir>/tests/**/*.it.ts'] };\n",
    ],
    [
      'jest/unit.mjs',
      "import base from './base.config.mjs';\nexport default { ...base, rootDir: '../' };\n",
      'jest/base.config.mjs',
      "export default { testRegex: '/tests/.*\\\\.it\\\\.ts$' };\n",
    ],
  ])('reads %s, with rootDir and the spread base, by --config=', (config, text, base, baseText) => {
    const finder = jestOf({ 'package.json': withTestScript(`jest --config=${config}`), [config]: text, [base]: baseText });
    expect(finder.from).toBe(config);
    expect(finder.rootDir).toBe('');
    expect(finder.finds('tests/users/user.repository.it.ts')).toBe(true);
    expect(finder.finds('tests/users/user.repository.test.ts')).toBe(false);
  });

  it('lets the config override what it spreads in, and follows a root jest.config.ts spread too', () => {
    const finder = jestOf({
      'jest.config.ts': "import base from './jest.base';\nexport default { ...base, testRegex: '\\\\.spec\\\\.ts$' };\n",
      'jest.base.ts': "export default { rootDir: 'src', testRegex: '\\\\.unit\\\\.ts$' };\n",
    });
    expect(finder.rootDir).toBe('src');
    expect(finder.finds('src/a/b.spec.ts')).toBe(true);
    expect(finder.finds('src/a/b.unit.ts')).toBe(false);
    expect(finder.finds('test/a/b.spec.ts')).toBe(false);
  });

  it('says at which line it cannot read an option, and what to write', () => {
    const finder = jestOf({
      'package.json': withTestScript('jest --config test/config/jest-unit.config.ts'),
      'test/config/jest-unit.config.ts': [
        '/*',
        ' * Unit tests.',
        ' */',
        "import { SPEC } from './patterns';",
        'export default {',
        "  rootDir: '../..',",
        '  testRegex: SPEC,',
        '};',
        '',
      ].join('\n'),
    });
    expect(finder.warning).toBe(
      'test/config/jest-unit.config.ts:7: testRegex: gen cannot read this jest option as a literal, so it placed the generated tests by jest\'s default for it (test/config/jest-unit.config.ts, rootDir the project root); write the option as a literal string or array there, or add a literal "testMatch" naming the folder of the generated tests, so that gen places them where jest runs them',
    );
  });
});
