import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ORDER_FOUND_BY_CODE } from './support/discovered-layouts.js';
import { ORDER_IN_LAYOUT, orderDomainIn } from './support/layouts.js';
import { read, runGen, writeProject } from './support/projects.js';

const NOW = ['--now', '2024-06-01T00:00:00Z'];

describe('gen infra in other layouts', () => {
  it('says which layout it detected, and writes where that layout puts each file', async () => {
    const dir = writeProject(ORDER_IN_LAYOUT.contexts);

    const run = await runGen(['infra', 'ordering', '--cwd', dir, ...NOW]);

    expect(run.code).toBe(0);
    expect(run.out.split('\n').filter((line) => !line.startsWith('New migration') && !line.startsWith('  '))).toEqual([
      'Layout: contexts (detected; write it down with: npx --no gen init)',
      'CREATE    src/contexts/sales/ordering/infrastructure/persistence/models/OrderModel.ts',
      'CREATE    src/contexts/sales/ordering/infrastructure/persistence/mappers/OrderMapper.ts',
      'CREATE    src/contexts/sales/ordering/infrastructure/persistence/repositories/TypeOrmOrderRepository.ts',
      'CREATE    src/contexts/sales/ordering/infrastructure/persistence/in-memory/InMemoryOrderRepository.ts',
      'CREATE    src/contexts/shared/infrastructure/persistence/support/query-semantics.ts',
      'CREATE    src/contexts/shared/infrastructure/persistence/support/transactions.ts',
      'CREATE    src/contexts/shared/infrastructure/persistence/support/errors.ts',
      'CREATE    src/contexts/shared/infrastructure/persistence/support/aggregate-store.ts',
      'CREATE    src/contexts/shared/infrastructure/persistence/support/value-checks.ts',
      'CREATE    src/contexts/shared/infrastructure/persistence/migrations/1717200000000-CreateOrders.ts',
      'CREATE    src/contexts/shared/infrastructure/persistence/index.ts',
      'CREATE    src/contexts/shared/infrastructure/config/database.ts',
      'CREATE    tests/contexts/sales/ordering/OrderRepository.test.ts',
      'CREATE    tests/contexts/shared/migrations.test.ts',
      'CREATE    tests/contexts/shared/support/test-database.ts',
      'CREATE    documentation/plans/ordering/003-infrastructure-layer.md',
      'CREATE    .gen/schema.json',
      'CREATE    .gen/manifest.json',
      'Summary: 18 create, 0 update, 0 unchanged, 0 delete, 0 conflict.',
      'Wrote 18 file(s).',
    ]);
    expect(read(dir, 'src/contexts/sales/ordering/infrastructure/persistence/mappers/OrderMapper.ts')).toContain(
      "from '../../../domain/Order'",
    );
  });

  it('says nothing about the layout when gen.config.json names it, and reports it in --json', async () => {
    const dir = writeProject({ ...ORDER_IN_LAYOUT.modules, 'gen.config.json': '{ "layout": "modules" }\n' });

    const run = await runGen(['infra', 'ordering', '--cwd', dir, ...NOW]);
    const json = await runGen(['infra', 'ordering', '--cwd', dir, ...NOW, '--dry-run', '--json']);

    expect(run.code).toBe(0);
    expect(run.out).not.toContain('Layout:');
    expect(run.out).toMatch(/^CREATE {4}src\/modules\/ordering\/infrastructure\/persistence\/models\/order.model.ts$/m);
    expect(run.out).toMatch(/^CREATE {4}tests\/ordering\/order.repository.test.ts$/m);
    expect(run.out).toMatch(/^CREATE {4}tests\/support\/test-database.ts$/m);
    expect(JSON.parse(json.out)).toMatchObject({
      layout: { preset: 'modules', source: 'config', paths: { portDir: 'src/modules/ordering/database' } },
    });
  });

  it('stops the domain from importing infrastructure through a shared kernel the port leads to', async () => {
    const files: Record<string, string> = {
      ...orderDomainIn('src/modules/ordering/domain', 'src/modules/ordering/database/order.repository.port.ts'),
      'src/libs/ddd/repository.port.ts':
        "import type { ObjectLiteral } from 'typeorm';\n\nexport interface RepositoryPort<T extends ObjectLiteral> {\n  save(entity: T): Promise<void>;\n}\n",
    };
    files['src/modules/ordering/database/order.repository.port.ts'] =
      `import { RepositoryPort } from '../../../libs/ddd/repository.port';\n${files['src/modules/ordering/database/order.repository.port.ts'].replace('export interface OrderRepository {', 'export interface OrderRepository extends RepositoryPort<Order> {')}`;
    const dir = writeProject(files);

    const run = await runGen(['infra', 'ordering', '--cwd', dir, ...NOW]);

    expect(run.code).toBe(2);
    expect(run.err).toMatch(/^gen: src\/libs\/ddd\/repository.port.ts:1: the domain layer imports 'typeorm', which is infrastructure/);
    expect(existsSync(join(dir, 'src/modules/ordering/infrastructure'))).toBe(false);
  });

  it.each([
    [
      { 'src/index.ts': 'export {};\n' },
      "gen: feature 'ordering' has no domain folder: looked for src/domain/aggregates/ordering/ (layout plan), src/modules/ordering/domain/ (layouts modules, repos), src/contexts/*/ordering/domain/ (layout contexts), src/*/domain/ordering/ (layout context-domains), src/ordering/domain/ (layout feature-layers); and no port under src/ takes or returns a class of the project",
    ],
    [
      { ...ORDER_IN_LAYOUT.modules, ...ORDER_IN_LAYOUT.repos },
      "gen: 2 layouts fit feature 'ordering': modules (port in src/modules/ordering/database/order.repository.port.ts); repos (port in src/modules/ordering/repos/order-repo.ts)",
    ],
    [
      {
        ...ORDER_IN_LAYOUT.repos,
        'gen.config.json': '{\n  "layout": "repos",\n  "features": { "ordering": { "portDir": "src/modules/ordering/ports" } }\n}\n',
      },
      'gen: gen.config.json:3: feature \'ordering\' has no port folder: looked for src/modules/ordering/ports/ ("portDir" in gen.config.json)',
    ],
  ])('exits 2 when the layout does not fit, writing nothing (%#)', async (files, first) => {
    const dir = writeProject(files);

    const run = await runGen(['infra', 'ordering', '--cwd', dir, ...NOW]);

    expect(run.code).toBe(2);
    expect(run.err.split('\n')[0]).toBe(first);
    expect(run.err).toContain('gen.config.json');
    expect(run.err).toContain('Nothing was written.');
    expect(existsSync(join(dir, '.gen'))).toBe(false);
  });
});

describe('gen init', () => {
  it('writes gen.config.json for the detected layout, after which gen infra says nothing about detection', async () => {
    const dir = writeProject(ORDER_IN_LAYOUT.repos);

    const init = await runGen(['init', '--cwd', dir]);
    const infra = await runGen(['infra', 'ordering', '--cwd', dir, ...NOW]);

    expect(init.code).toBe(0);
    expect(init.out).toBe('CREATE    gen.config.json\nLayout: repos (detected; features in it: ordering).');
    expect(read(dir, 'gen.config.json')).toBe('{\n  "layout": "repos"\n}\n');
    expect(infra.code).toBe(0);
    expect(infra.out).not.toContain('Layout:');
    expect(infra.out).toMatch(/^CREATE {4}src\/modules\/ordering\/infra\/persistence\/models\/order.model.ts$/m);
  });

  it('refuses to overwrite gen.config.json, and stops when it detects nothing', async () => {
    const configured = writeProject({ ...ORDER_IN_LAYOUT.plan, 'gen.config.json': '{ "renames": [] }\n' });
    const empty = writeProject({ 'src/index.ts': 'export {};\n' });

    const again = await runGen(['init', '--cwd', configured]);
    const nothing = await runGen(['init', '--cwd', empty]);

    expect(again.code).toBe(2);
    expect(again.err).toContain('gen: gen.config.json:1: gen.config.json already exists; gen init does not overwrite it');
    expect(read(configured, 'gen.config.json')).toBe('{ "renames": [] }\n');
    expect(nothing.code).toBe(2);
    expect(nothing.err).toContain('gen: no layout detected');
    expect(nothing.err).toContain('npx --no gen init --layout modules');
    expect(existsSync(join(empty, 'gen.config.json'))).toBe(false);
  });
});

describe('a feature found from the code', () => {
  it('says which ports told where it is, and gen init writes its folders down', async () => {
    const dir = writeProject(ORDER_FOUND_BY_CODE['nested contexts with one-method out-ports'].files);

    const run = await runGen(['infra', 'ordering', '--cwd', dir, ...NOW, '--dry-run']);
    const init = await runGen(['init', '--cwd', dir]);
    const after = await runGen(['infra', 'order', '--cwd', dir, ...NOW, '--dry-run']);

    const ports = 'src/commerce/sales/ordering/domain/ports/out';
    expect(run.out.split('\n')[0]).toBe(
      `Layout: found from the code, ports DeleteOrderPort (${ports}/delete-order.port.ts:3), LoadOrderPort (${ports}/load-order.port.ts:5), SaveOrderPort (${ports}/save-order.port.ts:3) of Order in src/commerce/sales/ordering/domain/ (detected; write it down with: npx --no gen init)`,
    );
    expect(init.out).toBe(
      'CREATE    gen.config.json\nLayout: found from the code, each feature\'s folders under "features" (features: order).',
    );
    expect(after.code).toBe(0);
    expect(after.out).not.toContain('Layout:');
    expect(after.out).toContain('CREATE    src/commerce/sales/ordering/infrastructure/persistence/repositories/order.repository.ts');
  });
});
