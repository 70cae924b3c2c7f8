import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AGGREGATE_FILE, ORDER_DOMAIN, PORT_FILE, withPortMethods } from '../support/fixtures.js';
import { read, runGen, writeProject } from '../support/projects.js';

const NOW = ['--now', '2024-06-01T00:00:00Z'];
const GOLDEN = join(import.meta.dirname, 'review-summary.golden.md');

describe('gen infra --check --summary', () => {
  it('prints what a reviewer needs for a pull-request comment: methods, schema steps to review, files', async () => {
    const dir = writeProject(ORDER_DOMAIN);
    expect((await runGen(['infra', 'ordering', '--cwd', dir, ...NOW])).code).toBe(0);
    // A sprint's changes: a method added, one removed, one changed; a NOT NULL column added, one dropped.
    writeFileSync(
      join(dir, PORT_FILE),
      withPortMethods(
        [
          '  save(order: Order): Promise<void>;',
          '  findById(id: OrderId): Promise<Order | undefined>;',
          '  findAll(): Promise<Order[]>;',
          '  findByStatus(status: OrderStatus): Promise<Order[]>;',
          '  findByPaid(paid: boolean): Promise<Order[]>;',
        ].join('\n'),
      )[PORT_FILE],
    );
    writeFileSync(
      join(dir, AGGREGATE_FILE),
      read(dir, AGGREGATE_FILE).replace('    public note?: string,\n', '    public currency: string,\n'),
    );

    const run = await runGen([
      'infra',
      'ordering',
      '--cwd',
      dir,
      '--now',
      '2024-07-01T00:00:00Z',
      '--check',
      '--summary',
      '--allow-data-loss',
    ]);

    expect(run.code).toBe(1);
    if (process.env.UPDATE_GOLDEN === '1') writeFileSync(GOLDEN, run.out);
    expect(run.out).toBe(readFileSync(GOLDEN, 'utf8'));
  });

  it('says nothing changes when nothing does, and says when the manifest has no record of the methods', async () => {
    const dir = writeProject(ORDER_DOMAIN);
    await runGen(['infra', 'ordering', '--cwd', dir, ...NOW]);

    const same = await runGen(['infra', 'ordering', '--cwd', dir, '--check', '--summary']);

    expect(same.code).toBe(0);
    expect(same.out).toContain('**Port methods**: unchanged (5).');
    expect(same.out).toContain('**Schema**: no change, no new migration.');
    expect(same.out).toContain('**Files**: none change.');

    // A manifest written before gen recorded methods: the summary lists them instead of guessing a difference.
    const manifest = JSON.parse(read(dir, '.gen/manifest.json')) as { features: Record<string, { methods?: string[] }> };
    delete manifest.features.ordering.methods;
    writeFileSync(join(dir, '.gen/manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    const old = await runGen(['infra', 'ordering', '--cwd', dir, '--dry-run', '--summary']);
    expect(old.out).toContain('**Port methods** (5; no earlier record to compare with):\n- `save(order: Order): Promise<void>`');
  });
});
