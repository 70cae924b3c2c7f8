import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The folder holding gen's own package.json: found by walking up, so it works from src/ and dist/src/. */
export function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('gen: cannot find its own package.json');
    dir = parent;
  }
  return dir;
}

/** Project-relative paths are always POSIX, so output and messages are the same on every OS. */
export function toPosix(path: string): string {
  return path.split('\\').join('/');
}
