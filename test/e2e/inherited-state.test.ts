import { readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { inheritedDomain } from '../support/inherited-domain.js';
import { runGen, runTool, writeProject } from '../support/projects.js';

// Seeded domains whose aggregate holds state in 1-2 project base classes (toky-back's DomainEntity), with ports of
// their own or inherited from a generic abstract Repository<T>. For every field: either it has a column, the
// generated suite sets it (to a dated sample, not its default) and round-trips it, or gen refuses naming it.
const VITEST_CONFIG =
  "import { defineConfig } from 'vitest/config';\nexport default defineConfig({ test: { include: ['tests/**/*.test.ts'] } });\n";
const seeds = (process.env['GEN_INHERITED_SEEDS'] ?? '1,3,4').split(',').map(Number);

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

describe.each(seeds.map((seed) => ({ seed })))('inherited state, seed $seed', ({ seed }) => {
  it('stores every field of the aggregate and its bases, and round-trips it in the generated suite', async () => {
    const domain = inheritedDomain(seed);
    const dir = writeProject({ 'vitest.config.ts': VITEST_CONFIG, ...domain.files }, { compiled: true });
    const context = `${domain.summary}\nproject: ${dir}`;

    const run = await runGen(['infra', domain.feature, '--cwd', dir, '--now', '2024-06-01T00:00:00Z']);
    expect(
      run.err.split('\n').filter((l) => l !== '' && !l.startsWith('gen: warning:')),
      context,
    ).toEqual([]);
    expect(run.code, context).toBe(0);

    const generated = filesUnder(join(dir, 'src/infrastructure')).map((path) => readFileSync(path, 'utf8'));
    const model = generated.find((text) => text.includes('@Entity('));
    const suite = filesUnder(join(dir, 'tests'))
      .map((path) => readFileSync(path, 'utf8'))
      .join('\n');
    for (const field of domain.fields) {
      expect(model, `${field.name} has no column: ${context}`).toMatch(new RegExp(`\\b${field.name}[!?]?:`));
      expect(suite, `${field.name} is never set by the generated suite: ${context}`).toMatch(new RegExp(`\\b_?${field.name}:`));
    }

    const tsc = runTool('tsc', ['-p', 'tsconfig.json', '--noEmit'], dir);
    expect(tsc.output, context).toBe('');
    const tests = runTool('vitest', ['run'], dir);
    expect(tests.status, `${context}\n${tests.output}`).toBe(0);
    expect(tests.output).toMatch(/Tests\s+\d+ passed/);
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses a hidden field of the aggregate or a base by name, writing nothing', async () => {
    const domain = inheritedDomain(seed, { hidden: true });
    const hidden = domain.fields.filter((f) => f.spelling === 'hidden').map((f) => f.name);
    const dir = writeProject(domain.files, { compiled: true });

    const run = await runGen(['infra', domain.feature, '--cwd', dir]);
    expect(run.code, domain.summary).not.toBe(0);
    expect(
      hidden.some((name) => run.err.includes(name)),
      `${domain.summary}\n${run.err}`,
    ).toBe(true);
    expect(
      filesUnder(dir).some((path) => path.includes('infrastructure')),
      domain.summary,
    ).toBe(false);
    rmSync(dir, { recursive: true, force: true });
  });
});
