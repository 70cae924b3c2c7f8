import { Ruleset } from './ruleset';
import { RulesetId } from './ruleset-id';
import { RulesetStatus } from './ruleset-status';

/** Persistence port for {@link Ruleset} aggregates (one per version). */
export interface RulesetRepository {
  nextId(): RulesetId;
  save(ruleset: Ruleset): Promise<void>;
  findById(id: RulesetId): Promise<Ruleset | null>;
  existsById(id: RulesetId): Promise<boolean>;
  findAll(): Promise<Ruleset[]>;
  count(): Promise<number>;
  delete(id: RulesetId): Promise<void>;
  findByName(name: string): Promise<Ruleset[]>;
  findByNameAndVersion(name: string, version: number): Promise<Ruleset | null>;
  findByNameLike(pattern: string): Promise<Ruleset[]>;
  findByStatus(status: RulesetStatus): Promise<Ruleset[]>;
  findByStatusNotIn(statuses: RulesetStatus[]): Promise<Ruleset[]>;
  findByActive(active: boolean): Promise<Ruleset[]>;
  findByEffectiveFromAfterOrderByEffectiveFromDesc(date: Date): Promise<Ruleset[]>;
  existsByNameAndStatus(name: string, status: RulesetStatus): Promise<boolean>;
  removeByStatus(status: RulesetStatus): Promise<void>;
}
