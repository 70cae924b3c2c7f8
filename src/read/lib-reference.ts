import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ts } from 'ts-morph';

/**
 * The standard library the generated code uses (`flatMap`, `BigInt`, `Promise.allSettled`): ES2020's, the lowest year
 * that has them. Not a later one: TypeScript 4.5, which gen supports for TypeORM 0.3, knows no `es2022` lib (TS2727).
 */
const NEEDED = 'es2020';

/**
 * `es2020` when the project's compiler options do not already give the generated code ES2020's library (a `target`
 * below ES2020 with no `lib`, as Nest 9's `es2017`, or a `lib` naming only older years), else undefined. The generated
 * files then say `/// <reference lib="es2020" />`: types only, for a runtime (Node 20) that has all of it.
 */
export function libReference(options: ts.CompilerOptions | undefined, typescriptVersion?: string): string | undefined {
  if (!options) return undefined;
  if (options.lib !== undefined) {
    const covered = options.lib.some((file) => /(^|[\\/.])(lib\.)?(es202\d|es20[3-9]\d|esnext)(\.full)?(\.d\.ts)?$/i.test(file));
    return covered ? undefined : NEEDED;
  }
  // Unset, the target is the project's TypeScript's default: ES5 before TypeScript 6, ES2025 since (gen's own is 6.x).
  const major = Number(/^(\d+)/.exec(typescriptVersion ?? '6')?.[1]);
  const target = options.target ?? (major >= 6 ? ts.ScriptTarget.ES2022 : ts.ScriptTarget.ES5);
  return target >= ts.ScriptTarget.ES2020 ? undefined : NEEDED;
}

/**
 * True when the project's compiler options leave Node's types out while @types/node is installed for it: `types`
 * naming others but not `node` (`["reflect-metadata"]`), or unset under TypeScript 6, whose default is none. The
 * generated files use Node's APIs (AsyncLocalStorage, node:crypto, process.env, setTimeout): they then say
 * `/// <reference types="node" />`, as a file of the project that used them would need to.
 */
export function nodeTypesReference(
  options: ts.CompilerOptions | undefined,
  typescriptVersion: string | undefined,
  projectRoot: string,
): boolean {
  if (!options) return false;
  const major = Number(/^(\d+)/.exec(typescriptVersion ?? '6')?.[1]);
  const left = options.types !== undefined ? !options.types.includes('node') : major >= 6;
  return left && nodeTypesInstalled(projectRoot);
}

/** node_modules/@types/node in the project's folder or one above it (a workspace's hoisted packages). */
function nodeTypesInstalled(projectRoot: string): boolean {
  for (let folder = projectRoot; ; folder = dirname(folder)) {
    if (existsSync(join(folder, 'node_modules', '@types', 'node', 'package.json'))) return true;
    if (dirname(folder) === folder) return false;
  }
}
