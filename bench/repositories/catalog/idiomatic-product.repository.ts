// The baseline of the repository benchmarks: how a good developer writes ProductRepository by hand with
// TypeORM's own tools (cascade save, orphan removal, relations), on the same tables and migration as the
// generated one. Copied into a copy of examples/catalog by bench/repositories.ts; not part of gen's build.
import { Column, Entity, JoinColumn, Like, ManyToOne, OneToMany, PrimaryColumn, type DataSource, type Repository } from 'typeorm';
import { Money, type Currency } from '../src/domain/aggregates/catalog/money';
import { Product } from '../src/domain/aggregates/catalog/product';
import { ProductId } from '../src/domain/aggregates/catalog/product-id';
import type { ProductStatus } from '../src/domain/aggregates/catalog/product-status';
import { Variant } from '../src/domain/aggregates/catalog/variant';
import { VariantId } from '../src/domain/aggregates/catalog/variant-id';

@Entity({ name: 'products' })
export class ProductRow {
  @PrimaryColumn({ name: 'id', type: 'varchar', length: 255 }) id!: string;
  @Column({ name: 'name', type: 'varchar', length: 255 }) name!: string;
  @Column({ name: 'description', type: 'varchar', length: 255, nullable: true }) description!: string | null;
  @Column({ name: 'status', type: 'simple-enum', enum: ['DRAFT', 'ACTIVE', 'RETIRED'] }) status!: string;
  @Column({ name: 'price_amount', type: 'double precision' }) priceAmount!: number;
  @Column({ name: 'price_currency', type: 'simple-enum', enum: ['EUR', 'GBP', 'USD'] }) priceCurrency!: string;
  @Column({ name: 'tags', type: 'simple-json' }) tags!: string[];
  @Column({ name: 'supplier_id', type: 'varchar', length: 255 }) supplierId!: string;
  @Column({ name: 'created_at', type: Date }) createdAt!: Date;
  @Column({ name: 'retired_at', type: Date, nullable: true }) retiredAt!: Date | null;
  @OneToMany(() => VariantRow, (variant) => variant.product, { cascade: true }) variants!: VariantRow[];
}

@Entity({ name: 'product_variants' })
export class VariantRow {
  @PrimaryColumn({ name: 'product_id', type: 'varchar', length: 255 }) productId!: string;
  @PrimaryColumn({ name: 'id', type: 'varchar', length: 255 }) id!: string;
  @Column({ name: 'sku', type: 'varchar', length: 255 }) sku!: string;
  @Column({ name: 'color', type: 'varchar', length: 255, nullable: true }) color!: string | null;
  @Column({ name: 'price_amount', type: 'double precision' }) priceAmount!: number;
  @Column({ name: 'price_currency', type: 'simple-enum', enum: ['EUR', 'GBP', 'USD'] }) priceCurrency!: string;
  @Column({ name: 'stock', type: 'double precision' }) stock!: number;
  @Column({ name: 'position', type: 'integer' }) position!: number;
  @ManyToOne(() => ProductRow, (product) => product.variants, { onDelete: 'CASCADE', orphanedRowAction: 'delete' })
  @JoinColumn({ name: 'product_id', foreignKeyConstraintName: 'fk_product_variants_product_id' })
  product?: ProductRow;
}

function toDomain(row: ProductRow): Product {
  return Product.reconstitute(
    {
      name: row.name,
      ...(row.description === null ? {} : { description: row.description }),
      status: row.status as ProductStatus,
      price: Money.of(row.priceAmount, row.priceCurrency as Currency),
      tags: row.tags,
      supplierId: row.supplierId,
      variants: [...row.variants]
        .sort((a, b) => a.position - b.position)
        .map((v) =>
          Variant.reconstitute(
            {
              sku: v.sku,
              ...(v.color === null ? {} : { color: v.color }),
              price: Money.of(v.priceAmount, v.priceCurrency as Currency),
              stock: v.stock,
            },
            VariantId.of(v.id),
          ),
        ),
      createdAt: row.createdAt,
      retiredAt: row.retiredAt,
    },
    ProductId.of(row.id),
  );
}

function toRow(product: Product): ProductRow {
  const row = Object.assign(new ProductRow(), {
    id: product.id.value,
    name: product.name,
    description: product.description ?? null,
    status: product.status,
    priceAmount: product.price.amount,
    priceCurrency: product.price.currency,
    tags: product.tags,
    supplierId: product.supplierId,
    createdAt: product.createdAt,
    retiredAt: product.retiredAt,
  });
  row.variants = product.variants.map((v, position) =>
    Object.assign(new VariantRow(), {
      productId: product.id.value,
      id: v.id.value,
      sku: v.sku,
      color: v.color ?? null,
      priceAmount: v.price.amount,
      priceCurrency: v.price.currency,
      stock: v.stock,
      position,
    }),
  );
  return row;
}

export class IdiomaticProductRepository {
  private readonly rows: Repository<ProductRow>;

  constructor(dataSource: DataSource) {
    this.rows = dataSource.getRepository(ProductRow);
  }

  async save(product: Product): Promise<void> {
    await this.rows.save(toRow(product));
  }

  async findById(id: ProductId): Promise<Product | null> {
    const row = await this.rows.findOne({ where: { id: id.value }, relations: { variants: true } });
    return row ? toDomain(row) : null;
  }

  async findByStatus(status: ProductStatus): Promise<Product[]> {
    const rows = await this.rows.find({ where: { status }, relations: { variants: true }, order: { id: 'ASC' } });
    return rows.map(toDomain);
  }

  async findByNameContainingIgnoreCase(text: string): Promise<Product[]> {
    // SQLite's LIKE ignores ASCII case by itself (TypeORM's ILike is not SQL there).
    const rows = await this.rows.find({ where: { name: Like(`%${text}%`) }, relations: { variants: true }, order: { id: 'ASC' } });
    return rows.map(toDomain);
  }
}
