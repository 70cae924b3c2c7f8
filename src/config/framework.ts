import { constantCase } from 'change-case';
import type { PortModel } from '../model/domain-model.js';
import { declaredDependency, type PackageManifest } from './package-manifest.js';
import type { Framework, ProjectConfig } from './project-config.js';

/** gen.config.json's "framework", else `nest` where package.json declares `@nestjs/typeorm` (Nest's TypeORM integration). */
export function projectFramework(config: ProjectConfig, manifest: PackageManifest | undefined): Framework {
  if (config.framework) return config.framework;
  const nest = declaredDependency(manifest, '@nestjs/typeorm', ['dependencies', 'devDependencies', 'peerDependencies'], true);
  return nest ? 'nest' : 'none';
}

/** In a Nest project, a port Nest cannot provide: an interface with no exported token beside it. */
export function missingTokenWarning(framework: Framework, port: PortModel): string | undefined {
  if (framework !== 'nest' || port.token) return undefined;
  return (
    `${port.location.file}:${port.location.line}: ${port.name} is ${port.kind === 'type-alias' ? 'a type' : 'an interface'} with no injection token beside it, so no Nest ` +
    `persistence module was written (a type is no value at run time). Export one from its file: ` +
    `export const ${constantCase(port.name)} = Symbol('${port.name}'); or make the port an abstract class.`
  );
}
