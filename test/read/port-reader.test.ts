import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/config/project-config.js';
import { readDomain } from '../../src/read/domain-reader.js';
import { withPortMethods } from '../support/fixtures.js';
import { writeProject } from '../support/projects.js';
import { loadProjectContext } from '../../src/project-context.js';

describe('the types a port method names', () => {
  it('include a type parameter’s constraint, so that the stub can import it (getAllUsers<T extends PaginatedQueryParams>)', () => {
    const files = withPortMethods(
      '  save(order: Order): Promise<void>;\n  getAllOrders<T extends PaginatedQueryParams>(params: T): Promise<Order[]>;',
    );
    files['src/domain/aggregates/ordering/paginated-query-params.ts'] =
      'export interface PaginatedQueryParams {\n  limit: number;\n  page: number;\n}\n';
    const port = files['src/domain/aggregates/ordering/order.repository.ts'];
    files['src/domain/aggregates/ordering/order.repository.ts'] =
      `import { PaginatedQueryParams } from './paginated-query-params';\n${port}`;

    const method = readDomain(loadProjectContext(writeProject(files)), DEFAULT_CONFIG, 'ordering').port.methods.find(
      (m) => m.name === 'getAllOrders',
    )!;

    expect(method.signatureText.typeParameters).toEqual(['T extends PaginatedQueryParams']);
    expect(method.typeReferences).toContainEqual({
      name: 'PaginatedQueryParams',
      file: 'src/domain/aggregates/ordering/paginated-query-params.ts',
    });
  });
});
