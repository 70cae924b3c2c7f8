import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GEN_STYLE, formatOptions } from '../../src/render/format-options.js';
import { ORDER_DOMAIN } from '../support/fixtures.js';
import { read, runGen, runTool, writeProject } from '../support/projects.js';

describe('formatOptions', () => {
  it("is gen's style when the project has no prettier config", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gen-format-'));
    expect(await formatOptions(dir, 'src/a.ts')).toEqual(GEN_STYLE);
    expect(await formatOptions(undefined, 'src/a.ts')).toEqual(GEN_STYLE);
  });

  it.each([
    ['.prettierrc', '{ "semi": false, "tabWidth": 4 }'],
    ['package.json', '{ "name": "p", "prettier": { "semi": false, "tabWidth": 4 } }'],
  ])("is the project's own config from %s", async (file, text) => {
    const dir = mkdtempSync(join(tmpdir(), 'gen-format-'));
    writeFileSync(join(dir, file), text);
    expect(await formatOptions(dir, 'src/a.ts')).toEqual({ semi: false, tabWidth: 4 });
  });

  it("applies the config's overrides for the file", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gen-format-'));
    writeFileSync(
      join(dir, '.prettierrc'),
      JSON.stringify({ semi: false, overrides: [{ files: '*.md', options: { proseWrap: 'always' } }] }),
    );
    expect(await formatOptions(dir, 'docs/plan.md')).toEqual({ semi: false, proseWrap: 'always' });
    expect(await formatOptions(dir, 'src/a.ts')).toEqual({ semi: false });
  });
});

describe("a project's prettier config", () => {
  it('formats every generated file, which still compiles', async () => {
    const dir = writeProject(
      { ...ORDER_DOMAIN, '.prettierrc': '{ "semi": false, "singleQuote": false, "printWidth": 100 }\n' },
      { compiled: true },
    );

    const run = await runGen(['infra', 'ordering', '--cwd', dir, '--now', '2024-06-01T00:00:00Z']);

    expect(run.code).toBe(0);
    const repository = read(dir, 'src/infrastructure/persistence/repositories/order.repository.ts');
    expect(repository).toContain('import { OrderMapper } from "../mappers/order.mapper"\n');
    expect(repository).not.toMatch(/;\n/);
    expect(runTool('tsc', ['-p', 'tsconfig.json', '--noEmit'], dir).output).toBe('');
    // Same input, same bytes: the second run changes nothing.
    expect((await runGen(['infra', 'ordering', '--cwd', dir, '--check'])).code).toBe(0);
  });
});
