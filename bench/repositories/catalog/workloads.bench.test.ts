// The repository workloads of issue 9, run inside a copy of examples/catalog (see bench/repositories.ts):
// the generated TypeOrmProductRepository against IdiomaticProductRepository, on in-memory SQLite, the two
// interleaved repeat by repeat. Prints one JSON line per workload for the harness to tabulate.
import 'reflect-metadata';
import { DataSource, type Logger } from 'typeorm';
import { expect, it } from 'vitest';
import { Money } from '../src/domain/aggregates/catalog/money';
import { Product } from '../src/domain/aggregates/catalog/product';
import { ProductId } from '../src/domain/aggregates/catalog/product-id';
import { ProductStatus } from '../src/domain/aggregates/catalog/product-status';
import { Variant } from '../src/domain/aggregates/catalog/variant';
import { VariantId } from '../src/domain/aggregates/catalog/variant-id';
import { createDataSource } from '../src/infrastructure/config/database';
import { migrations } from '../src/infrastructure/persistence/index';
import { TypeOrmProductRepository } from '../src/infrastructure/persistence/repositories/product.repository';
import { IdiomaticProductRepository, ProductRow, VariantRow } from './idiomatic-product.repository';

const SCALE = Number(process.env['BENCH_SCALE'] ?? '1');
const REPEATS = Number(process.env['BENCH_REPEATS'] ?? '3');
/** Only the workloads whose name contains this text (case-insensitive), as `npm run bench -- --only` asks. */
const ONLY = process.env['BENCH_ONLY']?.toLowerCase();
const ops = (n: number) => Math.max(1, Math.round(n * SCALE));

interface Repository {
  save(product: Product): Promise<void>;
  findById(id: ProductId): Promise<Product | null>;
  findByStatus(status: ProductStatus): Promise<Product[]>;
  findByNameContainingIgnoreCase(text: string): Promise<Product[]>;
}

const counter = { statements: 0 };
const logger: Logger = {
  logQuery: () => void counter.statements++,
  logQueryError() {},
  logQuerySlow() {},
  logSchemaBuild() {},
  logMigration() {},
  log() {},
};

let sequence = 0;
function product(variants: number, status = ProductStatus.Active): Product {
  const id = `product-${sequence++}`;
  return Product.reconstitute(
    {
      name: `Product ${id}`,
      description: 'A product',
      status,
      price: Money.of(12.5, 'EUR'),
      tags: ['new', 'sale'],
      supplierId: 'supplier-1',
      variants: Array.from({ length: variants }, (_, i) =>
        Variant.reconstitute({ sku: `SKU-${i}`, color: 'red', price: Money.of(10 + i, 'EUR'), stock: i }, VariantId.of(`variant-${i}`)),
      ),
      createdAt: new Date(Date.UTC(2026, 0, 1)),
      retiredAt: null,
    },
    ProductId.of(id),
  );
}

async function open(subject: 'generated' | 'idiomatic'): Promise<{ dataSource: DataSource; repository: Repository }> {
  const dataSource =
    subject === 'generated'
      ? createDataSource({ logger })
      : new DataSource({ type: 'sqlite', database: ':memory:', entities: [ProductRow, VariantRow], migrations, logger });
  await dataSource.initialize();
  await dataSource.runMigrations();
  return {
    dataSource,
    repository: subject === 'generated' ? new TypeOrmProductRepository(dataSource) : new IdiomaticProductRepository(dataSource),
  };
}

/**
 * Stores `count` products with `variants` variants each through TypeORM's insert, in a few statements: faster
 * than saving them one by one, and the same rows for both subjects (their entities map the same tables).
 * `name(i)` is the i-th product's name.
 */
async function seed(dataSource: DataSource, count: number, variants: number, name: (i: number) => string): Promise<void> {
  const entity = (table: string) => dataSource.entityMetadatas.find((metadata) => metadata.tableName === table)!.target;
  // TypeORM's insert handles its parameters in quadratic time: small statements are faster.
  const PER_STATEMENT = 25;
  await dataSource.transaction(async (manager) => {
    for (let start = 0; start < count; start += PER_STATEMENT) {
      const ids = Array.from({ length: Math.min(PER_STATEMENT, count - start) }, (_, i) => start + i);
      const products = ids.map((i) => ({
        id: `seeded-${i}`,
        name: name(i),
        description: 'A product',
        status: ProductStatus.Active,
        priceAmount: 12.5,
        priceCurrency: 'EUR',
        tags: ['new', 'sale'],
        supplierId: 'supplier-1',
        createdAt: new Date(Date.UTC(2026, 0, 1)),
        retiredAt: null,
      }));
      const children = ids.flatMap((i) =>
        Array.from({ length: variants }, (_, v) => ({
          productId: `seeded-${i}`,
          id: `variant-${v}`,
          sku: `SKU-${v}`,
          color: 'red',
          priceAmount: 10 + v,
          priceCurrency: 'EUR',
          stock: v,
          position: v,
        })),
      );
      await manager.createQueryBuilder().insert().into(entity('products')).values(products).updateEntity(false).execute();
      await manager.createQueryBuilder().insert().into(entity('product_variants')).values(children).updateEntity(false).execute();
    }
  });
}

/** Prepares the database and returns the timed part and how many operations it performs. */
type Workload = (repository: Repository, dataSource: DataSource) => Promise<{ run: () => Promise<void>; operations: number }>;

const WORKLOADS: [string, Workload][] = [
  [
    'insert a new aggregate with 5 children',
    async (repository) => {
      const products = Array.from({ length: ops(300) }, () => product(5));
      return {
        operations: products.length,
        run: async () => {
          for (const p of products) await repository.save(p);
        },
      };
    },
  ],
  [
    'findById with its 5 children',
    async (repository) => {
      const p = product(5);
      await repository.save(p);
      const n = ops(1000);
      return {
        operations: n,
        run: async () => {
          for (let i = 0; i < n; i++) await repository.findById(p.id);
        },
      };
    },
  ],
  [
    'derived query returning 500 aggregates (3 children each)',
    async (repository) => {
      for (let i = 0; i < 500; i++) await repository.save(product(3, ProductStatus.Retired));
      for (let i = 0; i < 100; i++) await repository.save(product(3, ProductStatus.Active));
      const n = ops(10);
      return {
        operations: n,
        run: async () => {
          for (let i = 0; i < n; i++) expect(await repository.findByStatus(ProductStatus.Retired)).toHaveLength(500);
        },
      };
    },
  ],
  [
    'selective derived query: 1% of 10,000 aggregates (5 children each), on a condition no index serves',
    async (repository, dataSource) => {
      // No index serves a text inside the name: each query reads all 10,000 rows, which is worth doing once only.
      await seed(dataSource, 10_000, 5, (i) => (i % 100 === 0 ? `Limited edition ${i}` : `Product ${i}`));
      const n = ops(100);
      return {
        operations: n,
        run: async () => {
          for (let i = 0; i < n; i++) expect(await repository.findByNameContainingIgnoreCase('limited')).toHaveLength(100);
        },
      };
    },
  ],
  [
    're-save of a loaded 20-child aggregate: 1 changed, 1 added, 1 removed',
    async (repository) => {
      const loaded: Product[] = [];
      for (let i = 0; i < ops(200); i++) {
        const p = product(20);
        await repository.save(p);
        const found = (await repository.findById(p.id))!;
        found.restock(VariantId.of('variant-3'), 5);
        found.addVariant(Variant.create(VariantId.of('variant-new'), { sku: 'SKU-NEW', price: Money.of(1, 'EUR'), stock: 1 }));
        found.removeVariant(VariantId.of('variant-7'));
        loaded.push(found);
      }
      return {
        operations: loaded.length,
        run: async () => {
          for (const p of loaded) await repository.save(p);
        },
      };
    },
  ],
  [
    're-save of a loaded, unchanged aggregate (5 children)',
    async (repository) => {
      const loaded: Product[] = [];
      for (let i = 0; i < ops(300); i++) {
        const p = product(5);
        await repository.save(p);
        loaded.push((await repository.findById(p.id))!);
      }
      return {
        operations: loaded.length,
        run: async () => {
          for (const p of loaded) await repository.save(p);
        },
      };
    },
  ],
];

it('measures each workload on both repositories, interleaved', async () => {
  for (const [name, workload] of WORKLOADS) {
    if (ONLY !== undefined && !name.toLowerCase().includes(ONLY)) continue;
    const samples: Record<'generated' | 'idiomatic', { msPer1000: number; statements: number; cpuMs: number }[]> = {
      generated: [],
      idiomatic: [],
    };
    for (let repeat = 0; repeat < REPEATS; repeat++) {
      // Alternate which goes first, so neither always runs on a warmer (or busier) machine.
      const order = repeat % 2 === 0 ? (['idiomatic', 'generated'] as const) : (['generated', 'idiomatic'] as const);
      for (const subject of order) {
        const { dataSource, repository } = await open(subject);
        try {
          const { run, operations } = await workload(repository, dataSource);
          counter.statements = 0;
          const [start, cpu] = [performance.now(), process.cpuUsage()];
          await run();
          const [elapsed, used] = [performance.now() - start, process.cpuUsage(cpu)];
          // CPU time includes SQLite's, which runs on libuv's threads; it is steadier than wall time on a busy machine.
          const cpuMs = (used.user + used.system) / 1000;
          samples[subject].push({
            msPer1000: (elapsed / operations) * 1000,
            statements: counter.statements / operations,
            cpuMs: (cpuMs / operations) * 1000,
          });
        } finally {
          await dataSource.destroy();
        }
      }
    }
    console.log(`BENCH ${JSON.stringify({ workload: name, samples })}`);
  }
}, 1_800_000);
