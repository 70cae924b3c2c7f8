import { manifestFields } from './package-manifest.js';
import { mochaOptions } from './mocha-options.js';
import { testDiscovery, type RunnerConfigFiles } from './test-discovery.js';
import type { TestRunner } from './test-runner.js';
import type { PathAlias } from '../model/module-settings.js';

/**
 * A warning when the project's code imports through tsconfig path aliases (`@/domain/…`) that its test runner
 * does not resolve by itself (issue 19: vitest needs a plugin, jest a moduleNameMapper, mocha under ts-node
 * tsconfig-paths; tsx resolves them itself): the generated tests import
 * that code, so they would not load. Names the one setting to add; undefined when the runner's config already
 * maps paths, or the code uses no alias.
 */
export function aliasResolutionWarning(runner: TestRunner, files: RunnerConfigFiles, aliases: readonly PathAlias[]): string | undefined {
  if (aliases.length === 0) return undefined;
  const manifest = manifestFields(files.packageManifest);
  const dependencies = ['dependencies', 'devDependencies'].flatMap((field) =>
    Object.keys((manifest[field] as Record<string, unknown> | undefined) ?? {}),
  );
  // A config named by a script (test/config/jest-unit.config.ts) or spread in counts as the runner's too.
  const configs = [...files.runnerConfigs].filter(([name]) => name.slice(name.lastIndexOf('/') + 1).startsWith(runner.name));
  const named = aliases.map((a) => `'${a.pattern}'`).join(', ');
  if (runner.name === 'mocha') {
    const options = mochaOptions(files.packageManifest, files.runnerConfigs);
    if (options.loaders.some((loader) => /tsconfig-paths|(^|[\s/=@'"])tsx\b/.test(loader))) return undefined;
    const file = options.sources.find((source) => !source.startsWith('package.json')) ?? '.mocharc.json';
    return `the project's code imports through the tsconfig path alias ${named}, which mocha's TypeScript loader does not resolve by itself, so the generated tests cannot load it: add "tsconfig-paths/register" to "require" in ${file}`;
  }
  if (runner.name === 'vitest') {
    if (dependencies.includes('vite-tsconfig-paths') || configs.some(([, text]) => /tsconfigPaths|tsconfig-paths|alias/.test(text)))
      return undefined;
    const file = configs[0]?.[0] ?? 'vitest.config.ts';
    return `the project's code imports through the tsconfig path alias ${named}, which vitest does not resolve by itself, so the generated tests cannot load it: add the vite-tsconfig-paths plugin to ${file} (\`plugins: [tsconfigPaths()]\`)`;
  }
  if (manifest['jest'] !== undefined && JSON.stringify(manifest['jest']).includes('moduleNameMapper')) return undefined;
  if (configs.some(([, text]) => text.includes('moduleNameMapper'))) return undefined;
  // <rootDir> is jest's rootDir (Nest's `rootDir: 'src'`), not the project's root: the targets are written from there.
  const { rootDir } = testDiscovery(files, 'jest');
  const fromRootDir = (target: string) =>
    rootDir === ''
      ? target
      : target.startsWith(`${rootDir}/`)
        ? target.slice(rootDir.length + 1)
        : `${'../'.repeat(rootDir.split('/').length)}${target}`;
  const mapper = aliases
    .map(
      (a) =>
        `'^${a.pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace('*', '(.*)')}$': '<rootDir>/${fromRootDir(a.targets[0] ?? '').replace('*', '$1')}'`,
    )
    .join(', ');
  return `the project's code imports through the tsconfig path alias ${named}, which jest does not resolve by itself, so the generated tests cannot load it: add to the jest config \`moduleNameMapper: { ${mapper} }\``;
}
