import { cpSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { packageRoot } from '../src/paths.js';

export const ROOT = packageRoot();

/**
 * A runnable temporary copy of an example, as test/support/projects.ts makes them, but in the system's temp
 * folder with this repository's node_modules linked in (the catalog example has none of its own).
 */
export function copyExample(example: string): string {
  const home = join(ROOT, 'examples', example);
  const dir = mkdtempSync(join(tmpdir(), `gen-bench-${example}-`));
  for (const entry of readdirSync(home).filter((name) => name !== '.tmp' && name !== 'node_modules')) {
    cpSync(join(home, entry), join(dir, entry), { recursive: true });
  }
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
  return dir;
}

/** Runs `use` on a fresh copy of the example and removes the copy afterwards, whatever happens. */
export async function withExampleCopy<T>(example: string, use: (dir: string) => Promise<T>): Promise<T> {
  const dir = copyExample(example);
  try {
    return await use(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
