import { GenError } from '../errors.js';
import type { DomainImports, ModuleImport } from '../model/domain-imports.js';

/** Packages that are persistence technology: a domain file importing one knows about infrastructure. */
const ORM_PACKAGES = ['typeorm', '@nestjs/typeorm'];

/** The imports that break "the domain layer has no knowledge of infrastructure", in file and line order. */
export function infrastructureImports(scan: DomainImports, infrastructureDir: string): ModuleImport[] {
  return scan.imports.filter(
    (i) => ORM_PACKAGES.some((p) => i.specifier === p || i.specifier.startsWith(`${p}/`)) || (i.target !== undefined && (i.target === infrastructureDir || i.target.startsWith(`${infrastructureDir}/`))),
  );
}

/** Stops generation when the domain imports the ORM or the infrastructure folder: the generated layer would depend on itself. */
export function checkDomainIsolation(scan: DomainImports, infrastructureDir: string): void {
  const found = infrastructureImports(scan, infrastructureDir);
  const first = found[0];
  if (!first) return;
  const others = found.slice(1).map((i) => `${i.file}:${i.line}`);
  throw new GenError(
    `the domain layer imports '${first.specifier}', which is infrastructure${others.length > 0 ? ` (also at ${others.join(', ')})` : ''}`,
    { file: first.file, line: first.line },
    `The domain must not know how it is stored: remove the import (TypeORM decorators and models belong in ${infrastructureDir}/, which gen generates).`,
  );
}
