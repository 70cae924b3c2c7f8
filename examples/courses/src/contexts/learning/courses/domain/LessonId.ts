import { DomainError } from '../../../shared/domain/DomainError.js';

/** Identity of a {@link Lesson} within its course. */
export class LessonId {
  constructor(readonly value: string) {
    if (value.trim().length === 0) throw new DomainError('LessonId must not be empty');
  }

  equals(other: LessonId): boolean {
    return this.value === other.value;
  }
}
