/** Raised when a rule of the domain would break; the application turns it into a user-facing error. */
export class DomainError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DomainError';
  }
}
