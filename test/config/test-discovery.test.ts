import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { testDiscovery } from '../../src/config/test-discovery.js';
import { placeTests, type ArtifactLayout } from '../../src/layout.js';
import { loadProjectContext } from '../../src/project-context.js';

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

  it('warns with the one entry to add when no place works', () => {
    const nowhere = testDiscovery(
      loadProjectContext(project({ 'vitest.config.ts': "export default { test: { include: ['e2e/**/*.e2e.ts'] } };\n" })),
      'vitest',
    );
    const placed = placeTests(layout, nowhere);
    expect(placed.layout).toBe(layout);
    expect(placed.warning).toBe(
      "vitest.config.ts does not pick up tests/integration/infrastructure/invoice.repository.test.ts: the generated tests would never run. Add test: { include: ['e2e/**/*.e2e.ts', 'tests/integration/infrastructure/**/*.test.ts'] } (in vitest.config.ts), or set \"testsDir\" in gen.config.json to a folder it runs.",
    );
  });
});
