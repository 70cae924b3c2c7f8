import { Registration } from '../../domain/aggregates/registrations/registration';
import { RegistrationRepository } from '../../domain/aggregates/registrations/registration.repository';
import { RegistrationStatus } from '../../domain/aggregates/registrations/registration-status';

/** What the organisers still have to act on: pending and waitlisted registrations, oldest first. */
export class OrganiserQueueUseCase {
  constructor(private readonly registrations: RegistrationRepository) {}

  execute(): Promise<Registration[]> {
    return this.registrations.findByStatusInOrderByRegisteredAtAsc([RegistrationStatus.Pending, RegistrationStatus.Waitlisted]);
  }
}
