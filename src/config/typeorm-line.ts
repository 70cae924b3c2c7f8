import { GenError } from '../errors.js';
import { declaredDependency, type PackageFacts } from './package-manifest.js';

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
export function typeOrmTarget(project: PackageFacts, override?: TypeOrmLine): TypeOrmTarget {
  if (override) return { line: override, from: '--typeorm' };
  const declared = declaredDependency(project.packageManifest, 'typeorm', ['dependencies', 'devDependencies', 'peerDependencies']);
  if (declared) {
    const line = lineOf(declared.range);
    if (line) return { line, from: `package.json (typeorm ${declared.range})` };
    const installed = project.installed.typeorm;
    const fromInstalled = installed && lineOf(installed);
    if (fromInstalled) return { line: fromInstalled, from: `the installed typeorm ${installed}` };
    const at = { file: 'package.json', line: declared.line };
    if (releaseOf(declared.range) === undefined && installed && releaseOf(installed))
      throw unsupported(`typeorm '${declared.range}' (installed: ${installed})`, installed, at);
    throw unsupported(`typeorm '${declared.range}'`, declared.range, at);
  }
  const installed = project.installed.typeorm;
  if (installed) {
    const line = lineOf(installed);
    if (!line) throw unsupported(`the installed typeorm ${installed}`, installed);
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

/** The release a version or range names, as TypeORM numbers its lines (`^0.2.45` -> 0.2, `2.0.0` -> 2); undefined for a tag or URL. */
function releaseOf(range: string): string | undefined {
  const version = /^\s*[~^=v]*\s*(\d+)(?:\.(\d+))?/.exec(range.replace(/^[<>]=?/, ''));
  if (!version) return undefined;
  return version[1] === '0' && version[2] !== undefined ? `0.${version[2]}` : version[1];
}

/**
 * A line gen does not generate for: named, with the upgrade to decide (0.2's Connection API is not 0.3's DataSource);
 * a range no release can be read from (a tag, a URL), with the pin or the --typeorm that says which it is.
 */
function unsupported(what: string, version: string, location?: { file: string; line: number }): GenError {
  const release = releaseOf(version);
  if (release !== undefined)
    return new GenError(
      `${what} is TypeORM ${release}, and gen generates for TypeORM 0.3 and 1.x only`,
      location,
      'Upgrade typeorm to 0.3 (npm install typeorm@^0.3) or to 1.x (npm install typeorm@^1), then run gen again.',
    );
  return new GenError(
    `gen generates for TypeORM 0.3 and 1.x, and cannot tell which one ${what} is`,
    location,
    'Pin typeorm to ^0.3 or ^1 in package.json, or pass --typeorm 0.3|1.',
  );
}
