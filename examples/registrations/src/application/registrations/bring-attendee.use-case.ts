import { Attendee } from '../../domain/aggregates/registrations/attendee';
import { Email } from '../../domain/aggregates/registrations/email';
import { RegistrationId } from '../../domain/aggregates/registrations/registration-id';
import { RegistrationRepository } from '../../domain/aggregates/registrations/registration.repository';
import { DomainError } from '../../domain/shared/domain-error';

export interface BringAttendeeInput {
  registrationId: string;
  name: string;
  email: string;
}

/** Adds a guest to a registration; the registration and its attendees are saved together. */
export class BringAttendeeUseCase {
  constructor(private readonly registrations: RegistrationRepository) {}

  async execute(input: BringAttendeeInput): Promise<void> {
    const registration = await this.registrations.findById(RegistrationId.of(input.registrationId));
    if (!registration) throw new DomainError(`No registration ${input.registrationId}`);
    registration.bringAlong(Attendee.of(input.name, Email.of(input.email)));
    await this.registrations.save(registration);
  }
}
