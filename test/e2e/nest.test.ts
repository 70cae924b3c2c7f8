import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { expect, it } from 'vitest';
import { databaseServers } from '../support/databases.js';
import { ORDER_DOMAIN, PORT_FILE } from '../support/fixtures.js';
import { ROOT, generateAndRun, read, runGen, writeProject } from '../support/projects.js';

const postgres = (await databaseServers()).find((s) => s.name === 'PostgreSQL')!;

const NEST_PACKAGE = JSON.stringify({
  name: 'billing',
  private: true,
  dependencies: { '@nestjs/common': '^11.0.0', '@nestjs/core': '^11.0.0', '@nestjs/typeorm': '^11.0.0', typeorm: '^0.3.0' },
});

const TOKEN_PORT = `import { Order } from './order';
import { OrderId } from './order-id';
import { OrderStatus } from './order-status';

export const ORDER_REPOSITORY = Symbol('OrderRepository');

export interface OrderRepository {
  save(order: Order): Promise<void>;
  findById(id: OrderId): Promise<Order | null>;
  findByStatus(status: OrderStatus): Promise<Order[]>;
}
`;

// A use case as a Nest service writes it: the port injected through its token, nothing of the infrastructure.
const USE_CASE = `import { Inject, Injectable } from '@nestjs/common';
import { Order } from '../../domain/aggregates/ordering/order';
import { OrderId } from '../../domain/aggregates/ordering/order-id';
import { ORDER_REPOSITORY, type OrderRepository } from '../../domain/aggregates/ordering/order.repository';
import { OrderStatus } from '../../domain/aggregates/ordering/order-status';

@Injectable()
export class PlaceOrder {
  constructor(@Inject(ORDER_REPOSITORY) private readonly orders: OrderRepository) {}

  async execute(id: string, email: string): Promise<Order | null> {
    await this.orders.save(new Order(new OrderId(id), OrderStatus.Placed, email, new Date('2024-05-01T10:00:00Z'), 12, false));
    return this.orders.findById(new OrderId(id));
  }
}
`;

// The user's own e2e test: the app's modules booted with Test.createTestingModule, wired by importing the generated module.
const APP_TEST = `import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { expect, it } from 'vitest';
import { PlaceOrder } from '../src/application/ordering/place-order';
import { ORDER_REPOSITORY } from '../src/domain/aggregates/ordering/order.repository';
import { dataSourceOptions, prepareDataSource } from '../src/infrastructure/config/database';
import { InMemoryOrderRepository } from '../src/infrastructure/persistence/in-memory/order.repository';
import { OrderPersistenceModule } from '../src/infrastructure/persistence/order-persistence.module';

@Module({ imports: [OrderPersistenceModule], providers: [PlaceOrder] })
class OrderingModule {}

const database = TypeOrmModule.forRootAsync({
  useFactory: () => ({ ...dataSourceOptions({ type: 'sqlite' }), migrationsRun: true }),
  dataSourceFactory: async (options) => prepareDataSource(new DataSource(options!)).initialize(),
});

it('runs a use case through the port, on the TypeORM repository the module provides', async () => {
  const app = await Test.createTestingModule({ imports: [database, OrderingModule] }).compile();
  const placed = await app.get(PlaceOrder).execute('order-1', 'ada@example.com');
  expect(placed?.customerEmail).toBe('ada@example.com');
  const rows: { customer_email: string }[] = await app.get(DataSource).query('SELECT customer_email FROM orders');
  expect(rows).toEqual([{ customer_email: 'ada@example.com' }]);
  await app.close();
});

it('runs it on the in-memory twin where a test binds it in place of TypeORM', async () => {
  const twin = new InMemoryOrderRepository();
  const app = await Test.createTestingModule({ imports: [OrderingModule] })
    .overrideProvider(ORDER_REPOSITORY)
    .useValue(twin)
    .compile();
  await app.get(PlaceOrder).execute('order-2', 'grace@example.com');
  expect((await twin.findByStatus('PLACED' as never)).map((o) => o.customerEmail)).toEqual(['grace@example.com']);
  await app.close();
});
`;

it('writes a Nest persistence module that provides the port token; importing it is the whole wiring', async () => {
  const { dir, output } = await generateAndRun(
    {
      ...ORDER_DOMAIN,
      [PORT_FILE]: TOKEN_PORT,
      'package.json': NEST_PACKAGE,
      'src/application/ordering/place-order.ts': USE_CASE,
      'tests/app.test.ts': APP_TEST,
    },
    'ordering',
  );
  expect(output).toMatch(/tests\/app\.test\.ts/);
  expect(read(dir, 'src/infrastructure/persistence/order-persistence.module.ts')).toContain('provide: ORDER_REPOSITORY,');

  // The TypeORM CLI, through the generated data-source.ts, runs the migrations; then it sees no drift.
  // On PostgreSQL too where it runs: there every Date column would drift without prepareDataSource.
  const cli = (command: string, env: Record<string, string>) =>
    spawnSync(
      process.execPath,
      ['--import', 'tsx', join(ROOT, 'node_modules/typeorm/cli.js'), command, '-d', 'src/infrastructure/config/data-source.ts'],
      {
        cwd: dir,
        env: { ...process.env, ...env },
        encoding: 'utf8',
      },
    );
  const schema = `nest_cli_${process.pid}`;
  const databases: Record<string, string>[] = [{ DATABASE_TYPE: 'sqlite', DATABASE_NAME: join(dir, 'cli.sqlite') }];
  if (postgres.run) databases.push({ DATABASE_TYPE: 'postgres', DATABASE_URL: postgres.url, DATABASE_SCHEMA: schema });
  const admin = postgres.run ? await new DataSource({ type: 'postgres', url: postgres.url }).initialize() : undefined;
  await admin?.query(`CREATE SCHEMA "${schema}"`);
  try {
    for (const env of databases) {
      const migrated = cli('migration:run', env);
      expect(migrated.status, migrated.stdout + migrated.stderr).toBe(0);
      expect(migrated.stdout).toMatch(/Migration CreateOrders\d+ has been\s+executed successfully/);
      const log = cli('schema:log', env);
      expect(log.stdout + log.stderr, env['DATABASE_TYPE']).toMatch(/Your schema is up to date/);
    }
  } finally {
    await admin?.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await admin?.destroy();
  }
});

it('says how to declare a token where the port is an interface without one, and writes no module', async () => {
  const dir = writeProject({ ...ORDER_DOMAIN, 'package.json': NEST_PACKAGE });
  const run = await runGen(['infra', 'ordering', '--cwd', dir]);
  expect(run.code).toBe(0);
  expect(run.err).toContain(
    `${PORT_FILE}:5: OrderRepository is an interface with no injection token beside it, so no Nest persistence module was written`,
  );
  expect(run.err).toContain("export const ORDER_REPOSITORY = Symbol('OrderRepository');");
  expect(existsSync(join(dir, 'src/infrastructure/persistence/order-persistence.module.ts'))).toBe(false);
});

it('provides an abstract-class port as its own token, and writes nothing for Nest in a project without it', async () => {
  const abstractPort = ORDER_DOMAIN[PORT_FILE].replace(
    'export interface OrderRepository {',
    'export abstract class OrderRepository {',
  ).replace(/\n  (\w+\()/g, '\n  abstract $1');
  const nest = writeProject({ ...ORDER_DOMAIN, [PORT_FILE]: abstractPort, 'package.json': NEST_PACKAGE });
  expect((await runGen(['infra', 'ordering', '--cwd', nest])).code).toBe(0);
  expect(read(nest, 'src/infrastructure/persistence/order-persistence.module.ts')).toContain('provide: OrderRepository,');

  const plain = writeProject({ ...ORDER_DOMAIN, 'package.json': JSON.stringify({ name: 'plain', dependencies: { typeorm: '^0.3.0' } }) });
  const run = await runGen(['infra', 'ordering', '--cwd', plain]);
  expect(run.code).toBe(0);
  expect(run.err).not.toContain('Nest');
  expect(existsSync(join(plain, 'src/infrastructure/persistence/order-persistence.module.ts'))).toBe(false);
});
