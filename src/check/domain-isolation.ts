import { GenError } from '../errors.js';
import type { DomainImports, ModuleImport } from '../model/domain-imports.js';

/** Packages that are persistence technology: a domain file importing one knows about infrastructure. */
const ORM_PACKAGES = ['typeorm', '@nestjs/typeorm'];

/** Whether a module is `entry` or inside it: a package (`pino`, `pino/file`) or a project path (`src/shared/logger`, with or without its extension). */
function isModule(i: ModuleImport, entry: string): boolean {
  const bare = entry.replace(/\/+$/, '');
  if (i.specifier === bare || i.specifier.startsWith(`${bare}/`)) return true;
  return (
    i.target !== undefined && (i.target === bare || i.target.startsWith(`${bare}/`) || i.target.replace(/\.[cm]?[jt]sx?$/, '') === bare)
  );
}

function inside(path: string, dir: string): boolean {
  return path === dir || path.startsWith(`${dir}/`);
}

/** The scan without the imports of modules the team accepts in the domain (gen.config.json's `allowDomainImports`). */
export function withoutAllowed(scan: DomainImports, allowed: readonly string[]): DomainImports {
  return allowed.length === 0 ? scan : { ...scan, imports: scan.imports.filter((i) => !allowed.some((entry) => isModule(i, entry))) };
}

/**
 * The imports that break "the domain layer has no knowledge of infrastructure", in file and line order: each is
 * where a domain file crosses into it (an infrastructure file's own imports are not the domain's).
 */
export function infrastructureImports(scan: DomainImports, infrastructureDir: string): ModuleImport[] {
  return scan.imports.filter(
    (i) =>
      !inside(i.file, infrastructureDir) &&
      (ORM_PACKAGES.some((p) => i.specifier === p || i.specifier.startsWith(`${p}/`)) ||
        (i.target !== undefined && inside(i.target, infrastructureDir))),
  );
}

/**
 * How a feature's own file reaches `file` through the imports scanned: each step `file:line`, ending at `file`
 * itself. Just `[file]` when it is one of the feature's files (or the scan does not say where it started).
 */
export function importChain(scan: DomainImports, file: string): string[] {
  const roots = scan.roots ?? [];
  if (roots.length === 0 || roots.includes(file)) return [file];
  const via = new Map<string, ModuleImport>();
  const queue = [...roots];
  const seen = new Set(roots);
  while (queue.length > 0) {
    const current = queue.shift()!;
    for (const i of scan.imports) {
      if (i.file !== current || i.target === undefined || seen.has(i.target) || !scan.files.includes(i.target)) continue;
      seen.add(i.target);
      via.set(i.target, i);
      queue.push(i.target);
    }
  }
  if (!via.has(file)) return [file];
  const steps: string[] = [];
  for (let step = via.get(file); step; step = via.get(step.file)) steps.unshift(`${step.file}:${step.line}`);
  return [...steps, file];
}

/** Stops generation when the domain imports the ORM or the infrastructure folder: the generated layer would depend on itself. */
export function checkDomainIsolation(scan: DomainImports, infrastructureDir: string): void {
  const found = infrastructureImports(scan, infrastructureDir);
  const first = found[0];
  if (!first) return;
  const chain = importChain(scan, first.file);
  const others = found.slice(1).map((i) => `${i.file}:${i.line}`);
  const module = first.target ?? first.specifier;
  throw new GenError(
    `the domain layer imports '${first.specifier}', which is infrastructure${chain.length > 1 ? `, through ${[...chain.slice(0, -1), `${first.file}:${first.line}`].join(' -> ')}` : ''}${others.length > 0 ? ` (also at ${others.join(', ')})` : ''}`,
    { file: first.file, line: first.line },
    `The domain must not know how it is stored: remove the import (TypeORM decorators and models belong in ${infrastructureDir}/, which gen generates)${chain.length > 1 ? `, or import what the feature needs without going through ${first.file}` : ''}. If the team accepts this module in the domain, say so in gen.config.json: "allowDomainImports": [${JSON.stringify(module.replace(/\.[cm]?[jt]sx?$/, ''))}].`,
  );
}
