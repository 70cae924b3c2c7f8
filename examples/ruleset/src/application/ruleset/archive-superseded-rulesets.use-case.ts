import { Ruleset } from '../../domain/aggregates/ruleset/ruleset';
import { RulesetStatus } from '../../domain/aggregates/ruleset/ruleset-status';
import { RulesetRepository } from '../../domain/aggregates/ruleset/ruleset.repository';

/**
 * Housekeeping: archives every published version that is not active and is
 * older than the active version of the same name.
 */
export class ArchiveSupersededRulesetsUseCase {
  constructor(private readonly rulesets: RulesetRepository) {}

  async execute(): Promise<Ruleset[]> {
    const activeVersions = new Map<string, number>();
    for (const ruleset of await this.rulesets.findByActive(true)) {
      activeVersions.set(ruleset.name, ruleset.version);
    }

    const archived: Ruleset[] = [];
    for (const ruleset of await this.rulesets.findByStatus(RulesetStatus.Published)) {
      const activeVersion = activeVersions.get(ruleset.name);
      if (!ruleset.active && activeVersion !== undefined && ruleset.version < activeVersion) {
        ruleset.archive();
        await this.rulesets.save(ruleset);
        archived.push(ruleset);
      }
    }
    return archived;
  }
}
