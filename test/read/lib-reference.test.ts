import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ts } from 'ts-morph';
import { afterAll, describe, expect, it } from 'vitest';
import { libReference, nodeTypesReference } from '../../src/read/lib-reference.js';

describe('libReference', () => {
  it.each([
    ['target ES2017, no lib (Nest 9)', { target: ts.ScriptTarget.ES2017 }, 'es2020'],
    ['no target at all (TypeScript 5: ES5)', {}, 'es2020'],
    ['target ES2019', { target: ts.ScriptTarget.ES2019 }, 'es2020'],
    ['lib naming only ES2019', { target: ts.ScriptTarget.ES2022, lib: ['lib.es2019.d.ts'] }, 'es2020'],
    ['lib naming ES2017 and only a part of ES2020', { lib: ['lib.es2017.d.ts', 'lib.es2020.bigint.d.ts'] }, 'es2020'],
    ['target ES2020, no lib', { target: ts.ScriptTarget.ES2020 }, undefined],
    ['target ES2021 (TypeScript 4.5 knows no later year)', { target: ts.ScriptTarget.ES2021 }, undefined],
    ['target ESNext', { target: ts.ScriptTarget.ESNext }, undefined],
    ['lib ES2020', { target: ts.ScriptTarget.ES2017, lib: ['lib.es2020.d.ts'] }, undefined],
    ['lib ES2023 with the DOM', { lib: ['lib.es2023.d.ts', 'lib.dom.d.ts'] }, undefined],
    ['lib ESNext', { lib: ['lib.esnext.d.ts'] }, undefined],
  ] as const)('%s: %s', (_title, options, expected) => {
    expect(libReference({ ...options, lib: 'lib' in options ? [...options.lib] : undefined }, '5.9.3')).toBe(expected);
  });

  it('takes an unset target as TypeScript 6 does, ES2025, where the project is on it (or has none of its own)', () => {
    expect(libReference({}, '6.0.2')).toBeUndefined();
    expect(libReference({})).toBeUndefined();
  });

  it('references nothing without a tsconfig (gen then compiles nothing of the project either)', () => {
    expect(libReference(undefined)).toBeUndefined();
  });
});

describe('nodeTypesReference', () => {
  const withNodeTypes = mkdtempSync(join(tmpdir(), 'gen-node-types-'));
  mkdirSync(join(withNodeTypes, 'node_modules', '@types', 'node'), { recursive: true });
  writeFileSync(join(withNodeTypes, 'node_modules', '@types', 'node', 'package.json'), '{}');
  const project = join(withNodeTypes, 'packages', 'api');
  mkdirSync(project, { recursive: true });
  const bare = mkdtempSync(join(tmpdir(), 'gen-no-node-types-'));
  afterAll(() => {
    rmSync(withNodeTypes, { recursive: true, force: true });
    rmSync(bare, { recursive: true, force: true });
  });

  it.each([
    ['types naming others only', { types: ['reflect-metadata'] }, '5.4.5', true],
    ['types naming node', { types: ['node', 'jest'] }, '6.0.2', false],
    ['types unset before TypeScript 6 (every @types package is included)', {}, '5.9.3', false],
    ['types unset under TypeScript 6 (none is)', {}, '6.0.2', true],
    ['types empty', { types: [] }, '5.0.4', true],
  ])('%s', (_name, options: ts.CompilerOptions, version, expected) => {
    expect(nodeTypesReference(options, version, project)).toBe(expected);
  });

  it('never references types that are not installed, nor for a project it could not read', () => {
    expect(nodeTypesReference({ types: ['reflect-metadata'] }, '5.4.5', bare)).toBe(false);
    expect(nodeTypesReference(undefined, '6.0.2', project)).toBe(false);
  });
});
