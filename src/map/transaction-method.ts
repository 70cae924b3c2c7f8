import type { PortMethod } from '../model/domain-model.js';
import type { RepositoryMethod } from './persistence-model.js';

/** What codebases call the port method that runs a callback as one unit of work. */
export const TRANSACTION_NAMES: readonly string[] = [
  'transaction',
  'inTransaction',
  'runInTransaction',
  'withTransaction',
  'transactional',
  'unitOfWork',
];

/**
 * `transaction<T>(work: () => Promise<T>): Promise<T>` (one of TRANSACTION_NAMES, with the unit-of-work shape
 * the reader recognised): runs `work` in one transaction that every generated repository's call inside joins.
 * Any other signature under those names is left to the user to write.
 */
export function transactionMethod(method: PortMethod): RepositoryMethod | undefined {
  if (!TRANSACTION_NAMES.includes(method.name) || method.unitOfWork === undefined) return undefined;
  return { kind: 'transaction', method, typeParameter: method.unitOfWork };
}
