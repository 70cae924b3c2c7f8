import { DomainError } from '../../shared/domain-error';

/** Identity of a {@link Variant} within its product. */
export class VariantId {
  private constructor(readonly value: string) {}

  static of(value: string): VariantId {
    if (value.trim().length === 0) throw new DomainError('VariantId must not be empty');
    return new VariantId(value);
  }

  equals(other: VariantId): boolean {
    return this.value === other.value;
  }
}
