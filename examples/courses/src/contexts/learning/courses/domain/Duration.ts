import { DomainError } from '../../../shared/domain/DomainError.js';

/** How long a lesson takes, in whole minutes. */
export class Duration {
  constructor(readonly minutes: number) {
    if (!Number.isInteger(minutes) || minutes <= 0 || minutes > 600) throw new DomainError(`A duration is 1 to 600 whole minutes: ${minutes}`);
  }

  plus(other: Duration): Duration {
    return new Duration(this.minutes + other.minutes);
  }
}
