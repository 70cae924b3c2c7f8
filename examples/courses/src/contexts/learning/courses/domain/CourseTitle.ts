import { DomainError } from '../../../shared/domain/DomainError.js';

/** A course's title: 3 to 120 characters, trimmed. */
export class CourseTitle {
  readonly value: string;

  constructor(value: string) {
    const trimmed = value.trim();
    if (trimmed.length < 3 || trimmed.length > 120) throw new DomainError(`A course title has 3 to 120 characters: '${value}'`);
    this.value = trimmed;
  }

  equals(other: CourseTitle): boolean {
    return this.value === other.value;
  }
}
