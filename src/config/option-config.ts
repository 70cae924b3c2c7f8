import { GenError, type SourceLocation } from '../errors.js';

/**
 * gen.config.json `"option"`: the project's own Option/Maybe type and how to build and read it, e.g.
 * `{ "type": "Maybe", "some": "Maybe.some(value)", "none": "Maybe.none()", "isSome": "option.isSome()", "get": "option.getValue()" }`.
 * `value` stands for the aggregate, `option` for a wrapper; the other names are imported from where the port imports the type.
 */
export interface OptionConfig {
  type: string;
  some: string;
  none: string;
  isSome: string;
  get: string;
}

const KEYS = ['type', 'some', 'none', 'isSome', 'get'] as const;
const EXAMPLE =
  '{ "type": "Maybe", "some": "Maybe.some(value)", "none": "Maybe.none()", "isSome": "option.isSome()", "get": "option.getValue()" }';

export function parseOptionConfig(value: unknown, at: SourceLocation): OptionConfig {
  const fail = (message: string) => new GenError(`gen.config.json: 'option' ${message}`, at, `For example: "option": ${EXAMPLE}.`);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw fail('must be an object');
  const entries = value as Record<string, unknown>;
  for (const key of Object.keys(entries))
    if (!(KEYS as readonly string[]).includes(key)) throw fail(`has an unknown key '${key}' (keys: ${KEYS.join(', ')})`);
  for (const key of KEYS)
    if (typeof entries[key] !== 'string' || entries[key].trim() === '') throw fail(`needs '${key}', a non-empty string`);
  const config = entries as unknown as OptionConfig;
  if (!/^[A-Za-z_$][\w$]*$/.test(config.type)) throw fail(`'type' must be the type's name, like "Maybe"`);
  if (!/\bvalue\b/.test(config.some)) throw fail(`'some' must use \`value\`, the aggregate it wraps`);
  for (const key of ['isSome', 'get'] as const)
    if (!/\boption\b/.test(config[key])) throw fail(`'${key}' must use \`option\`, the wrapper it reads`);
  return { type: config.type, some: config.some, none: config.none, isSome: config.isSome, get: config.get };
}

/** The names an expression calls that must be imported: identifiers not behind a `.`, other than the placeholders. */
export function expressionImports(expression: string, placeholders: readonly string[]): string[] {
  const names = [...expression.matchAll(/(?<![.\w$])([A-Za-z_$][\w$]*)/g)].map((m) => m[1]);
  return [...new Set(names.filter((n) => !placeholders.includes(n) && !['new', 'null', 'undefined', 'true', 'false'].includes(n)))];
}
