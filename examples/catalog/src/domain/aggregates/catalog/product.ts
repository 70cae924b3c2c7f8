import { AggregateRoot } from '../../shared/aggregate-root';
import { DomainError } from '../../shared/domain-error';
import { Money } from './money';
import { ProductId } from './product-id';
import { ProductStatus } from './product-status';
import { Variant } from './variant';
import { VariantId } from './variant-id';

export interface ProductProps {
  name: string;
  description?: string;
  status: ProductStatus;
  /** The list price; each variant may sell at its own. */
  price: Money;
  tags: string[];
  /** The supplier aggregate, referenced by id only. */
  supplierId: string;
  variants: Variant[];
  createdAt: Date;
  retiredAt: Date | null;
}

const MAX_VARIANTS = 50;

/**
 * Aggregate root of the catalog feature: a product and its variants. Variants only change through
 * their product, which keeps their SKUs unique.
 */
export class Product extends AggregateRoot<ProductId, ProductProps> {
  private constructor(id: ProductId, props: ProductProps) {
    super(id, props);
  }

  /** Drafts a new product, with no variants yet. */
  static create(id: ProductId, name: string, price: Money, supplierId: string, now: Date): Product {
    const product = new Product(id, { name: Product.checkName(name), status: ProductStatus.Draft, price, tags: [], supplierId, variants: [], createdAt: now, retiredAt: null });
    product.record('ProductDrafted');
    return product;
  }

  /** Rebuilds a stored product, as it was, without recording anything. */
  static reconstitute(props: ProductProps, id: ProductId): Product {
    return new Product(id, props);
  }

  get name(): string {
    return this.props.name;
  }

  get description(): string | undefined {
    return this.props.description;
  }

  get status(): ProductStatus {
    return this.props.status;
  }

  get price(): Money {
    return this.props.price;
  }

  get tags(): string[] {
    return [...this.props.tags];
  }

  get supplierId(): string {
    return this.props.supplierId;
  }

  get variants(): readonly Variant[] {
    return this.props.variants;
  }

  get createdAt(): Date {
    return this.props.createdAt;
  }

  get retiredAt(): Date | null {
    return this.props.retiredAt;
  }

  /** Derived: not stored. */
  get totalStock(): number {
    return this.props.variants.reduce((sum, v) => sum + v.stock, 0);
  }

  describe(description: string): void {
    const trimmed = description.trim();
    if (trimmed.length > 0) this.props.description = trimmed;
    else delete this.props.description;
  }

  tag(tag: string): void {
    const normalized = tag.trim().toLowerCase();
    if (normalized.length > 0 && !this.props.tags.includes(normalized)) this.props.tags.push(normalized);
  }

  addVariant(variant: Variant): void {
    this.assertNotRetired();
    if (this.props.variants.some((v) => v.id.equals(variant.id) || v.sku === variant.sku)) {
      throw new DomainError(`Product ${this.id.value} already has variant ${variant.sku}`);
    }
    if (this.props.variants.length >= MAX_VARIANTS) throw new DomainError(`A product has at most ${MAX_VARIANTS} variants`);
    this.props.variants.push(variant);
  }

  removeVariant(id: VariantId): void {
    this.props.variants = this.props.variants.filter((v) => !v.id.equals(id));
  }

  restock(variant: VariantId, quantity: number): void {
    const found = this.props.variants.find((v) => v.id.equals(variant));
    if (!found) throw new DomainError(`Product ${this.id.value} has no variant ${variant.value}`);
    found.restock(quantity);
  }

  /** Puts the product on sale; it needs at least one variant. */
  activate(): void {
    this.assertNotRetired();
    if (this.props.variants.length === 0) throw new DomainError(`Product ${this.id.value} has no variant to sell`);
    this.props.status = ProductStatus.Active;
    this.record('ProductActivated');
  }

  retire(now: Date): void {
    this.assertNotRetired();
    this.props.status = ProductStatus.Retired;
    this.props.retiredAt = now;
    this.record('ProductRetired');
  }

  private assertNotRetired(): void {
    if (this.props.status === ProductStatus.Retired) throw new DomainError(`Product ${this.id.value} is retired`);
  }

  private static checkName(name: string): string {
    const trimmed = name.trim();
    if (trimmed.length === 0 || trimmed.length > 200) throw new DomainError('A product name has 1 to 200 characters');
    return trimmed;
  }
}
