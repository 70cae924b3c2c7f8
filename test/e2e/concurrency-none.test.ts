import { expect, it } from 'vitest';
import { withPortMethods } from '../support/fixtures.js';
import { generateAndRun, read } from '../support/projects.js';

// `"concurrency": "none"`: no version column, the last write wins in both repositories alike. Their generated suite
// once still expected ConcurrencyError from stale saves, and the in-memory twin still refused them.
it('generates a suite that passes where the last write wins: the stale save is stored, in both repositories', async () => {
  const files = withPortMethods(
    [
      'save(order: Order): Promise<void>',
      'saveAll(orders: Order[]): Promise<void>',
      'findById(id: OrderId): Promise<Order | null>',
      'findAll(): Promise<Order[]>',
      'delete(id: OrderId): Promise<void>',
      'findByStatus(status: OrderStatus): Promise<Order[]>',
    ]
      .map((s) => `  ${s};`)
      .join('\n'),
  );
  const { dir } = await generateAndRun({ ...files, 'gen.config.json': '{ "concurrency": "none" }' }, 'ordering');
  const suite = read(dir, 'tests/integration/infrastructure/order.repository.test.ts');
  expect(suite).toContain('the last write wins (no version column)');
  expect(suite).toContain('was deleted since it was loaded');
  expect(suite).not.toContain('changed by another writer since it was loaded, writing nothing');
  expect(read(dir, 'src/infrastructure/persistence/in-memory/order.repository.ts')).toMatch(/orderColumns\),\s*false,?\s*\);/);
});
