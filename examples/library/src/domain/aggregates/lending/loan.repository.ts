import { Loan } from './loan';
import { LoanId } from './loan-id';
import { LoanStatus } from './loan-status';

/** Persistence port for {@link Loan} aggregates. */
export interface LoanRepository {
  save(loan: Loan): Promise<void>;
  findById(id: LoanId): Promise<Loan | null>;
  findAll(): Promise<Loan[]>;
  delete(id: LoanId): Promise<void>;
  findByMemberEmail(memberEmail: string): Promise<Loan[]>;
  findByStatusInOrderByDueAtAsc(statuses: LoanStatus[]): Promise<Loan[]>;
  findByBookTitleContainingIgnoreCase(text: string): Promise<Loan[]>;
  findByDueAtBefore(date: Date): Promise<Loan[]>;
  findByFeeGreaterThan(fee: number): Promise<Loan[]>;
  findByStatusOrderByRemarkAsc(status: LoanStatus): Promise<Loan[]>;
  findByRemarkIsNullOrderByBookTitleAsc(): Promise<Loan[]>;
  countByRenewedTrue(): Promise<number>;
}
