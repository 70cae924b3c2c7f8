import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { globSync } from 'tinyglobby';
import { describe, expect, it } from 'vitest';
import { typeOrmTarget } from '../src/config/typeorm-line.js';
import { need } from '../src/errors.js';
import { loadProjectContext } from '../src/project-context.js';
import { detectProjectLayouts, locateFeature } from '../src/read/feature-locator.js';
import { globTree } from '../src/read/project-sources.js';
import { ORDER_DOMAIN } from './support/fixtures.js';
import { thrown } from './support/thrown.js';

/** A project of these files only (no tsconfig, no node_modules unless given), in a fresh temp folder. */
function project(files: Record<string, string | object>, parent?: string): string {
  const dir = mkdtempSync(join(parent ?? tmpdir(), 'gen-context-'));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), typeof content === 'string' ? content : JSON.stringify(content));
  }
  return dir;
}

describe('loadProjectContext', () => {
  it('lists the files and folders, without node_modules and dot-folders, and keeps the text of every TypeScript file', () => {
    const dir = project({
      'src/domain/order.ts': 'export class Order {}\n',
      'src/domain/order.d.ts': 'export declare class Order {}\n',
      'src/Web/page.tsx': 'export const page = 1;\n',
      'src/app/b/x.ts': '',
      'src/app/a/y.ts': '',
      'README.md': '# app\n',
      '.prettierrc': '{}',
      'node_modules/typeorm/index.ts': 'export {};\n',
      '.gen/manifest.json': '{}',
      '.git/HEAD': 'ref',
    });
    const context = loadProjectContext(dir);
    expect(context.root).toBe(dir);
    expect(context.files).toEqual([
      '.prettierrc',
      'README.md',
      'src/Web/page.tsx',
      'src/app/a/y.ts',
      'src/app/b/x.ts',
      'src/domain/order.d.ts',
      'src/domain/order.ts',
    ]);
    expect([...context.folders].sort()).toEqual(['src', 'src/Web', 'src/app', 'src/app/a', 'src/app/b', 'src/domain']);
    expect(context.subfolders.get('src')).toEqual(['Web', 'app', 'domain']);
    expect(context.subfolders.get('')).toEqual(['src']);
    expect(context.texts.get('src/domain/order.ts')).toBe('export class Order {}\n');
    expect(context.texts.get('src/Web/page.tsx')).toBe('export const page = 1;\n');
    expect(context.texts.has('README.md')).toBe(false);
  });

  it('answers globs as tinyglobby does on the same folder', () => {
    const dir = project({
      'src/modules/billing/domain/invoice.ts': '',
      'src/modules/billing/domain/invoice.repository.ts': '',
      'src/modules/billing/domain/invoice.test.ts': '',
      'src/modules/billing/domain/ports/invoice.port.d.ts': '',
      'src/modules/shipping/domain/parcel.ts': '',
      'src/modules/shipping/infra/x.ts': '',
      'src/.hidden/secret.ts': '',
      'src/a-b/c.ts': '',
      'src/a.ts': '',
    });
    const context = loadProjectContext(dir);
    const cases: { patterns: string[]; options: { cwd?: string; ignore?: string[]; onlyDirectories?: boolean } }[] = [
      { patterns: ['src/**/*.ts'], options: {} },
      { patterns: ['src/modules/*/domain'], options: { onlyDirectories: true, ignore: ['**/node_modules/**'] } },
      { patterns: ['**/*.ts'], options: { cwd: 'src/modules/billing/domain', ignore: ['**/*.d.ts', '**/*.{test,spec}.ts'] } },
      {
        patterns: ['{src/a.ts,src/modules/shipping/domain/parcel.ts}'],
        options: { ignore: ['**/*.{test,spec}.ts', '**/node_modules/**'] },
      },
      { patterns: ['src/modules/billing/domain/invoice.repository.ts'], options: {} },
      { patterns: ['src/**/infra/*.ts'], options: { ignore: ['**/dist/**'] } },
      // A pattern naming folders gives the files under them.
      { patterns: ['src/modules/*/domain'], options: { ignore: ['**/*.{test,spec}.ts'] } },
    ];
    for (const { patterns, options } of cases) {
      const expected = globSync(patterns, {
        cwd: options.cwd === undefined ? dir : join(dir, options.cwd),
        ...(options.ignore ? { ignore: options.ignore } : {}),
        ...(options.onlyDirectories ? { onlyDirectories: true } : {}),
      })
        .map((p) => p.replace(/\/$/, ''))
        .sort();
      expect(globTree(context, patterns, options), JSON.stringify(patterns)).toEqual(expected);
    }
  });

  it('reads package.json once: the declared and installed versions, and the nearest package type up the tree', () => {
    const parent = project({ 'package.json': { type: 'module' }, 'node_modules/typeorm/package.json': { version: '1.1.1' } });
    const dir = project(
      {
        'package.json': { name: 'app', devDependencies: { typeorm: 'next' } },
        'node_modules/typescript/package.json': { version: '5.4.5' },
      },
      parent,
    );
    const context = loadProjectContext(dir);
    expect(context.packageManifest?.fields).toEqual({ name: 'app', devDependencies: { typeorm: 'next' } });
    expect(context.installed).toEqual({ typeorm: '1.1.1', typescript: '5.4.5' });
    expect(context.typescript).toEqual({ version: '5.4.5', from: 'node_modules/typescript' });
    expect(typeOrmTarget(context)).toEqual({ line: '1', from: 'the installed typeorm 1.1.1' });
    // The nearest package.json says nothing of its type: CommonJS, whatever the folder above says.
    expect(context.packageType).toBe('commonjs');
    expect(loadProjectContext(project({}, parent)).packageType).toBe('module');
  });

  it('keeps what cannot be read as an error for the stage that needs it, and stops at once on gen.config.json', () => {
    const dir = project({ 'package.json': '{ "name": ', 'tsconfig.json': '{ "extends": "./missing.json" }', '.gen/manifest.json': '[]' });
    const context = loadProjectContext(dir);
    expect(thrown(() => need(context.testRunner)).message).toMatch(/^package\.json is not valid JSON/);
    expect(thrown(() => typeOrmTarget(context)).location).toEqual({ file: 'package.json', line: 1 });
    expect(thrown(() => need(context.compiler)).message).toMatch(/missing\.json/);
    expect(thrown(() => need(context.manifest)).location?.file).toBe('.gen/manifest.json');
    expect(thrown(() => need(context.moduleSettings)).message).toBe(thrown(() => need(context.manifest)).message);
  });

  it('finds the test runner and what it picks up from the root config files', () => {
    const context = loadProjectContext(project({ 'jest.config.js': "module.exports = { testMatch: ['<rootDir>/spec/**/*.spec.ts'] };\n" }));
    expect(need(context.testRunner)).toMatchObject({ name: 'jest', from: 'jest.config.js' });
    expect(need(context.testDiscovery).finds('spec/ordering/order.spec.ts')).toBe(true);
    expect(need(context.testDiscovery).finds('tests/ordering/order.test.ts')).toBe(false);
  });

  it("leaves gen's own files out of the module settings: only the imports of the files the manifest does not list count", () => {
    const files = {
      'tsconfig.json': { compilerOptions: { module: 'commonjs', baseUrl: '.', paths: { '@domain/*': ['src/domain/*'] } } },
      'src/domain/order.ts': 'export class Order {}\n',
      'src/infrastructure/order.mapper.ts': "import { Order } from '@domain/order';\nexport const mapper = Order;\n",
    };
    expect(need(loadProjectContext(project(files)).moduleSettings).usedAliases).toEqual(['@domain/*']);
    const manifest = { version: 1, features: {}, files: { 'src/infrastructure/order.mapper.ts': 'x' }, planDates: {} };
    expect(need(loadProjectContext(project({ ...files, '.gen/manifest.json': manifest })).moduleSettings).usedAliases).toEqual([]);
  });

  it('is all the locator needs: the feature is found after the project folder is gone', () => {
    const dir = project(ORDER_DOMAIN);
    const context = loadProjectContext(dir);
    rmSync(dir, { recursive: true });
    expect(locateFeature(context, context.config, 'ordering')).toMatchObject({
      source: 'detected',
      preset: 'plan',
      paths: { domainDir: 'src/domain/aggregates/ordering' },
    });
    expect(detectProjectLayouts(context)).toEqual([{ preset: 'plan', features: ['ordering'] }]);
  });
});
