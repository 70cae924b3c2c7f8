import { DomainError } from '../../../shared/domain/domain-error';

/** Identity of a {@link Post}. */
export class PostId {
  private constructor(readonly value: string) {}

  static create(value: string): PostId {
    if (value.trim().length === 0) throw new DomainError('PostId must not be empty');
    return new PostId(value);
  }

  equals(other: PostId): boolean {
    return this.value === other.value;
  }
}
