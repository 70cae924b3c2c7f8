import { shareDeclarations } from './shared-declarations.js';
import { join } from 'node:path';
import { Node, Project, SyntaxKind, type ImportDeclaration, type SourceFile } from 'ts-morph';
import { CONFIG_FILE, keyLine, type ProjectConfig } from '../config/project-config.js';
import { GenError, need } from '../errors.js';
import type { ApplicationModel } from '../model/application-model.js';
import type { DomainImports } from '../model/domain-imports.js';
import type { DomainModel, PortModel } from '../model/domain-model.js';
import { readAggregate } from './aggregate-reader.js';
import { AggregateRoots } from './aggregate-reference.js';
import { checkDomainTypes } from './domain-diagnostics.js';
import { importClosure, readDomainImports } from './domain-imports-reader.js';
import { locateFeature, portSourceFiles, type FeatureLocation, type LocateOptions } from './feature-locator.js';
import { declaredTypeNames, discoverPorts } from './port-discovery.js';
import { distance } from 'fastest-levenshtein';
import { compareText } from '../compare.js';
import { mergePorts, selectPorts } from './port-selection.js';
import { readPort, type PortDeclaration } from './port-reader.js';
import { locate } from './source-location.js';
import type { AggregateDeclaration } from './record-state-reader.js';
import { libraryAliased } from './type-shapes.js';
import { globTree, type CompilerSetup, type ProjectSources } from './project-sources.js';
import { compilerFor, tsconfigPathFor } from './package-scope.js';
import { TypeClassifier } from './type-classifier.js';
import { readUseCases } from './use-case-reader.js';

/** What the plan needs besides the domain: the use cases that call the port, and what the domain imports. */
export interface FeatureSources {
  /** The first of `domains`. */
  domain: DomainModel;
  /** Every aggregate the feature generates, each with its ports: one, unless the feature's folder holds several. */
  domains: DomainModel[];
  /** The use cases that call the first aggregate's ports. */
  application: ApplicationModel;
  /** Per aggregate, in the order of `domains`: the use cases that call its ports. */
  applications: ApplicationModel[];
  domainImports: DomainImports;
  /** Where the feature's folders are, and whether they were configured or detected. */
  location: FeatureLocation;
}

/** Reads a feature's domain layer: its repository port, and the aggregate that the port's `save` takes (the first, when there are several). */
export function readDomain(sources: ProjectSources, config: ProjectConfig, feature: string, options: LocateOptions = {}): DomainModel {
  return loadDomain(sources, config, feature, options).domains[0].domain;
}

/** The domain layer, plus the application layer's use of its ports and the domain files' imports, from one ts-morph project. */
export function readFeature(sources: ProjectSources, config: ProjectConfig, feature: string, options: LocateOptions = {}): FeatureSources {
  const { domains, project, files, location } = loadDomain(sources, config, feature, options);
  // Imports first: the use-case reader adds the application's files to the project.
  const domainImports = readDomainImports(files, sources.root);
  const applications = domains.map(({ ports }) => readUseCases(project, ports, location.paths.applicationDir, sources));
  return {
    domain: domains[0].domain,
    domains: domains.map((d) => d.domain),
    domainImports,
    location,
    application: applications[0],
    applications,
  };
}

function loadDomain(
  sources: ProjectSources,
  config: ProjectConfig,
  feature: string,
  options: LocateOptions,
): {
  domains: { domain: DomainModel; ports: PortDeclaration[] }[];
  project: Project;
  files: SourceFile[];
  location: FeatureLocation;
} {
  const projectRoot = sources.root;
  const location = locateFeature(sources, config, feature, options);
  const { domainDir, portDir } = location.paths;
  // The tsconfig.json nearest above the domain folder: a workspace package's own, with its path aliases.
  const setup = need(compilerFor(sources, domainDir));
  const project = createProject(setup);
  // Global declarations (`type Nullable<T> = T | null` in src/types.d.ts) resolve only when their files are in the project.
  const ambient = ambientDeclarations(setup);
  project.addSourceFilesAtPaths(ambient);
  // The domain's files as listed when the run started; ts-morph reads them (and what they import) through its own file system.
  for (const file of globTree(sources, ['**/*.ts'], { cwd: domainDir, ignore: ['**/*.d.ts', '**/*.{test,spec}.ts'] }))
    project.addSourceFileAtPath(join(projectRoot, domainDir, file));
  // The port folder's files, `.d.ts` declarations of ports included (the domain's own are left out above).
  const portFiles = portSourceFiles(sources, portDir);
  const portFolderFiles = portFiles.map(
    (file) => project.getSourceFile(join(projectRoot, file)) ?? project.addSourceFileAtPath(join(projectRoot, file)),
  );
  // Ports found from the code where ports are kept (`IUserCommand` in repositories/) stay ports once `gen init` has
  // written their folder down: the configured folder is read by the same discovery.
  const knownPorts =
    location.foundBy?.map((p) => p.port) ??
    discoverPorts(sources)
      .filter((p) => portFiles.includes(p.file))
      .map((p) => p.name);
  // Found through the ports' types, not by folder: the aggregate may live anywhere the ports import it from.
  // The tsconfig this feature is read with, named by the refusals of imports that resolve to nothing.
  const tsconfig = tsconfigPathFor(sources, domainDir);
  const selections = unlessUnresolved(
    () => selectPorts(portFolderFiles, portDir, feature, projectRoot, knownPorts),
    portFolderFiles,
    tsconfig,
    projectRoot,
  );
  checkConfiguredIds(
    config,
    sources,
    selections.map((s) => s.aggregate.getName() ?? 'default'),
  );
  const allPorts = selections.flatMap((s) => s.ports);
  // A port that names a type its file imports from nowhere (a base port through an alias its tsconfig does not map)
  // would be read without what that type declares: refused, naming the import.
  for (const port of allPorts) refuseUnresolvedTypes(port, tsconfig, projectRoot);
  // Only the feature's files are checked: its ports, its aggregates and what they import from the project. A shared
  // domain folder's other aggregates (answer.ts beside question.ts) are another feature's, broken or not.
  const aggregateFiles = selections
    .map((s) => s.aggregate.getSourceFile())
    .filter((file) => !file.isInNodeModules() && !file.isDeclarationFile());
  const own = [...new Set([...allPorts.map((p) => p.getSourceFile()), ...aggregateFiles])];
  const checked = importClosure(own).sort((a, b) => compareText(a.getFilePath(), b.getFilePath()));
  checkDomainTypes(checked, project, projectRoot, setup, ambient);
  for (const { ports, aggregate } of selections)
    unlessUnresolved(
      () => checkSave(ports, aggregate, projectRoot),
      [...new Set(ports.map((p) => p.getSourceFile()))],
      tsconfig,
      projectRoot,
    );
  // The isolation check scans what the type check checks: the ports' files are domain code wherever they live, and a
  // file of the domain folder no port nor aggregate of the feature imports is not the feature's. Those of the domain
  // folder it does import are the feature's own, where a chain of imports starts.
  const folder = `${join(projectRoot, domainDir)}/`;
  const files = [...new Set([...own, ...checked.filter((file) => file.getFilePath().startsWith(folder))])];
  // The project's other aggregates: a member holding one is a reference to refuse, not a value to store.
  const roots = new AggregateRoots(discoverPorts(sources), projectRoot);
  const domains = selections.map(({ aggregate, ports, leftAlone, token }) => {
    const classifier = new TypeClassifier(projectRoot, aggregate.getName(), config.rehydrators, roots, config.dateTypes);
    const name = aggregate.getName() ?? 'default';
    const configured = Object.hasOwn(config.ids, name)
      ? {
          field: config.ids[name],
          location: {
            file: CONFIG_FILE,
            line: keyLine(config.layout.text, name, keyLine(config.layout.text, 'ids')),
          },
        }
      : undefined;
    const aggregateModel = readAggregate(aggregate, classifier, projectRoot, config.rehydrators, {
      ...(configured && { configured }),
      portMethods: () => ports.flatMap((p) => readPort(p, classifier, projectRoot, config.option).methods),
    });
    const domain: DomainModel = {
      feature,
      aggregate: aggregate.isDefaultExport() ? { ...aggregateModel, defaultExport: true } : aggregateModel,
      port: withDefaultAggregate(
        {
          ...mergePorts(
            ports.map((p) => readPort(p, classifier, projectRoot, config.option)),
            leftAlone,
          ),
          ...(token && { token }),
        },
        aggregateModel.name,
        aggregateModel.file,
        aggregate.isDefaultExport(),
      ),
    };
    return { domain, ports };
  });
  return { domains, project, files, location };
}

/**
 * An `"ids"` entry must name an aggregate: one this feature reads, or a class, interface or type declared under the
 * source root (another feature's). A misspelt one would be ignored, and the key it names with it: refused, naming
 * the aggregates the project's ports store, closest first.
 */
function checkConfiguredIds(config: ProjectConfig, sources: ProjectSources, read: string[]): void {
  const unknown = Object.keys(config.ids).filter((name) => !read.includes(name));
  if (unknown.length === 0) return;
  const declared = declaredTypeNames(sources);
  const missing = unknown.find((name) => !declared.has(name));
  if (missing === undefined) return;
  const aggregates = [...new Set([...read, ...discoverPorts(sources).map((p) => p.aggregate)])].sort(
    (a, b) => distance(missing.toLowerCase(), a.toLowerCase()) - distance(missing.toLowerCase(), b.toLowerCase()) || compareText(a, b),
  );
  const [nearest] = aggregates;
  throw new GenError(
    `${CONFIG_FILE}: "ids" names '${missing}', which is no aggregate of the project (aggregates its ports store: ${aggregates.join(', ') || 'none found'})`,
    { file: CONFIG_FILE, line: keyLine(config.layout.text, missing, keyLine(config.layout.text, 'ids')) },
    nearest
      ? `Name the aggregate as its class is spelled (did you mean "${nearest}"?), or remove the entry.`
      : 'Name the aggregate as its class is spelled, or remove the entry.',
  );
}

/**
 * A port whose file imports what does not resolve (a path alias its tsconfig does not map, a package not installed)
 * has methods whose types are errors: whatever gen would then say about its methods is about those errors, not the
 * code. When reading the ports fails so, the refusal names the import and the tsconfig.json gen read instead; an
 * unresolved import no type of the files names (a decorator's) leaves the refusal as it was.
 */
function unlessUnresolved<T>(read: () => T, files: readonly SourceFile[], tsconfig: string, projectRoot: string): T {
  try {
    return read();
  } catch (error) {
    if (!(error instanceof GenError)) throw error;
    // A refusal that already names the module (a persistence library's type from '@prisma/client') says more.
    const unresolved = files.flatMap((file) => namingImports(unresolvedImports([file]), file));
    if (unresolved.length === 0 || unresolved.some((d) => error.message.includes(d.getModuleSpecifierValue()))) throw error;
    throw unresolvedError(unresolved, tsconfig, projectRoot);
  }
}

/** Refuses a port that names (extends, takes, returns) something its file imports from a module that does not resolve. */
function refuseUnresolvedTypes(port: PortDeclaration, tsconfig: string, projectRoot: string): void {
  const naming = namingImports(unresolvedImports([port.getSourceFile()]), port);
  if (naming.length > 0) throw unresolvedError(naming, tsconfig, projectRoot);
}

/**
 * The imports whose names `node` uses in type positions only (`extends Repository<…>`, `Promise<Order>`): a
 * decorator's import is no type of the port.
 */
function namingImports(imports: readonly ImportDeclaration[], node: Node): ImportDeclaration[] {
  if (imports.length === 0) return [];
  const used = new Set(
    [
      ...node.getDescendantsOfKind(SyntaxKind.TypeReference).map((reference) => reference.getTypeName().getText()),
      ...node.getDescendantsOfKind(SyntaxKind.ExpressionWithTypeArguments).map((heritage) => heritage.getExpression().getText()),
    ].map((name) => name.split('.')[0]),
  );
  return imports.filter((declaration) => importedNames(declaration).some((name) => used.has(name)));
}

function importedNames(declaration: ImportDeclaration): string[] {
  return [
    ...(declaration.getDefaultImport() ? [declaration.getDefaultImport()!.getText()] : []),
    ...(declaration.getNamespaceImport() ? [declaration.getNamespaceImport()!.getText()] : []),
    ...declaration.getNamedImports().map((named) => (named.getAliasNode() ?? named.getNameNode()).getText()),
  ];
}

function unresolvedError(unresolved: readonly ImportDeclaration[], tsconfig: string, projectRoot: string): GenError {
  const [first] = unresolved;
  const specifier = first.getModuleSpecifierValue();
  const others =
    unresolved.length > 1 ? ` (and ${unresolved.length - 1} more import${unresolved.length === 2 ? '' : 's'} of the ports' files)` : '';
  const aliased = !specifier.startsWith('.') && !specifier.startsWith('/');
  return new GenError(
    `'${specifier}' does not resolve under ${tsconfig}${others}, so the types the ports name are unknown`,
    locate(first, projectRoot),
    aliased
      ? `gen reads this feature with ${tsconfig} (the tsconfig.json of the package holding its domain folder, as tsc and editors pick it): map '${specifier}' in its "paths" (or install the package), then run gen again.`
      : `Fix the import's path (gen reads this feature with ${tsconfig}), then run gen again.`,
  );
}

/**
 * The files' imports that resolve to nothing in the feature's program: no source file (a path alias its tsconfig does
 * not map, a package not installed) and no module the checker knows either, as `declare module` declares one (Node's
 * built-ins in @types/node, `declare module 'x'` in the project's `.d.ts`).
 */
function unresolvedImports(files: readonly SourceFile[]): ImportDeclaration[] {
  return files.flatMap((file) =>
    file
      .getImportDeclarations()
      .filter(
        (declaration) =>
          declaration.getModuleSpecifierSourceFile() === undefined && declaration.getModuleSpecifier().getSymbol() === undefined,
      ),
  );
}

/** Under the options of the project's tsconfig chain, parsed once when the run started. */
function createProject(setup: CompilerSetup): Project {
  // strictNullChecks is forced so that `| null` and `| undefined` are visible in types, whatever the project's settings.
  return shareDeclarations(
    setup.tsconfig
      ? new Project({
          compilerOptions: {
            ...setup.tsconfig.options,
            ...setup.defaults,
            strictNullChecks: true,
          },
        })
      : new Project({ compilerOptions: { strict: true } }),
  );
}

/** The project's own `.d.ts` files that its tsconfig includes. */
function ambientDeclarations(setup: CompilerSetup): string[] {
  return (setup.tsconfig?.fileNames ?? []).filter((file) => file.endsWith('.d.ts') && !/[\\/]node_modules[\\/]/.test(file));
}

/**
 * A port's `save` must take the aggregate. Other writers of the CRUD vocabulary (crud-vocabulary.ts: `saveUser`,
 * `upsert`, `insert`, `create`, `update`, `updateUser`, `add`, `store`, `persist`) are judged by the map stage. A port
 * with no writer is fine: the map stage gives the repositories their own `save`, outside the port (map-feature.ts).
 */
function checkSave(ports: PortDeclaration[], aggregate: AggregateDeclaration, projectRoot: string): void {
  const first = ports[0];
  // Any other writer taking fields (`create(title)`, `update(id, changes: Partial<User>)`) is left to the map stage,
  // which implements what it can and leaves the rest to the user as a hand-written method (crud-vocabulary.ts).
  const save = first.getType().getProperty('save');
  if (!save) return;
  const signature = save.getTypeAtLocation(first).getCallSignatures()[0];
  const parameter = signature?.getParameters()[0];
  // `save(x: User | User[])`: the element class.
  const taken = parameter?.getTypeAtLocation(first);
  const one = taken?.isUnion() ? taken.getUnionTypes().find((t) => !t.isArray()) : taken;
  const element = one?.isArray() ? one.getArrayElementType() : one;
  const aliased = element && libraryAliased(element);
  const declarations = [
    ...(element?.getAliasSymbol()?.getDeclarations() ?? []),
    ...(element?.getSymbol()?.getDeclarations() ?? []),
    ...(aliased ? [aliased] : []),
  ];
  if (!signature || !parameter || !declarations.includes(aggregate)) {
    const takes = taken ? ` (it takes ${taken.getText(first)})` : '';
    throw new GenError(
      `${first.getName()}.save must take the aggregate root ${Node.isClassDeclaration(aggregate) ? 'class' : 'type'} (${aggregate.getName()}) as its first parameter${takes}`,
      locate(save.getDeclarations()[0] ?? first, projectRoot),
      `Declare it as \`save(${camel(aggregate.getName() ?? 'aggregate')}: ${aggregate.getName()}): Promise<void>\`.`,
    );
  }
}

function camel(name: string): string {
  return name.charAt(0).toLowerCase() + name.slice(1);
}

/** Signatures that name a default-exported aggregate import it as a default import. */
function withDefaultAggregate(port: PortModel, name: string, file: string, defaultExport: boolean): PortModel {
  if (!defaultExport) return port;
  const methods = port.methods.map((m) => ({
    ...m,
    typeReferences: m.typeReferences.map((r) => (r.name === name && r.file === file ? { ...r, defaultExport: true } : r)),
  }));
  return { ...port, methods };
}
