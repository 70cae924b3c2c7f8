import { DomainError } from '../../shared/domain-error';
import { LoanId } from './loan-id';
import { LoanStatus } from './loan-status';

const LOAN_DAYS = 21;
const DAY_MS = 24 * 60 * 60 * 1000;
const FEE_PER_DAY = 0.25;

/**
 * Aggregate root of the lending feature: one book lent to one member.
 * A loan is open until the book comes back; past its due date it is overdue and collects a fee.
 */
export class Loan {
  constructor(
    readonly id: LoanId,
    public bookTitle: string,
    public memberEmail: string,
    public status: LoanStatus,
    public dueAt: Date,
    public fee: number,
    public renewed: boolean,
    public remark?: string,
  ) {}

  /** Lends a book for the standard period. */
  static lend(id: LoanId, bookTitle: string, memberEmail: string, now: Date): Loan {
    if (bookTitle.trim().length === 0) throw new DomainError('A loan needs a book title');
    if (!memberEmail.includes('@')) throw new DomainError(`Not an email address: ${memberEmail}`);
    return new Loan(id, bookTitle.trim(), memberEmail, LoanStatus.Open, new Date(now.getTime() + LOAN_DAYS * DAY_MS), 0, false);
  }

  /** Extends the loan once, if it is not overdue yet. */
  renew(): void {
    if (this.status !== LoanStatus.Open) throw new DomainError(`Only an open loan can be renewed (this one is ${this.status})`);
    if (this.renewed) throw new DomainError('A loan can be renewed only once');
    this.dueAt = new Date(this.dueAt.getTime() + LOAN_DAYS * DAY_MS);
    this.renewed = true;
  }

  /** Marks the loan overdue and charges the fee for the days since it was due. */
  markOverdue(now: Date): void {
    if (this.status === LoanStatus.Returned || this.status === LoanStatus.Lost) return;
    const days = Math.ceil((now.getTime() - this.dueAt.getTime()) / DAY_MS);
    if (days <= 0) return;
    this.status = LoanStatus.Overdue;
    this.fee = days * FEE_PER_DAY;
  }

  giveBack(remark?: string): void {
    if (this.status === LoanStatus.Returned) throw new DomainError('This loan was already returned');
    this.status = LoanStatus.Returned;
    if (remark !== undefined) this.remark = remark;
  }
}
