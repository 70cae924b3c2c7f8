import { dirname, join, relative, resolve } from 'node:path';
import { Node, Project, SyntaxKind, type SourceFile } from 'ts-morph';
import { compareText } from '../compare.js';
import { exists, globTree, textOf, type ProjectSources } from './project-sources.js';
import { aliasedPaths, sourceRoots } from './package-scope.js';

/** A port found by what it is: an exported interface, abstract class or type whose methods take or return a class of the project. */
export interface DiscoveredPort {
  name: string;
  /** Project-relative, POSIX. */
  file: string;
  line: number;
  /** The class the port stores: the one a writer takes, else one it returns, else one it deletes or its base port is of. */
  aggregate: string;
  aggregateFile: string;
  /** The aggregate is an interface or type alias of fields, not a class: it loses to a class of the same feature. */
  record?: true;
}

/** What a port's name ends with (or `I…Repository`): other interfaces that take classes are use cases, mappers, services. */
export const DISCOVERED_PORT_NAME = /(Repository|Repo|Port|Store)(Interface)?$/;
const WRITE_METHOD = /^(save|insert|create|update|upsert|add|store|persist|put)/;
/** Classes a port takes or returns without storing them (see port-selection.ts, which decides with types). */
const NOT_AGGREGATE = /(Dto|DTO|Command|Query|Event|ReadModel|View|Response|Request|Input|Output|Props|Id|ID|Summary|Projection|Error)$/;

/** The folder read for ports: `src/` when there is one, else the project root without its dependencies and outputs. */
export function sourceRoot(project: ProjectSources): string {
  return exists(project, 'src') ? 'src' : '.';
}

/**
 * Every port under the source root, `.d.ts` files included (a `.d.ts` beside its `.ts` is the compiler's output and
 * skipped). Only syntax is read, so this stays fast on large projects; port-selection.ts later confirms with types.
 */
export function discoverPorts(project: ProjectSources): DiscoveredPort[] {
  // Read once per run: the feature locator and the type classifier (other aggregates) both ask.
  const known = discovered.get(project.texts);
  if (known) return known;
  const ports = discover(project);
  discovered.set(project.texts, ports);
  return ports;
}

const discovered = new WeakMap<ProjectSources['texts'], DiscoveredPort[]>();

function discover(project: ProjectSources): DiscoveredPort[] {
  // In a workspace whose root has a src/ of its own, the packages are read too.
  const found = globTree(
    project,
    sourceRoots(project).map((root) => `${root === '.' ? '' : `${root}/`}**/*.ts`),
    {
      ignore: ['**/node_modules/**', '**/dist/**', '**/build/**', '**/coverage/**', '**/*.{test,spec}.ts', '**/__tests__/**', '**/.gen/**'],
    },
  ).sort(compareText);
  const all = new Set(found);
  const files = found.filter((f) => !(f.endsWith('.d.ts') && all.has(f.replace(/\.d\.ts$/, '.ts'))));
  // Syntax only: the texts listed when the run started, in memory (no import is followed).
  const morph = new Project({
    useInMemoryFileSystem: true,
    skipAddingFilesFromTsConfig: true,
    skipFileDependencyResolution: true,
    compilerOptions: { allowJs: false },
  });
  const sources = files.map((f) => morph.createSourceFile(join(project.root, f), textOf(project, f)));
  const classes = exportedClasses(sources, project);
  const records = exportedRecords(sources, project);
  return sources.filter((source) => !isInfrastructure(source, project)).flatMap((source) => portsOf(source, classes, records, project));
}

/** Folders of the adapters around the domain: a base class there (`PrismaRepository`) implements ports, it is none. */
const INFRASTRUCTURE_FOLDER = /^(infrastructure|infra|persistence|database|db|adapters?|orm)$/i;
/**
 * Persistence libraries: a file importing one is an adapter, whatever its folder, except in a domain-side folder
 * (`domain/`, hexagonal `core/` and `ports/`): a port there that imports typeorm is the domain's own, found and then
 * refused by the isolation check, which names the import and `allowDomainImports` (skipped, it would only be "not
 * found").
 */
export const PERSISTENCE_IMPORT =
  /^(@prisma\/client|prisma|typeorm|@mikro-orm\/.*|mongoose|sequelize|sequelize-typescript|knex|drizzle-orm.*|pg|mysql2?|mongodb|@nestjs\/(typeorm|mongoose|sequelize))(\/.*)?$/;
const DOMAIN_SIDE_FOLDER = /^(domain|core|ports?)$/i;

/** Whether discovery leaves a file out as an adapter's (its folder, or a persistence import outside the domain side). */
export function leftToInfrastructure(project: ProjectSources, file: string): boolean {
  const folders = file.split('/').slice(0, -1);
  if (folders.some((folder) => INFRASTRUCTURE_FOLDER.test(folder))) return true;
  if (folders.some((folder) => DOMAIN_SIDE_FOLDER.test(folder))) return false;
  return [...textOf(project, file).matchAll(/\b(?:from|import)\s*\(?\s*['"]([^'"]+)['"]/g)].some((m) => PERSISTENCE_IMPORT.test(m[1]));
}

function isInfrastructure(source: SourceFile, project: ProjectSources): boolean {
  const folders = posixRelative(project, source.getFilePath()).split('/').slice(0, -1);
  return (
    folders.some((folder) => INFRASTRUCTURE_FOLDER.test(folder)) ||
    (!folders.some((folder) => DOMAIN_SIDE_FOLDER.test(folder)) &&
      source.getImportDeclarations().some((d) => PERSISTENCE_IMPORT.test(d.getModuleSpecifierValue())))
  );
}

/**
 * What a collection-named port does with what it holds: stores, looks up, lists or removes it. `Notifications {
 * send(n) }`, `Payments { charge(p) }`, `DomainEvents { dispatch(e) }` are named as collections but are no ports.
 */
export const COLLECTION_METHOD = /^(save|add|store|persist|put|remove|delete|all|list|of[A-Z]\w*|find\w*|get\w*|by[A-Z]\w*)$/;

/** `Todos` for Todo, `Categories` for Category, `Addresses` for Address: a port named as the collection of what it stores. */
export function collectionOf(portName: string): string[] {
  const stems: string[] = [];
  if (/[a-z]ies$/.test(portName)) stems.push(`${portName.slice(0, -3)}y`);
  if (/(s|x|z|ch|sh)es$/.test(portName)) stems.push(portName.slice(0, -2));
  if (/[^s]s$/.test(portName)) stems.push(portName.slice(0, -1));
  return stems.filter((s) => /^[A-Z]/.test(s));
}

/**
 * Declarations named for the feature (`Accounts`, `AccountRepository`, `Account`) that discovery did not take for a
 * port, each with file:line and why: the closest candidates for a refusal.
 */
export function featureNamedCandidates(
  project: ProjectSources,
  namesFeature: (name: string) => boolean,
): { name: string; file: string; line: number; kind: string }[] {
  const files = globTree(
    project,
    sourceRoots(project).map((root) => `${root === '.' ? '' : `${root}/`}**/*.ts`),
    {
      ignore: ['**/node_modules/**', '**/dist/**', '**/build/**', '**/coverage/**', '**/*.{test,spec}.ts', '**/__tests__/**', '**/.gen/**'],
    },
  ).sort(compareText);
  const morph = new Project({ useInMemoryFileSystem: true, skipAddingFilesFromTsConfig: true, skipFileDependencyResolution: true });
  const found: { name: string; file: string; line: number; kind: string }[] = [];
  for (const file of files) {
    const source = morph.createSourceFile(join(project.root, file), textOf(project, file));
    for (const d of [...source.getInterfaces(), ...source.getClasses(), ...source.getTypeAliases()]) {
      const name = d.getName() ?? '';
      const stem = name.replace(/^I(?=[A-Z][a-z])/, '').replace(DISCOVERED_PORT_NAME, '');
      if (!d.isExported() || !(namesFeature(stem) || collectionOf(name).some((s) => namesFeature(s)))) continue;
      const kind = Node.isClassDeclaration(d) ? 'class' : Node.isInterfaceDeclaration(d) ? 'interface' : 'type';
      found.push({
        name,
        file,
        line: d.getStartLineNumber(),
        kind: isInfrastructure(source, project) ? `${kind} in infrastructure` : kind,
      });
    }
  }
  return found.slice(0, 6);
}

/** Every class, interface and type alias declared under the source root (syntax only): what a config entry may name. */
export function declaredTypeNames(project: ProjectSources): Set<string> {
  const files = globTree(
    project,
    sourceRoots(project).map((root) => `${root === '.' ? '' : `${root}/`}**/*.ts`),
    {
      ignore: ['**/node_modules/**', '**/dist/**', '**/build/**', '**/coverage/**', '**/.gen/**'],
    },
  );
  const morph = new Project({ useInMemoryFileSystem: true, skipAddingFilesFromTsConfig: true, skipFileDependencyResolution: true });
  const names = new Set<string>();
  for (const file of files) {
    const source = morph.createSourceFile(join(project.root, file), textOf(project, file));
    for (const d of [...source.getClasses(), ...source.getInterfaces(), ...source.getTypeAliases()]) {
      const name = d.getName();
      if (name !== undefined) names.add(name);
    }
  }
  return names;
}

/** Names that a record of fields beside a port has without being the aggregate: a class's snapshot, a query's filter. */
const NOT_RECORD_AGGREGATE = /(Primitives|Snapshot|Json|JSON|Row|Record|Document|Schema|Options|Config|Params|Filter|Criteria|Where)$/;

/**
 * Name -> files of the exported records of fields: interfaces and object-type aliases (`type User = Base & { ... }`)
 * without methods or type parameters. A port that names no class may store one (see record-state-reader.ts).
 */
function exportedRecords(sources: SourceFile[], project: ProjectSources): Map<string, string[]> {
  const records = new Map<string, string[]>();
  for (const source of sources) {
    const declarations = [
      ...source.getInterfaces().filter((i) => i.getMethods().length === 0 && i.getTypeParameters().length === 0),
      ...source.getTypeAliases().filter((a) => {
        const node = a.getTypeNode();
        return (
          a.getTypeParameters().length === 0 &&
          node !== undefined &&
          (Node.isTypeLiteral(node) || Node.isIntersectionTypeNode(node) || isReadonlyOf(node))
        );
      }),
    ];
    for (const declaration of declarations) {
      const name = declaration.getName();
      if (!declaration.isExported() || NOT_AGGREGATE.test(name) || NOT_RECORD_AGGREGATE.test(name) || DISCOVERED_PORT_NAME.test(name))
        continue;
      records.set(name, [...(records.get(name) ?? []), posixRelative(project, source.getFilePath())]);
    }
  }
  return records;
}

/** `Readonly<{ ... }>`, `Readonly<TaskProps>`: a record of fields none of which may be reassigned. */
function isReadonlyOf(node: Node): boolean {
  return Node.isTypeReference(node) && node.getTypeName().getText() === 'Readonly' && node.getTypeArguments().length === 1;
}

/** Class name -> the project-relative files that export a class of that name. */
function exportedClasses(sources: SourceFile[], project: ProjectSources): Map<string, string[]> {
  const classes = new Map<string, string[]>();
  for (const source of sources) {
    for (const declaration of source.getClasses()) {
      const name = declaration.getName();
      if (name === undefined || declaration.isAbstract() || !declaration.isExported()) continue;
      classes.set(name, [...(classes.get(name) ?? []), posixRelative(project, source.getFilePath())]);
    }
  }
  return classes;
}

function portsOf(
  source: SourceFile,
  classes: Map<string, string[]>,
  records: Map<string, string[]>,
  project: ProjectSources,
): DiscoveredPort[] {
  const file = posixRelative(project, source.getFilePath());
  const declarations = [...source.getInterfaces(), ...source.getClasses().filter((c) => c.isAbstract()), ...source.getTypeAliases()];
  const ports: DiscoveredPort[] = [];
  for (const declaration of declarations) {
    const name = declaration.getName() ?? '';
    const inPortPlace = PORT_PLACE.test(file);
    if (!declaration.isExported()) continue;
    // `interface Todos { ofId(id): Promise<Todo>; save(todo: Todo) }`: named as the collection of what it takes or returns.
    const collection = DISCOVERED_PORT_NAME.test(name) ? undefined : collectionStored(declaration, name, source, classes, records, project);
    if (collection) {
      ports.push({
        name,
        file,
        line: declaration.getStartLineNumber(),
        aggregate: collection.name,
        aggregateFile: collection.file,
        ...(collection.record ? { record: true as const } : {}),
      });
      continue;
    }
    if (!(DISCOVERED_PORT_NAME.test(name) || inPortPlace)) continue;
    const found = (known: Map<string, string[]>) => {
      const resolve = (typeName: string) => classFile(typeName, source, known, project);
      // Named otherwise (`interface Orders`), it is a port only where ports are kept and when it writes the class.
      return DISCOVERED_PORT_NAME.test(name) ? aggregateOf(declaration, resolve) : writtenClass(declaration, resolve);
    };
    // A class first; a record of fields (`interface User { id: string; ... }`) only when the port names no class.
    const aggregate = found(classes);
    const record = aggregate ? undefined : found(records);
    const stored = aggregate ?? record;
    if (stored)
      ports.push({
        name,
        file,
        line: declaration.getStartLineNumber(),
        aggregate: stored.name,
        aggregateFile: stored.file,
        ...(record ? { record: true as const } : {}),
      });
  }
  return ports;
}

/** The class (else record) a collection-named port stores: its singular, which one of its methods takes or returns. */
function collectionStored(
  declaration: Node,
  name: string,
  source: SourceFile,
  classes: Map<string, string[]>,
  records: Map<string, string[]>,
  project: ProjectSources,
): { name: string; file: string; record: boolean } | undefined {
  const methods = methodsOf(declaration);
  if (!methods.some((m) => COLLECTION_METHOD.test(m.name))) return undefined;
  for (const stem of collectionOf(name)) {
    const used = methods.some((m) => [...m.parameters, ...(m.returns ? [m.returns] : [])].some((n) => referencedNames(n).includes(stem)));
    if (!used) continue;
    const asClass = classFile(stem, source, classes, project);
    if (asClass !== undefined) return { name: stem, file: asClass, record: false };
    const asRecord = classFile(stem, source, records, project);
    if (asRecord !== undefined) return { name: stem, file: asRecord, record: true };
  }
  return undefined;
}

/** Where projects keep their ports: a declaration there that writes a class is one whatever its name. */
const PORT_PLACE = /(^|\/)(repository|repositories|repos?|ports?)(\/|$)|[.-](repository|repo|port)\.(d\.)?ts$/i;

function writtenClass(declaration: Node, resolveClass: (name: string) => string | undefined): { name: string; file: string } | undefined {
  const aggregate = aggregateOf(declaration, resolveClass);
  const writes = methodsOf(declaration).some(
    (m) =>
      WRITE_METHOD.test(m.name) &&
      m.parameters[0] !== undefined &&
      aggregate !== undefined &&
      referencedNames(m.parameters[0]).includes(aggregate.name),
  );
  return writes ? aggregate : undefined;
}

interface Method {
  name: string;
  parameters: Node[];
  returns: Node | undefined;
}

function aggregateOf(declaration: Node, resolveClass: (name: string) => string | undefined): { name: string; file: string } | undefined {
  const methods = methodsOf(declaration);
  const classIn = (node: Node | undefined, excluded: RegExp = NOT_AGGREGATE) => {
    for (const name of node === undefined ? [] : referencedNames(node)) {
      if (excluded.test(name)) continue;
      const file = resolveClass(name);
      if (file !== undefined) return { name, file };
    }
    return undefined;
  };
  const written = methods
    .filter((m) => WRITE_METHOD.test(m.name))
    .map((m) => classIn(m.parameters[0]))
    .find((c) => c !== undefined);
  const returnedAll = methods.map((m) => classIn(m.returns)).filter((c) => c !== undefined);
  // `AuthenticateRepository { findStudentByEmail(); findTeacherByEmail() }`: reads of several classes that it writes
  // none of is no one aggregate's port (port-selection.ts leaves it alone, saying so).
  const several = new Set(returnedAll.map((c) => c.name)).size > 1 && written === undefined;
  const returned = several ? undefined : returnedAll[0];
  const deleted = methods
    .filter((m) => /^(delete|remove)/.test(m.name))
    .map((m) => classIn(m.parameters[0]))
    .find((c) => c !== undefined);
  // `interface OrderRepository extends RepositoryPort<Order, OrderId> {}`: the class is a type argument of the base port.
  const inherited = heritageTypes(declaration)
    .map((t) => classIn(t))
    .find((c) => c !== undefined);
  // `DeleteOrderPort { delete(id: OrderId) }`: a port that takes only the id stores the class it is named for.
  const stem = declaration
    .getSymbol()
    ?.getName()
    .replace(/^I(?=[A-Z][a-z])/, '')
    .replace(/^(Load|Save|Find|Get|Delete|Remove|Update|Create|Add|Store|Persist)(?=[A-Z])/, '')
    .replace(DISCOVERED_PORT_NAME, '');
  const named = stem === undefined || stem === '' || several ? undefined : resolveClass(stem);
  return written ?? returned ?? deleted ?? inherited ?? (named === undefined ? undefined : { name: stem!, file: named });
}

function methodsOf(declaration: Node): Method[] {
  const members = Node.isTypeAliasDeclaration(declaration)
    ? (declaration.getTypeNode()?.getDescendantsOfKind(SyntaxKind.TypeLiteral)[0]?.getMembers() ?? [])
    : Node.isInterfaceDeclaration(declaration) || Node.isClassDeclaration(declaration)
      ? declaration.getMembers()
      : [];
  const methods: Method[] = [];
  for (const member of members) {
    if (Node.isMethodSignature(member) || Node.isMethodDeclaration(member)) {
      methods.push({
        name: member.getName(),
        parameters: member.getParameters().map((p) => p.getTypeNode() ?? p),
        returns: member.getReturnTypeNode(),
      });
    } else if (Node.isPropertySignature(member) || Node.isPropertyDeclaration(member)) {
      const fn = member.getTypeNode();
      if (fn && Node.isFunctionTypeNode(fn))
        methods.push({
          name: member.getName(),
          parameters: fn.getParameters().map((p) => p.getTypeNode() ?? p),
          returns: fn.getReturnTypeNode(),
        });
    }
  }
  return methods;
}

function heritageTypes(declaration: Node): Node[] {
  if (Node.isInterfaceDeclaration(declaration)) return declaration.getExtends();
  // `type UserRepository = Repository<User>`, `type UserRepo = BaseRepo<User> & { ... }`.
  if (Node.isTypeAliasDeclaration(declaration)) {
    const type = declaration.getTypeNode();
    return type === undefined || Node.isTypeLiteral(type) ? [] : [type];
  }
  if (Node.isClassDeclaration(declaration))
    return [...(declaration.getExtends() ? [declaration.getExtends()!] : []), ...declaration.getImplements()];
  return [];
}

/** The names of the types a type node refers to, outermost first (`Promise<Order | null>` -> Promise, Order). */
function referencedNames(node: Node): string[] {
  const references = [
    ...(Node.isTypeReference(node) || Node.isExpressionWithTypeArguments(node) ? [node] : []),
    ...node.getDescendants().filter((d) => Node.isTypeReference(d) || Node.isExpressionWithTypeArguments(d)),
  ];
  return references.map((r) =>
    (Node.isTypeReference(r) ? r.getTypeName().getText() : Node.isExpressionWithTypeArguments(r) ? r.getExpression().getText() : '')
      .split('.')
      .pop()!,
  );
}

/** The file of the class a port names: the one it imports (by relative path), or the only class of that name. */
function classFile(name: string, source: SourceFile, classes: Map<string, string[]>, project: ProjectSources): string | undefined {
  const candidates = classes.get(name) ?? [];
  const own = posixRelative(project, source.getFilePath());
  if (candidates.includes(own)) return own;
  for (const declaration of source.getImportDeclarations()) {
    const imported =
      declaration.getNamedImports().find((i) => (i.getAliasNode()?.getText() ?? i.getName()) === name) ??
      (declaration.getDefaultImport()?.getText() === name ? declaration : undefined);
    if (!imported) continue;
    const specifier = declaration.getModuleSpecifierValue();
    if (!specifier.startsWith('.')) {
      // Through a path alias (`@hexa/order-context/domains/aggs/order.agg`) of the tsconfig governing the file.
      const aliased = aliasedPaths(project, own, specifier).flatMap((base) => [`${base}.ts`, `${base}/index.ts`, `${base}.d.ts`]);
      return candidates.find((c) => aliased.includes(c)) ?? (candidates.length === 1 ? candidates[0] : undefined);
    }
    const base = posixRelative(project, resolve(dirname(source.getFilePath()), specifier.replace(/\.(js|ts)$/, '')));
    return candidates.find((c) => [`${base}.ts`, `${base}/index.ts`, `${base}.d.ts`].includes(c));
  }
  return candidates.length === 1 ? candidates[0] : undefined;
}

function posixRelative(project: ProjectSources, path: string): string {
  return relative(project.root, path).split('\\').join('/');
}
