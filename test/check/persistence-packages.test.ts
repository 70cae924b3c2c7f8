import { describe, expect, it } from 'vitest';
import { checkPersistencePackages } from '../../src/check/prerequisites.js';
import { installCommand, packageManagerOf, type PackageManager } from '../../src/config/package-manager.js';
import { parsePackageManifest, type InstalledVersions, type PackageFacts } from '../../src/config/package-manifest.js';
import type { TypeOrmTarget } from '../../src/config/typeorm-line.js';
import { GenError } from '../../src/errors.js';
import { thrown } from '../support/thrown.js';

const ON_03: TypeOrmTarget = { line: '0.3', from: 'package.json' };
const ON_1: TypeOrmTarget = { line: '1', from: 'package.json' };

function facts(
  dependencies: Record<string, string>,
  installed: InstalledVersions = {},
  packageManager: PackageManager = 'npm',
  workspace: Record<string, Record<string, string>> = {},
): PackageFacts {
  const manifest = (deps: Record<string, string>) => parsePackageManifest(JSON.stringify({ name: 'app', dependencies: deps }, null, 2));
  return {
    packageManifest: manifest(dependencies),
    installed,
    packageManager,
    workspaceManifests: Object.fromEntries(Object.entries(workspace).map(([file, deps]) => [file, manifest(deps)])),
  };
}

describe('packageManagerOf', () => {
  it.each([
    [[], undefined, 'npm'],
    [['package-lock.json'], undefined, 'npm'],
    [['yarn.lock'], undefined, 'yarn'],
    [['pnpm-lock.yaml', 'src'], undefined, 'pnpm'],
    [['bun.lockb'], undefined, 'bun'],
    [['package-lock.json'], 'pnpm@9.1.0', 'pnpm'],
    [['yarn.lock'], 'whatever', 'yarn'],
  ])('root %j, packageManager %s: %s', (entries, named, expected) => {
    const manifest = parsePackageManifest(JSON.stringify(named === undefined ? {} : { packageManager: named }));
    expect(packageManagerOf(manifest, entries)).toBe(expected);
  });

  it.each([
    ['npm', false, 'npm install typeorm@^0.3'],
    ['npm', true, 'npm install --save-dev typeorm@^0.3'],
    ['yarn', false, 'yarn add typeorm@^0.3'],
    ['yarn', true, 'yarn add --dev typeorm@^0.3'],
    ['pnpm', true, 'pnpm add --save-dev typeorm@^0.3'],
    ['bun', true, 'bun add --dev typeorm@^0.3'],
  ] as const)('%s, dev %s: %s', (manager, dev, expected) => {
    expect(installCommand(manager, ['typeorm@^0.3'], dev)).toBe(expected);
  });
});

describe('checkPersistencePackages', () => {
  it('passes quietly when typeorm and the driver of its line are declared, or installed', () => {
    expect(checkPersistencePackages(facts({ typeorm: '^0.3.20', sqlite3: '^5.1.7' }), ON_03, true)).toEqual([]);
    expect(checkPersistencePackages(facts({}, { typeorm: '1.0.0', betterSqlite3: '12.0.0' }), ON_1, true)).toEqual([]);
    expect(
      checkPersistencePackages(facts({}, {}, 'npm', { 'packages/api/package.json': { typeorm: '^0.3.0', sqlite3: '5' } }), ON_03, true),
    ).toEqual([]);
  });

  it.each([
    [ON_03, { typeorm: '^0.3.20', 'better-sqlite3': '^12' }, 'yarn', 'sqlite3', 'yarn add --dev sqlite3'],
    [ON_1, { typeorm: '^1.0.0', sqlite3: '^5' }, 'pnpm', 'better-sqlite3', 'pnpm add --save-dev better-sqlite3'],
    [ON_03, { typeorm: '^0.3.20' }, 'npm', 'sqlite3', 'npm install --save-dev sqlite3'],
  ] as const)('warns, naming the command, when the driver of TypeORM %j is missing', (target, dependencies, manager, driver, command) => {
    const warnings = checkPersistencePackages(facts(dependencies, {}, manager), target, true);

    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain(`the generated tests open SQLite through ${driver}`);
    expect(warnings[0]).toContain(`(${command})`);
  });

  it('refuses without typeorm, naming TS2307 and one install command for the project’s client', () => {
    const error = thrown(() => checkPersistencePackages(facts({ sqlite3: '^5.0.11' }, {}, 'npm'), ON_03, true));

    expect(error).toBeInstanceOf(GenError);
    expect(error.location).toEqual({ file: 'package.json', line: 1 });
    expect(error.message).toContain(
      "the generated entity, mapper and repository import it (tsc would stop at them: TS2307 Cannot find module 'typeorm')",
    );
    expect(error.hint).toBe(
      'Install it, and the SQLite driver the generated tests use: npm install typeorm@^0.3 reflect-metadata; then run gen again.',
    );
  });

  it.each([
    [ON_03, 'yarn', true, 'yarn add typeorm@^0.3 reflect-metadata && yarn add --dev sqlite3'],
    [ON_1, 'pnpm', true, 'pnpm add typeorm@^1 reflect-metadata && pnpm add --save-dev better-sqlite3'],
    [ON_03, 'npm', false, 'npm install typeorm@^0.3 && npm install --save-dev sqlite3'],
  ] as const)('names the packages of the line %j and the entity style for %s', (target, manager, decorators, command) => {
    const error = thrown(() => checkPersistencePackages(facts({}, {}, manager), target, decorators));

    expect(error.hint).toContain(`: ${command}; then run gen again.`);
  });

  it('leaves reflect-metadata out of the command where the project has it', () => {
    const error = thrown(() => checkPersistencePackages(facts({ 'reflect-metadata': '^0.2.2' }), ON_03, true));

    expect(error.hint).toContain(': npm install typeorm@^0.3 && npm install --save-dev sqlite3;');
  });
});
