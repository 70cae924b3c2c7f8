import { loadProjectContext } from '../../src/project-context.js';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/config/project-config.js';
import { readFeature } from '../../src/read/domain-reader.js';
import { ORDER_DOMAIN } from '../support/fixtures.js';
import { writeProject } from '../support/projects.js';

const PORT_IMPORT = `import { OrderRepository } from '../../domain/aggregates/ordering/order.repository';`;

function readApplication(files: Record<string, string>, config = DEFAULT_CONFIG) {
  return readFeature(loadProjectContext(writeProject({ ...ORDER_DOMAIN, ...files })), config, 'ordering').application;
}

describe('readUseCases', () => {
  it('finds each use case that refers to the port, and the port methods it calls, with their lines', () => {
    const application = readApplication({
      'src/application/ordering/pay-order.use-case.ts': `${PORT_IMPORT}
import { OrderId } from '../../domain/aggregates/ordering/order-id';

export class PayOrderUseCase {
  constructor(private readonly orders: OrderRepository) {}

  async execute(id: string): Promise<void> {
    const order = await this.orders.findById(new OrderId(id));
    if (order === null) throw new Error('not found');
    await this.orders.save(order);
  }
}
`,
      'src/application/ordering/archive.use-case.ts': `${PORT_IMPORT}
import { OrderStatus } from '../../domain/aggregates/ordering/order-status';

export const archivePaid = async (orders: OrderRepository): Promise<void> => {
  for (const order of await orders.findByStatus(OrderStatus.Paid)) {
    await orders.save(order);
  }
};
`,
      'src/application/ordering/unrelated.ts': `export class Clock {
  now(): Date {
    return new Date();
  }
}
`,
    });

    expect(application.dirExists).toBe(true);
    expect(
      application.useCases.map((u) => [u.name, `${u.file}:${u.location.line}`, u.calls.map((c) => [c.method, c.location.line, c.inLoop])]),
    ).toEqual([
      [
        'archivePaid',
        'src/application/ordering/archive.use-case.ts:4',
        [
          ['findByStatus', 5, false],
          ['save', 6, true],
        ],
      ],
      [
        'PayOrderUseCase',
        'src/application/ordering/pay-order.use-case.ts:4',
        [
          ['findById', 8, false],
          ['save', 10, false],
        ],
      ],
    ]);
  });

  it('counts a call in a callback of map or forEach as repeated', () => {
    const application = readApplication({
      'src/application/ordering/save-all.use-case.ts': `${PORT_IMPORT}
import type { Order } from '../../domain/aggregates/ordering/order';

export class SaveAllUseCase {
  constructor(private readonly orders: OrderRepository) {}

  async execute(all: Order[]): Promise<void> {
    await Promise.all(all.map((order) => this.orders.save(order)));
  }
}
`,
    });

    expect(application.useCases[0]?.calls).toEqual([
      { method: 'save', location: { file: 'src/application/ordering/save-all.use-case.ts', line: 8 }, inLoop: true },
    ]);
  });

  it('lists a use case that only names the port, with no calls', () => {
    const application = readApplication({
      'src/application/ordering/holder.ts': `${PORT_IMPORT}

export class Holder {
  constructor(readonly orders: OrderRepository) {}
}
`,
    });

    expect(application.useCases.map((u) => [u.name, u.calls])).toEqual([['Holder', []]]);
  });

  it('reads the configured application folder, and says when it does not exist', () => {
    const files = {
      'app/use-cases/place-order.ts': `import { OrderRepository } from '../../src/domain/aggregates/ordering/order.repository';

export async function placeOrder(orders: OrderRepository): Promise<void> {
  await orders.findAll();
}
`,
    };

    expect(readApplication(files).useCases).toEqual([]);
    expect(readApplication(files).dirExists).toBe(false);
    expect(
      readApplication(files, {
        ...DEFAULT_CONFIG,
        layout: { ...DEFAULT_CONFIG.layout, paths: { applicationDir: 'app/use-cases' } },
      }).useCases.map((u) => [u.name, u.calls.map((c) => c.method)]),
    ).toEqual([['placeOrder', ['findAll']]]);
  });
});
