import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Project, ts } from 'ts-morph';
import { expect, it } from 'vitest';
import { shareDeclarations } from '../../src/read/shared-declarations.js';
import { ROOT } from '../support/projects.js';

function program(options: ts.CompilerOptions, code: string): ts.Program {
  const project = shareDeclarations(new Project({ compilerOptions: options }));
  project.createSourceFile(join(ROOT, 'shared-declarations-probe.ts'), code, { overwrite: true });
  return project.getProgram().compilerObject;
}

const fileOf = (p: ts.Program, end: string) => p.getSourceFiles().find((f) => f.fileName.endsWith(end));

it('parses a declaration file from node_modules once per process and shares it between projects', () => {
  const options = { target: ts.ScriptTarget.ES2022, lib: ['lib.es2022.d.ts'], types: ['node'], strict: true };
  const first = program(options, 'export const a: Buffer = Buffer.from("a");');
  const second = program(options, 'export const b: number = 1;');
  const nodeTypes = fileOf(first, '@types/node/buffer.d.ts');
  expect(nodeTypes, '@types/node is in the program').toBeDefined();
  expect(fileOf(second, '@types/node/buffer.d.ts')).toBe(nodeTypes);
  expect(fileOf(second, 'lib.es2022.d.ts')).toBe(fileOf(first, 'lib.es2022.d.ts'));
  // Each program still checks its own file against the shared declarations.
  expect(first.getSemanticDiagnostics(fileOf(first, 'shared-declarations-probe.ts'))).toEqual([]);
  const wrong = program(options, 'export const c: Buffer = 1;');
  expect(wrong.getSemanticDiagnostics(fileOf(wrong, 'shared-declarations-probe.ts')).map((d) => d.code)).toEqual([2322]);
});

it('parses a file again for another target, and never shares the project’s own files', () => {
  const older = program({ target: ts.ScriptTarget.ES2017, lib: ['lib.es2022.d.ts'], types: [] }, 'export const a = 1;');
  const newer = program({ target: ts.ScriptTarget.ES2022, lib: ['lib.es2022.d.ts'], types: [] }, 'export const a = 1;');
  expect(fileOf(older, 'lib.es2022.d.ts')).not.toBe(fileOf(newer, 'lib.es2022.d.ts'));
  expect(fileOf(older, 'shared-declarations-probe.ts')).not.toBe(fileOf(newer, 'shared-declarations-probe.ts'));
});

it('parses a declaration file again when its text changed', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gen-shared-'));
  const typings = join(dir, 'node_modules', 'pkg', 'index.d.ts');
  const write = (text: string) => {
    writeFileSync(join(dir, 'main.ts'), 'import { value } from "./node_modules/pkg/index.js"; export const v: string = value;');
    mkdirSync(join(dir, 'node_modules', 'pkg'), { recursive: true });
    writeFileSync(typings, text);
  };
  const read = () => {
    const project = shareDeclarations(new Project({ compilerOptions: { strict: true, types: [] } }));
    project.addSourceFileAtPath(join(dir, 'main.ts'));
    const p = project.getProgram().compilerObject;
    return p.getSemanticDiagnostics(fileOf(p, 'main.ts')).map((d) => d.code);
  };
  write('export declare const value: string;');
  expect(read()).toEqual([]);
  write('export declare const value: number;');
  expect(read()).toEqual([2322]);
});
