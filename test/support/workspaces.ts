import { orderDomainIn } from './layouts.js';

/** The Order domain's package in the npm-workspaces fixture, and its port. */
export const ORDERING_PACKAGE = 'packages/ordering';
export const WORKSPACE_PORT = `${ORDERING_PACKAGE}/src/domain/order.repository.ts`;

/**
 * An npm-workspaces monorepo: the root's tsconfig.json holds the shared options and no `paths`; each package's own
 * tsconfig.json extends it and maps `@acme/kernel/*` to the shared-kernel package, whose generic port the Order
 * domain's port extends through that alias. Only the package's tsconfig resolves the port's import, as in
 * Seungwoo-Yu/hexa-ddd-monorepo-typescript-scaffold. `packageTsconfig` replaces the ordering package's (without `paths`, say).
 */
export function workspaceProject(
  compilerOptions: Record<string, unknown>,
  packageTsconfig: Record<string, unknown> = {
    extends: '../../tsconfig.json',
    compilerOptions: { paths: { '@acme/kernel/*': ['../kernel/src/*'] } },
    include: ['src', 'tests'],
  },
): Record<string, string> {
  const files: Record<string, string> = orderDomainIn(`${ORDERING_PACKAGE}/src/domain`, WORKSPACE_PORT);
  files[WORKSPACE_PORT] = `import type { Repository } from '@acme/kernel/repository';
import { Order } from './order';
import { OrderId } from './order-id';
import { OrderStatus } from './order-status';

export interface OrderRepository extends Repository<Order, OrderId> {
  findByStatus(status: OrderStatus): Promise<Order[]>;
}
`;
  return {
    'package.json': JSON.stringify({ name: 'acme', private: true, workspaces: ['packages/*'] }, null, 2),
    'tsconfig.json': JSON.stringify({ compilerOptions }, null, 2),
    'packages/kernel/package.json': JSON.stringify({ name: '@acme/kernel', version: '1.0.0' }, null, 2),
    'packages/kernel/tsconfig.json': JSON.stringify({ extends: '../../tsconfig.json', include: ['src'] }, null, 2),
    'packages/kernel/src/repository.ts': `export interface Repository<T, Id> {
  save(entity: T): Promise<void>;
  findById(id: Id): Promise<T | null>;
  delete(id: Id): Promise<void>;
}
`,
    [`${ORDERING_PACKAGE}/package.json`]: JSON.stringify({ name: '@acme/ordering', version: '1.0.0' }, null, 2),
    [`${ORDERING_PACKAGE}/tsconfig.json`]: JSON.stringify(packageTsconfig, null, 2),
    ...files,
  };
}
