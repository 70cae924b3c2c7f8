import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT } from './example-copy.js';
import type { Sample } from './harness.js';

const PROCESS_USAGE = pathToFileURL(join(ROOT, 'dist', 'bench', 'process-usage.js')).href;

export interface ChildRun {
  status: number | null;
  output: string;
  elapsedMs: number;
}

/** Runs a command to its end, capturing its output; rejects only if it cannot be started. */
export function runChild(command: string, args: readonly string[], cwd: string, env: Record<string, string> = {}): Promise<ChildRun> {
  // A bench started from inside vitest (its own test) must not make the children think they are vitest workers.
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !key.startsWith('VITEST') && key !== 'NODE_ENV' && key !== 'GEN_TEST_DATABASE_URL'),
  );
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(command, args, { cwd, env: { ...inherited, NO_COLOR: '1', ...env } });
    const chunks: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.on('error', reject);
    child.on('close', (status) =>
      resolve({ status, output: Buffer.concat(chunks).toString('utf8'), elapsedMs: performance.now() - start }),
    );
  });
}

/**
 * One fresh Node process running `script`: its wall time from spawn to exit (start-up included, as a user
 * waits for it), its CPU time and its peak RSS. Fails if the process does.
 */
export async function measureNodeProcess(script: string, args: readonly string[], cwd: string): Promise<Sample> {
  const dir = mkdtempSync(join(tmpdir(), 'gen-bench-rss-'));
  const usageFile = join(dir, 'usage.json');
  try {
    const run = await runChild(process.execPath, ['--import', PROCESS_USAGE, script, ...args], cwd, { GEN_BENCH_USAGE_FILE: usageFile });
    if (run.status !== 0) throw new Error(`${script} ${args.join(' ')} exited with ${run.status}:\n${run.output}`);
    const usage = JSON.parse(readFileSync(usageFile, 'utf8')) as { peakRss: number; cpuMs: number };
    return { msPer1000: run.elapsedMs, ...usage };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
