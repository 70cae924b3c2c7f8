import { DomainError } from '../../shared/domain-error';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

/** Identity of a {@link Registration}: a UUID, as the booking site issues them. */
export class RegistrationId {
  private constructor(readonly value: string) {}

  static of(value: string): RegistrationId {
    if (!UUID.test(value)) throw new DomainError(`A registration id is a UUID, not '${value}'`);
    return new RegistrationId(value);
  }

  equals(other: RegistrationId): boolean {
    return this.value === other.value;
  }
}
