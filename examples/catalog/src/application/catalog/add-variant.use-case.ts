import { randomUUID } from 'node:crypto';
import { DomainError } from '../../domain/shared/domain-error';
import { Currency, Money } from '../../domain/aggregates/catalog/money';
import { ProductId } from '../../domain/aggregates/catalog/product-id';
import { ProductRepository } from '../../domain/aggregates/catalog/product.repository';
import { Variant } from '../../domain/aggregates/catalog/variant';
import { VariantId } from '../../domain/aggregates/catalog/variant-id';

export interface AddVariantInput {
  productId: string;
  sku: string;
  color?: string;
  price: number;
  currency: Currency;
  stock: number;
}

/** Adds a sellable variant to a product; the product and its variants are saved together. */
export class AddVariantUseCase {
  constructor(private readonly products: ProductRepository) {}

  async execute(input: AddVariantInput): Promise<VariantId> {
    const product = await this.products.findById(ProductId.of(input.productId));
    if (!product) throw new DomainError(`No product ${input.productId}`);
    const id = VariantId.of(randomUUID());
    const color = input.color === undefined ? {} : { color: input.color };
    product.addVariant(Variant.create(id, { sku: input.sku, ...color, price: Money.of(input.price, input.currency), stock: input.stock }));
    await this.products.save(product);
    return id;
  }
}
