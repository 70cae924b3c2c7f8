import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lineOf, typeOrmTarget } from '../../src/config/typeorm-line.js';
import { formatError } from '../../src/errors.js';
import { thrown } from '../support/thrown.js';
import { loadProjectContext } from '../../src/project-context.js';

/** A bare project folder (no node_modules above it but the ones written here). */
function project(files: Record<string, unknown>): string {
  const dir = mkdtempSync(join(tmpdir(), 'gen-typeorm-'));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), JSON.stringify(content, null, 2));
  }
  return dir;
}

describe('lineOf', () => {
  it.each([
    ['^0.3.29', '0.3'],
    ['~0.3.0', '0.3'],
    ['0.3.x', '0.3'],
    ['^1.1.1', '1'],
    ['1.x', '1'],
    ['>=1.0.0 <2', '1'],
    ['^0.2.45', undefined],
    ['^2.0.0', undefined],
    ['latest', undefined],
  ])('%s -> %s', (range, line) => {
    expect(lineOf(range)).toBe(line);
  });
});

describe('typeOrmTarget', () => {
  it('reads the range package.json declares, in any dependency field', () => {
    expect(typeOrmTarget(loadProjectContext(project({ 'package.json': { dependencies: { typeorm: '^1.1.1' } } }))).line).toBe('1');
    expect(typeOrmTarget(loadProjectContext(project({ 'package.json': { devDependencies: { typeorm: '0.3.29' } } }))).line).toBe('0.3');
  });

  it('lets --typeorm override what the project says', () => {
    const dir = project({ 'package.json': { dependencies: { typeorm: '^0.3.29' } } });
    expect(typeOrmTarget(loadProjectContext(dir), '1')).toEqual({ line: '1', from: '--typeorm' });
  });

  it('falls back to the installed package when package.json names no usable range', () => {
    const dir = project({
      'package.json': { dependencies: { typeorm: 'latest' } },
      'node_modules/typeorm/package.json': { name: 'typeorm', version: '1.1.1' },
    });
    expect(typeOrmTarget(loadProjectContext(dir))).toEqual({ line: '1', from: 'the installed typeorm 1.1.1' });
  });

  it('defaults to 0.3 for a project that names no TypeORM at all', () => {
    expect(typeOrmTarget(loadProjectContext(project({ 'package.json': { name: 'x' } }))).line).toBe('0.3');
  });

  it('refuses a line it does not generate for, naming it at package.json:line with the upgrade to decide', () => {
    const dir = project({ 'package.json': { name: 'x', dependencies: { typeorm: '^0.2.45' } } });
    const error = thrown(() => typeOrmTarget(loadProjectContext(dir)));

    expect(formatError(error)).toBe(
      "package.json:4: typeorm '^0.2.45' is TypeORM 0.2, and gen generates for TypeORM 0.3 and 1.x only\n" +
        '  Upgrade typeorm to 0.3 (npm install typeorm@^0.3) or to 1.x (npm install typeorm@^1), then run gen again.',
    );
  });

  it('names the installed release when the range names none, and says it cannot tell only when neither does', () => {
    const installed = project({
      'package.json': { name: 'x', dependencies: { typeorm: 'latest' } },
      'node_modules/typeorm/package.json': { name: 'typeorm', version: '0.2.45' },
    });
    expect(thrown(() => typeOrmTarget(loadProjectContext(installed))).message).toBe(
      "typeorm 'latest' (installed: 0.2.45) is TypeORM 0.2, and gen generates for TypeORM 0.3 and 1.x only",
    );

    const unknown = project({ 'package.json': { name: 'x', dependencies: { typeorm: 'github:typeorm/typeorm' } } });
    const error = thrown(() => typeOrmTarget(loadProjectContext(unknown)));
    expect(error.message).toBe("gen generates for TypeORM 0.3 and 1.x, and cannot tell which one typeorm 'github:typeorm/typeorm' is");
    expect(error.location).toEqual({ file: 'package.json', line: 4 });
    expect(error.hint).toContain('--typeorm 0.3|1');
  });
});
