import { describe, expect, it } from 'vitest';
import { ORDER_DOMAIN, PORT_FILE } from '../support/fixtures.js';
import { generateAndRun, read } from '../support/projects.js';

const INFRA = 'src/infrastructure/persistence';

describe('spellings met on unseen codebases (issue 19)', () => {
  it('implements a Repository whose read takes a FindManyInput, the read left as a stub to write', async () => {
    const files = { ...ORDER_DOMAIN };
    files[PORT_FILE] = files[PORT_FILE].replace(
      '  findAll(): Promise<Order[]>;',
      '  findAll(): Promise<Order[]>;\n  findMany(input: FindManyOrdersInput): Promise<Order[]>;',
    ).concat('\nexport interface FindManyOrdersInput {\n  status?: OrderStatus;\n  page: number;\n}\n');
    const { dir } = await generateAndRun(files, 'ordering');

    expect(read(dir, `${INFRA}/repositories/order.repository.ts`)).toMatch(/implements\s+OrderRepository\s*\{/);
    expect(read(dir, `${INFRA}/repositories/order.repository.custom.ts`)).toContain('findMany(');
  });
});
