import { DomainError } from '../../shared/domain-error';

/** Identity of a {@link Loan}. */
export class LoanId {
  constructor(readonly value: string) {
    if (value.trim().length === 0) {
      throw new DomainError('LoanId must not be empty');
    }
  }

  equals(other: LoanId): boolean {
    return this.value === other.value;
  }
}
