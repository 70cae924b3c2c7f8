import { DomainError } from '../../shared/domain-error';
import { Email } from './email';

/** A person a registration brings along: a value, two attendees with the same name and address are the same. */
export class Attendee {
  private constructor(
    readonly name: string,
    readonly email: Email,
  ) {}

  static of(name: string, email: Email): Attendee {
    const trimmed = name.trim();
    if (trimmed.length === 0 || trimmed.length > 100) throw new DomainError('An attendee name has 1 to 100 characters');
    return new Attendee(trimmed, email);
  }

  equals(other: Attendee): boolean {
    return this.name === other.name && this.email.equals(other.email);
  }
}
