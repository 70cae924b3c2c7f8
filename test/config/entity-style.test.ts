import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { entityStyle } from '../../src/config/entity-style.js';
import { GenError } from '../../src/errors.js';
import { readTsconfig } from '../../src/read/tsconfig-reader.js';
import { loadProjectContext } from '../../src/project-context.js';

function project(files: Record<string, string | object>): string {
  const dir = mkdtempSync(join(tmpdir(), 'gen-entity-style-'));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  }
  return dir;
}

/** The style gen picks for a project of these files, with no gen.config.json or flag. */
function styleOf(files: Record<string, string | object>) {
  return entityStyle(readTsconfig(project(files)));
}

describe('entityStyle', () => {
  it.each([
    {
      name: 'experimentalDecorators on',
      tsconfig: { compilerOptions: { experimentalDecorators: true, emitDecoratorMetadata: true } },
      style: 'class',
    },
    {
      name: 'experimentalDecorators on without emitDecoratorMetadata (gen spells every column type)',
      tsconfig: { compilerOptions: { experimentalDecorators: true } },
      style: 'class',
    },
    {
      name: 'no experimentalDecorators (TypeScript 5 standard decorators)',
      tsconfig: { compilerOptions: { strict: true } },
      style: 'schema',
    },
    { name: 'experimentalDecorators: false', tsconfig: { compilerOptions: { experimentalDecorators: false } }, style: 'schema' },
  ])('$name: $style', ({ tsconfig, style }) => {
    expect(styleOf({ 'tsconfig.json': tsconfig }).style).toBe(style);
  });

  it('reads experimentalDecorators through an extends chain, as tsc does', () => {
    const files = {
      'config/tsconfig.base.json': { compilerOptions: { experimentalDecorators: true } },
      'tsconfig.json': { extends: './config/tsconfig.base.json', compilerOptions: { strict: true } },
    };
    expect(styleOf(files)).toEqual({ style: 'class', from: 'tsconfig.json (experimentalDecorators)' });
    expect(
      styleOf({ ...files, 'tsconfig.json': { extends: './config/tsconfig.base.json', compilerOptions: { experimentalDecorators: false } } })
        .style,
    ).toBe('schema');
  });

  it('takes a project without tsconfig for one without experimentalDecorators, as tsc does', () => {
    expect(styleOf({ 'package.json': { name: 'app' } })).toEqual({
      style: 'schema',
      from: 'no tsconfig.json (so no experimentalDecorators)',
    });
  });

  it('lets gen.config.json, then --entity-style, override the tsconfig', () => {
    const tsconfig = readTsconfig(project({ 'tsconfig.json': { compilerOptions: { experimentalDecorators: true } } }));
    expect(entityStyle(tsconfig, 'schema')).toEqual({ style: 'schema', from: 'gen.config.json' });
    expect(entityStyle(tsconfig, 'schema', 'class')).toEqual({ style: 'class', from: '--entity-style' });
    expect(entityStyle(undefined, undefined, 'class').style).toBe('class');
  });
});

describe("gen.config.json's entityStyle", () => {
  it('is read, and anything but "class" or "schema" stops with its line', () => {
    expect(loadProjectContext(project({ 'gen.config.json': { entityStyle: 'schema' } })).config.entityStyle).toBe('schema');
    expect(loadProjectContext(project({ 'gen.config.json': {} })).config.entityStyle).toBeUndefined();

    const dir = project({ 'gen.config.json': '{\n  "layout": "plan",\n  "entityStyle": "decorators"\n}\n' });
    const error = (() => {
      try {
        return loadProjectContext(dir).config;
      } catch (e) {
        return e;
      }
    })() as GenError;
    expect(error).toBeInstanceOf(GenError);
    expect(error.message).toBe(`gen.config.json: 'entityStyle' must be "class" or "schema"`);
    expect(error.location).toEqual({ file: 'gen.config.json', line: 3 });
  });
});
