import { GenError } from '../../src/errors.js';

/** The GenError an action throws; any other error is rethrown, and throwing none fails the test. */
export function thrown(action: () => unknown): GenError {
  try {
    action();
  } catch (error) {
    if (error instanceof GenError) return error;
    throw error;
  }
  throw new Error('expected a GenError');
}
