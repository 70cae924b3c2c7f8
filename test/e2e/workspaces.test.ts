import { describe, expect, it } from 'vitest';
import { read, runGen, runTool, STRICT_COMPILER_OPTIONS, writeProject } from '../support/projects.js';
import { ORDERING_PACKAGE, workspaceProject } from '../support/workspaces.js';

describe('a feature in an npm-workspaces package', () => {
  it("is generated inside the package, type-checks under the package's tsconfig.json and passes its generated suite", async () => {
    const files = workspaceProject({ ...STRICT_COMPILER_OPTIONS, module: 'ESNext', moduleResolution: 'bundler' });
    files['vitest.config.ts'] =
      "import { defineConfig } from 'vitest/config';\nexport default defineConfig({ test: { include: ['packages/*/tests/**/*.test.ts'] } });\n";
    const dir = writeProject(files, { compiled: true });

    const run = await runGen(['infra', 'order', '--cwd', dir, '--now', '2024-06-01T00:00:00Z']);

    expect(run.err.split('\n').filter((line) => line !== '' && !line.startsWith('gen: warning:'))).toEqual([]);
    expect(run.code).toBe(0);
    expect(read(dir, `${ORDERING_PACKAGE}/src/infrastructure/persistence/repositories/order.repository.ts`)).toContain(
      'export class TypeOrmOrderRepository',
    );
    const tsc = runTool('tsc', ['-p', `${ORDERING_PACKAGE}/tsconfig.json`, '--noEmit'], dir);
    expect(tsc.output).toBe('');
    expect(tsc.status).toBe(0);
    const tests = runTool('vitest', ['run'], dir);
    expect(tests.status, tests.output).toBe(0);
    expect(tests.output).toContain(`${ORDERING_PACKAGE}/tests/order/order.repository.test.ts`);
  }, 600_000);
});
