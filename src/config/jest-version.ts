import { GenError, type SourceLocation } from '../errors.js';
import { declaredDependency, type PackageFacts } from './package-manifest.js';
import type { TestRunnerName } from './test-runner.js';
import { compareVersions, type TypeScriptVersion } from './typescript-version.js';

/**
 * The oldest jest that loads TypeORM: typeorm 0.3.28+ and 1.x depend on ansis 4, whose package.json has only
 * `exports` (no `main`), which jest resolves from 28 on. Seen here: typeorm 0.3.31 under jest 27.0.6 fails every
 * generated suite with "Cannot find module 'ansis'"; the same suites pass under jest 28.1.3 and 29.7.
 */
const MINIMUM_JEST = '28';

/** The project's jest: the one installed for it, else the lowest version its package.json allows. */
export interface JestVersion {
  version: string;
  from: string;
  location?: SourceLocation;
}

export function projectJest(project: PackageFacts): JestVersion | undefined {
  const installed = project.installed.jest;
  const declared = declaredDependency(project.packageManifest, 'jest', ['devDependencies', 'dependencies'], true);
  const location = declared && { file: 'package.json', line: declared.line };
  if (installed !== undefined && /^\d+\.\d+/.test(installed))
    return { version: installed, from: 'node_modules/jest', ...(location && { location }) };
  const version = declared && /^[\^~>=v\s]*(\d+(?:\.\d+){0,2})/.exec(declared.range)?.[1];
  if (!declared || !version) return undefined;
  return { version, from: `package.json "jest": "${declared.range}"`, location: { file: 'package.json', line: declared.line } };
}

/**
 * The project's typeorm: the one installed, else one package.json pins exactly (`"typeorm": "0.3.20"`, the version a
 * clone installs); a range (`^0.3.20`) may install the newest 0.3, so it tells nothing.
 */
export function projectTypeorm(project: PackageFacts): string | undefined {
  if (project.installed.typeorm !== undefined) return project.installed.typeorm;
  const declared = declaredDependency(project.packageManifest, 'typeorm', ['dependencies', 'devDependencies'], true);
  return declared && /^=?v?(\d+\.\d+\.\d+)$/.exec(declared.range.trim())?.[1];
}

/** The first typeorm that depends on ansis 4 (0.3.27 and older: ansis 3 or chalk, which have a `main`). */
const ANSIS_4_TYPEORM = '0.3.28';

/**
 * The oldest TypeScript that parses what jest 29 installs: its @types/babel__traverse (7.28, through @jest/transform's
 * babel packages) declares TypeScript 5.1 as its least, and an older tsc fails on its declarations (seen in a trial on 4.x).
 */
const JEST_29_TYPESCRIPT = '5.1';

/**
 * Stops (exit 2) when the generated tests are written for a jest too old to load TypeORM: they could not run at all.
 * A project whose jest version gen cannot tell is not checked, nor one with an older typeorm installed or pinned.
 * The upgrade it advises names TypeScript too when the project's is older than jest 29's types need.
 */
export function checkJestVersion(
  runner: TestRunnerName,
  jest: JestVersion | undefined,
  typeorm: string | undefined,
  typescript?: TypeScriptVersion,
): void {
  if (runner !== 'jest' || !jest || compareVersions(jest.version, MINIMUM_JEST) >= 0) return;
  if (typeorm !== undefined && compareVersions(typeorm, ANSIS_4_TYPEORM) < 0) return;
  const oldTypeScript = typescript !== undefined && compareVersions(typescript.version, JEST_29_TYPESCRIPT) < 0;
  throw new GenError(
    `jest ${jest.version} (${jest.from}) cannot run the generated tests: it cannot load TypeORM, which depends on ansis 4, a package jest resolves from version ${MINIMUM_JEST} on (its package.json has only "exports")`,
    jest.location,
    oldTypeScript
      ? `Upgrade jest and TypeScript together: npm install --save-dev jest@^29 ts-jest@^29 @types/jest@^29 typescript@^${JEST_29_TYPESCRIPT} (jest 29 installs @types/babel__traverse, whose declarations need TypeScript ${JEST_29_TYPESCRIPT}: tsc ${typescript.version}, ${typescript.from}, would fail on them).`
      : `Upgrade jest: npm install --save-dev jest@^29 ts-jest@^29 @types/jest@^29.`,
  );
}
