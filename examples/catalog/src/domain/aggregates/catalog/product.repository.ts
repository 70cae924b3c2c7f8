import { Product } from './product';
import { ProductId } from './product-id';
import { ProductStatus } from './product-status';

/** Persistence port for {@link Product} aggregates (with their variants). */
export interface ProductRepository {
  save(product: Product): Promise<void>;
  saveAll(products: Product[]): Promise<void>;
  findById(id: ProductId): Promise<Product | null>;
  findAll(page?: { limit: number; offset: number }): Promise<Product[]>;
  delete(id: ProductId): Promise<void>;
  findByStatus(status: ProductStatus): Promise<Product[]>;
  findBySupplierIdOrderByNameAsc(supplierId: string): Promise<Product[]>;
  findByNameContainingIgnoreCase(text: string): Promise<Product[]>;
  /** The newest products in a status, a page at a time. */
  findByStatusOrderByCreatedAtDesc(status: ProductStatus, page: { limit: number; offset: number }): Promise<Product[]>;
  findTop2ByRetiredAtIsNullOrderByCreatedAtDesc(): Promise<Product[]>;
  countByStatus(status: ProductStatus): Promise<number>;
  existsBySupplierId(supplierId: string): Promise<boolean>;
}
