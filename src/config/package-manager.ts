import type { PackageManager, PackageManifest } from './package-manifest.js';

export type { PackageManager } from './package-manifest.js';

const LOCKFILES: readonly [string, PackageManager][] = [
  ['pnpm-lock.yaml', 'pnpm'],
  ['yarn.lock', 'yarn'],
  ['bun.lockb', 'bun'],
  ['bun.lock', 'bun'],
  ['package-lock.json', 'npm'],
  ['npm-shrinkwrap.json', 'npm'],
];

/**
 * package.json's `"packageManager": "pnpm@9.1.0"` (what corepack enforces), else the lockfile at the root, else npm.
 * `rootEntries` are the names in the project's root folder.
 */
export function packageManagerOf(manifest: PackageManifest | undefined, rootEntries: readonly string[]): PackageManager {
  const named = manifest?.fields?.['packageManager'];
  if (typeof named === 'string') {
    const name = /^(npm|yarn|pnpm|bun)@/.exec(named)?.[1] as PackageManager | undefined;
    if (name) return name;
  }
  return LOCKFILES.find(([file]) => rootEntries.includes(file))?.[1] ?? 'npm';
}

/** The command that adds `packages` to the project's dependencies (or devDependencies), as its client spells it. */
export function installCommand(manager: PackageManager, packages: readonly string[], dev: boolean): string {
  const add = manager === 'npm' ? 'npm install' : `${manager} add`;
  const flag = !dev ? '' : manager === 'npm' || manager === 'pnpm' ? ' --save-dev' : ' --dev';
  return `${add}${flag} ${packages.join(' ')}`;
}
