import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { GenError } from '../errors.js';

/**
 * The range the project's package.json declares for `name` in the first of `fields` that has it, and its line.
 * An unreadable package.json is an error (it names the file), unless `lenient`: then it declares nothing.
 */
export function declaredDependency(projectRoot: string, name: string, fields: readonly string[], lenient = false): { range: string; line: number } | undefined {
  const path = join(projectRoot, 'package.json');
  if (!existsSync(path)) return undefined;
  const text = readFileSync(path, 'utf8');
  let manifest: Record<string, unknown>;
  try {
    manifest = JSON.parse(text) as Record<string, unknown>;
  } catch (error) {
    if (lenient) return undefined;
    throw new GenError(`package.json is not valid JSON: ${(error as Error).message}`, { file: 'package.json', line: 1 });
  }
  for (const field of fields) {
    const range = (manifest[field] as Record<string, unknown> | undefined)?.[name];
    if (typeof range === 'string') {
      const line = text.split('\n').findIndex((l) => new RegExp(`"${name}"\\s*:`).test(l)) + 1;
      return { range, line: Math.max(line, 1) };
    }
  }
  return undefined;
}

/** The version of `name` Node would load for the project: the nearest node_modules/<name> up from its root. */
export function installedVersion(projectRoot: string, name: string): string | undefined {
  for (let dir = resolve(projectRoot); ; dir = dirname(dir)) {
    const path = join(dir, 'node_modules', name, 'package.json');
    if (existsSync(path)) {
      const version = (JSON.parse(readFileSync(path, 'utf8')) as { version?: unknown }).version;
      return typeof version === 'string' ? version : undefined;
    }
    if (dirname(dir) === dir) return undefined;
  }
}
