import { randomUUID } from 'node:crypto';
import { Ruleset } from '../../domain/aggregates/ruleset/ruleset';
import { RulesetId } from '../../domain/aggregates/ruleset/ruleset-id';
import { RulesetRepository } from '../../domain/aggregates/ruleset/ruleset.repository';

export interface DraftRulesetInput {
  name: string;
  effectiveFrom: Date;
  description?: string;
}

/** Drafts the next version of a ruleset: version numbers increase per name. */
export class DraftRulesetUseCase {
  constructor(private readonly rulesets: RulesetRepository) {}

  async execute(input: DraftRulesetInput): Promise<Ruleset> {
    const existing = await this.rulesets.findByName(input.name);
    const nextVersion = existing.reduce((max, ruleset) => Math.max(max, ruleset.version), 0) + 1;
    const ruleset = Ruleset.draft(
      new RulesetId(randomUUID()),
      input.name,
      nextVersion,
      input.effectiveFrom,
      input.description,
    );
    await this.rulesets.save(ruleset);
    return ruleset;
  }
}
