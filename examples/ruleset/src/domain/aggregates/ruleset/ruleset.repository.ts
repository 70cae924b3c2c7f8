import { Ruleset } from './ruleset';
import { RulesetId } from './ruleset-id';
import { RulesetStatus } from './ruleset-status';

/** Persistence port for {@link Ruleset} aggregates (one per version). */
export interface RulesetRepository {
  save(ruleset: Ruleset): Promise<void>;
  findById(id: RulesetId): Promise<Ruleset | null>;
  findAll(): Promise<Ruleset[]>;
  delete(id: RulesetId): Promise<void>;
  findByName(name: string): Promise<Ruleset[]>;
  findByStatus(status: RulesetStatus): Promise<Ruleset[]>;
  findByActive(active: boolean): Promise<Ruleset[]>;
}
