import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyExample, read, runGen, runTool } from '../support/projects.js';

/**
 * A port method gen implements that the user wrote in a repository's custom file (gen's vocabulary grew since the
 * file was created, or the user wanted another body) stays the user's: the generated class extends the custom one,
 * and an implementation of gen's there would override it.
 */
const PERSISTENCE = 'src/infrastructure/persistence';
const TYPEORM_CUSTOM = `${PERSISTENCE}/repositories/order.repository.custom.ts`;
const MEMORY_CUSTOM = `${PERSISTENCE}/in-memory/order.repository.custom.ts`;
const TYPEORM = `${PERSISTENCE}/repositories/order.repository.ts`;
const MEMORY = `${PERSISTENCE}/in-memory/order.repository.ts`;
const TEST = 'tests/integration/infrastructure/order.repository.test.ts';
const PLAN = 'documentation/plans/ordering/003-infrastructure-layer.md';

/** Inserts `members` at the end of the custom class; returns the line the first one starts on. */
function addMembers(dir: string, path: string, members: string): number {
  const text = read(dir, path);
  const end = text.lastIndexOf('\n}\n');
  writeFileSync(join(dir, path), `${text.slice(0, end)}\n${members}${text.slice(end)}`);
  return text.slice(0, end).split('\n').length + 1;
}

/** The user's own test: their findByCustomerEmail ignores case, which gen's (an exact match) would not. */
const USER_TEST = `import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Order } from '../../../src/domain/aggregates/ordering/order';
import { OrderId } from '../../../src/domain/aggregates/ordering/order-id';
import { OrderStatus } from '../../../src/domain/aggregates/ordering/order-status';
import type { OrderRepository } from '../../../src/domain/aggregates/ordering/order.repository';
import { InMemoryOrderRepository } from '../../../src/infrastructure/persistence/in-memory/order.repository';
import { TypeOrmOrderRepository } from '../../../src/infrastructure/persistence/repositories/order.repository';
import { openTestDatabase, type TestDatabase } from './support/test-database';

let database: TestDatabase;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(async () => {
  await database.close();
});

describe('the hand-written findByCustomerEmail', () => {
  it.each(['TypeORM', 'in memory'])('%s: ignores case', async (kind) => {
    const dataSource = kind === 'TypeORM' ? await database.connect() : undefined;
    const repository: OrderRepository = dataSource ? new TypeOrmOrderRepository(dataSource) : new InMemoryOrderRepository();
    await repository.save(new Order(new OrderId('o-1'), OrderStatus.Placed, 'Ada@Example.com', new Date('2024-01-01T00:00:00Z'), 10, false));
    const found = await repository.findByCustomerEmail('ada@example.com');
    expect(found.map((o) => o.id.value)).toEqual(['o-1']);
    await dataSource?.destroy();
  });
});
`;

describe('a method gen implements, written by the user in a custom file', () => {
  it("runs the user's body, not gen's: gen leaves it out of the generated class, warns at it, and regenerates nothing more", async () => {
    const dir = copyExample('shop');
    const typeormLine = addMembers(
      dir,
      TYPEORM_CUSTOM,
      `  /** Written by hand: e-mail addresses match whatever their case. */
  async findByCustomerEmail(customerEmail: string): Promise<Order[]> {
    const models = await this.orm.find({
      where: { customerEmail: Raw((column) => \`LOWER(\${column}) = LOWER(:customerEmail)\`, { customerEmail }) },
      order: { id: 'ASC' },
    });
    return models.map((model) => OrderMapper.toDomain(model));
  }

  // gen's own stub, untouched: gen's implementation takes over.
  async findByStatus(_status: string): Promise<Order[]> {
    throw new Error("not implemented: findByStatus");
  }
`,
    );
    writeFileSync(join(dir, TYPEORM_CUSTOM), read(dir, TYPEORM_CUSTOM).replace('import { In, LessThan,', 'import { In, LessThan, Raw,'));
    const memoryLine = addMembers(
      dir,
      MEMORY_CUSTOM,
      `  async findByCustomerEmail(customerEmail: string): Promise<Order[]> {
    return [...this.rows.values()]
      .filter((model) => model.customerEmail.toLowerCase() === customerEmail.toLowerCase())
      .map((model) => OrderMapper.toDomain(structuredClone(model)));
  }

  /** Written in memory only: the TypeORM repository keeps gen's. */
  async countByStatus(status: string): Promise<number> {
    return [...this.rows.values()].filter((model) => model.status === status).length;
  }
`,
    );
    writeFileSync(join(dir, 'tests/integration/infrastructure/order-email.test.ts'), USER_TEST);

    const run = await runGen(['infra', 'ordering', '--cwd', dir]);

    expect(run.code, run.err).toBe(0);
    expect(run.err).toContain(
      `gen: warning: ${TYPEORM_CUSTOM}:${typeormLine + 1} and ${MEMORY_CUSTOM}:${memoryLine}: OrderRepository.findByCustomerEmail is written by hand; gen can now implement it, but leaves yours to run (the generated repositories do not override it; the generated tests leave findByCustomerEmail to your own suite). Delete it from the custom files to let gen's implementation take over.`,
    );
    expect(run.err).toContain(
      `gen: warning: ${MEMORY_CUSTOM}:${memoryLine + 7}: OrderRepository.countByStatus is written by hand; gen can now implement it, but leaves yours to run (InMemoryOrderRepository does not override it, TypeOrmOrderRepository keeps gen's;`,
    );
    expect(run.err).not.toContain('findByStatus is written by hand');
    // The user's bodies are what the classes run; gen's untouched stub and the one-sided method are gen's.
    expect(read(dir, TYPEORM)).not.toContain('findByCustomerEmail(');
    expect(read(dir, MEMORY)).not.toContain('findByCustomerEmail(');
    expect(read(dir, MEMORY)).not.toContain('countByStatus(');
    expect(read(dir, TYPEORM)).toContain('countByStatus(status: OrderStatus)');
    expect(read(dir, TYPEORM)).toContain('findByStatus(status: OrderStatus)');
    expect(read(dir, TEST)).toContain("it.todo('findByCustomerEmail is hand-written: test it in your own suite');");
    expect(read(dir, TEST)).toContain("it.todo('countByStatus is hand-written: test it in your own suite');");
    expect(read(dir, PLAN)).toContain(
      `hand-written: yours, in \`${TYPEORM_CUSTOM}\` and \`${MEMORY_CUSTOM}\`; gen can implement it, and does once you delete it there`,
    );
    expect(read(dir, PLAN)).toContain(`hand-written: yours, in \`${MEMORY_CUSTOM}\`;`);

    const tsc = runTool('tsc', ['-p', 'tsconfig.json', '--noEmit'], dir);
    expect(tsc.output).toBe('');
    const tests = runTool('vitest', ['run'], dir);
    expect(tests.status, tests.output).toBe(0);
    expect(tests.output).toContain('order-email.test.ts');
    expect(tests.output).toMatch(/Tests\s+\d+ passed/);

    const again = await runGen(['infra', 'ordering', '--cwd', dir]);
    expect(again.code, again.err).toBe(0);
    expect(again.out).toContain('Nothing to change.');
    // Edited around the method, the custom file changes no generated file (the plan names it, not its line).
    writeFileSync(
      join(dir, TYPEORM_CUSTOM),
      read(dir, TYPEORM_CUSTOM).replace('/** Orders that are still open', '// Ours.\n/** Orders that are still open'),
    );
    const edited = await runGen(['infra', 'ordering', '--cwd', dir]);
    expect(edited.err).toContain(
      `${TYPEORM_CUSTOM}:${typeormLine + 2} and ${MEMORY_CUSTOM}:${memoryLine}: OrderRepository.findByCustomerEmail`,
    );
    expect(edited.out).toContain('Nothing to change.');
  });

  it("takes the user's save where gen would add its own for the tests: refused at the custom file, nothing written", async () => {
    const dir = copyExample('shop');
    const line = addMembers(dir, TYPEORM_CUSTOM, `  async save(_order: Order): Promise<void> {\n    await Promise.resolve();\n  }\n`);
    const before = read(dir, TYPEORM);

    const run = await runGen(['infra', 'ordering', '--cwd', dir]);

    expect(run.code).toBe(2);
    expect(run.err).toContain(`${TYPEORM_CUSTOM}:${line}:`);
    expect(run.err).toContain('OrderRepository.save is written by hand');
    expect(read(dir, TYPEORM)).toBe(before);
  });
});
