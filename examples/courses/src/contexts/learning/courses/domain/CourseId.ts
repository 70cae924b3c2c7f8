import { DomainError } from '../../../shared/domain/DomainError.js';

/** Identity of a {@link Course}. */
export class CourseId {
  constructor(readonly value: string) {
    if (value.trim().length === 0) throw new DomainError('CourseId must not be empty');
  }

  equals(other: CourseId): boolean {
    return this.value === other.value;
  }
}
