import { contentHash, type Manifest } from '../manifest.js';
import type { GeneratedFile } from '../render/artifact.js';

/**
 * - create: the file does not exist;
 * - update: it exists as gen last wrote it (or as gen would write it), and its content changes;
 * - unchanged: it already has the new content;
 * - conflict: it exists and was changed by hand (or never written by gen), so it is not overwritten.
 */
export type WriteAction = 'create' | 'update' | 'unchanged' | 'conflict';

export interface PlannedWrite {
  path: string;
  action: WriteAction;
  content: string;
  /** What is on disk now, if anything. */
  current?: string;
}

export interface WritePlan {
  writes: PlannedWrite[];
}

/** Decides every write before any is made. `readCurrent` returns a file's content, or undefined if it does not exist. */
export function planWrites(files: readonly GeneratedFile[], manifest: Manifest, readCurrent: (path: string) => string | undefined, options: { force?: boolean; owned?: ReadonlySet<string> } = {}): WritePlan {
  const writes = files.map((file): PlannedWrite => {
    const current = readCurrent(file.path);
    if (current === undefined) return { path: file.path, action: 'create', content: file.content };
    // The user's file: created once, then theirs.
    if (current === file.content || file.owner === 'user') return { path: file.path, action: 'unchanged', content: current, current };
    const untouched = manifest.files[file.path] === contentHash(current) || options.owned?.has(file.path);
    return { path: file.path, action: untouched || options.force ? 'update' : 'conflict', content: file.content, current };
  });
  return { writes };
}

export function hasChanges(plan: WritePlan): boolean {
  return plan.writes.some((w) => w.action === 'create' || w.action === 'update');
}

export function conflicts(plan: WritePlan): PlannedWrite[] {
  return plan.writes.filter((w) => w.action === 'conflict');
}
