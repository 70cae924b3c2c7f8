/** Where a loan stands. */
export enum LoanStatus {
  Open = 'OPEN',
  Overdue = 'OVERDUE',
  Returned = 'RETURNED',
  Lost = 'LOST',
}
