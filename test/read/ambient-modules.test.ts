import { describe, expect, it } from 'vitest';
import { loadProjectContext } from '../../src/project-context.js';
import { readDomain } from '../../src/read/domain-reader.js';
import { ORDER_DOMAIN, PORT_FILE } from '../support/fixtures.js';
import { writeProject } from '../support/projects.js';
import { thrown } from '../support/thrown.js';

/** The Order domain whose port names `type` (imported by `importLine`) in a finder's parameter. */
function portNaming(importLine: string, type: string): Record<string, string> {
  return {
    ...ORDER_DOMAIN,
    [PORT_FILE]: `${importLine}
import { Order } from './order';
import { OrderId } from './order-id';

export interface OrderRepository {
  save(order: Order): Promise<void>;
  findById(id: OrderId): Promise<Order | null>;
  findByCustomerEmail(customerEmail: ${type}): Promise<Order[]>;
}
`,
  };
}

describe('a port importing from a module declared only as `declare module`', () => {
  it("reads a Node built-in typed by @types/node ('node:crypto'): no file resolves it, the checker knows it", () => {
    const files = portNaming(`import type { BinaryLike } from 'node:crypto';`, 'BinaryLike & string');
    const context = loadProjectContext(writeProject(files, { compiled: true }));

    const domain = readDomain(context, context.config, 'ordering');

    expect(domain.port.methods.map((m) => m.name).sort()).toEqual(['findByCustomerEmail', 'findById', 'save']);
  });

  it("reads a module the project's own .d.ts declares", () => {
    const files = {
      ...portNaming(`import type { Email } from 'mail-types';`, 'Email'),
      'src/types/mail-types.d.ts': `declare module 'mail-types' {\n  export type Email = string;\n}\n`,
    };
    const context = loadProjectContext(writeProject(files));

    const domain = readDomain(context, context.config, 'ordering');

    expect(domain.port.methods.map((m) => m.name).sort()).toEqual(['findByCustomerEmail', 'findById', 'save']);
  });

  it('still refuses a module nothing declares, naming it', () => {
    const context = loadProjectContext(writeProject(portNaming(`import type { Email } from 'mail-types';`, 'Email')));

    const error = thrown(() => readDomain(context, context.config, 'ordering'));

    expect(error.message).toBe(`'mail-types' does not resolve under tsconfig.json, so the types the ports name are unknown`);
    expect(error.location).toEqual({ file: PORT_FILE, line: 1 });
  });
});

describe('a refusal about a port whose file imports what does not resolve', () => {
  it('is left as it was when no type of the port names the import (a decorator from a package not installed)', () => {
    const files = {
      ...ORDER_DOMAIN,
      [PORT_FILE]: `import { Injectable } from 'di-not-installed';
import { Order } from './order';
import { OrderId } from './order-id';

@Injectable()
export abstract class OrderRepository {
  abstract save(id: OrderId): Promise<void>;
  abstract findById(id: OrderId): Promise<Order | null>;
}
`,
    };
    const context = loadProjectContext(writeProject(files));

    const error = thrown(() => readDomain(context, context.config, 'ordering'));

    expect(error.message).toBe('OrderRepository.save must take the aggregate root class (Order) as its first parameter (it takes OrderId)');
  });
});
