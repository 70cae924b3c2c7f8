import { LoanStatus } from '../../domain/aggregates/lending/loan-status';
import { LoanRepository } from '../../domain/aggregates/lending/loan.repository';

/** Marks every open loan past its due date overdue, charging its fee; returns how many were charged. */
export class ChargeOverdueLoansUseCase {
  constructor(private readonly loans: LoanRepository) {}

  async execute(now: Date = new Date()): Promise<number> {
    const due = await this.loans.findByDueAtBefore(now);
    const open = due.filter((loan) => loan.status === LoanStatus.Open);
    for (const loan of open) {
      loan.markOverdue(now);
      await this.loans.save(loan);
    }
    return open.length;
  }
}
