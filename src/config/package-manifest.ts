import { GenError } from '../errors.js';

/** The project's package.json as read when the run started: its text, and its fields or why they cannot be read. */
export interface PackageManifest {
  text: string;
  fields?: Record<string, unknown>;
  /** JSON.parse's message when the text is not valid JSON. */
  invalid?: string;
}

/** The versions Node would load for the project of the packages gen generates for: the nearest node_modules/<name> up from its root. */
export interface InstalledVersions {
  typeorm?: string;
  typescript?: string;
  jest?: string;
  /** The SQLite drivers: TypeORM 0.3's `sqlite` type loads sqlite3, 1.x's `better-sqlite3` its namesake. */
  sqlite3?: string;
  betterSqlite3?: string;
}

/** The client that installs the project's packages: the one its lockfile (or package.json's `packageManager`) names. */
export type PackageManager = 'npm' | 'yarn' | 'pnpm' | 'bun';

/** What gen learns from the project's packages: its package.json (none without one) and the installed versions. */
export interface PackageFacts {
  packageManifest: PackageManifest | undefined;
  installed: InstalledVersions;
  /** The client its lockfile names (npm when none does): what gen's install commands are spelled for. */
  packageManager?: PackageManager;
  /** The package.json files of its workspace packages, project-relative, with their texts: a dependency may be declared there. */
  workspaceManifests?: Readonly<Record<string, PackageManifest>>;
}

export function parsePackageManifest(text: string): PackageManifest {
  try {
    const fields = JSON.parse(text) as unknown;
    return { text, fields: typeof fields === 'object' && fields !== null ? (fields as Record<string, unknown>) : {} };
  } catch (error) {
    return { text, invalid: (error as Error).message };
  }
}

/** The fields of package.json; an unreadable one is an error that names the file. */
export function manifestFields(manifest: PackageManifest | undefined): Record<string, unknown> {
  if (manifest === undefined) return {};
  if (manifest.fields === undefined)
    throw new GenError(`package.json is not valid JSON: ${manifest.invalid ?? ''}`, { file: 'package.json', line: 1 });
  return manifest.fields;
}

/**
 * The range the project's package.json declares for `name` in the first of `fields` that has it, and its line.
 * An unreadable package.json is an error (it names the file), unless `lenient`: then it declares nothing.
 */
export function declaredDependency(
  manifest: PackageManifest | undefined,
  name: string,
  fields: readonly string[],
  lenient = false,
): { range: string; line: number } | undefined {
  if (manifest === undefined || (lenient && manifest.fields === undefined)) return undefined;
  const parsed = manifestFields(manifest);
  for (const field of fields) {
    const range = (parsed[field] as Record<string, unknown> | undefined)?.[name];
    if (typeof range === 'string') {
      const line = manifest.text.split('\n').findIndex((l) => new RegExp(`"${name}"\\s*:`).test(l)) + 1;
      return { range, line: Math.max(line, 1) };
    }
  }
  return undefined;
}
