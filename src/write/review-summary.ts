import { describeChange, type SchemaChange } from '../migrate/schema-diff.js';
import type { NewMigration } from '../migrate/migration-plan.js';
import type { WritePlan } from '../plan/write-plan.js';

/** What one run would change, for a pull-request comment (`--summary`). */
export interface ReviewInput {
  feature: string;
  aggregate: string;
  /** The port's method signatures as the manifest recorded them last time; undefined when it has no record. */
  previousMethods: readonly string[] | undefined;
  methods: readonly string[];
  migration: NewMigration | undefined;
  plan: WritePlan;
}

/**
 * A Markdown block per feature: the port methods added, removed or changed, the new migration's steps with
 * those that lose data or lock a table with rows flagged (the checks Atlas's `migrate lint` runs in CI), and
 * the files that change.
 */
export function reviewSummary(input: ReviewInput): string {
  const lines = [
    `### gen infra ${input.feature} (${input.aggregate})`,
    '',
    ...methodLines(input),
    '',
    ...migrationLines(input.migration),
    '',
    ...fileLines(input.plan),
  ];
  return `${lines.join('\n')}\n`;
}

function methodLines({ previousMethods, methods }: ReviewInput): string[] {
  if (previousMethods === undefined)
    return [`**Port methods** (${methods.length}; no earlier record to compare with):`, ...methods.map((m) => `- \`${m}\``)];
  const name = (signature: string) => signature.slice(0, signature.search(/[<(]/));
  const before = new Map(previousMethods.map((m) => [name(m), m]));
  const after = new Map(methods.map((m) => [name(m), m]));
  const added = methods.filter((m) => !before.has(name(m)));
  const removed = previousMethods.filter((m) => !after.has(name(m)));
  const changed = methods.filter((m) => before.has(name(m)) && before.get(name(m)) !== m);
  if (added.length + removed.length + changed.length === 0) return [`**Port methods**: unchanged (${methods.length}).`];
  return [
    '**Port methods**:',
    ...added.map((m) => `- added \`${m}\``),
    ...removed.map((m) => `- removed \`${m}\``),
    ...changed.map((m) => `- changed \`${before.get(name(m))!}\` to \`${m}\``),
  ];
}

function migrationLines(migration: NewMigration | undefined): string[] {
  if (!migration) return ['**Schema**: no change, no new migration.'];
  const created = new Set(migration.changes.flatMap((c) => (c.kind === 'create-table' ? [c.table.name] : [])));
  const flagged = migration.changes.map((change) => ({ change, risk: risk(change, created) }));
  const count = flagged.filter((f) => f.risk).length;
  return [
    `**Schema**: new migration \`${migration.file}\`${count > 0 ? `, ${count} step(s) to review` : ''}:`,
    ...flagged.map(({ change, risk }) => `- ${risk ? `**${risk}**: ` : ''}${describeChange(change)}`),
    ...migration.caveats.map((c) => `- check: ${c}`),
  ];
}

/** Why a step needs a reviewer, or undefined; a step on a table this migration creates has no rows to lose or lock. */
function risk(change: SchemaChange, created: ReadonlySet<string>): string | undefined {
  switch (change.kind) {
    case 'drop-table':
    case 'drop-column':
      return 'destructive (drops data)';
    case 'rename-column':
      return 'breaking (code still running reads the old name)';
    case 'alter-column': {
      const narrowed = !change.to.nullable && change.from.nullable;
      return narrowed || change.from.type !== change.to.type || (change.to.length ?? Infinity) < (change.from.length ?? Infinity)
        ? 'destructive or table-rewriting (type, length or NULL changes)'
        : 'rewrites the table on some databases';
    }
    case 'add-column':
      return created.has(change.table) || change.column.nullable || change.column.default !== undefined
        ? undefined
        : 'fails on a table with rows (NOT NULL, no default)';
    case 'create-index':
      return created.has(change.table) ? undefined : 'locks writes to the table while it builds';
    case 'create-foreign-key':
      return created.has(change.table) ? undefined : 'locks and checks every row of the table';
    default:
      return undefined;
  }
}

function fileLines(plan: WritePlan): string[] {
  const changed = plan.writes.filter((w) => w.action !== 'unchanged');
  if (changed.length === 0) return ['**Files**: none change.'];
  return [`**Files** (${changed.length} of ${plan.writes.length} change):`, ...changed.map((w) => `- ${w.action} \`${w.path}\``)];
}
