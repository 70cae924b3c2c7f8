import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { GenError } from '../errors.js';

/**
 * The TypeORM lines gen generates for. They differ in what the generated code may use: 1.x dropped the
 * `sqlite3` driver (SQLite goes through `better-sqlite3`) and throws on `null`/`undefined` in `where`.
 */
export const TYPEORM_LINES = ['0.3', '1'] as const;
export type TypeOrmLine = (typeof TYPEORM_LINES)[number];

/** Where the line came from, for messages. */
export interface TypeOrmTarget {
  line: TypeOrmLine;
  from: string;
}

/**
 * The project's TypeORM line: `--typeorm` if given; else the version range its package.json declares; else
 * the version of the typeorm package installed for it. A project that names no TypeORM at all gets 0.3.
 */
export function typeOrmTarget(projectRoot: string, override?: TypeOrmLine): TypeOrmTarget {
  if (override) return { line: override, from: '--typeorm' };
  const declared = declaredRange(projectRoot);
  if (declared) {
    const line = lineOf(declared.range);
    if (line) return { line, from: `package.json (typeorm ${declared.range})` };
    const installed = installedVersion(projectRoot);
    const fromInstalled = installed && lineOf(installed);
    if (fromInstalled) return { line: fromInstalled, from: `the installed typeorm ${installed}` };
    throw unsupported(`typeorm '${declared.range}'`, { file: 'package.json', line: declared.line });
  }
  const installed = installedVersion(projectRoot);
  if (installed) {
    const line = lineOf(installed);
    if (!line) throw unsupported(`the installed typeorm ${installed}`);
    return { line, from: `the installed typeorm ${installed}` };
  }
  return { line: '0.3', from: 'the default (the project names no typeorm)' };
}

/** `^0.3.29` -> 0.3, `~1.1.0` / `1.x` / `>=1.0.0` -> 1; anything else (0.2, 2.x, a tag, a git URL) -> undefined. */
export function lineOf(range: string): TypeOrmLine | undefined {
  const version = /(\d+)(?:\.(\d+|x|\*))?/.exec(range);
  if (!version) return undefined;
  if (version[1] === '1') return '1';
  if (version[1] === '0' && version[2] === '3') return '0.3';
  return undefined;
}

function declaredRange(projectRoot: string): { range: string; line: number } | undefined {
  const path = join(projectRoot, 'package.json');
  if (!existsSync(path)) return undefined;
  const text = readFileSync(path, 'utf8');
  let manifest: Record<string, unknown>;
  try {
    manifest = JSON.parse(text) as Record<string, unknown>;
  } catch (error) {
    throw new GenError(`package.json is not valid JSON: ${(error as Error).message}`, { file: 'package.json', line: 1 });
  }
  for (const field of ['dependencies', 'devDependencies', 'peerDependencies']) {
    const range = (manifest[field] as Record<string, unknown> | undefined)?.['typeorm'];
    if (typeof range === 'string') {
      const line = text.split('\n').findIndex((l) => /"typeorm"\s*:/.test(l)) + 1;
      return { range, line: Math.max(line, 1) };
    }
  }
  return undefined;
}

/** The typeorm Node would load for the project: the nearest node_modules/typeorm up from its root. */
function installedVersion(projectRoot: string): string | undefined {
  for (let dir = resolve(projectRoot); ; dir = dirname(dir)) {
    const path = join(dir, 'node_modules', 'typeorm', 'package.json');
    if (existsSync(path)) {
      const version = (JSON.parse(readFileSync(path, 'utf8')) as { version?: unknown }).version;
      return typeof version === 'string' ? version : undefined;
    }
    if (dirname(dir) === dir) return undefined;
  }
}

function unsupported(what: string, location?: { file: string; line: number }): GenError {
  return new GenError(`gen generates for TypeORM 0.3 and 1.x, and cannot tell which one ${what} is`, location, 'Pin typeorm to ^0.3 or ^1 in package.json, or pass --typeorm 0.3|1.');
}
