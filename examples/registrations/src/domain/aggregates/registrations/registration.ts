import { AggregateRoot } from '../../shared/aggregate-root';
import { DomainError } from '../../shared/domain-error';
import { Attendee } from './attendee';
import { Email } from './email';
import { Money } from './money';
import { RegistrationId } from './registration-id';
import { RegistrationStatus } from './registration-status';
import { Role } from './role';
import { Title } from './title';

export interface RegistrationProps {
  /** The event registered for. */
  title: Title;
  /** Where the tickets and the invoice go. */
  email: Email;
  /** The fee for the registrant and each attendee; what is due is fee x (1 + attendees). */
  fee: Money;
  status: RegistrationStatus;
  attendees: Attendee[];
  roles: Role[];
  venue: { street: string; city: string; postalCode: string };
  /** Free labels the organisers sort by (`vip`, `early-bird`), in the order they were added. */
  tags: Set<string>;
  registeredAt: Date;
  confirmedAt: Date | null;
}

const MAX_ATTENDEES = 20;
/** Letters, spaces, dots, apostrophes and dashes: Saint-Étienne, St. Gallen, 's-Hertogenbosch. */
const CITY = /^[\p{L}'][\p{L} .'-]*$/u;
const POSTAL_CODE = /^[A-Za-z0-9][A-Za-z0-9 -]{1,8}[A-Za-z0-9]$/;

/**
 * Aggregate root of the registrations feature: one person's registration for an event, with the attendees they
 * bring. Its invariants hold for a new registration and for a stored one alike, so both go through the constructor.
 */
export class Registration extends AggregateRoot<RegistrationId, RegistrationProps> {
  private constructor(id: RegistrationId, props: RegistrationProps) {
    Registration.checkVenue(props.venue);
    Registration.checkAttendees(props.attendees);
    if (props.roles.length === 0) throw new DomainError('A registrant holds at least one role');
    if (new Set(props.roles).size !== props.roles.length) throw new DomainError('A role is held once');
    if (props.status === RegistrationStatus.Confirmed && props.confirmedAt === null) throw new DomainError('A confirmed registration has its confirmation time');
    if (props.confirmedAt !== null && props.confirmedAt < props.registeredAt) throw new DomainError('A registration is confirmed after it is received');
    super(id, props);
  }

  /** A new registration, pending until it is paid (or confirmed at once when it is free). */
  static register(id: RegistrationId, title: Title, email: Email, fee: Money, venue: RegistrationProps['venue'], roles: Role[], now: Date): Registration {
    const free = fee.isFree;
    const registration = new Registration(id, {
      title,
      email,
      fee,
      status: free ? RegistrationStatus.Confirmed : RegistrationStatus.Pending,
      attendees: [],
      roles: [...roles],
      venue: { ...venue },
      tags: new Set(),
      registeredAt: now,
      confirmedAt: free ? now : null,
    });
    registration.record('RegistrationReceived');
    return registration;
  }

  /** Rebuilds a stored registration, as it was, without recording anything. */
  static reconstitute(props: RegistrationProps, id: RegistrationId): Registration {
    return new Registration(id, props);
  }

  get title(): Title {
    return this.props.title;
  }

  get email(): Email {
    return this.props.email;
  }

  get fee(): Money {
    return this.props.fee;
  }

  get status(): RegistrationStatus {
    return this.props.status;
  }

  get attendees(): readonly Attendee[] {
    return this.props.attendees;
  }

  get roles(): readonly Role[] {
    return this.props.roles;
  }

  get venue(): { street: string; city: string; postalCode: string } {
    return { ...this.props.venue };
  }

  get tags(): ReadonlySet<string> {
    return this.props.tags;
  }

  get registeredAt(): Date {
    return this.props.registeredAt;
  }

  get confirmedAt(): Date | null {
    return this.props.confirmedAt;
  }

  /** Derived: not stored. */
  get amountDue(): Money {
    return this.props.fee.times(1 + this.props.attendees.length);
  }

  bringAlong(attendee: Attendee): void {
    this.assertOpen();
    Registration.checkAttendees([...this.props.attendees, attendee]);
    this.props.attendees.push(attendee);
  }

  tag(label: string): void {
    const normalized = label.trim().toLowerCase();
    if (normalized.length > 0) this.props.tags.add(normalized);
  }

  /** The payment arrived. */
  confirm(now: Date): void {
    this.assertOpen();
    this.props.status = RegistrationStatus.Confirmed;
    this.props.confirmedAt = now;
    this.record('RegistrationConfirmed');
  }

  /** The event is full: the registration waits for a place. */
  waitlist(): void {
    if (this.props.status !== RegistrationStatus.Pending) throw new DomainError(`Only a pending registration is waitlisted, not a ${this.props.status} one`);
    this.props.status = RegistrationStatus.Waitlisted;
  }

  cancel(): void {
    if (this.props.status === RegistrationStatus.Cancelled) return;
    this.props.status = RegistrationStatus.Cancelled;
    this.record('RegistrationCancelled');
  }

  private assertOpen(): void {
    if (this.props.status === RegistrationStatus.Cancelled) throw new DomainError(`Registration ${this.id.value} is cancelled`);
  }

  private static checkVenue(venue: RegistrationProps['venue']): void {
    if (venue.street.trim().length === 0 || venue.city.trim().length === 0) throw new DomainError('A venue has a street and a city');
    if (!CITY.test(venue.city)) throw new DomainError(`Not a city: '${venue.city}'`);
    if (!POSTAL_CODE.test(venue.postalCode)) throw new DomainError(`Not a postal code: '${venue.postalCode}'`);
  }

  private static checkAttendees(attendees: readonly Attendee[]): void {
    if (attendees.length > MAX_ATTENDEES) throw new DomainError(`A registration brings at most ${MAX_ATTENDEES} attendees`);
    const addresses = new Set(attendees.map((a) => a.email.value));
    if (addresses.size !== attendees.length) throw new DomainError('Each attendee has an address of their own');
  }
}
