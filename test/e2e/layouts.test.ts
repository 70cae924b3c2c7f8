import { describe, expect, it } from 'vitest';
import { ORDER_IN_LAYOUT, orderDomainIn } from '../support/layouts.js';
import { ProjectBatch, read } from '../support/projects.js';

/** The Order domain of the modules layout, its port extending a generic base port of a shared kernel. */
function modulesWithSharedKernel(): Record<string, string> {
  const port = 'src/modules/ordering/database/order.repository.port.ts';
  const files: Record<string, string> = { ...orderDomainIn('src/modules/ordering/domain', port) };
  files['src/libs/ddd/repository.port.ts'] = `export interface RepositoryPort<Entity, Id> {
  save(entity: Entity): Promise<void>;
  findById(id: Id): Promise<Entity | null>;
  delete(id: Id): Promise<void>;
}
`;
  files[port] = `import { RepositoryPort } from '../../../libs/ddd/repository.port';
import { Order } from '../domain/order';
import { OrderId } from '../domain/order-id';
import { OrderStatus } from '../domain/order-status';

export interface OrderRepositoryPort extends RepositoryPort<Order, OrderId> {
  findByStatus(status: OrderStatus): Promise<Order[]>;
}
`;
  return files;
}

// Both projects are type-checked by one tsc and their suites run by one vitest, in the last test.
const batch = new ProjectBatch();

const CASES = [
  [
    'modules, with a generic port from a shared kernel',
    modulesWithSharedKernel(),
    'src/modules/ordering/infrastructure/persistence/repositories/order.repository.ts',
    'tests/ordering/order.repository.test.ts',
  ],
  [
    'contexts, with PascalCase domain files',
    ORDER_IN_LAYOUT.contexts,
    'src/contexts/sales/ordering/infrastructure/persistence/repositories/TypeOrmOrderRepository.ts',
    'tests/contexts/sales/ordering/OrderRepository.test.ts',
  ],
] as const;

describe('a feature in another layout', () => {
  it.each(CASES)('%s: is detected and gets an infrastructure layer', async (name, files, repository) => {
    const dir = await batch.generate(name, files, 'ordering');

    expect(read(dir, repository)).toContain('export class TypeOrmOrderRepository');
  });

  it("each layout's infrastructure layer type-checks and passes its own tests", () => {
    batch.typecheck();
    const suites = batch.runSuites();
    for (const [name, , , test] of CASES) expect(suites.get(name)!.files, name).toContain(test);
  }, 600_000);
});
