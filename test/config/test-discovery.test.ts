import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { testDiscovery } from '../../src/config/test-discovery.js';
import { compiledFiles } from '../../src/generate.js';
import { placeTests, rootDirWarning, type ArtifactLayout } from '../../src/layout.js';
import { loadProjectContext } from '../../src/project-context.js';
import { readTsconfig } from '../../src/read/tsconfig-reader.js';

function project(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'gen-discovery-'));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return dir;
}

const NEST_JEST = { rootDir: 'src', testRegex: '.*\\.spec\\.ts$', transform: { '^.+\\.(t|j)s$': 'ts-jest' } };

describe('which test files the project runner picks up', () => {
  it("reads Nest's jest section: only .spec.ts files under src", () => {
    const finder = testDiscovery(loadProjectContext(project({ 'package.json': JSON.stringify({ jest: NEST_JEST }) })), 'jest');
    expect(finder.finds('src/billing/invoice.spec.ts')).toBe(true);
    expect(finder.finds('src/billing/invoice.test.ts')).toBe(false);
    expect(finder.finds('tests/billing/invoice.spec.ts')).toBe(false);
    expect(finder.from).toBe('package.json (jest)');
  });

  it('reads the literals of a jest.config.js: roots, testMatch with <rootDir>', () => {
    const finder = testDiscovery(
      loadProjectContext(
        project({
          'jest.config.js':
            "module.exports = { preset: 'ts-jest', roots: ['<rootDir>/tests'], testMatch: ['<rootDir>/tests/**/*.test.ts'] };\n",
        }),
      ),
      'jest',
    );
    expect(finder.finds('tests/integration/order.repository.test.ts')).toBe(true);
    expect(finder.finds('src/order.test.ts')).toBe(false);
    expect(finder.finds('tests/order.spec.ts')).toBe(false);
  });

  it('reads a testRegex written as a regular expression literal, and keeps jest defaults otherwise', () => {
    const regex = testDiscovery(
      loadProjectContext(project({ 'jest.config.ts': 'export default { testRegex: /\\.jest\\.test\\.ts$/ };\n' })),
      'jest',
    );
    expect(regex.finds('tests/a.jest.test.ts')).toBe(true);
    expect(regex.finds('tests/a.test.ts')).toBe(false);
    const defaults = testDiscovery(loadProjectContext(project({})), 'jest');
    expect(defaults.finds('tests/a.test.ts')).toBe(true);
    expect(defaults.finds('src/__tests__/a.ts')).toBe(true);
    expect(defaults.finds('src/a.ts')).toBe(false);
  });

  it('skips the options `jest --init` leaves commented out (`// testRegex: [],` would match no file)', () => {
    const finder = testDiscovery(
      loadProjectContext(
        project({
          'jest.config.ts': [
            '/* options: https://jestjs.io/docs/configuration */',
            'export default {',
            "  transform: { '^.+.(t|j)sx?$': ['@swc/jest'] },",
            '  rootDir: "./src",',
            '  // roots: [',
            '  //   "<rootDir>"',
            '  // ],',
            '  // testMatch: [',
            '  //   "**/__tests__/**/*.[jt]s?(x)",',
            '  // ],',
            '  // testRegex: [],',
            '  /* testPathIgnorePatterns: ["/src/"], */',
            '};',
            '',
          ].join('\n'),
        }),
      ),
      'jest',
    );
    expect(finder.rootDir).toBe('src');
    expect(finder.finds('src/infrastructure/order.repository.test.ts')).toBe(true);
    expect(finder.finds('tests/order.repository.test.ts')).toBe(false);
  });

  it("reads vitest's include, or its default", () => {
    const included = testDiscovery(
      loadProjectContext(project({ 'vitest.config.ts': "export default defineConfig({ test: { include: ['tests/**/*.test.ts'] } });\n" })),
      'vitest',
    );
    expect(included.finds('tests/integration/a.test.ts')).toBe(true);
    expect(included.finds('src/a.test.ts')).toBe(false);
    const defaults = testDiscovery(loadProjectContext(project({})), 'vitest');
    expect(defaults.finds('src/a.spec.ts')).toBe(true);
    expect(defaults.finds('src/a.ts')).toBe(false);
  });

  it('reads an include whose glob holds commas or brackets as one glob, not as several', () => {
    const finder = testDiscovery(
      loadProjectContext(
        project({
          'vitest.config.ts': `export default defineConfig({
  test: { globals: true, include: ["src/**/*.test.{js,ts,jsx,tsx}", 'spec/**/*.[jt]s',] },
});
`,
        }),
      ),
      'vitest',
    );
    expect(finder.finds('src/domain/post/post.test.ts')).toBe(true);
    expect(finder.finds('spec/post.js')).toBe(true);
    // vitest's default include would run these; this config does not
    expect(finder.finds('tests/post/post.repository.test.ts')).toBe(false);
    expect(finder.finds('spec/post.tsx')).toBe(false);
  });

  it("reads vitest's exclude beside its include, and never coverage's include or exclude", () => {
    const finder = testDiscovery(
      loadProjectContext(
        project({
          'vitest.config.ts': `export default defineConfig({
  test: {
    coverage: { include: ['**/*.service.ts'], exclude: ['**/*.e2e-spec.ts'] },
    include: ['**/*.spec.ts'],
    exclude: ['**/node_modules/**', 'test/**'],
  },
});
`,
        }),
      ),
      'vitest',
    );
    expect(finder.finds('test/user/user.repository.spec.ts')).toBe(false);
    expect(finder.finds('tests/user/user.repository.spec.ts')).toBe(true);
    expect(finder.finds('src/user/user.service.spec.ts')).toBe(true);
  });

  it("reads each inline project's include of a vitest workspace or projects list, never the root's", () => {
    // The shape of a Hono service's vitest.config.ts: two inline projects, each with its own include.
    const workspace = testDiscovery(
      loadProjectContext(
        project({
          'vitest.config.ts': `export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    workspace: [
      { test: { include: ["app/api/**/*.test.ts"], name: "api", environment: "node" } },
      { test: { include: ["app/domain/repositories/**/*.test.ts"], name: "repository", hookTimeout: 70000 } },
    ],
  },
});
`,
        }),
      ),
      'vitest',
    );
    expect(workspace.finds('app/api/root.route.test.ts')).toBe(true);
    expect(workspace.finds('app/domain/repositories/user.test.ts')).toBe(true);
    expect(workspace.finds('tests/user/UserRepository.test.ts')).toBe(false);
    expect(workspace.entryFor('tests', '.test.ts')).toBe(
      "a project { test: { name: 'infrastructure', include: ['tests/**/*.test.ts'] } } to test.workspace (in vitest.config.ts)",
    );
    // A project without an include, or one named by its folder, runs vitest's default include.
    const projects = testDiscovery(
      loadProjectContext(
        project({
          'vitest.config.mts': "export default defineConfig({ test: { projects: ['packages/*', { test: { name: 'unit' } }] } });\n",
        }),
      ),
      'vitest',
    );
    expect(projects.finds('tests/user/UserRepository.test.ts')).toBe(true);
  });

  it("reads jest's testPathIgnorePatterns, with <rootDir>", () => {
    const finder = testDiscovery(
      loadProjectContext(
        project({ 'package.json': JSON.stringify({ jest: { testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/'] } }) }),
      ),
      'jest',
    );
    expect(finder.finds('test/user.repository.test.ts')).toBe(false);
    expect(finder.finds('tests/user.repository.test.ts')).toBe(true);
  });
});

describe('which test files mocha picks up', () => {
  // A mocha project with mocha's types, as TypeScript ones have: the package.json given, with @types/mocha added.
  const withTypes = (files: Record<string, string>) => {
    const manifest = JSON.parse(files['package.json'] ?? '{}') as { devDependencies?: Record<string, string> };
    const devDependencies = { ...manifest.devDependencies, '@types/mocha': '^10.0.10' };
    return { ...files, 'package.json': JSON.stringify({ ...manifest, devDependencies }) };
  };
  const finder = (files: Record<string, string>) => testDiscovery(loadProjectContext(project(withTypes(files))), 'mocha');

  it('reads spec globs and folders from .mocharc.json, .mocharc.yml, .mocharc.js and package.json', () => {
    const json = finder({ '.mocharc.json': JSON.stringify({ require: 'ts-node/register', spec: 'src/**/*.spec.ts' }) });
    expect(json.finds('src/billing/invoice.spec.ts')).toBe(true);
    expect(json.finds('src/billing/invoice.test.ts')).toBe(false);
    expect(json.finds('test/invoice.spec.ts')).toBe(false);
    expect(json.from).toBe('.mocharc.json');

    const yaml = finder({ '.mocharc.yml': "require:\n  - ts-node/register\nspec:\n  - 'test/**/*.test.ts'\n  - test/unit/*.ts # unit\n" });
    expect(yaml.finds('test/integration/a.test.ts')).toBe(true);
    expect(yaml.finds('test/unit/a.ts')).toBe(true);
    expect(yaml.finds('test/integration/a.ts')).toBe(false);

    const js = finder({
      '.mocharc.js': "module.exports = { 'node-option': ['import=tsx'], spec: ['tests/**/*.spec.ts'], timeout: 5000 };\n",
    });
    expect(js.finds('tests/a/b.spec.ts')).toBe(true);
    expect(js.warning).toBeUndefined();

    const manifest = finder({ 'package.json': JSON.stringify({ mocha: { require: ['tsx/cjs'], spec: ['test/**/*.ts'] } }) });
    expect(manifest.finds('test/a/b.test.ts')).toBe(true);
    expect(manifest.from).toBe('package.json (mocha)');
  });

  it("reads the spec, extension and require of the mocha command in package.json's scripts, with a .mocharc's", () => {
    const scripted = finder({
      'package.json': JSON.stringify({
        scripts: { test: "cross-env NODE_ENV=test mocha -r ts-node/register --timeout 10000 'src/**/*.spec.ts' --exit" },
      }),
      '.mocharc.json': JSON.stringify({ spec: 'test/unit/**/*.spec.ts' }),
    });
    expect(scripted.finds('src/a/b.spec.ts')).toBe(true);
    expect(scripted.finds('test/unit/b.spec.ts')).toBe(true);
    expect(scripted.finds('10000')).toBe(false);
    expect(scripted.warning).toBeUndefined();
    expect(scripted.from).toBe('.mocharc.json, package.json (scripts.test)');
  });

  it('reads the config file a script names with --config, wherever it is', () => {
    const named = finder({
      'package.json': JSON.stringify({ scripts: { test: 'mocha --config ./tests/.mocharc.json ${MOCHA_ARGS}' } }),
      'tests/.mocharc.json': JSON.stringify({ require: ['ts-node/register', 'tsconfig-paths/register'], spec: ['./tests/**/*.spec.ts'] }),
    });
    expect(named.finds('tests/contexts/user/user.repository.spec.ts')).toBe(true);
    expect(named.finds('tests/contexts/user/user.repository.test.ts')).toBe(false);
    expect(named.warning).toBeUndefined();
    expect(named.from).toBe('tests/.mocharc.json, package.json (scripts.test)');
    expect(named.entryFor('test', '.test.ts')).toBe('"spec": ["./tests/**/*.spec.ts", "test/**/*.test.ts"] (in tests/.mocharc.json)');
  });

  it("finds a spec folder's files with its extensions, deeper only with recursive; ./test by default", () => {
    const folder = finder({ '.mocharc.json': JSON.stringify({ require: 'tsx/cjs', spec: './tests', extension: ['ts'] }) });
    expect(folder.finds('tests/a.ts')).toBe(true);
    expect(folder.finds('tests/integration/a.ts')).toBe(false);
    expect(folder.finds('tests/a.js')).toBe(false);
    const recursive = finder({ '.mocharc.json': JSON.stringify({ require: 'tsx/cjs', spec: 'tests', extension: 'ts', recursive: true }) });
    expect(recursive.finds('tests/integration/a.ts')).toBe(true);
    const defaults = finder({ 'package.json': JSON.stringify({ devDependencies: { mocha: '^11' } }) });
    expect(defaults.finds('test/a.js')).toBe(true);
    expect(defaults.finds('test/a.ts')).toBe(false);
    expect(defaults.from).toBe("mocha's defaults");
  });

  it('names the spec entry to add, and warns when mocha loads no TypeScript', () => {
    const plain = finder({ '.mocharc.json': JSON.stringify({ spec: 'dist/test/**/*.js' }) });
    expect(plain.entryFor('test/integration', '.test.ts')).toBe(
      '"spec": ["dist/test/**/*.js", "test/integration/**/*.test.ts"] (in .mocharc.json)',
    );
    expect(plain.warning).toBe(
      'mocha, as .mocharc.json runs it, loads no TypeScript compiler, so it cannot run the generated .ts tests: add `"require": ["tsx/cjs"]` (CommonJS), `"node-option": ["import=tsx"]` (ES modules) or `"require": ["ts-node/register"]` to .mocharc.json',
    );
    expect(finder({ '.mocharc.cjs': "module.exports = { require: 'ts-node/register' };\n" }).warning).toBeUndefined();
    expect(finder({ 'package.json': JSON.stringify({ scripts: { test: 'ts-mocha test/**/*.ts' } }) }).warning).toBeUndefined();
    const untyped = testDiscovery(loadProjectContext(project({ '.mocharc.json': JSON.stringify({ require: 'tsx/cjs' }) })), 'mocha');
    expect(untyped.warning).toBe(
      "package.json does not list @types/mocha, which the generated tests' support module (test-api.ts) type-checks against: add it to devDependencies",
    );
  });
});

describe('placeTests', () => {
  const layout = {
    test: 'tests/integration/infrastructure/invoice.repository.test.ts',
    migrationsTest: 'tests/integration/infrastructure/migrations.test.ts',
    repository: 'src/billing/infrastructure/persistence/repositories/invoice.repository.ts',
    migrationsDir: 'src/infrastructure/persistence/migrations',
  } as ArtifactLayout;

  it('keeps the layout where the runner finds it, renames to .spec.ts, or moves the tests beside the code under a rootDir', () => {
    expect(placeTests(layout, testDiscovery(loadProjectContext(project({})), 'vitest'))).toEqual({ layout });
    const specOnly = testDiscovery(
      loadProjectContext(project({ 'package.json': JSON.stringify({ jest: { testRegex: '.*\\.spec\\.ts$' } }) })),
      'jest',
    );
    expect(placeTests(layout, specOnly).layout).toMatchObject({
      test: 'tests/integration/infrastructure/invoice.repository.spec.ts',
      migrationsTest: 'tests/integration/infrastructure/migrations.spec.ts',
    });
    const nest = testDiscovery(loadProjectContext(project({ 'package.json': JSON.stringify({ jest: NEST_JEST }) })), 'jest');
    expect(placeTests(layout, nest)).toEqual({
      layout: {
        ...layout,
        test: 'src/billing/infrastructure/persistence/repositories/invoice.repository.spec.ts',
        migrationsTest: 'src/infrastructure/persistence/migrations.spec.ts',
      },
    });
  });

  it("moves the tests' support files beside them when the tests land under the tsconfig rootDir and the support would not", () => {
    const withSupport = {
      ...layout,
      testDatabase: 'tests/integration/infrastructure/support/test-database.ts',
      testApi: 'tests/integration/infrastructure/support/test-api.ts',
    };
    const nest = testDiscovery(loadProjectContext(project({ 'package.json': JSON.stringify({ jest: NEST_JEST }) })), 'jest');
    expect(placeTests(withSupport, nest, 'src').layout).toMatchObject({
      migrationsTest: 'src/infrastructure/persistence/migrations.spec.ts',
      testDatabase: 'src/infrastructure/persistence/test-support/test-database.ts',
      testApi: 'src/infrastructure/persistence/test-support/test-api.ts',
    });
    // No rootDir, or tests that stay outside it: the support stays where the layout says.
    expect(placeTests(withSupport, nest).layout.testDatabase).toBe(withSupport.testDatabase);
    const vitest = testDiscovery(loadProjectContext(project({})), 'vitest');
    expect(placeTests(withSupport, vitest, 'src').layout).toEqual(withSupport);
  });

  it('warns with the one entry to add when no place works', () => {
    const nowhere = testDiscovery(
      loadProjectContext(project({ 'vitest.config.ts': "export default { test: { include: ['e2e/**/*.e2e.ts'] } };\n" })),
      'vitest',
    );
    const placed = placeTests(layout, nowhere);
    expect(placed.layout).toBe(layout);
    expect(placed.warning).toBe(
      "vitest.config.ts does not pick up tests/integration/infrastructure/invoice.repository.test.ts or tests/integration/infrastructure/migrations.test.ts: the generated tests would never run. Add test: { include: ['e2e/**/*.e2e.ts', 'tests/integration/infrastructure/**/*.test.ts'] } (in vitest.config.ts), or set \"testsDir\" in gen.config.json to a folder it runs.",
    );
  });

  it("names one folder that holds both missed tests, the feature's suite and the shared migrations test", () => {
    const nowhere = testDiscovery(
      loadProjectContext(project({ 'vitest.config.ts': "export default { test: { include: ['e2e/**/*.e2e.ts'] } };\n" })),
      'vitest',
    );
    const placed = placeTests(
      { ...layout, test: 'tests/user/UserRepository.test.ts', migrationsTest: 'tests/migrations.test.ts' },
      nowhere,
    );
    expect(placed.warning).toBe(
      "vitest.config.ts does not pick up tests/user/UserRepository.test.ts or tests/migrations.test.ts: the generated tests would never run. Add test: { include: ['e2e/**/*.e2e.ts', 'tests/**/*.test.ts'] } (in vitest.config.ts), or set \"testsDir\" in gen.config.json to a folder it runs.",
    );
  });
});

describe('rootDirWarning', () => {
  const tests = ['tests/user/UserRepository.test.ts', 'tests/migrations.test.ts', 'tests/support/test-database.ts'];

  it('warns when the default include takes tests outside rootDir (tsc fails with TS6059)', () => {
    expect(rootDirWarning(tests, { rootDir: 'src', exclude: ['node_modules', '__tests__', '**/*.spec.ts'] })).toBe(
      'tsconfig.json sets rootDir to src and includes tests/user/UserRepository.test.ts, outside it: the project\'s tsc -p tsconfig.json would fail on the generated tests (TS6059). Set "testsDir" and "sharedTestsDir" in gen.config.json to folders under src/, or add "tests" to "exclude" in tsconfig.json.',
    );
  });

  it('says nothing without rootDir, with the tests under it, or with an include or exclude that leaves them out', () => {
    expect(rootDirWarning(tests, {})).toBeUndefined();
    expect(rootDirWarning(['src/tests/user.test.ts'], { rootDir: 'src' })).toBeUndefined();
    expect(rootDirWarning(tests, { rootDir: 'src', include: ['src/**/*.ts'] })).toBeUndefined();
    expect(rootDirWarning(tests, { rootDir: 'src', include: ['src'] })).toBeUndefined();
    expect(rootDirWarning(tests, { rootDir: './src', exclude: ['tests'] })).toBeUndefined();
  });

  it('follows the include and exclude a tsconfig inherits through extends, written relative to the config that sets them', () => {
    const inherited = (base: object) => {
      const dir = project({
        'tsconfig.json': '{ "extends": "./config/tsconfig.base.json" }',
        'config/tsconfig.base.json': JSON.stringify(base),
      });
      return compiledFiles(readTsconfig(dir), dir);
    };
    const warning = (base: object) => rootDirWarning(tests, inherited(base));

    // Excluded in the base, the tests are not compiled: no warning.
    expect(warning({ compilerOptions: { rootDir: '../src' }, exclude: ['../tests'] })).toBeUndefined();
    expect(warning({ compilerOptions: { rootDir: '../src' }, exclude: ['${configDir}/tests'] })).toBeUndefined();
    // Included by the base, they are: the warning names them.
    expect(warning({ compilerOptions: { rootDir: '../src' }, include: ['../src', '../tests'] })).toContain(
      'tsconfig.json sets rootDir to src and includes tests/user/UserRepository.test.ts, outside it',
    );
  });
});
