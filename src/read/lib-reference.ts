import { ts } from 'ts-morph';

/** The standard library the generated code uses (`flatMap`, `BigInt`, `Promise.allSettled`, `.at()`): ES2022's. */
const NEEDED = 'es2022';

/**
 * `es2022` when the project's compiler options do not already give the generated code ES2022's library (a `target`
 * below ES2022 with no `lib`, as Nest 9's `es2017`, or a `lib` naming only older years), else undefined. The generated
 * files then say `/// <reference lib="es2022" />`: types only, for a runtime (Node 20) that has all of it.
 */
export function libReference(options: ts.CompilerOptions | undefined, typescriptVersion?: string): string | undefined {
  if (!options) return undefined;
  if (options.lib !== undefined) {
    const covered = options.lib.some((file) => /(^|[\\/.])(lib\.)?(es202[2-9]|es20[3-9]\d|esnext)(\.full)?(\.d\.ts)?$/i.test(file));
    return covered ? undefined : NEEDED;
  }
  // Unset, the target is the project's TypeScript's default: ES5 before TypeScript 6, ES2025 since (gen's own is 6.x).
  const major = Number(/^(\d+)/.exec(typescriptVersion ?? '6')?.[1]);
  const target = options.target ?? (major >= 6 ? ts.ScriptTarget.ES2022 : ts.ScriptTarget.ES5);
  return target >= ts.ScriptTarget.ES2022 ? undefined : NEEDED;
}
