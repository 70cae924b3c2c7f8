import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { temporaryPath } from '../../src/write/apply-plan.js';
import { ProjectBatch, ROOT, copyExample, read, runGen } from '../support/projects.js';

/** Regeneration of the shop example after domain changes: the "Done when", on temporary copies. */
const AGGREGATE = 'src/domain/aggregates/ordering/order.ts';
const PORT = 'src/domain/aggregates/ordering/order.repository.ts';
const MIGRATIONS = 'src/infrastructure/persistence/migrations';
const CREATE = `${MIGRATIONS}/1795165200000-CreateOrders.ts`;
/** Added to the committed example when gen gave aggregate roots a version column. */
const ADD_VERSION = '1796634000000-AddVersionToOrders.ts';
const MODEL = 'src/infrastructure/persistence/models/order.model.ts';
const at = (day: number) => ['--now', `2030-01-0${day}T00:00:00Z`];
const timestamp = (day: number) => Date.parse(`2030-01-0${day}T00:00:00Z`);

function edit(dir: string, path: string, from: string | RegExp, to: string): void {
  const text = read(dir, path);
  const next = text.replace(from, to);
  if (next === text) throw new Error(`${path}: nothing to replace for ${from}`);
  writeFileSync(join(dir, path), next);
}

/** The shop's Order gains an optional coupon code, and the port a query on it. */
function addCouponCode(dir: string, field = 'couponCode'): void {
  edit(dir, AGGREGATE, '    public note?: string,\n  ) {}', `    public note?: string,\n    public ${field}?: string,\n  ) {}`);
  const method = `findBy${field[0].toUpperCase()}${field.slice(1)}`;
  edit(dir, PORT, /\n}\n$/, `\n  ${method}(${field}: string): Promise<Order[]>;\n}\n`);
}

function removeCouponCode(dir: string): void {
  edit(dir, AGGREGATE, '    public couponCode?: string,\n', '');
  edit(dir, PORT, '  findByCouponCode(couponCode: string): Promise<Order[]>;\n', '');
}

/** Every file of the copy (node_modules aside), so "nothing changed" can be checked byte for byte. */
function tree(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (folder: string) => {
    for (const name of readdirSync(folder)) {
      const path = join(folder, name);
      if (name === 'node_modules') continue;
      if (statSync(path).isDirectory()) walk(path);
      else files[relative(dir, path)] = readFileSync(path, 'utf8');
    }
  };
  walk(dir);
  return files;
}

/**
 * The copies that must stay green once regenerated: type-checked by one tsc and their suites run by one vitest at the
 * end of the file (each copy under its own config), instead of a tsc and a vitest per copy.
 */
const green = new ProjectBatch();

describe('regenerating the shop example after a domain change', () => {
  it('adds one migration for a new field, keeps the old one byte-identical, and stays green with zero drift (checked below)', async () => {
    const dir = copyExample('shop');
    addCouponCode(dir);

    const run = await runGen(['infra', 'ordering', '--cwd', dir, ...at(1)]);

    expect(run.err).toBe('');
    expect(run.code).toBe(0);
    const added = `${MIGRATIONS}/${timestamp(1)}-AddCouponCodeToOrders.ts`;
    expect(readdirSync(join(dir, MIGRATIONS))).toEqual([
      '1795165200000-CreateOrders.ts',
      ADD_VERSION,
      `${timestamp(1)}-AddCouponCodeToOrders.ts`,
    ]);
    expect(read(dir, CREATE)).toBe(read(join(ROOT, 'examples/shop'), CREATE));
    expect(read(dir, `${MIGRATIONS}/${ADD_VERSION}`)).toBe(read(join(ROOT, 'examples/shop'), `${MIGRATIONS}/${ADD_VERSION}`));
    expect(run.out).toContain(`CREATE    ${added}`);
    expect(run.out).toContain(
      '  add column orders.coupon_code string(255) NULL\n  create index idx_orders_coupon_code on orders (coupon_code)',
    );
    expect(read(dir, added)).toContain("new TableColumn({ name: 'coupon_code', ...type.string, length: '255', isNullable: true }),");
    expect(read(dir, added)).toContain("await queryRunner.dropColumn('orders', 'coupon_code');");
    expect(read(dir, '.gen/schema.json')).toContain(
      '{"name": "coupon_code", "type": "string", "length": 255, "nullable": true, "primary": false}',
    );
    expect(read(dir, 'src/infrastructure/persistence/index.ts')).toContain(
      `export const migrations = [\n  CreateOrders1795165200000,\n  AddVersionToOrders1796634000000,\n  AddCouponCodeToOrders${timestamp(1)},\n];`,
    );
    const manifest = JSON.parse(read(dir, '.gen/manifest.json')) as { features: Record<string, { migrations: { className: string }[] }> };
    expect(manifest.features.ordering.migrations.map((m) => m.className)).toEqual([
      'CreateOrders1795165200000',
      'AddVersionToOrders1796634000000',
      `AddCouponCodeToOrders${timestamp(1)}`,
    ]);
    green.add('a new field', dir);

    const again = await runGen(['infra', 'ordering', '--cwd', dir, ...at(9)]);
    expect(again.out).toContain('No schema change: no new migration.');
    expect(again.out).toContain('Nothing to change.');
    expect(readdirSync(join(dir, MIGRATIONS))).toHaveLength(3);
  });

  it('refuses to drop a column without --allow-data-loss, and with it writes a migration that says what it drops (checked below)', async () => {
    const dir = copyExample('shop');
    addCouponCode(dir);
    await runGen(['infra', 'ordering', '--cwd', dir, ...at(1)]);
    removeCouponCode(dir);
    const before = tree(dir);

    const refused = await runGen(['infra', 'ordering', '--cwd', dir, ...at(2)]);

    expect(refused.code).toBe(2);
    expect(refused.err).toContain(
      'src/domain/aggregates/ordering/order.ts:12: the domain change loses data, so gen writes no migration for it:',
    );
    expect(refused.err).toContain('  - drops column orders.coupon_code (string(255) NULL) and its values');
    expect(refused.err).toContain('--allow-data-loss');
    expect(tree(dir)).toEqual(before);

    const accepted = await runGen(['infra', 'ordering', '--cwd', dir, ...at(2), '--allow-data-loss']);

    expect(accepted.code).toBe(0);
    const dropped = read(dir, `${MIGRATIONS}/${timestamp(2)}-DropCouponCodeFromOrders.ts`);
    expect(dropped).toContain(
      ' * Loses data (allowed with --allow-data-loss):\n * - drops column orders.coupon_code (string(255) NULL) and its values',
    );
    expect(dropped).toContain("await queryRunner.dropColumn('orders', 'coupon_code');");
    expect(read(dir, '.gen/schema.json')).not.toContain('coupon_code');
    green.add('a column dropped', dir);
  });

  it('renames a column with --rename, keeping its values (checked below)', async () => {
    const dir = copyExample('shop');
    addCouponCode(dir);
    await runGen(['infra', 'ordering', '--cwd', dir, ...at(1)]);
    removeCouponCode(dir);
    addCouponCode(dir, 'voucherCode');

    const unsaid = await runGen(['infra', 'ordering', '--cwd', dir, ...at(2)]);
    expect(unsaid.code).toBe(2);
    expect(unsaid.err).toContain('If a column was renamed, say so with --rename <table>.<old>=<new>.');
    const wrong = await runGen(['infra', 'ordering', '--cwd', dir, ...at(2), '--rename', 'orders.coupon=voucher_code']);
    expect(wrong.code).toBe(2);
    expect(wrong.err).toContain('--rename orders.coupon=voucher_code matches no change');

    const run = await runGen(['infra', 'ordering', '--cwd', dir, ...at(2), '--rename', 'orders.coupon_code=voucher_code']);

    expect(run.err).toBe('');
    expect(run.code).toBe(0);
    const renamed = read(dir, `${MIGRATIONS}/${timestamp(2)}-RenameCouponCodeToVoucherCodeInOrders.ts`);
    expect(renamed).toContain("await queryRunner.renameColumn('orders', 'coupon_code', 'voucher_code');");
    expect(renamed).not.toContain('dropColumn');
    // A row written before the rename is found through the renamed field afterwards.
    writeFileSync(
      join(dir, 'tests/rename-keeps-data.test.ts'),
      `import 'reflect-metadata';
import { expect, it } from 'vitest';
import { OrderId } from '../src/domain/aggregates/ordering/order-id';
import { createDataSource } from '../src/infrastructure/config/database';
import { migrations } from '../src/infrastructure/persistence/index';
import { TypeOrmOrderRepository } from '../src/infrastructure/persistence/repositories/order.repository';

it('keeps the coupon code of an existing order as its voucher code', async () => {
  const dataSource = createDataSource();
  await dataSource.initialize();
  const queryRunner = dataSource.createQueryRunner();
  const steps = migrations.map((Migration) => new Migration());
  for (const step of steps.slice(0, -1)) await step.up(queryRunner);
  await queryRunner.query(
    "INSERT INTO orders (id, status, customer_email, placed_at, total, paid, note, coupon_code) VALUES ('o-1', 'PLACED', 'a@shop.test', '2030-01-01 00:00:00.000', 12.5, 0, NULL, 'SAVE10')",
  );
  await steps[steps.length - 1]?.up(queryRunner);
  await queryRunner.release();

  const found = await new TypeOrmOrderRepository(dataSource).findByVoucherCode('SAVE10');

  expect(found.map((order) => order.id)).toStrictEqual([new OrderId('o-1')]);
  await dataSource.destroy();
});
`,
    );
    green.add('a column renamed', dir);
  });

  it('reports a hand-edited generated file as a conflict and writes nothing, until --force', async () => {
    const dir = copyExample('shop');
    edit(dir, MODEL, /\n$/, '\n// my change\n');
    addCouponCode(dir);
    const before = tree(dir);

    const refused = await runGen(['infra', 'ordering', '--cwd', dir, ...at(1)]);

    expect(refused.code).toBe(1);
    expect(refused.out).toContain(`CONFLICT  ${MODEL}`);
    expect(refused.err).toContain(`edited by hand: ${MODEL}`);
    expect(tree(dir)).toEqual(before);

    const forced = await runGen(['infra', 'ordering', '--cwd', dir, ...at(1), '--force']);

    expect(forced.code).toBe(0);
    expect(read(dir, MODEL)).not.toContain('// my change');
    expect(readdirSync(join(dir, MIGRATIONS))).toHaveLength(3);
  });

  it('--check exits 0 on the committed example and 1 after a domain change, writing nothing', async () => {
    const dir = copyExample('shop');
    expect((await runGen(['infra', 'ordering', '--cwd', dir, '--check'])).code).toBe(0);
    addCouponCode(dir);
    const before = tree(dir);

    const check = await runGen(['infra', 'ordering', '--cwd', dir, '--check', ...at(1)]);
    const json = await runGen(['infra', 'ordering', '--cwd', dir, '--dry-run', '--json', ...at(1)]);

    expect(check.code).toBe(1);
    expect(check.err).toContain("the generated files of 'ordering' are out of date");
    expect(JSON.parse(json.out)).toMatchObject({
      feature: 'ordering',
      summary: { create: 1, update: 9, unchanged: 10, delete: 0, conflict: 0 },
      migration: {
        className: `AddCouponCodeToOrders${timestamp(1)}`,
        changes: ['add column orders.coupon_code string(255) NULL', 'create index idx_orders_coupon_code on orders (coupon_code)'],
      },
    });
    expect(tree(dir)).toEqual(before);
  });

  it('leaves the tree unchanged when a write fails half-way', async () => {
    const dir = copyExample('shop');
    addCouponCode(dir);
    // A folder where the plan document's new content would be staged: that write fails after others were staged.
    const blocker = temporaryPath(join(dir, 'documentation/plans/ordering/003-infrastructure-layer.md'));
    mkdirSync(blocker);
    const before = tree(dir);

    await expect(runGen(['infra', 'ordering', '--cwd', dir, ...at(1)])).rejects.toThrow(/EISDIR/);

    expect(tree(dir)).toEqual(before);
    expect(readdirSync(join(dir, MIGRATIONS))).toEqual(['1795165200000-CreateOrders.ts', ADD_VERSION]);
  });

  it('every copy regenerated above type-checks (one tsc --build) and passes its suites, zero drift (one vitest)', () => {
    green.typecheck();
    const suites = green.runSuites();
    expect([...suites.keys()].sort(), 'the copies run').toEqual(['a column dropped', 'a column renamed', 'a new field']);
    // The rename's own test, that a row written before it is found through the renamed field.
    expect(suites.get('a column renamed')?.tests['tests/rename-keeps-data.test.ts'], 'tests/rename-keeps-data.test.ts').toBe(1);
  }, 900_000);
});
