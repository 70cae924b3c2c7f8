/**
 * Raised when a domain invariant is violated. Application code can catch it
 * to turn rule violations into user-facing errors.
 */
export class DomainError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DomainError';
  }
}
