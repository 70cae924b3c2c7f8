/** An invariant the domain refuses to break. */
export class DomainError extends Error {
  override readonly name = 'DomainError';
}
