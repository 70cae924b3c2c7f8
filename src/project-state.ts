import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compareText } from './compare.js';
import { MANIFEST_FILE } from './layout.js';
import { contentHash, type Manifest } from './manifest.js';
import { emptySnapshot, parseSnapshot, SCHEMA_FILE, type SchemaSnapshot } from './migrate/schema-snapshot.js';

/** gen's own records (the manifest, the schema snapshot): rewritten by every run without a hash check, never deleted. */
export const GEN_STATE: ReadonlySet<string> = new Set([MANIFEST_FILE, SCHEMA_FILE]);

/** What the project already holds that generation depends on; read once, before anything is rendered. */
export interface ProjectState {
  manifest: Manifest;
  /** The schema the committed migrations produce. */
  snapshot: SchemaSnapshot;
  /** File names in the migrations folder, sorted. */
  migrationFiles: string[];
  /** Existing documents the generators read (the feature's earlier plans), by project-relative path. */
  documents: Record<string, string>;
  /** Milliseconds since the epoch for new migration names (fixed by --now in tests). */
  now: number;
  /** Generated files still exactly as gen wrote them (their manifest hash), whose formatting key is recorded: path -> content. */
  unchanged?: Record<string, string>;
}

/**
 * The files that depend on where the feature's layout puts them (its migrations folder, its plans), read by the
 * generate entry once the layout is known; `manifest` is the one the project context read when the run started.
 */
export function readProjectState(
  projectRoot: string,
  manifest: Manifest,
  migrationsDir: string,
  documentPaths: readonly string[],
  now: number,
): ProjectState {
  const snapshotPath = join(projectRoot, SCHEMA_FILE);
  const snapshot = existsSync(snapshotPath) ? parseSnapshot(readFileSync(snapshotPath, 'utf8'), SCHEMA_FILE) : emptySnapshot();
  const migrationsPath = join(projectRoot, migrationsDir);
  const migrationFiles = existsSync(migrationsPath) ? readdirSync(migrationsPath).sort(compareText) : [];
  const documents: Record<string, string> = {};
  for (const path of documentPaths) {
    if (existsSync(join(projectRoot, path))) documents[path] = readFileSync(join(projectRoot, path), 'utf8');
  }
  return { manifest, snapshot, migrationFiles, documents, now, unchanged: unchangedFiles(projectRoot, manifest) };
}

/** The files the manifest has a formatting key for, read when their hash is still the one gen recorded. */
function unchangedFiles(projectRoot: string, manifest: Manifest): Record<string, string> {
  const unchanged: Record<string, string> = {};
  for (const path of Object.keys(manifest.formatted ?? {})) {
    const file = join(projectRoot, path);
    if (!existsSync(file)) continue;
    const content = readFileSync(file, 'utf8');
    if (contentHash(content) === manifest.files[path]) unchanged[path] = content;
  }
  return unchanged;
}
