/** Where a registration is: waiting for payment, confirmed, on the waiting list, or cancelled. */
export enum RegistrationStatus {
  Pending = 'PENDING',
  Confirmed = 'CONFIRMED',
  Waitlisted = 'WAITLISTED',
  Cancelled = 'CANCELLED',
}
