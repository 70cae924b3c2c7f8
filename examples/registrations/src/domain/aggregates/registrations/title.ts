import { DomainError } from '../../shared/domain-error';

const MIN_LENGTH = 3;
const MAX_LENGTH = 80;

/** The title of the event registered for, as printed on the badge. */
export class Title {
  private constructor(readonly value: string) {}

  static of(value: string): Title {
    const trimmed = value.trim();
    if (trimmed.length < MIN_LENGTH || trimmed.length > MAX_LENGTH) {
      throw new DomainError(`A title has ${MIN_LENGTH} to ${MAX_LENGTH} characters: '${value}'`);
    }
    return new Title(trimmed);
  }

  equals(other: Title): boolean {
    return this.value === other.value;
  }
}
