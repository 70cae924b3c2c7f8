import type { ts } from 'ts-morph';
import type { TypeScriptVersion } from '../config/typescript-version.js';

/**
 * gen reads the domain with the TypeScript inside ts-morph (6.x), whose defaults differ from those of the
 * TypeScript a project compiles with when that is 5.x or older: `strict` on, no `@types` package unless named in
 * `types`, side-effect imports checked. A project that never set them would get errors its own tsc never reports
 * (implicit any, `crypto` unknown). So options the project's tsconfig leaves unset get its own TypeScript's
 * defaults; a project on TypeScript 6 or newer, or whose TypeScript gen cannot find, is read as configured.
 * `typesPackages`: what TypeScript 5 and older include without `types`, every package in the type roots
 * (`typeRoots`, else node_modules/@types up the tree), listed when the run starts.
 */
export function ownCompilerDefaults(
  options: ts.CompilerOptions,
  typescript: TypeScriptVersion | undefined,
  typesPackages: readonly string[],
): ts.CompilerOptions {
  const major = typescript ? Number(/^(\d+)/.exec(typescript.version)?.[1]) : Number.NaN;
  if (!(major < 6)) return {};
  return {
    ...(options.strict === undefined ? { strict: false } : {}),
    ...(options.types === undefined
      ? {
          types: [...new Set(typesPackages)].filter((name) => !name.startsWith('.')).sort(),
        }
      : {}),
    ...(options.noUncheckedSideEffectImports === undefined ? { noUncheckedSideEffectImports: false } : {}),
  };
}
