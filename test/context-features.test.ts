import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { otherContext, type FeatureEntry } from '../src/manifest.js';
import { read, runGen, writeProject } from './support/projects.js';

const NOW = ['--now', '2024-06-01T00:00:00Z'];
const MANIFEST = '.gen/manifest.json';

function entry(file: string, context?: string): FeatureEntry {
  return { aggregate: 'Product', entities: [{ className: 'ProductModel', file }], migrations: [], ...(context ? { context } : {}) };
}

const SHOP_ENTITY = 'src/contexts/shop/product/infrastructure/persistence/models/product.model.ts';
const OFFICE_ENTITY = 'src/contexts/backoffice/product/infrastructure/persistence/models/product.model.ts';

describe('otherContext', () => {
  it.each([
    { why: 'no previous run', previous: undefined, context: 'shop', file: SHOP_ENTITY, other: undefined },
    { why: 'no context in this run', previous: entry(SHOP_ENTITY, 'shop'), context: undefined, file: OFFICE_ENTITY, other: undefined },
    { why: 'the same recorded context', previous: entry(SHOP_ENTITY, 'shop'), context: 'shop', file: SHOP_ENTITY, other: undefined },
    { why: 'another recorded context', previous: entry(SHOP_ENTITY, 'shop'), context: 'backoffice', file: OFFICE_ENTITY, other: 'shop' },
    {
      why: 'an old entry from another context folder',
      previous: entry(SHOP_ENTITY),
      context: 'backoffice',
      file: OFFICE_ENTITY,
      other: SHOP_ENTITY,
    },
    { why: 'an old entry of this context', previous: entry(SHOP_ENTITY), context: 'shop', file: SHOP_ENTITY, other: undefined },
    // A feature moved to other folders (no context folder in either path) is the same feature, relocated.
    {
      why: 'an old entry moved out of no context folder',
      previous: entry('src/old/product.model.ts'),
      context: 'shop',
      file: 'src/new/product.model.ts',
      other: undefined,
    },
  ])('$why', ({ previous, context, file, other }) => {
    expect(otherContext(previous, context, file)).toBe(other);
  });
});

const PRODUCT = `export class Product {
  constructor(
    readonly id: string,
    public name: string,
  ) {}
}
`;
const PORT = `import { Product } from './product';

export interface ProductRepository {
  findById(id: string): Promise<Product | undefined>;
  save(product: Product): Promise<void>;
}
`;

describe('one feature name in two bounded contexts', () => {
  it('generates the first; the second is refused at its aggregate, naming the decision, and nothing of the first is deleted', async () => {
    const dir = writeProject({
      'gen.config.json': JSON.stringify({ layout: 'contexts' }),
      'src/contexts/shop/product/domain/product.ts': PRODUCT,
      'src/contexts/shop/product/domain/product-repository.ts': PORT,
      'src/contexts/backoffice/product/domain/product.ts': PRODUCT,
      'src/contexts/backoffice/product/domain/product-repository.ts': PORT,
    });
    const shop = await runGen(['infra', 'product', '--context', 'shop', '--cwd', dir, ...NOW]);
    expect(shop.code, shop.err).toBe(0);
    const manifest = read(dir, MANIFEST);
    expect((JSON.parse(manifest) as { features: Record<string, FeatureEntry> }).features['product'].context).toBe('shop');
    const generated = (JSON.parse(manifest) as { files: Record<string, string> }).files;

    const office = await runGen(['infra', 'product', '--context', 'backoffice', '--cwd', dir, ...NOW]);

    expect(office.code).toBe(2);
    expect(office.err).toContain('src/contexts/backoffice/product/domain/product.ts:1:');
    expect(office.err).toContain("feature 'product' is already generated from context 'shop'");
    expect(office.err).toContain("map a second aggregate to table 'products'");
    expect(office.err).toContain('give one of the two aggregates another name');
    expect(read(dir, MANIFEST)).toBe(manifest);
    for (const path of Object.keys(generated)) expect(existsSync(join(dir, path)), path).toBe(true);
    expect(existsSync(join(dir, 'src/contexts/backoffice/product/infrastructure'))).toBe(false);

    // A manifest written before gen recorded contexts: the entity file's context folder tells the same.
    const old = JSON.parse(manifest) as { features: Record<string, FeatureEntry> };
    delete old.features['product'].context;
    writeFileSync(join(dir, MANIFEST), `${JSON.stringify(old, null, 2)}\n`);
    const again = await runGen(['infra', 'product', '--context', 'backoffice', '--cwd', dir, ...NOW]);
    expect(again.code).toBe(2);
    expect(again.err).toContain(`already generated from another context (${SHOP_ENTITY})`);
    const shopAgain = await runGen(['infra', 'product', '--context', 'shop', '--cwd', dir, ...NOW]);
    expect(shopAgain.code, shopAgain.err).toBe(0);
    expect(shopAgain.out).toContain('0 create, 1 update');
    expect(readdirSync(join(dir, 'src/contexts/shared/infrastructure/persistence/migrations'))).toHaveLength(1);
  });
});
