/** Editorial lifecycle of a ruleset version. */
export enum RulesetStatus {
  Draft = 'DRAFT',
  Published = 'PUBLISHED',
  Archived = 'ARCHIVED',
}
