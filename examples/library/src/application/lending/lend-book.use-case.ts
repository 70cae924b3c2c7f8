import { randomUUID } from 'node:crypto';
import { Loan } from '../../domain/aggregates/lending/loan';
import { LoanId } from '../../domain/aggregates/lending/loan-id';
import { LoanRepository } from '../../domain/aggregates/lending/loan.repository';

/** Lends a book to a member for the standard period. */
export class LendBookUseCase {
  constructor(private readonly loans: LoanRepository) {}

  async execute(bookTitle: string, memberEmail: string, now: Date = new Date()): Promise<Loan> {
    const loan = Loan.lend(new LoanId(randomUUID()), bookTitle, memberEmail, now);
    await this.loans.save(loan);
    return loan;
  }
}
