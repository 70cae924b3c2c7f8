import { DomainError } from '../../shared/domain-error';
import { Entity } from '../../shared/entity';
import { Money } from './money';
import { VariantId } from './variant-id';

export interface VariantProps {
  sku: string;
  color?: string;
  price: Money;
  stock: number;
}

/** One sellable variant of a product (a size, a colour): its own SKU, price and stock. */
export class Variant extends Entity<VariantId, VariantProps> {
  private constructor(id: VariantId, props: VariantProps) {
    super(id, props);
  }

  static create(id: VariantId, props: VariantProps): Variant {
    if (!/^[A-Z0-9-]{3,32}$/.test(props.sku)) throw new DomainError(`Invalid SKU: ${props.sku}`);
    if (!Number.isInteger(props.stock) || props.stock < 0) throw new DomainError('Stock is a whole number, at least 0');
    return new Variant(id, props);
  }

  /** Rebuilds a stored variant, as it was. */
  static reconstitute(props: VariantProps, id: VariantId): Variant {
    return new Variant(id, props);
  }

  get sku(): string {
    return this.props.sku;
  }

  get color(): string | undefined {
    return this.props.color;
  }

  get price(): Money {
    return this.props.price;
  }

  get stock(): number {
    return this.props.stock;
  }

  get inStock(): boolean {
    return this.props.stock > 0;
  }

  restock(quantity: number): void {
    if (!Number.isInteger(quantity) || quantity <= 0) throw new DomainError('Restock by a whole number above 0');
    this.props.stock += quantity;
  }

  reprice(price: Money): void {
    this.props.price = price;
  }
}
