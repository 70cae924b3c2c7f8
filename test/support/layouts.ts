import { posix } from 'node:path';
import { ORDER_DOMAIN, PORT_FILE } from './fixtures.js';

const PLAN_DIR = 'src/domain/aggregates/ordering';

/**
 * The Order domain of ORDER_DOMAIN moved to `domainDir`, its port to `portFile` (its imports of the domain
 * rewritten), and each file renamed by `rename` (e.g. to PascalCase): the same domain in another layout.
 */
export function orderDomainIn(
  domainDir: string,
  portFile: string,
  rename: (base: string) => string = (base) => base,
): Record<string, string> {
  const files: Record<string, string> = {};
  const target = (path: string) => (path === PORT_FILE ? portFile : `${domainDir}/${rename(posix.basename(path, '.ts'))}.ts`);
  for (const [path, content] of Object.entries(ORDER_DOMAIN)) {
    const at = target(path);
    files[at] = content.replace(/from '\.\/([\w.-]+)'/g, (_match, base: string) => {
      const relative = posix.relative(posix.dirname(at), target(`${PLAN_DIR}/${base}.ts`)).replace(/\.ts$/, '');
      return `from '${relative.startsWith('.') ? relative : `./${relative}`}'`;
    });
  }
  return files;
}

/** The Order domain in each preset's folders. */
export const ORDER_IN_LAYOUT = {
  plan: ORDER_DOMAIN,
  modules: orderDomainIn('src/modules/ordering/domain', 'src/modules/ordering/database/order.repository.port.ts'),
  contexts: orderDomainIn('src/contexts/sales/ordering/domain', 'src/contexts/sales/ordering/domain/OrderRepository.ts', (base) =>
    base
      .split(/[-.]/)
      .map((w) => w[0].toUpperCase() + w.slice(1))
      .join(''),
  ),
  repos: orderDomainIn('src/modules/ordering/domain', 'src/modules/ordering/repos/order-repo.ts'),
} as const;
