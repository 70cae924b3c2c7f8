import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Node, Project, type ClassDeclaration, type SourceFile } from 'ts-morph';
import { compareText } from '../compare.js';
import type { ProjectConfig } from '../config/project-config.js';
import { GenError } from '../errors.js';
import type { ApplicationModel } from '../model/application-model.js';
import type { DomainImports } from '../model/domain-imports.js';
import type { DomainModel } from '../model/domain-model.js';
import { readAggregate } from './aggregate-reader.js';
import { readDomainImports } from './domain-imports-reader.js';
import { PORT_NAME, locateFeature, portSourcePatterns, type FeatureLocation } from './feature-locator.js';
import { readPort, type PortDeclaration } from './port-reader.js';
import { locate } from './source-location.js';
import { TypeClassifier } from './type-classifier.js';
import { readUseCases } from './use-case-reader.js';

/** What the plan needs besides the domain: the use cases that call the port, and what the domain imports. */
export interface FeatureSources {
  domain: DomainModel;
  application: ApplicationModel;
  domainImports: DomainImports;
  /** Where the feature's folders are, and whether they were configured or detected. */
  location: FeatureLocation;
}

/** Reads a feature's domain layer: its repository port, and the aggregate that the port's `save` takes. */
export function readDomain(projectRoot: string, config: ProjectConfig, feature: string): DomainModel {
  return loadDomain(projectRoot, config, feature).domain;
}

/** The domain layer, plus the application layer's use of its port and the domain files' imports, from one ts-morph project. */
export function readFeature(projectRoot: string, config: ProjectConfig, feature: string): FeatureSources {
  const { domain, project, files, port, location } = loadDomain(projectRoot, config, feature);
  // Imports first: the use-case reader adds the application's files to the project.
  const domainImports = readDomainImports(files, projectRoot);
  return { domain, domainImports, location, application: readUseCases(project, port, location.paths.applicationDir, projectRoot) };
}

function loadDomain(projectRoot: string, config: ProjectConfig, feature: string): { domain: DomainModel; project: Project; files: SourceFile[]; port: PortDeclaration; location: FeatureLocation } {
  const location = locateFeature(projectRoot, config, feature);
  const { domainDir, portDir } = location.paths;
  const absoluteDir = join(projectRoot, domainDir);
  const project = createProject(projectRoot);
  const domainFiles = project.addSourceFilesAtPaths([`${absoluteDir}/**/*.ts`, `!${absoluteDir}/**/*.d.ts`, `!${absoluteDir}/**/*.{test,spec}.ts`]);
  const portFolderFiles = portDir === domainDir ? domainFiles : project.addSourceFilesAtPaths(portSourcePatterns(portDir).map((p) => (p.startsWith('!') ? `!${join(projectRoot, p.slice(1))}` : join(projectRoot, p))));
  const port = findPort(portFolderFiles, portDir, feature, projectRoot);
  // The port's file is domain code wherever it lives; the rest of its folder may be the project's own infrastructure.
  const files = domainFiles.includes(port.getSourceFile()) ? domainFiles : [...domainFiles, port.getSourceFile()];
  // Found through the port's types, not by folder: the aggregate may live anywhere the port imports it from.
  const aggregate = findAggregate(port, projectRoot);
  const classifier = new TypeClassifier(projectRoot, aggregate.getName(), config.rehydrators);
  const domain = {
    feature,
    aggregate: readAggregate(aggregate, classifier, projectRoot, config.rehydrators),
    port: readPort(port, classifier, projectRoot),
  };
  return { domain, project, files, port, location };
}

function createProject(projectRoot: string): Project {
  const tsConfigFilePath = join(projectRoot, 'tsconfig.json');
  // strictNullChecks is forced so that `| null` and `| undefined` are visible in types, whatever the project's settings.
  return existsSync(tsConfigFilePath)
    ? new Project({ tsConfigFilePath, skipAddingFilesFromTsConfig: true, compilerOptions: { strictNullChecks: true } })
    : new Project({ compilerOptions: { strict: true } });
}

function findPort(files: SourceFile[], portDir: string, feature: string, projectRoot: string): PortDeclaration {
  const candidates: PortDeclaration[] = [];
  for (const file of [...files].sort((a, b) => compareText(a.getFilePath(), b.getFilePath()))) {
    for (const declaration of [...file.getInterfaces(), ...file.getClasses().filter((c) => c.isAbstract()), ...file.getTypeAliases()]) {
      if (declaration.isExported() && PORT_NAME.test(declaration.getName() ?? '')) candidates.push(declaration);
    }
  }
  if (candidates.length === 0) {
    throw new GenError(`no repository port found in ${portDir}${portDir.endsWith('.ts') || portDir.includes('*') ? '' : '/'}`, undefined, 'Complete the domain layer first: export an interface (or abstract class, or type) whose name ends in Repository, RepositoryPort or Repo, with a save(aggregate) method.');
  }
  if (candidates.length > 1) {
    const list = candidates.map((c) => `${c.getName()} (${locate(c, projectRoot).file}:${c.getStartLineNumber()})`).join(', ');
    const first = locate(candidates[0]!, projectRoot).file;
    throw new GenError(
      `found ${candidates.length} repository ports in ${portDir}${portDir.endsWith('.ts') || portDir.includes('*') ? '' : '/'}: ${list}`,
      locate(candidates[1]!, projectRoot),
      `Keep one port per feature, or point gen at the one to read in gen.config.json: "features": { "${feature}": { "portDir": "${first}" } }.`,
    );
  }
  return candidates[0]!;
}

/** The aggregate is the class that the port's `save` takes. */
function findAggregate(port: PortDeclaration, projectRoot: string): ClassDeclaration {
  // Read from the port's type, so a save inherited from a generic base port counts, with its type argument.
  const save = port.getType().getProperty('save');
  const portName = port.getName() ?? 'the port';
  const signature = save?.getTypeAtLocation(port).getCallSignatures()[0];
  if (!save || !signature) {
    throw new GenError(`port ${portName} has no save method, so its aggregate is unknown`, locate(port, projectRoot), 'Add `save(aggregate: YourAggregate): Promise<void>` to the port.');
  }
  const parameter = signature.getParameters()[0];
  const declaration = parameter?.getTypeAtLocation(port).getSymbol()?.getDeclarations().find(Node.isClassDeclaration);
  if (!parameter || !declaration) {
    throw new GenError(`${portName}.save must take the aggregate root class as its first parameter`, locate(save.getDeclarations()[0] ?? port, projectRoot), 'Declare it as `save(aggregate: YourAggregate): Promise<void>`, where YourAggregate is a class.');
  }
  return declaration;
}
