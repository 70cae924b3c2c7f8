import { posix } from 'node:path';
import { manifestFields, type PackageManifest } from './package-manifest.js';

/** What a jest config file may be named, and what an import of one without its extension may point at. */
const CONFIG_EXTENSIONS = ['.ts', '.js', '.cjs', '.mjs', '.cts', '.mts', '.json'];

/**
 * The config file package.json's `test` script names with `jest --config path`, `--config=path` or `-c path`
 * (project-relative, POSIX); undefined when it names none, or passes the config inline as JSON.
 */
export function jestConfigPath(packageManifest: PackageManifest | undefined): string | undefined {
  const scripts = manifestFields(packageManifest)['scripts'];
  const command = scripts && typeof scripts === 'object' ? (scripts as Record<string, unknown>)['test'] : undefined;
  if (typeof command !== 'string') return undefined;
  for (const part of command.split(/&&|\|\||;|\|/)) {
    const words = (part.match(/'[^']*'|"[^"]*"|\S+/g) ?? []).map((word) => word.replace(/^(['"])(.*)\1$/, '$2'));
    const start = words.findIndex((word) => /(^|\/)jest(\.js)?$/.test(word));
    if (start < 0) continue;
    for (let i = start + 1; i < words.length; i++) {
      const inline = /^(--config|-c)=(.*)$/.exec(words[i]);
      const value = inline ? inline[2] : words[i] === '--config' || words[i] === '-c' ? words[i + 1] : undefined;
      if (value !== undefined) return value.trim().startsWith('{') ? undefined : posix.normalize(value).replace(/^\.\//, '');
    }
  }
  return undefined;
}

/**
 * The project files a jest config spreads into its own object (`...baseConfig`, imported from './jest-base.config'
 * or required), project-relative; `exists` says which candidate paths are files. Packages (`'@org/jest-preset'`) are
 * not followed.
 */
export function spreadConfigPaths(path: string, text: string, exists: (path: string) => boolean): string[] {
  const spreads = [...text.matchAll(/\.\.\.\s*([A-Za-z_$][\w$]*)/g)].map((m) => m[1]);
  const paths: string[] = [];
  for (const name of new Set(spreads)) {
    const from =
      new RegExp(`import\\s+(?:${name}\\b|\\{[^}]*\\b${name}\\b[^}]*\\}|\\*\\s+as\\s+${name}\\b)[^'"]*from\\s*['"]([^'"]+)['"]`).exec(
        text,
      ) ?? new RegExp(`(?:\\b${name}|\\{[^}]*\\b${name}\\b[^}]*\\})\\s*=\\s*require\\(\\s*['"]([^'"]+)['"]\\s*\\)`).exec(text);
    if (!from || !from[1].startsWith('.')) continue;
    const target = posix.join(posix.dirname(path), from[1]);
    const file = [target, ...CONFIG_EXTENSIONS.map((ext) => `${target.replace(/\.js$/, '')}${ext}`)].find(exists);
    if (file !== undefined) paths.push(file);
  }
  return paths;
}
