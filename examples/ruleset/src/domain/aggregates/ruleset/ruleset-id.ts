import { DomainError } from '../../shared/domain-error';

/** Identity of a {@link Ruleset} version. */
export class RulesetId {
  constructor(readonly value: string) {
    if (value.trim().length === 0) {
      throw new DomainError('RulesetId must not be empty');
    }
  }

  equals(other: RulesetId): boolean {
    return this.value === other.value;
  }

  toString(): string {
    return this.value;
  }
}
