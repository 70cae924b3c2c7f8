import { ts } from 'ts-morph';
import { GenError, type SourceLocation } from '../errors.js';
import { declaredDependency, type PackageFacts } from './package-manifest.js';
import type { TypeOrmLine } from './typeorm-line.js';

/**
 * The oldest TypeScript that reads each TypeORM line's type declarations, checked with tsc 4.4 to 5.2 on
 * typeorm 0.3.29 and 1.1.1. Both use `import { type X }` (TypeScript 4.5), which no compiler option gets past.
 * 1.x also uses `export type *` (5.0) and declares its query runners `AsyncDisposable` (5.2): older compilers
 * report those in its .d.ts files unless `skipLibCheck` is on.
 */
const MINIMUM: Record<TypeOrmLine, { checked: string; skipLibCheck: string }> = {
  '0.3': { checked: '4.5', skipLibCheck: '4.5' },
  '1': { checked: '5.2', skipLibCheck: '4.5' },
};

/** The project's TypeScript: the one installed for it, else the lowest version its package.json allows. */
export interface TypeScriptVersion {
  version: string;
  /** For messages: `node_modules/typescript` or `package.json`. */
  from: string;
  location?: SourceLocation;
}

/**
 * Stops (exit 2) when the project's TypeScript is older than the TypeORM line needs: its tsc could not read
 * TypeORM's types, so the generated code would not compile. A project whose TypeScript gen cannot find is not checked.
 */
export function checkTypeScriptVersion(typescript: TypeScriptVersion | undefined, line: TypeOrmLine, skipLibCheck: boolean): void {
  if (!typescript) return;
  const needed = MINIMUM[line][skipLibCheck ? 'skipLibCheck' : 'checked'];
  if (compareVersions(typescript.version, needed) >= 0) return;
  const typeorm = line === '1' ? 'TypeORM 1.x' : 'TypeORM 0.3';
  const alternatives = [`upgrade it: npm install --save-dev typescript@^${needed}`];
  if (line === '1' && !skipLibCheck && compareVersions(typescript.version, MINIMUM['1'].skipLibCheck) >= 0)
    alternatives.push('set "skipLibCheck": true in tsconfig.json');
  if (line === '1' && compareVersions(typescript.version, MINIMUM['0.3'].checked) >= 0)
    alternatives.push('generate for TypeORM 0.3 (--typeorm 0.3)');
  throw new GenError(
    `TypeScript ${typescript.version} (${typescript.from}) is older than ${typeorm} needs: TypeScript ${needed} or newer${line === '1' && !skipLibCheck ? ' (without skipLibCheck)' : ''}, to read its type declarations`,
    typescript.location,
    `${alternatives.join(', or ')}.`.replace(/^./, (c) => c.toUpperCase()),
  );
}

export function projectTypeScript(project: PackageFacts): TypeScriptVersion | undefined {
  const installed = project.installed.typescript;
  if (installed !== undefined && /^\d+\.\d+/.test(installed)) return { version: installed, from: 'node_modules/typescript' };
  return declaredTypeScript(project);
}

/** `"typescript": "^4.4.3"` -> 4.4.3: the lowest version the range lets npm install. */
function declaredTypeScript(project: PackageFacts): TypeScriptVersion | undefined {
  // Lenient: typeOrmTarget reports an unreadable package.json.
  const declared = declaredDependency(project.packageManifest, 'typescript', ['devDependencies', 'dependencies'], true);
  const version = declared && /^[\^~>=v\s]*(\d+(?:\.\d+){0,2})/.exec(declared.range)?.[1];
  if (!declared || !version) return undefined;
  return { version, from: `package.json "typescript": "${declared.range}"`, location: { file: 'package.json', line: declared.line } };
}

/** Numeric comparison of dotted versions: `4.10` is newer than `4.9`; missing parts count as 0; a pre-release suffix is ignored. */
export function compareVersions(a: string, b: string): number {
  const parts = (v: string) =>
    v
      .split(/[-+]/)[0]
      .split('.')
      .map((p) => Number.parseInt(p, 10) || 0);
  const [x, y] = [parts(a), parts(b)];
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const d = (x[i] ?? 0) - (y[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/**
 * Stops (exit 2) when tsconfig.json compiles for ES5 or ES3, with or without downlevelIteration: tsc compiles classes to
 * functions there, and the generated code's classes that extend built-ins break at run time (a `Map` subclass throws
 * "Constructor Map requires 'new'"; an `Error` subclass is not `instanceof` itself, so a stale write's ConcurrencyError
 * could not be told apart). tsc accepts the code, so only this check says so. Only an explicit target is judged; the line
 * is where tsconfig.json sets it.
 */
export function checkClassTarget(options: ts.CompilerOptions, tsconfigText: string | undefined): void {
  if (options.target === undefined || options.target >= ts.ScriptTarget.ES2015) return;
  const lines = (tsconfigText ?? '').split('\n');
  const index = lines.findIndex((l) => /"target"\s*:/.test(l));
  throw new GenError(
    `tsconfig.json compiles for ${ts.ScriptTarget[options.target]}, where the generated classes that extend Map and Error break at run time (tsc compiles classes to functions: a Map subclass cannot be built, an Error subclass fails instanceof)`,
    { file: 'tsconfig.json', line: index === -1 ? 1 : index + 1 },
    'Set "target" to "es2015" or later in tsconfig.json (every Node.js gen supports runs ES2015+ natively).',
  );
}

/**
 * Stops (exit 2) when the generated code would find no types for Map, Set and Array.from: under `noLib`, which also
 * drops the `/// <reference lib="es2020" />` gen adds where the project's lib is older (lib-reference.ts). The line is where
 * tsconfig.json sets noLib.
 */
export function checkCollectionLibrary(options: ts.CompilerOptions, tsconfigText: string | undefined): void {
  if (options.noLib !== true) return;
  const lines = (tsconfigText ?? '').split('\n');
  const index = lines.findIndex((l) => /"noLib"\s*:/.test(l));
  throw new GenError(
    'tsconfig.json sets noLib, which leaves out the standard library the generated code uses (Map, Set, Promise, Array.from from es2015)',
    { file: 'tsconfig.json', line: index === -1 ? 1 : index + 1 },
    'Remove "noLib" from tsconfig.json (a "lib" list naming what the project allows, e.g. ["es2015"], keeps other library code out).',
  );
}
