import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expressionImports } from '../../src/config/option-config.js';
import { loadProjectContext } from '../../src/project-context.js';

function load(option: unknown) {
  const dir = mkdtempSync(join(tmpdir(), 'gen-option-'));
  writeFileSync(join(dir, 'gen.config.json'), JSON.stringify({ option }, null, 2));
  return loadProjectContext(dir).config;
}

const MAYBE = { type: 'Maybe', some: 'Maybe.some(value)', none: 'Maybe.none()', isSome: 'option.isSome()', get: 'option.getValue()' };

describe('gen.config.json "option"', () => {
  it("reads the project's wrapper", () => {
    expect(load(MAYBE).option).toEqual(MAYBE);
  });

  it.each([
    ['a string', 'Maybe', /must be an object/],
    ['a missing key', { ...MAYBE, get: undefined }, /needs 'get'/],
    ['an unknown key', { ...MAYBE, unwrap: 'option.unwrap()' }, /unknown key 'unwrap'/],
    ['a some without value', { ...MAYBE, some: 'Maybe.some(x)' }, /'some' must use `value`/],
    ['an isSome without option', { ...MAYBE, isSome: 'isJust()' }, /'isSome' must use `option`/],
    ['a type that is no name', { ...MAYBE, type: 'Maybe<T>' }, /'type' must be the type's name/],
  ])('refuses %s, at its line, with an example', (_what, option, message) => {
    expect(() => load(option)).toThrow(message);
    try {
      load(option);
    } catch (error) {
      expect((error as { location?: { line: number } }).location?.line).toBe(2);
      expect((error as { hint?: string }).hint).toContain('"option": {');
    }
  });

  it('imports the names its expressions call, not the placeholders or members', () => {
    expect(expressionImports('Maybe.some(value)', ['value', 'option'])).toEqual(['Maybe']);
    expect(expressionImports('just(value)', ['value', 'option'])).toEqual(['just']);
    expect(expressionImports('isJust(option) && option.isSome()', ['value', 'option'])).toEqual(['isJust']);
  });
});
