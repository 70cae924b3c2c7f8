import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { ts } from 'ts-morph';
import { projectTypeScript } from '../config/typescript-version.js';
import { readTsconfig } from './tsconfig-reader.js';

/**
 * gen reads the domain with the TypeScript inside ts-morph (6.x), whose defaults differ from those of the
 * TypeScript a project compiles with when that is 5.x or older: `strict` on, no `@types` package unless named in
 * `types`, side-effect imports checked. A project that never set them would get errors its own tsc never reports
 * (implicit any, `crypto` unknown). So options the project's tsconfig leaves unset get its own TypeScript's
 * defaults; a project on TypeScript 6 or newer, or whose TypeScript gen cannot find, is read as configured.
 */
export function ownCompilerDefaults(projectRoot: string): ts.CompilerOptions {
  const typescript = projectTypeScript(projectRoot);
  const major = typescript ? Number(/^(\d+)/.exec(typescript.version)?.[1]) : Number.NaN;
  if (!(major < 6)) return {};
  const options = readTsconfig(projectRoot)?.options ?? {};
  return {
    ...(options.strict === undefined ? { strict: false } : {}),
    ...(options.types === undefined ? { types: everyTypesPackage(projectRoot, options.typeRoots) } : {}),
    ...(options.noUncheckedSideEffectImports === undefined ? { noUncheckedSideEffectImports: false } : {}),
  };
}

/** What TypeScript 5 and older include without `types`: every package in the type roots (node_modules/@types up the tree). */
function everyTypesPackage(projectRoot: string, typeRoots: readonly string[] | undefined): string[] {
  const roots = typeRoots ?? ancestors(projectRoot).map((dir) => join(dir, 'node_modules', '@types'));
  const packages = roots.filter((root) => existsSync(root)).flatMap((root) => readdirSync(root, { withFileTypes: true }).filter((e) => e.isDirectory() || e.isSymbolicLink()).map((e) => e.name));
  return [...new Set(packages)].filter((name) => !name.startsWith('.')).sort();
}

function ancestors(dir: string): string[] {
  const parent = dirname(dir);
  return parent === dir ? [dir] : [dir, ...ancestors(parent)];
}
