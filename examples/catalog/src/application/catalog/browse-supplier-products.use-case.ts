import { Product } from '../../domain/aggregates/catalog/product';
import { ProductStatus } from '../../domain/aggregates/catalog/product-status';
import { ProductRepository } from '../../domain/aggregates/catalog/product.repository';

/** A supplier's products on sale, by name. */
export class BrowseSupplierProductsUseCase {
  constructor(private readonly products: ProductRepository) {}

  async execute(supplierId: string): Promise<Product[]> {
    const products = await this.products.findBySupplierIdOrderByNameAsc(supplierId);
    return products.filter((p) => p.status === ProductStatus.Active);
  }
}
