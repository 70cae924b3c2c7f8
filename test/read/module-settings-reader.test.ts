import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GenError } from '../../src/errors.js';
import { matchAlias, readModuleSettings } from '../../src/read/module-settings-reader.js';
import { readTsconfig } from '../../src/read/tsconfig-reader.js';
import { loadProjectContext } from '../../src/project-context.js';

function project(files: Record<string, unknown>): string {
  const dir = mkdtempSync(join(tmpdir(), 'gen-modules-'));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), typeof content === 'string' ? content : JSON.stringify(content));
  }
  return dir;
}

const ESM = { name: 'app', type: 'module' };
const CJS = { name: 'app' };

describe('readModuleSettings', () => {
  it.each([
    { name: 'ESM under NodeNext', pkg: ESM, options: { module: 'NodeNext' }, extension: '.js', description: 'ESM (NodeNext resolution)' },
    {
      name: 'ESM under Node16 (module and resolution)',
      pkg: ESM,
      options: { module: 'Node16', moduleResolution: 'Node16' },
      extension: '.js',
      description: 'ESM (Node16 resolution)',
    },
    {
      name: 'CommonJS package under NodeNext',
      pkg: CJS,
      options: { module: 'NodeNext' },
      extension: '',
      description: 'CommonJS (NodeNext resolution)',
    },
    {
      name: 'ESM under bundler resolution',
      pkg: ESM,
      options: { module: 'ESNext', moduleResolution: 'bundler' },
      extension: '',
      description: 'bundler resolution',
    },
    { name: 'CommonJS module', pkg: CJS, options: { module: 'CommonJS' }, extension: '', description: 'bundler resolution' },
    {
      name: 'CommonJS with node10 resolution',
      pkg: CJS,
      options: { module: 'CommonJS', moduleResolution: 'node', ignoreDeprecations: '6.0' },
      extension: '',
      description: 'CommonJS (node10 resolution)',
    },
  ])('$name: relative imports take "$extension"', ({ pkg, options, extension, description }) => {
    const dir = project({ 'package.json': pkg, 'tsconfig.json': { compilerOptions: options }, 'src/a.ts': 'export const a = 1;\n' });
    const settings = readModuleSettings(loadProjectContext(dir));
    expect(settings.extension).toBe(extension);
    expect(settings.description).toBe(description);
  });

  it('follows an extends chain of relative files and packages (later files override earlier ones)', () => {
    const dir = project({
      'package.json': ESM,
      'node_modules/@tsconfig/node20/package.json': { name: '@tsconfig/node20', version: '20.1.0' },
      'node_modules/@tsconfig/node20/tsconfig.json': { compilerOptions: { module: 'node16', moduleResolution: 'node16' } },
      'config/tsconfig.base.json': {
        extends: '@tsconfig/node20/tsconfig.json',
        compilerOptions: { paths: { '@domain/*': ['../src/domain/*'] } },
      },
      'tsconfig.json': { extends: './config/tsconfig.base.json', include: ['src'] },
      'src/domain/order.ts': 'export class Order {}\n',
      'src/app/use-case.ts': "import { Order } from '@domain/order.js';\nexport const o = new Order();\n",
    });
    const settings = readModuleSettings(loadProjectContext(dir));
    expect(settings.extension).toBe('.js');
    // paths without baseUrl resolve from the file that declares them.
    expect(settings.aliases).toEqual([{ pattern: '@domain/*', targets: ['src/domain/*'] }]);
    expect(settings.usedAliases).toEqual(['@domain/*']);
  });

  it('resolves paths from baseUrl, and lists the aliases the source imports through, most used first', () => {
    const dir = project({
      'package.json': CJS,
      'tsconfig.json': {
        compilerOptions: {
          module: 'CommonJS',
          baseUrl: 'src',
          ignoreDeprecations: '6.0',
          paths: { '@shared/*': ['shared/*'], '@modules/*': ['modules/*'], '@unused/*': ['unused/*'] },
        },
      },
      'src/shared/entity.ts': 'export class Entity {}\n',
      'src/modules/wallet/domain/wallet.ts': "import { Entity } from '@shared/entity';\nexport class Wallet extends Entity {}\n",
      'src/modules/wallet/app/pay.ts':
        "import { Wallet } from '@modules/wallet/domain/wallet';\nimport { Entity } from '@shared/entity';\nexport const w: Entity = new Wallet();\n",
      'src/modules/wallet/app/open.ts': "import { Wallet } from '@modules/wallet/domain/wallet';\nexport const x = new Wallet();\n",
    });
    const settings = readModuleSettings(loadProjectContext(dir));
    expect(settings.aliases.map((a) => `${a.pattern}=${a.targets.join(',')}`)).toEqual([
      '@shared/*=src/shared/*',
      '@modules/*=src/modules/*',
      '@unused/*=src/unused/*',
    ]);
    expect(settings.usedAliases).toEqual(['@modules/*', '@shared/*']);
  });

  it("does not count files it is told to ignore (gen's own output)", () => {
    const dir = project({
      'tsconfig.json': { compilerOptions: { paths: { '@domain/*': ['./src/domain/*'] } } },
      'src/domain/order.ts': 'export class Order {}\n',
      'src/infrastructure/order.mapper.ts': "import { Order } from '@domain/order';\nexport const o = new Order();\n",
    });
    expect(readModuleSettings(loadProjectContext(dir)).usedAliases).toEqual(['@domain/*']);
    expect(readModuleSettings(loadProjectContext(dir), (path) => path === 'src/infrastructure/order.mapper.ts').usedAliases).toEqual([]);
  });

  it('stops with the alias, the tsconfig and the fix when an import through an alias does not resolve', () => {
    const dir = project({
      'tsconfig.json': { compilerOptions: { paths: { '@domain/*': ['./src/domian/*'] } } },
      'src/domain/order.ts': 'export class Order {}\n',
      'src/app/place-order.ts': "// places an order\nimport { Order } from '@domain/order';\nexport const o = new Order();\n",
    });
    const error = (() => {
      try {
        readModuleSettings(loadProjectContext(dir));
      } catch (e) {
        return e as GenError;
      }
      throw new Error('expected an error');
    })();
    expect(error).toBeInstanceOf(GenError);
    expect(error.location).toEqual({ file: 'src/app/place-order.ts', line: 2 });
    expect(error.message).toBe("'@domain/order' does not resolve: tsconfig.json maps '@domain/*' to 'src/domian/*', and no file is there");
    expect(error.hint).toContain('"paths" of tsconfig.json');
  });

  it('counts an alias whose folder exists even where the file is not there yet (a test of a repository gen is about to write)', () => {
    const dir = project({
      'tsconfig.json': { compilerOptions: { paths: { '@modules/*': ['./src/modules/*'] } } },
      'src/modules/order/domain/order.ts': 'export class Order {}\n',
      'tests/order.test.ts':
        "import { TypeOrmOrderRepository } from '@modules/order/infrastructure/order.repository';\nexport const r = TypeOrmOrderRepository;\n",
    });
    expect(readModuleSettings(loadProjectContext(dir)).usedAliases).toEqual(['@modules/*']);
  });

  it('stops when an extends target cannot be read', () => {
    const dir = project({ 'tsconfig.json': { extends: '@tsconfig/node99/tsconfig.json' } });
    expect(() => readModuleSettings(loadProjectContext(dir))).toThrow(/tsconfig.json: .*@tsconfig\/node99/);
  });

  it('reads a tsconfig with comments and trailing commas, in it and in the file it extends, as tsc does', () => {
    const dir = project({
      'package.json': ESM,
      'tsconfig.base.json': '{\n  /* shared */\n  "compilerOptions": { "experimentalDecorators": true, },\n}\n',
      'tsconfig.json':
        '{\n  // the app\n  "extends": "./tsconfig.base.json",\n  "compilerOptions": {\n    "module": "NodeNext", // ESM\n    "paths": { "@domain/*": ["./src/domain/*",], },\n  },\n}\n',
      'src/domain/order.ts': 'export class Order {}\n',
    });
    expect(readModuleSettings(loadProjectContext(dir))).toMatchObject({
      extension: '.js',
      aliases: [{ pattern: '@domain/*', targets: ['src/domain/*'] }],
    });
    expect(readTsconfig(dir)?.options).toMatchObject({ experimentalDecorators: true });
  });

  it('stops with the line of a tsconfig that tsc cannot read either', () => {
    const dir = project({ 'tsconfig.json': '{\n  "compilerOptions": {\n    "strict": true\n    "target": "ES2022"\n  }\n}\n' });
    expect(() => readTsconfig(dir)).toThrow(GenError);
    try {
      readTsconfig(dir);
    } catch (error) {
      expect((error as GenError).location).toEqual({ file: 'tsconfig.json', line: 4 });
    }
  });

  it('takes a project without tsconfig for bundler-style relative imports', () => {
    expect(readModuleSettings(loadProjectContext(project({ 'package.json': ESM })))).toMatchObject({
      tsconfig: undefined,
      extension: '',
      usedAliases: [],
    });
  });
});

describe('matchAlias', () => {
  const aliases = [
    { pattern: '@app/*', targets: ['src/*'] },
    { pattern: '@app/domain/*', targets: ['src/domain/*'] },
    { pattern: '@config', targets: ['src/config/index.ts'] },
  ];
  it.each([
    ['@app/domain/order', '@app/domain/*'],
    ['@app/shared/x', '@app/*'],
    ['@config', '@config'],
    ['@config/x', undefined],
    ['typeorm', undefined],
  ])('%s -> %s', (specifier, pattern) => {
    expect(matchAlias(specifier, aliases)?.pattern).toBe(pattern);
  });
});
