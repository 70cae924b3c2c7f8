import { describe, expect, it } from 'vitest';
import { ORDER_DOMAIN, PORT_FILE } from '../support/fixtures.js';
import { generateAndRun, read } from '../support/projects.js';

/**
 * A derived query paged by the project's own page request, `{ page, perPage }` (issue 19: public NestJS codebases
 * page every `findManyBy…` this way), as an abstract class port. The page counts from 0, as page requests do.
 */
const FILES: Record<string, string> = {
  ...ORDER_DOMAIN,
  'src/domain/aggregates/ordering/pagination-params.ts': `export interface PaginationParams {
  page: number;
  perPage: number;
}
`,
  [PORT_FILE]: `import { Order } from './order';
import { OrderId } from './order-id';
import { OrderStatus } from './order-status';
import { PaginationParams } from './pagination-params';

export abstract class OrderRepository {
  abstract save(order: Order): Promise<void>;
  abstract findById(id: OrderId): Promise<Order | null>;
  abstract findManyByStatusOrderByTotalDesc(status: OrderStatus, params: PaginationParams): Promise<Order[]>;
  abstract findManyByPaid(paid: boolean, params: PaginationParams): Promise<Order[]>;
  abstract findPage(params: PaginationParams): Promise<Order[]>;
}
`,
};

describe('derived queries paged by a page number', () => {
  it('skips page × perPage rows in both repositories, and the generated suite pins page 0 as the first', async () => {
    const { dir } = await generateAndRun(FILES, 'ordering');

    const repository = read(dir, 'src/infrastructure/persistence/repositories/order.repository.ts');
    expect(repository).toContain('skip: params.page * params.perPage');
    expect(repository).toContain('take: params.perPage');
    const memory = read(dir, 'src/infrastructure/persistence/in-memory/order.repository.ts');
    expect(memory).toContain('.slice(params.page * params.perPage, params.page * params.perPage + params.perPage)');
    const suite = read(dir, 'tests/integration/infrastructure/order.repository.test.ts');
    expect(suite).toContain('{ perPage: 2, page: 0 }');
    expect(read(dir, 'src/infrastructure/persistence/queries/order.queries.ts')).toContain('pageOffset(request.page, request.perPage)');
    expect(read(dir, 'tests/integration/infrastructure/order.repository.queries.test.ts')).toContain("'page 0 is the first page, in both");
  });

  it('with "firstPage": 1, page 1 is the first: both repositories skip the pages before it, and the suites pin page 1 as the first', async () => {
    const { dir } = await generateAndRun({ ...FILES, 'gen.config.json': '{\n  "firstPage": 1\n}\n' }, 'ordering');

    const repository = read(dir, 'src/infrastructure/persistence/repositories/order.repository.ts');
    expect(repository).toContain('skip: (params.page - 1) * params.perPage');
    // Page 0 is refused alike in both (it would skip -perPage rows: SQLite reads 0, the in-memory slice none).
    expect(repository).toMatch(/checkPage\('\w+', 'page', params\.page, 1\);/);
    const memory = read(dir, 'src/infrastructure/persistence/in-memory/order.repository.ts');
    expect(memory).toContain('.slice((params.page - 1) * params.perPage, (params.page - 1) * params.perPage + params.perPage)');
    const suite = read(dir, 'tests/integration/infrastructure/order.repository.test.ts');
    expect(suite).toContain('{ perPage: 2, page: 1 }');
    expect(read(dir, 'src/infrastructure/persistence/queries/order.queries.ts')).toContain('pageOffset(request.page, request.perPage, 1)');
    const queries = read(dir, 'tests/integration/infrastructure/order.repository.queries.test.ts');
    expect(queries).toContain("'page 1 is the first page, in both");
    expect(queries).toContain('{ perPage: 2, page: 1 }');
  });
});
