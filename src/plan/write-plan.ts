import { contentHash, type Manifest } from '../manifest.js';
import type { GeneratedFile } from '../render/artifact.js';

/**
 * - create: the file does not exist;
 * - update: it exists as gen last wrote it (or as gen would write it), and its content changes;
 * - unchanged: it already has the new content;
 * - delete: gen wrote it before, the model no longer needs it, and it was not changed by hand;
 * - conflict: it exists and was changed by hand (or never written by gen), so it is neither overwritten nor deleted.
 */
export type WriteAction = 'create' | 'update' | 'unchanged' | 'delete' | 'conflict';

export interface PlannedWrite {
  path: string;
  action: WriteAction;
  /** The new content; empty for a deletion. */
  content: string;
  /** What is on disk now, if anything. */
  current?: string;
  /** A conflict on a file that would otherwise be deleted. */
  obsolete?: boolean;
  /** A conflict on a file gen never wrote: the project's own file sits where gen would write. */
  foreign?: boolean;
}

export interface WritePlan {
  writes: PlannedWrite[];
}

export interface PlanOptions {
  force?: boolean;
  /** Files gen always owns (the manifest, the schema snapshot): overwritten without a hash check. */
  owned?: ReadonlySet<string>;
  /** Files gen wrote before that the model no longer needs. */
  obsolete?: readonly string[];
}

/** Decides every write before any is made. `readCurrent` returns a file's content, or undefined if it does not exist. */
export function planWrites(
  files: readonly GeneratedFile[],
  manifest: Manifest,
  readCurrent: (path: string) => string | undefined,
  options: PlanOptions = {},
): WritePlan {
  const untouched = (path: string, current: string) => manifest.files[path] === contentHash(current) || options.owned?.has(path) === true;
  const writes = files.map((file): PlannedWrite => {
    const current = readCurrent(file.path);
    if (current === undefined) return { path: file.path, action: 'create', content: file.content };
    // The user's file: created once, then theirs.
    if (current === file.content || file.owner === 'user') return { path: file.path, action: 'unchanged', content: current, current };
    if (untouched(file.path, current) || options.force) return { path: file.path, action: 'update', content: file.content, current };
    return manifest.files[file.path] === undefined
      ? { path: file.path, action: 'conflict', content: file.content, current, foreign: true }
      : { path: file.path, action: 'conflict', content: file.content, current };
  });
  for (const path of options.obsolete ?? []) {
    const current = readCurrent(path);
    if (current === undefined) continue;
    writes.push(
      untouched(path, current) || options.force
        ? { path, action: 'delete', content: '', current }
        : { path, action: 'conflict', content: '', current, obsolete: true },
    );
  }
  return { writes };
}

export function hasChanges(plan: WritePlan): boolean {
  return plan.writes.some((w) => w.action === 'create' || w.action === 'update' || w.action === 'delete');
}

export function conflicts(plan: WritePlan): PlannedWrite[] {
  return plan.writes.filter((w) => w.action === 'conflict');
}
