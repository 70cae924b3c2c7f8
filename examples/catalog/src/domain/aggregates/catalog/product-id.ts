import { DomainError } from '../../shared/domain-error';

/** Identity of a {@link Product}. */
export class ProductId {
  private constructor(readonly value: string) {}

  static of(value: string): ProductId {
    if (value.trim().length === 0) throw new DomainError('ProductId must not be empty');
    return new ProductId(value);
  }

  equals(other: ProductId): boolean {
    return this.value === other.value;
  }
}
