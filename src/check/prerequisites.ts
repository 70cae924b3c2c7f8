import { installCommand } from '../config/package-manager.js';
import { declaredDependency, type PackageFacts } from '../config/package-manifest.js';
import type { TypeOrmLine, TypeOrmTarget } from '../config/typeorm-line.js';
import { GenError } from '../errors.js';
import type { ArtifactLayout } from '../layout.js';
import type { ApplicationModel } from '../model/application-model.js';
import type { PortModel } from '../model/domain-model.js';

/** The plan method's earlier plans, in the feature's plans folder. */
export const PRIOR_PLANS = ['001-domain-layer.md', '002-application-layer.md'] as const;

export function priorPlanPaths(layout: ArtifactLayout): string[] {
  return PRIOR_PLANS.map((file) => `${layout.planDocumentsDir}/${file}`);
}

/**
 * What the plan method expects before the infrastructure layer but generation can do without:
 * each is a warning, not a failure (the missing domain port is the one that fails, in the reader).
 */
export function prerequisiteWarnings(
  application: ApplicationModel,
  port: PortModel,
  layout: ArtifactLayout,
  documents: Readonly<Record<string, string>>,
): string[] {
  const warnings: string[] = [];
  if (application.useCases.length === 0) {
    const where = application.dirExists ? `no use case in ${application.dir}/ uses ${port.name}` : `${application.dir}/ does not exist`;
    warnings.push(
      `${where}: the application layer looks missing; write its use cases before relying on the infrastructure plan (or set "applicationDir" in gen.config.json).`,
    );
  }
  for (const path of priorPlanPaths(layout)) {
    if (documents[path] === undefined) warnings.push(`${path} is missing: the plan method writes it before the infrastructure plan.`);
  }
  return warnings;
}

/** The SQLite driver the generated tests open their database with, per TypeORM line (generators/database-config.ts). */
export function sqliteDriver(line: TypeOrmLine): 'sqlite3' | 'better-sqlite3' {
  return line === '1' ? 'better-sqlite3' : 'sqlite3';
}

const DEPENDENCY_FIELDS = ['dependencies', 'devDependencies', 'peerDependencies'];

/** Whether package.json, or one of the workspace's, declares the package, or Node finds it installed for the project. */
function available(facts: PackageFacts, name: string, installed: string | undefined): boolean {
  if (installed !== undefined) return true;
  return [facts.packageManifest, ...Object.values(facts.workspaceManifests ?? {})].some(
    (manifest) => declaredDependency(manifest, name, DEPENDENCY_FIELDS, true) !== undefined,
  );
}

/**
 * The packages the generated code needs. TypeORM is a refusal: the entity, the mapper and the repository import it, so
 * the project's tsc would stop at them (TS2307). The SQLite driver is a warning: only the generated tests load it, at
 * run time, and a project may run them on another database.
 */
export function checkPersistencePackages(facts: PackageFacts, target: TypeOrmTarget, decorators: boolean): string[] {
  const manager = facts.packageManager ?? 'npm';
  const driver = sqliteDriver(target.line);
  const hasDriver = available(facts, driver, target.line === '1' ? facts.installed.betterSqlite3 : facts.installed.sqlite3);
  const range = target.line === '1' ? 'typeorm@^1' : 'typeorm@^0.3';
  if (!available(facts, 'typeorm', facts.installed.typeorm)) {
    const runtime = [range, ...(decorators && !available(facts, 'reflect-metadata', undefined) ? ['reflect-metadata'] : [])];
    throw new GenError(
      `the project has no typeorm: package.json does not declare it and it is not installed, and the generated entity, mapper and repository import it (tsc would stop at them: TS2307 Cannot find module 'typeorm')`,
      facts.packageManifest ? { file: 'package.json', line: 1 } : undefined,
      `Install it, and the SQLite driver the generated tests use: ${installCommand(manager, runtime, false)}${hasDriver ? '' : ` && ${installCommand(manager, [driver], true)}`}; then run gen again.`,
    );
  }
  if (hasDriver) return [];
  return [
    `the generated tests open SQLite through ${driver} (TypeORM ${target.line === '1' ? '1.x' : '0.3'}), which package.json does not declare and is not installed: they will fail at run time until it is (${installCommand(manager, [driver], true)}).`,
  ];
}
