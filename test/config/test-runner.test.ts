import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GenError, need } from '../../src/errors.js';
import { loadProjectContext } from '../../src/project-context.js';

function project(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'gen-runner-'));
  for (const [path, content] of Object.entries(files)) writeFileSync(join(dir, path), content);
  return dir;
}

const manifest = (content: object) => ({ 'package.json': JSON.stringify(content) });

describe('testRunner', () => {
  it.each([
    ['no package.json', {}, 'vitest', 'the default'],
    ['vitest only', manifest({ devDependencies: { vitest: '^4' } }), 'vitest', 'package.json (vitest)'],
    ['jest', manifest({ devDependencies: { jest: '^30' } }), 'jest', 'package.json (jest)'],
    ['ts-jest', manifest({ devDependencies: { 'ts-jest': '^29' } }), 'jest', 'package.json (ts-jest)'],
    ['@swc/jest', manifest({ devDependencies: { '@swc/jest': '^0.2' } }), 'jest', 'package.json (@swc/jest)'],
    ['a jest section in package.json', manifest({ jest: { testEnvironment: 'node' } }), 'jest', 'package.json (jest)'],
    ['a jest.config.ts', { 'jest.config.ts': 'export default {};' }, 'jest', 'jest.config.ts'],
    ['jest and vitest both', manifest({ devDependencies: { jest: '^30', vitest: '^4' } }), 'vitest', 'package.json (vitest)'],
    [
      'jest with a vitest.config.ts',
      { ...manifest({ devDependencies: { jest: '^30' } }), 'vitest.config.ts': 'export default {};' },
      'vitest',
      'vitest.config.ts',
    ],
    ['mocha', manifest({ devDependencies: { mocha: '^11', chai: '^5' } }), 'mocha', 'package.json (mocha)'],
    ['a mocha section in package.json', manifest({ mocha: { require: 'ts-node/register' } }), 'mocha', 'package.json (mocha)'],
    ['a .mocharc.yml', { '.mocharc.yml': 'spec: test\n' }, 'mocha', '.mocharc.yml'],
    ['a .mocharc.json', { '.mocharc.json': '{}' }, 'mocha', '.mocharc.json'],
    ['mocha and jest both', manifest({ devDependencies: { jest: '^30', mocha: '^11' } }), 'jest', 'package.json (jest)'],
    ['mocha and vitest both', manifest({ devDependencies: { mocha: '^11', vitest: '^4' } }), 'vitest', 'package.json (vitest)'],
  ])('%s -> %s', (_case, files, name, from) => {
    const runner = need(loadProjectContext(project(files)).testRunner);

    expect({ name: runner.name, from: runner.from }).toEqual({ name, from });
    expect(runner.module).toBe({ jest: '@jest/globals', mocha: 'mocha', vitest: 'vitest' }[name]);
    expect(runner.command).toBe(name === 'vitest' ? 'npx vitest run' : `npx ${name}`);
  });

  it('runs mocha with the config its test script names, where mocha would not find it by itself', () => {
    const scripted = manifest({
      devDependencies: { mocha: '^10' },
      scripts: { test: 'mocha --config ./tests/.mocharc.json ${MOCHA_ARGS}' },
    });
    expect(need(loadProjectContext(project(scripted)).testRunner).command).toBe('npx mocha --config tests/.mocharc.json');
    expect(need(loadProjectContext(project({ ...scripted, '.mocharc.yml': 'spec: test\n' })).testRunner).command).toBe('npx mocha');
  });

  it('stops on a package.json that is not JSON', () => {
    expect(() => need(loadProjectContext(project({ 'package.json': '{ "devDependencies": ' })).testRunner)).toThrow(GenError);
  });
});
