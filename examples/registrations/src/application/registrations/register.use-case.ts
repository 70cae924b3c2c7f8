import { randomUUID } from 'node:crypto';
import { Email } from '../../domain/aggregates/registrations/email';
import { Money } from '../../domain/aggregates/registrations/money';
import { Registration } from '../../domain/aggregates/registrations/registration';
import { RegistrationId } from '../../domain/aggregates/registrations/registration-id';
import { RegistrationRepository } from '../../domain/aggregates/registrations/registration.repository';
import { RegistrationStatus } from '../../domain/aggregates/registrations/registration-status';
import { Role } from '../../domain/aggregates/registrations/role';
import { Title } from '../../domain/aggregates/registrations/title';
import { DomainError } from '../../domain/shared/domain-error';

export interface RegisterInput {
  event: string;
  email: string;
  feeCents: number;
  currency: string;
  venue: { street: string; city: string; postalCode: string };
  roles: Role[];
}

/** Registers someone for an event; an address registers once per event unless it cancelled. */
export class RegisterUseCase {
  constructor(private readonly registrations: RegistrationRepository) {}

  async execute(input: RegisterInput): Promise<Registration> {
    const email = Email.of(input.email);
    const title = Title.of(input.event);
    const earlier = await this.registrations.findByEmailOrderByRegisteredAtDesc(email);
    if (earlier.some((r) => r.title.equals(title) && r.status !== RegistrationStatus.Cancelled)) {
      throw new DomainError(`${input.email} is already registered for ${title.value}`);
    }
    const registration = Registration.register(
      RegistrationId.of(randomUUID()),
      title,
      email,
      Money.of(input.feeCents, input.currency),
      input.venue,
      input.roles,
      new Date(),
    );
    await this.registrations.save(registration);
    return registration;
  }
}
