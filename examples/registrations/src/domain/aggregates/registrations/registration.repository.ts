import { Email } from './email';
import { Registration } from './registration';
import { RegistrationId } from './registration-id';
import { RegistrationStatus } from './registration-status';
import { Title } from './title';

/** Persistence port for {@link Registration} aggregates. */
export interface RegistrationRepository {
  save(registration: Registration): Promise<void>;
  findById(id: RegistrationId): Promise<Registration | null>;
  findAll(page?: { limit: number; offset: number }): Promise<Registration[]>;
  delete(id: RegistrationId): Promise<void>;
  /** The registrations an organiser works on: e.g. pending and waitlisted ones. */
  findByStatusInOrderByRegisteredAtAsc(statuses: RegistrationStatus[]): Promise<Registration[]>;
  /** Everything one address registered, newest first. */
  findByEmailOrderByRegisteredAtDesc(email: Email): Promise<Registration[]>;
  findByEmailIn(emails: Email[]): Promise<Registration[]>;
  existsByEmailAndStatusNot(email: Email, status: RegistrationStatus): Promise<boolean>;
  countByStatus(status: RegistrationStatus): Promise<number>;
  findByRegisteredAtBetweenAndStatusNotIn(from: Date, to: Date, statuses: RegistrationStatus[]): Promise<Registration[]>;
  /** Who registered for an event. */
  findByTitleAndStatusNot(title: Title, status: RegistrationStatus): Promise<Registration[]>;
  /** An address's latest registration. */
  findFirstByEmailOrderByRegisteredAtDesc(email: Email): Promise<Registration | null>;
  /** A search box over event titles. */
  findByTitleContainingIgnoreCase(text: string): Promise<Registration[]>;
  findByConfirmedAtIsNull(): Promise<Registration[]>;
}
