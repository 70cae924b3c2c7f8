import { createTwoFilesPatch } from 'diff';
import { styleText } from 'node:util';
import { describeChange } from '../migrate/schema-diff.js';
import type { NewMigration } from '../migrate/migration-plan.js';
import type { PlannedWrite, WriteAction, WritePlan } from '../plan/write-plan.js';
import type { FeatureLocation } from '../read/feature-locator.js';
import type { PortModel } from '../model/domain-model.js';

const STYLE: Record<WriteAction, Parameters<typeof styleText>[0]> = {
  create: 'green',
  update: 'yellow',
  unchanged: 'gray',
  delete: 'magenta',
  conflict: 'red',
};

const ACTIONS: WriteAction[] = ['create', 'update', 'unchanged', 'delete', 'conflict'];

/** One line per file: `CREATE    src/...`; a deletion says why. Unchanged files only when `verbose`. */
export function describePlan(plan: WritePlan, color: boolean, verbose = true): string[] {
  return plan.writes
    .filter((w) => verbose || w.action !== 'unchanged')
    .map((w) => {
      const action = w.action.toUpperCase().padEnd(9);
      const why = w.action === 'delete' ? ' (no longer generated)' : w.obsolete ? ' (no longer generated, but edited by hand)' : '';
      return `${color ? styleText(STYLE[w.action], action) : action} ${w.path}${why}`;
    });
}

export function countActions(plan: WritePlan): Record<WriteAction, number> {
  const counts = Object.fromEntries(ACTIONS.map((a) => [a, 0])) as Record<WriteAction, number>;
  for (const w of plan.writes) counts[w.action] += 1;
  return counts;
}

/** `1 create, 2 update, 6 unchanged, 0 delete, 0 conflict` */
export function summarizePlan(plan: WritePlan): string {
  const counts = countActions(plan);
  return ACTIONS.map((a) => `${counts[a]} ${a}`).join(', ');
}

/** What the new migration does, one schema change a line, so the database change is reviewed with the files. */
export function describeMigration(migration: NewMigration | undefined): string[] {
  if (!migration) return ['No schema change: no new migration.'];
  return [
    `New migration ${migration.file}:`,
    ...migration.changes.map((c) => `  ${describeChange(c)}`),
    ...migration.dataLoss.map((loss) => `  loses data: ${loss}`),
    ...migration.caveats.map((c) => `  check: ${c}`),
  ];
}

/** The plan as data, for `--json`. */
export function planJson(
  feature: string,
  plan: WritePlan,
  migration: NewMigration | undefined,
  location?: FeatureLocation,
  /** One per aggregate of the feature. */
  ports: readonly PortModel[] = [],
): object {
  const leftAlone = leftAloneByAll(ports);
  return {
    feature,
    ...(location
      ? {
          layout: {
            preset: location.preset,
            source: location.source,
            ...(location.context === undefined ? {} : { context: location.context }),
            ...(location.module === undefined ? {} : { module: location.module }),
            ...(location.foundBy === undefined ? {} : { foundBy: location.foundBy }),
            paths: location.paths,
          },
        }
      : {}),
    ...(ports.length > 0
      ? {
          ports: {
            implemented: ports.flatMap((port) => port.ports).map((p) => ({ name: p.name, file: p.file })),
            leftAlone: leftAlone.map((l) => ({ name: l.name, file: l.location.file, line: l.location.line, reason: l.reason })),
          },
        }
      : {}),
    files: plan.writes.map((w) => ({ path: w.path, action: w.action, ...(w.obsolete ? { obsolete: true } : {}) })),
    summary: countActions(plan),
    migration: migration
      ? {
          file: migration.file,
          className: migration.className,
          changes: migration.changes.map(describeChange),
          dataLoss: migration.dataLoss,
          caveats: migration.caveats,
        }
      : null,
  };
}

/** Unified diffs of everything the plan would change, as a reviewer would see them in a pull request. */
export function diffPlan(plan: WritePlan): string {
  return plan.writes
    .filter((w) => w.action !== 'unchanged')
    .map((w) =>
      createTwoFilesPatch(
        w.current === undefined ? '/dev/null' : `a/${w.path}`,
        removed(w) ? '/dev/null' : `b/${w.path}`,
        w.current ?? '',
        w.content,
        '',
        '',
        { context: 3 },
      ),
    )
    .join('');
}

function removed(w: PlannedWrite): boolean {
  return w.action === 'delete' || w.obsolete === true;
}

/**
 * Which ports one repository implements and what beside them gen left alone, with why; nothing for the
 * common case of one port and nothing else.
 */
export function describePorts(port: PortModel, repositories: string): string[] {
  if (port.ports.length === 1 && port.leftAlone.length === 0) return [];
  return [
    `Ports: ${port.ports.map((p) => p.name).join(', ')} (implemented by ${repositories})`,
    ...port.leftAlone.map((l) => `Left alone: ${l.name} (${l.location.file}:${l.location.line}): ${l.reason}`),
  ];
}

/** A feature of several aggregates: the ports of each, and what beside them all is left alone, once. */
export function describeSeveralPorts(aggregates: readonly { port: PortModel; repositories: string }[]): string[] {
  return [
    ...aggregates.map(({ port, repositories }) => `Ports: ${port.ports.map((p) => p.name).join(', ')} (implemented by ${repositories})`),
    ...leftAloneByAll(aggregates.map((a) => a.port)).map(
      (l) => `Left alone: ${l.name} (${l.location.file}:${l.location.line}): ${l.reason}`,
    ),
  ];
}

/** Beside several aggregates' ports, what one leaves alone each does: listed once, with the first one's reason. */
function leftAloneByAll(ports: readonly PortModel[]): PortModel['leftAlone'] {
  const all = ports.flatMap((port) => port.leftAlone);
  if (ports.length === 1) return all;
  return all.filter((l, i) => all.findIndex((o) => o.name === l.name && o.location.file === l.location.file) === i);
}
