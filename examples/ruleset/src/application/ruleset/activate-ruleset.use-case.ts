import { Ruleset } from '../../domain/aggregates/ruleset/ruleset';
import { RulesetId } from '../../domain/aggregates/ruleset/ruleset-id';
import { RulesetRepository } from '../../domain/aggregates/ruleset/ruleset.repository';

export class RulesetNotFoundError extends Error {
  constructor(id: string) {
    super(`Ruleset ${id} not found`);
    this.name = 'RulesetNotFoundError';
  }
}

/**
 * Activates a published ruleset version and deactivates the version of the
 * same name that was in force, so at most one version per name is active.
 */
export class ActivateRulesetUseCase {
  constructor(private readonly rulesets: RulesetRepository) {}

  async execute(rulesetId: string): Promise<Ruleset> {
    const ruleset = await this.rulesets.findById(new RulesetId(rulesetId));
    if (ruleset === null) {
      throw new RulesetNotFoundError(rulesetId);
    }
    ruleset.activate();

    const active = await this.rulesets.findByActive(true);
    for (const previous of active) {
      if (previous.name === ruleset.name && !previous.id.equals(ruleset.id)) {
        previous.deactivate();
        await this.rulesets.save(previous);
      }
    }
    await this.rulesets.save(ruleset);
    return ruleset;
  }
}
