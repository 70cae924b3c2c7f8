import { randomUUID } from 'node:crypto';
import { Currency, Money } from '../../domain/aggregates/catalog/money';
import { Product } from '../../domain/aggregates/catalog/product';
import { ProductId } from '../../domain/aggregates/catalog/product-id';
import { ProductRepository } from '../../domain/aggregates/catalog/product.repository';

export interface DraftProductInput {
  name: string;
  price: number;
  currency: Currency;
  supplierId: string;
}

/** Drafts a new product in the catalogue, with no variants yet. */
export class DraftProductUseCase {
  constructor(private readonly products: ProductRepository) {}

  async execute(input: DraftProductInput): Promise<Product> {
    const product = Product.create(ProductId.of(randomUUID()), input.name, Money.of(input.price, input.currency), input.supplierId, new Date());
    await this.products.save(product);
    return product;
  }
}
