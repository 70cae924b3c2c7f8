/** Raised when a domain invariant is violated; application code turns it into a user-facing error. */
export class DomainError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DomainError';
  }
}
