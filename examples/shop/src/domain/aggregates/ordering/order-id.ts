import { DomainError } from '../../shared/domain-error';

/** Identity of an {@link Order}. */
export class OrderId {
  constructor(readonly value: string) {
    if (value.trim().length === 0) {
      throw new DomainError('OrderId must not be empty');
    }
  }

  equals(other: OrderId): boolean {
    return this.value === other.value;
  }

  toString(): string {
    return this.value;
  }
}
