import type { MethodEmitter, MethodOf } from './method-emitter.js';

/** `transaction(work)`: the unit of work that every generated repository's calls inside it join (support/transactions.ts). */
export const transaction: MethodEmitter<MethodOf<'transaction'>> = {
  typeorm: (_method, plan) => [`return inTransaction(this.dataSource, ${plan.argument});`],
  memory: (_method, plan) => [`return inMemoryTransaction(${plan.argument});`],
  imports: () => ({ typeorm: { transactions: ['inTransaction'] }, memory: { transactions: ['inMemoryTransaction'] } }),
  planRow: (_method, _model, layout) =>
    `unit of work: runs the callback in one transaction that every generated repository's calls inside it join (\`${layout.transactions}\`); a rejection rolls all of them back, a nested call joins the outer one`,
};
