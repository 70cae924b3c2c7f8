import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { need } from '../../src/errors.js';
import { loadProjectContext } from '../../src/project-context.js';

const ownCompilerDefaults = (dir: string) => need(loadProjectContext(dir).compiler).defaults;

/** A project declaring `typescript` at `range`, with this tsconfig and two @types packages installed. */
function project(range: string, compilerOptions: Record<string, unknown>): string {
  const dir = mkdtempSync(join(tmpdir(), 'gen-compiler-defaults-'));
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ devDependencies: { typescript: range } }));
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions }));
  for (const name of ['node', 'jest']) mkdirSync(join(dir, 'node_modules', '@types', name), { recursive: true });
  return dir;
}

describe('ownCompilerDefaults', () => {
  it("gives a project on TypeScript 5 or older that TypeScript's defaults for what its tsconfig leaves unset", () => {
    expect(ownCompilerDefaults(project('^4.9.5', { target: 'es2019' }))).toEqual({
      strict: false,
      types: ['jest', 'node'],
      noUncheckedSideEffectImports: false,
    });
    expect(ownCompilerDefaults(project('~5.4.0', { strict: true, types: ['node'] }))).toEqual({ noUncheckedSideEffectImports: false });
  });

  it('leaves a project on TypeScript 6 or newer, or whose TypeScript is unknown, as configured', () => {
    expect(ownCompilerDefaults(project('^6.0.0', {}))).toEqual({});
    expect(ownCompilerDefaults(project('latest', {}))).toEqual({});
  });
});
