import { compareText } from '../compare.js';
import { subfoldersOf, type ProjectSources } from './project-sources.js';

/**
 * Folder names as a project spells them: `src/Contexts/Mooc/Courses/domain` holds the `contexts` layout's
 * `src/contexts/{context}/{feature}/domain` for the feature `courses` (PascalCase folders, as in CodelyTV's
 * examples). Names are the same when they differ only in case, dashes and underscores.
 */
export function sameName(a: string, b: string): boolean {
  return fold(a) === fold(b);
}

function fold(name: string): string {
  return name.replace(/[-_]/g, '').toLowerCase();
}

function pascalName(segment: string): string {
  return /^[a-z][a-z0-9-]*$/.test(segment)
    ? segment
        .split('-')
        .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
        .join('')
    : segment;
}

/** A folder found for a template: its path as on disk and the spellings its placeholders took. */
export interface SpelledFolder {
  path: string;
  values: Partial<Record<'feature' | 'context', string>>;
}

/**
 * The existing folders matching a folder template (`src/contexts/{context}/{feature}/domain`): each literal
 * segment and each given placeholder value matches a folder of the same name (see sameName, the exact spelling
 * first); a placeholder without a value matches every folder. Sorted by path.
 */
export function spelledFolders(
  project: ProjectSources,
  template: string,
  values: Partial<Record<'feature' | 'context', string>>,
): SpelledFolder[] {
  let found: SpelledFolder[] = [{ path: '', values: {} }];
  for (const segment of template.split('/').filter((s) => s !== '')) {
    const placeholder = /^\{(feature|context)\}$/.exec(segment)?.[1] as 'feature' | 'context' | undefined;
    const wanted = placeholder === undefined ? segment : values[placeholder];
    const next: SpelledFolder[] = [];
    for (const folder of found) {
      const entries = subfoldersOf(project, folder.path);
      const matching = wanted === undefined ? entries : entries.includes(wanted) ? [wanted] : entries.filter((e) => sameName(e, wanted));
      for (const entry of matching) {
        next.push({
          path: folder.path === '' ? entry : `${folder.path}/${entry}`,
          values: placeholder === undefined ? folder.values : { ...folder.values, [placeholder]: entry },
        });
      }
    }
    found = next;
    if (found.length === 0) break;
  }
  return found.filter((f) => f.path !== '').sort((a, b) => compareText(a.path, b.path));
}

/**
 * A path of the layout (placeholders filled) in the project's spelling: each segment that exists under the
 * previous one in another spelling takes it (`src/contexts/shared` -> `src/Contexts/Shared`); a segment that
 * does not exist yet keeps its own, but the feature's and the context's take the domain folder's spelling
 * (`tests/Contexts/Mooc/Courses`).
 */
export function spellAsOnDisk(project: ProjectSources, path: string, spellings: ReadonlyMap<string, string>): string {
  const out: string[] = [];
  let exists = true;
  for (const segment of path.split('/')) {
    const entries = exists ? subfoldersOf(project, out.join('/')) : [];
    const onDisk = entries.includes(segment) ? segment : entries.find((e) => sameName(e, segment));
    if (onDisk === undefined) exists = false;
    // Beside folders that are all PascalCase (tests/Contexts/Mooc), a new one is too (tests/Contexts/Shared).
    const pascal = entries.length > 0 && entries.every((e) => /^[A-Z]/.test(e)) ? pascalName(segment) : segment;
    out.push(onDisk ?? spellings.get(segment) ?? pascal);
  }
  return out.join('/');
}
