import { DomainError } from '../../shared/domain-error';
import { RulesetId } from './ruleset-id';
import { RulesetStatus } from './ruleset-status';

/** Ruleset names are lowercase slugs such as `pricing-eu` or `fraud-screening`. */
const NAME_PATTERN = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;
const MAX_DESCRIPTION_LENGTH = 1000;

/**
 * Aggregate root of the ruleset feature: one numbered version of a named set of
 * business rules (pricing, eligibility, fraud screening...).
 *
 * A version is drafted, published (frozen), then activated to become the version
 * in force from its effective date. Archived versions are kept for audit only.
 * "At most one active version per name" spans several aggregates and is enforced
 * by the application layer.
 */
export class Ruleset {
  constructor(
    readonly id: RulesetId,
    public name: string,
    public version: number,
    public status: RulesetStatus,
    public active: boolean,
    public effectiveFrom: Date,
    public description?: string,
  ) {}

  /** Drafts version `version` of the ruleset `name`. */
  static draft(id: RulesetId, name: string, version: number, effectiveFrom: Date, description?: string): Ruleset {
    if (!NAME_PATTERN.test(name)) {
      throw new DomainError(`Invalid ruleset name: ${name} (expected a lowercase slug)`);
    }
    if (!Number.isInteger(version) || version < 1) {
      throw new DomainError('Ruleset version must be a positive integer');
    }
    if (Number.isNaN(effectiveFrom.getTime())) {
      throw new DomainError('Ruleset effective date is not a valid date');
    }
    if (description !== undefined) {
      Ruleset.assertDescription(description);
    }
    return new Ruleset(id, name, version, RulesetStatus.Draft, false, effectiveFrom, description);
  }

  /** Freezes the draft; its content can no longer change afterwards. */
  publish(): void {
    if (this.status !== RulesetStatus.Draft) {
      throw new DomainError(`${this.label()} is ${this.status}, only drafts can be published`);
    }
    this.status = RulesetStatus.Published;
  }

  /** Puts a published version in force. */
  activate(): void {
    if (this.status !== RulesetStatus.Published) {
      throw new DomainError(`${this.label()} must be published before it is activated`);
    }
    if (this.active) {
      throw new DomainError(`${this.label()} is already active`);
    }
    this.active = true;
  }

  /** Takes the version out of force, typically because a newer one is activated. */
  deactivate(): void {
    if (!this.active) {
      throw new DomainError(`${this.label()} is not active`);
    }
    this.active = false;
  }

  /** Archives a version that is no longer in force. */
  archive(): void {
    if (this.active) {
      throw new DomainError(`${this.label()} is active and must be deactivated before it is archived`);
    }
    if (this.status === RulesetStatus.Archived) {
      throw new DomainError(`${this.label()} is already archived`);
    }
    this.status = RulesetStatus.Archived;
  }

  /** Moves the effective date; only drafts can be rescheduled. */
  reschedule(effectiveFrom: Date): void {
    this.assertDraft();
    if (Number.isNaN(effectiveFrom.getTime())) {
      throw new DomainError('Ruleset effective date is not a valid date');
    }
    this.effectiveFrom = effectiveFrom;
  }

  describe(description: string): void {
    this.assertDraft();
    Ruleset.assertDescription(description);
    this.description = description;
  }

  isInForce(at: Date = new Date()): boolean {
    return this.active && this.effectiveFrom.getTime() <= at.getTime();
  }

  private assertDraft(): void {
    if (this.status !== RulesetStatus.Draft) {
      throw new DomainError(`${this.label()} is ${this.status} and can no longer be edited`);
    }
  }

  private label(): string {
    return `Ruleset ${this.name} v${this.version}`;
  }

  private static assertDescription(description: string): void {
    if (description.trim().length === 0 || description.length > MAX_DESCRIPTION_LENGTH) {
      throw new DomainError(`Ruleset description must be 1-${MAX_DESCRIPTION_LENGTH} characters`);
    }
  }
}
