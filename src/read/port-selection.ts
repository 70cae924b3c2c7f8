import { constantCase, kebabCase } from 'change-case';
import { Node, SyntaxKind, type ClassDeclaration, type SourceFile, type Type } from 'ts-morph';
import { compareText } from '../compare.js';
import { GenError } from '../errors.js';
import type { LeftAlone, PortMethod, PortModel, PortToken, TypeUse } from '../model/domain-model.js';
import { typeUseText } from '../model/domain-model.js';
import type { PortDeclaration } from './port-reader.js';
import { namesFeature } from './feature-locator.js';
import { locate } from './source-location.js';
import { idCandidates } from './aggregate-reader.js';
import { recordOf, type AggregateDeclaration } from './record-state-reader.js';
import { libraryAliased } from './type-shapes.js';
import { collectionOf, COLLECTION_METHOD, PERSISTENCE_IMPORT } from './port-discovery.js';

/** Names a repository port (or a one-method out-port) may have: only these are implemented. */
export const IMPLEMENTABLE_PORT = /(Repository|Repo|Port|Store)(Interface)?$/;
/** Names of the other interfaces that sit beside ports: looked at only to say why they are left alone. */
const PORT_NEIGHBOUR = /(UseCase|Handler|Bus|Publisher|Dispatcher|Gateway|Finder|Reader|Writer|Service)$/;
/** Classes that a port may take or return without being the aggregate. */
const NOT_AGGREGATE =
  /(Dto|DTO|Command|Query|Event|ReadModel|View|Response|Request|Input|Output|Props|Id|ID|Summary|Projection|Error|Builder|Criteria|Specification)$/;
/** What a save-like method's first parameter may not be: an event it saves alone may be an aggregate (a calendar's `Event`). */
const WRITTEN_NOT_AGGREGATE = /(Dto|DTO|Command|Query|Request|Input|Props|Id|ID)$/;
const WRITE_METHOD = /^(save|insert|create|update|upsert|add|store|persist|put)/;
const INBOUND_NAME = /(UseCase|UseCasePort|Handler|InPort|InputPort)$/;
const INBOUND_METHOD = new Set(['execute', 'handle', 'invoke', 'run']);
const INBOUND_TYPE = /(Command|Dto|DTO|Request|Input)$/;
/** Named for storage: its `FindManyInput` parameter is a query's criteria, not a command it handles. */
const STORAGE_NAME = /(Repository|Repo|Store)(Interface)?$/;
/** A page of a read (`PageRequest`, `PaginationInput`): named like a request, but a repository's parameter too. */
const PAGE_TYPE = /Pag(e|ed|ing|ination)/;
const EVENT_NAME = /Events?(Store|StorePort|Bus|Publisher|Dispatcher|Log)$/;

/** The ports of one of the feature's aggregates, implemented together, and what beside them is left alone. */
export interface PortSelection {
  aggregate: AggregateDeclaration;
  /** In file, then declaration order; the first is the one with `save` when there is one. */
  ports: PortDeclaration[];
  leftAlone: LeftAlone[];
  /** What a dependency-injection container provides the first port under, when the port's folder says. */
  token?: PortToken;
}

interface Signature {
  name: string;
  parameters: Type[];
  parameterNames: string[];
  returns: Type;
}

/** A writer's parameter that is not stored as it is: `refused` says why and `decision` what the user must decide. */
interface Written {
  method: string;
  type: string;
  refused?: { reason: string; decision: string };
}

type Verdict =
  | { kind: 'port'; aggregate: AggregateDeclaration; writes: boolean }
  | { kind: 'undecided'; written?: Written }
  | { kind: 'left-alone'; reason: string };

/**
 * Which exported declarations of the port folder are ports, grouped by aggregate: interfaces, abstract classes and
 * type aliases named like ports whose methods take or return a class (the aggregate), or only its id. Use-case
 * (inbound) ports, event stores, read-model ports and dependency-injection tokens are left alone, with a reason.
 * One selection per aggregate: the one the feature names, else every aggregate a port there writes (a bounded
 * context's folder with `InvoiceRepository` and `PaymentRepository`), in port order.
 */
export function selectPorts(
  files: readonly SourceFile[],
  portDir: string,
  feature: string,
  projectRoot: string,
  knownPorts: readonly string[] = [],
): PortSelection[] {
  // A collection-style port found from the code (`interface Orders { add(order: Order) }` in repositories/) counts as named like one.
  // So does one named as the collection of what its methods take or return (`interface Todos { ofId(id): Promise<Todo> }`).
  const collections = new Set(
    files.flatMap((file) =>
      [...file.getInterfaces(), ...file.getClasses().filter((c) => c.isAbstract()), ...file.getTypeAliases()]
        .filter((d) => d.isExported() && isCollectionPort(d))
        .map((d) => d.getName() ?? ''),
    ),
  );
  const implementable = (name: string) => IMPLEMENTABLE_PORT.test(name) || knownPorts.includes(name) || collections.has(name);
  const declarations: PortDeclaration[] = [];
  /** Named like a port, with no method: said so when nothing else is a port. */
  const empty: PortDeclaration[] = [];
  const aside: { node: Node; name: string; reason: string }[] = [];
  const tokens: Node[] = [];
  for (const file of [...files].sort((a, b) => compareText(a.getFilePath(), b.getFilePath()))) {
    for (const declaration of [...file.getInterfaces(), ...file.getClasses().filter((c) => c.isAbstract()), ...file.getTypeAliases()].sort(
      (a, b) => a.getStart() - b.getStart(),
    )) {
      const name = declaration.getName() ?? '';
      if (!declaration.isExported() || !(implementable(name) || PORT_NEIGHBOUR.test(name))) continue;
      if (signatures(declaration).length === 0) {
        if (implementable(name)) empty.push(declaration);
        continue;
      }
      declarations.push(declaration);
    }
    for (const variable of file.getVariableDeclarations()) {
      if (variable.isExported() && isToken(variable.getName(), variable.getInitializer())) {
        aside.push({
          node: variable,
          name: variable.getName(),
          reason: 'a dependency-injection token, not a type',
        });
        tokens.push(variable);
      }
    }
  }
  const verdicts = new Map(declarations.map((d) => [d, verdict(d, implementable)]));
  const groups = new Map<AggregateDeclaration, PortDeclaration[]>();
  for (const [declaration, v] of verdicts)
    if (v.kind === 'port') groups.set(v.aggregate, [...(groups.get(v.aggregate) ?? []), declaration]);
  const aggregates = chooseAggregates(groups, verdicts, feature);
  if (aggregates.length === 0) throw noPort(declarations, verdicts, portDir, projectRoot, empty);
  return aggregates.map((aggregate) => {
    const leftAlone = [...aside];
    const ports: PortDeclaration[] = [];
    for (const [declaration, v] of verdicts) {
      const name = declaration.getName() ?? 'default';
      if (v.kind === 'port' && v.aggregate === aggregate) ports.push(declaration);
      // Implemented in the selection of its own aggregate.
      else if (v.kind === 'port' && aggregates.includes(v.aggregate)) continue;
      else if (v.kind === 'port' && v.writes)
        leftAlone.push({
          node: declaration,
          name,
          reason: `a port of another aggregate (${v.aggregate.getName()})`,
        });
      else if (v.kind === 'left-alone') leftAlone.push({ node: declaration, name, reason: v.reason });
      else if (v.kind === 'port')
        leftAlone.push({
          node: declaration,
          name,
          reason: notOfAggregate(declaration, aggregate),
        });
      else if (implementable(name) && takesOnlyTheId(declaration, aggregate)) {
        // Several aggregates of one id type: a port that takes only an id could be any one's.
        const takers = aggregates.filter((a) => takesOnlyTheId(declaration, a));
        if (takers.length === 1) ports.push(declaration);
        else
          leftAlone.push({
            node: declaration,
            name,
            reason: `it takes only an id, which ${takers.map((a) => a.getName()).join(' and ')} share, so its aggregate is unknown`,
          });
      } else
        leftAlone.push({
          node: declaration,
          name,
          reason: notOfAggregate(declaration, aggregate),
        });
    }
    // The port with `save` first: its name, file and kind stand for the set where one is needed.
    const first = ports.find((p) => signatures(p).some((s) => s.name === 'save')) ?? ports[0];
    const token = portToken(first, tokens, projectRoot, aggregates.length > 1);
    return {
      aggregate,
      ports: [first, ...ports.filter((p) => p !== first)],
      ...(token && { token }),
      leftAlone: leftAlone
        .map(({ node, name, reason }) => ({
          name,
          location: locate(node, projectRoot),
          reason,
        }))
        .sort((a, b) => compareText(a.location.file, b.location.file) || a.location.line - b.location.line),
    };
  });
}

/**
 * The aggregate the feature names (`invoice` for Invoice, `ordering` for Order), else every aggregate a port writes, in
 * the order of their first port: a feature (a bounded context) may hold several.
 */
function chooseAggregates(
  groups: Map<AggregateDeclaration, PortDeclaration[]>,
  verdicts: Map<PortDeclaration, Verdict>,
  feature: string,
): AggregateDeclaration[] {
  const all = [...groups.keys()];
  if (all.length <= 1) return all;
  // The feature names one of them (`customer` in a folder of several aggregates' ports): that one, written or not,
  // so a port that only reads it is refused for what it lacks, not for the other aggregates beside it.
  const namedAny = all.filter((a) => namesFeature(a.getName() ?? '', feature));
  if (namedAny.length === 1) return namedAny;
  // Or one aggregate's port does: `reset-password` for `ResetPasswordRepository` of PasswordReset.
  const portNamed = all.filter((a) => groups.get(a)!.some((p) => namesFeature(portStem(p.getName() ?? ''), feature)));
  if (namedAny.length === 0 && portNamed.length === 1) return portNamed;
  // A class only returned (a read model without a suffix, a value object) loses to one a port writes.
  const written = all.filter((a) =>
    groups.get(a)!.some((p) => {
      const v = verdicts.get(p)!;
      return v.kind === 'port' && v.writes;
    }),
  );
  const candidates = written.length > 0 ? written : all;
  if (candidates.length === 1) return candidates;
  const named = candidates.filter((a) => namesFeature(a.getName() ?? '', feature));
  if (named.length === 1) return named;
  // `ordering` for Order: a feature named for what is done with the aggregate.
  const prefixed = named.length === 0 ? candidates.filter((a) => feature.startsWith(kebabCase(persistenceStem(a.getName() ?? '')))) : [];
  if (prefixed.length === 1) return prefixed;
  return candidates;
}

/** `Todos` whose methods take or return a Todo, `Categories` of Category: a port named as the collection it keeps. */
function isCollectionPort(declaration: PortDeclaration): boolean {
  const stems = collectionOf(declaration.getName() ?? '');
  if (stems.length === 0) return false;
  const named = (t: Type) => [t.getAliasSymbol()?.getName(), t.getSymbol()?.getName()];
  if (!signatures(declaration).some((s) => COLLECTION_METHOD.test(s.name))) return false;
  return signatures(declaration).some((s) =>
    [...s.parameters, s.returns].some((t) => leafTypes(t).some((leaf) => named(leaf).some((n) => n !== undefined && stems.includes(n)))),
  );
}

/** `ResetPassword` for `ResetPasswordRepository`, `IUserRepo`, `UserRepositoryInterface`. */
function portStem(portName: string): string {
  return portName.replace(IMPLEMENTABLE_PORT, '').replace(/^I(?=[A-Z][a-z])/, '');
}

function persistenceStem(className: string): string {
  return className.replace(/(Entity|AggregateRoot|Aggregate|Model)$/, '');
}

function folderText(portDir: string): string {
  return `${portDir}${portDir.endsWith('.ts') || portDir.includes('*') ? '' : '/'}`;
}

function verdict(declaration: PortDeclaration, implementable: (name: string) => boolean): Verdict {
  const name = declaration.getName() ?? '';
  const methods = signatures(declaration);
  const leaves = (types: Type[]) => types.flatMap((t) => leafTypes(t));
  const taken = methods.flatMap((m) => leaves(m.parameters));
  const returned = methods.flatMap((m) => leaves([m.returns]));
  const typeName = (t: Type) => t.getSymbol()?.getName() ?? t.getAliasSymbol()?.getName() ?? '';
  if (
    INBOUND_NAME.test(name) ||
    methods.some((m) => INBOUND_METHOD.has(m.name)) ||
    (!STORAGE_NAME.test(name) && taken.some((t) => INBOUND_TYPE.test(typeName(t)) && !PAGE_TYPE.test(typeName(t))))
  ) {
    return {
      kind: 'left-alone',
      reason: 'an inbound port: a use case the application implements, not storage',
    };
  }
  // Events travel in lists (`append(id, events: UserEvent[])`); a single `Event` that a save takes may be an aggregate (a calendar's).
  const listed = methods.flatMap((m) => [...m.parameters, m.returns]).flatMap((t) => listedTypes(t));
  const events = listed.map(typeName).filter((n) => /Event$/.test(n));
  if (events.length > 0 || EVENT_NAME.test(name)) {
    return {
      kind: 'left-alone',
      reason: `an event-store port: it stores or publishes events${events.length > 0 ? ` (${[...new Set(events)].join(', ')})` : ''}, not an aggregate`,
    };
  }
  if (!implementable(name))
    return {
      kind: 'left-alone',
      reason: 'not named like a repository port (…Repository, …Repo, …Port, …Store)',
    };
  const writtenClass = methods
    .filter((m) => WRITE_METHOD.test(m.name))
    .map((m) => m.parameters[0] && aggregateClass(leafTypes(m.parameters[0])[0], WRITTEN_NOT_AGGREGATE))
    .find((c) => c !== undefined);
  if (writtenClass) return { kind: 'port', aggregate: writtenClass, writes: true };
  // No class written: an interface or type alias of fields (`save(user: User)`, `findById(id): Promise<User | null>`) may be the aggregate.
  const writers = methods.filter((m) => WRITE_METHOD.test(m.name) && m.parameters[0] !== undefined);
  let refused: Written | undefined;
  const writtenRecords: AggregateDeclaration[] = [];
  for (const writer of writers) {
    const record = recordOf(writer.parameters[0], WRITTEN_NOT_AGGREGATE);
    if (record?.kind === 'record') writtenRecords.push(record.declaration);
    if (record?.kind === 'refused')
      refused ??= {
        method: writer.name,
        type: typeText(writer.parameters[0], declaration),
        refused: record,
      };
  }
  // `create(dto: CreateTodo)` beside `save(todo: Todo)`: the record with an id is the aggregate, the other its fields.
  const hasId = (d: AggregateDeclaration) => idCandidates(d.getName() ?? '').some((id) => d.getType().getProperty(id) !== undefined);
  const writtenRecord = writtenRecords.find(hasId);
  // The class the port is named for first (`EmployeeSalary` of EmployeeSalaryRepository beside its `getQueryBuilder()`).
  // A class only returned, with no id of its own, beside a written record with one is a result that wraps the
  // record (`update(product: Product): Promise<ProductUpdatedTuple>` of `{ old, new }`), not the aggregate.
  const returnedClasses = returned
    .map((t) => aggregateClass(t))
    .filter((c) => c !== undefined)
    .filter((c) => !writtenRecord || c.getName() === portStem(name) || hasId(c) || c.getType().getProperty('getId') !== undefined);
  const named = returnedClasses.find((c) => c.getName() === portStem(name));
  // `AuthenticateRepository { findStudentByEmail(): Promise<Student>; findTeacherByEmail(): Promise<Teacher> }`:
  // reads across aggregates, each of which has a repository of its own; joined to one, the other's method cannot be implemented.
  const classNames = [...new Set(returnedClasses.map((c) => c.getName() ?? ''))];
  if (!named && classNames.length > 1)
    return {
      kind: 'left-alone',
      reason: `a port across aggregates: it reads ${classNames.join(' and ')} and writes neither; gen implements one aggregate's repository, so write this one by hand (or split it into a method on each aggregate's port)`,
    };
  const returnedClass = named ?? returnedClasses[0];
  if (returnedClass) return { kind: 'port', aggregate: returnedClass, writes: false };
  const takenClass = methods
    .filter((m) => /^(delete|remove)/.test(m.name))
    .map((m) => m.parameters[0] && aggregateClass(leafTypes(m.parameters[0])[0]))
    .find((c) => c !== undefined);
  if (takenClass) return { kind: 'port', aggregate: takenClass, writes: true };
  if (writtenRecord) return { kind: 'port', aggregate: writtenRecord, writes: true };
  if (refused && writtenRecords.length === 0) return { kind: 'undecided', written: refused };
  // Only read: a record with an id (a statistics object has none) that a method returns, or the one the port is named for.
  const stem = name.replace(/^I(?=[A-Z][a-z])/, '').replace(IMPLEMENTABLE_PORT, '');
  const readRecords = methods
    .flatMap((m) => leafTypes(m.returns))
    .map((t) => recordOf(t, NOT_AGGREGATE))
    .flatMap((r) => (r?.kind === 'record' ? [r.declaration] : []));
  // No written record has an id (a natural key: `create(dto: CreateStaffDto)` beside `save(staff: Staff)`): the one the
  // port is named for, else one it also returns, whichever writer is declared first.
  const keyedRecord =
    writtenRecords.find((d) => d.getName() === stem) ?? writtenRecords.find((d) => (readRecords as AggregateDeclaration[]).includes(d));
  if (keyedRecord) return { kind: 'port', aggregate: keyedRecord, writes: true };
  const readRecord = readRecords.find((d) => d.getName() === stem) ?? readRecords.find(hasId);
  // Written only through a DTO without an id (`create(dto: CreateTodo): Promise<Todo>`): the record the port returns.
  if (readRecord)
    return {
      kind: 'port',
      aggregate: readRecord,
      writes: writtenRecords.length > 0,
    };
  if (writtenRecords[0]) return { kind: 'port', aggregate: writtenRecords[0], writes: true };
  if (refused) return { kind: 'undecided', written: refused };
  // `save(category: Partial<Category>)`: an object type that is not a record gen can store.
  const record = (t: Type | undefined) => t !== undefined && (t.isObject() || t.isIntersection()) && !t.isArray();
  const written = writers.find((m) => record(m.parameters[0]));
  if (!written) return { kind: 'undecided' };
  return {
    kind: 'undecided',
    written: {
      method: written.name,
      type: typeText(written.parameters[0], declaration),
    },
  };
}

/** As written when short (`Partial<Product>`); else its name (`User` for an intersection spelled out in full). */
function typeText(type: Type, at: Node): string {
  const full = type.getText(at);
  return full.length <= 60 ? full : (type.getAliasSymbol()?.getName() ?? type.getSymbol()?.getName() ?? `${full.slice(0, 57)}...`);
}

/** A one-method out-port that only takes the aggregate's id (`DeleteUserPort`): returns nothing richer than a count or a flag. */
function takesOnlyTheId(declaration: PortDeclaration, aggregate: AggregateDeclaration): boolean {
  const idSymbol = aggregate.getType().getProperty('id');
  if (!idSymbol) return false;
  const idType = idSymbol.getTypeAtLocation(aggregate);
  const idText = idType.getText(aggregate);
  // A plain `string` or `number` is any value's type (`sendEmail(to: string, token: string)`): it is the id only
  // where the parameter is named for one (`id`, `userId`).
  const primitive = idType.isString() || idType.isNumber();
  const methods = signatures(declaration);
  const plain = (t: Type) =>
    leafTypes(t).every((leaf) => leaf.isVoid() || leaf.isBoolean() || leaf.isBooleanLiteral() || leaf.isNumber() || leaf.isUndefined());
  return methods.every(
    (m) =>
      plain(m.returns) &&
      m.parameters.some(
        (p, i) =>
          (p.getText(aggregate) === idText || p.getText(declaration) === idText) &&
          (!primitive || /(^id|Id|ID)$/.test(m.parameterNames[i])),
      ),
  );
}

function notOfAggregate(declaration: PortDeclaration, aggregate: AggregateDeclaration): string {
  const returned = signatures(declaration)
    .flatMap((m) => leafTypes(m.returns))
    .filter((t) => t.isObject() && !t.isArray())
    .map((t) => t.getSymbol()?.getName() ?? t.getAliasSymbol()?.getName() ?? t.getText());
  if (returned.length > 0) return `a read-model port: it returns ${[...new Set(returned)].join(', ')}, not ${aggregate.getName()}`;
  return `none of its methods takes or returns ${aggregate.getName()} or its id`;
}

/** The port's methods as its type has them (inherited ones and a type alias's included). */
function signatures(declaration: PortDeclaration): Signature[] {
  const methods: Signature[] = [];
  for (const symbol of declaration.getType().getProperties()) {
    const signature = symbol.getTypeAtLocation(declaration).getCallSignatures()[0];
    if (!signature) continue;
    if (Node.isClassDeclaration(declaration) && !symbol.getDeclarations().some((d) => Node.isMethodDeclaration(d) && d.isAbstract()))
      continue;
    methods.push({
      name: symbol.getName(),
      parameters: signature.getParameters().map((p) => p.getTypeAtLocation(declaration)),
      parameterNames: signature.getParameters().map((p) => p.getName()),
      returns: signature.getReturnType(),
    });
  }
  return methods;
}

/** The named types inside a signature's type: through Promise, arrays, `| null`, and wrappers such as `Option<T>`. */
function leafTypes(type: Type, depth = 0): Type[] {
  if (depth > 4) return [];
  if (type.isUnion() && !type.isBoolean()) return type.getUnionTypes().flatMap((t) => leafTypes(t, depth + 1));
  if (type.isNull() || type.isUndefined()) return [];
  if (type.isArray()) return leafTypes(type.getArrayElementTypeOrThrow(), depth + 1);
  if (aggregateClass(type) || libraryAliased(type)) return [type];
  const args = [...type.getTypeArguments(), ...type.getAliasTypeArguments()];
  if (args.length > 0) return args.flatMap((t) => leafTypes(t, depth + 1));
  return [type];
}

/** A class of the project that may be an aggregate: not a DTO, command, event, id or props type. */
function aggregateClass(type: Type | undefined, excluded = NOT_AGGREGATE): ClassDeclaration | undefined {
  const declaration = type?.getSymbol()?.getDeclarations().find(Node.isClassDeclaration);
  if (!declaration || declaration.getSourceFile().isInNodeModules() || declaration.getSourceFile().isDeclarationFile()) return undefined;
  return excluded.test(declaration.getName() ?? '') ? undefined : declaration;
}

/** The element types of the lists inside a type (through Promise and unions). */
function listedTypes(type: Type, depth = 0): Type[] {
  if (depth > 4) return [];
  if (type.isArray()) return leafTypes(type.getArrayElementTypeOrThrow());
  if (type.isUnion() && !type.isBoolean()) return type.getUnionTypes().flatMap((t) => listedTypes(t, depth + 1));
  return [...type.getTypeArguments(), ...type.getAliasTypeArguments()].flatMap((t) => listedTypes(t, depth + 1));
}

/**
 * The token of a port: an abstract class is its own; else the exported token named for it (`ORDER_REPOSITORY` for
 * `OrderRepository`, `OrderRepositoryToken`), else the one token in the port's file, else the one in its folder.
 */
function portToken(port: PortDeclaration, tokens: readonly Node[], projectRoot: string, several: boolean): PortToken | undefined {
  const name = port.getName() ?? '';
  const tokenOf = (node: Node, tokenName: string): PortToken => ({
    name: tokenName,
    location: locate(node, projectRoot),
  });
  if (Node.isClassDeclaration(port) && name !== '') return tokenOf(port, name);
  const named = (node: Node) => (Node.isVariableDeclaration(node) ? node.getName() : '');
  const spelled = new Set([constantCase(name), `${name}Token`, `${constantCase(name)}_TOKEN`]);
  const chosen =
    tokens.find((t) => spelled.has(named(t))) ??
    only(tokens.filter((t) => t.getSourceFile() === port.getSourceFile())) ??
    // Beside several aggregates' ports, the folder's one token is not known to be this port's.
    (several ? undefined : only(tokens));
  return chosen && tokenOf(chosen, named(chosen));
}

function only<T>(items: readonly T[]): T | undefined {
  return items.length === 1 ? items[0] : undefined;
}

/** `Symbol('UserRepository')`, `Symbol.for(...)`, `new InjectionToken(...)`, or a string named like a token (`USER_REPOSITORY = 'UserRepository'`). */
function isToken(name: string, initializer: Node | undefined): boolean {
  if (!initializer) return false;
  if (Node.isStringLiteral(initializer) || Node.isNoSubstitutionTemplateLiteral(initializer))
    return /(REPOSITORY|_PORT|_TOKEN|Token)$/.test(name);
  if (Node.isCallExpression(initializer)) return /^Symbol(\.for)?$/.test(initializer.getExpression().getText());
  return Node.isNewExpression(initializer) && /InjectionToken$/.test(initializer.getExpression().getText());
}

function noPort(
  declarations: PortDeclaration[],
  verdicts: Map<PortDeclaration, Verdict>,
  portDir: string,
  projectRoot: string,
  empty: PortDeclaration[],
): GenError {
  const undecided = declarations.filter((d) => verdicts.get(d)!.kind === 'undecided');
  if (undecided.length === 0 && empty.length > 0) {
    const port = empty[0];
    return new GenError(
      `port ${port.getName()} declares no methods, so there is nothing to implement and no aggregate to store`,
      locate(port, projectRoot),
      `Declare its methods, at least \`save(aggregate: YourAggregate): Promise<void>\`; gen implements them.`,
    );
  }
  if (undecided.length === 1) {
    // One port that names no class: its save (or the lack of one) is what to fix.
    const port = undecided[0];
    const verdict = verdicts.get(port)!;
    const written = verdict.kind === 'undecided' ? verdict.written : undefined;
    if (written) return notAClass(port, written, projectRoot);
    const generated = persistenceTypes(port);
    if (generated.length > 0) {
      const [{ name, module }] = generated;
      return new GenError(
        `port ${port.getName()} takes or returns ${name} from ${module}, a persistence library's own type, not an aggregate of the domain: gen generates the persistence of a domain class or record`,
        locate(port, projectRoot),
        `Declare ${name} in the domain (a class, or an interface of its fields) and have ${port.getName()} take and return it; or keep this repository hand-written.`,
      );
    }
    const save = port.getType().getProperty('save');
    if (!save)
      return new GenError(
        `port ${port.getName()} has no save method, so its aggregate is unknown`,
        locate(port, projectRoot),
        'Add `save(aggregate: YourAggregate): Promise<void>` to the port.',
      );
    return new GenError(
      `${port.getName()}.save must take the aggregate root class as its first parameter`,
      locate(save.getDeclarations()[0] ?? port, projectRoot),
      'Declare it as `save(aggregate: YourAggregate): Promise<void>`, where YourAggregate is a class.',
    );
  }
  const seen = declarations.map((d) => {
    const v = verdicts.get(d)!;
    const why =
      v.kind === 'left-alone'
        ? v.reason
        : v.kind === 'undecided' && v.written
          ? `its ${v.written.method} takes ${v.written.type}, ${v.written.refused?.reason ?? 'which is neither a class nor a record of fields'}`
          : 'none of its methods takes or returns a class';
    return `${d.getName()} (${locate(d, projectRoot).file}:${d.getStartLineNumber()}: ${why})`;
  });
  const writers = declarations.filter((d) => {
    const v = verdicts.get(d)!;
    return v.kind === 'undecided' && v.written !== undefined;
  });
  if (writers.length === 1) {
    const v = verdicts.get(writers[0])!;
    if (v.kind === 'undecided' && v.written) return notAClass(writers[0], v.written, projectRoot, seen);
  }
  return new GenError(
    `no repository port found in ${folderText(portDir)}${seen.length > 0 ? `; left alone: ${seen.join(', ')}` : ''}`,
    undefined,
    'Complete the domain layer first: export an interface (or abstract class, or type) whose name ends in Repository, Repo or Port, with a save(aggregate) method.',
  );
}

/** A port that stores something gen cannot store as one aggregate: a union of records, a generic record, a `Partial<T>`. */
/**
 * The types a port's own file imports from a persistence library and uses (`import { Activity } from '@prisma/client'`
 * in `all(): Promise<Activity[]>`): the port stores the ORM's model, and there is no domain aggregate to read.
 */
function persistenceTypes(port: PortDeclaration): { name: string; module: string }[] {
  const used = new Set(port.getDescendantsOfKind(SyntaxKind.TypeReference).map((reference) => reference.getTypeName().getText()));
  return port
    .getSourceFile()
    .getImportDeclarations()
    .filter((declaration) => PERSISTENCE_IMPORT.test(declaration.getModuleSpecifierValue()))
    .flatMap((declaration) =>
      declaration
        .getNamedImports()
        .map((named) => named.getAliasNode()?.getText() ?? named.getName())
        .filter((name) => used.has(name))
        .map((name) => ({ name, module: declaration.getModuleSpecifierValue() })),
    );
}

function notAClass(port: PortDeclaration, written: Written, projectRoot: string, seen: string[] = []): GenError {
  // Where the port declares it; an inherited method (`Repository<T>.store` in a shared file) is told at the port.
  const method = port
    .getType()
    .getProperty(written.method)
    ?.getDeclarations()
    .find((d) => d.getSourceFile() === port.getSourceFile());
  const others = seen.length > 1 ? `; ports seen: ${seen.join(', ')}` : '';
  if (written.refused)
    return new GenError(
      `${port.getName()}.${written.method} takes ${written.type}, ${written.refused.reason}: gen stores one record of fields (or one class) per repository${others}`,
      locate(method ?? port, projectRoot),
      written.refused.decision,
    );
  return new GenError(
    `${port.getName()}.${written.method} takes ${written.type}, which is neither a class nor a record of fields gen can store${others}`,
    locate(method ?? port, projectRoot),
    `Make ${port.getName()} take and return the aggregate: a class, or an interface or type of its fields (\`interface X { id: string; ... }\`); or write this repository by hand.`,
  );
}

/**
 * The ports' methods as one list, in port order: a method two ports declare alike is one method; the same name
 * with different signatures cannot be implemented by one class, and stops generation naming both.
 */
export function mergePorts(models: readonly PortModel[], leftAlone: LeftAlone[]): PortModel {
  const first = models[0];
  const methods: PortMethod[] = [];
  const owner = new Map<string, PortModel>();
  for (const model of models) {
    for (const method of model.methods) {
      const seen = methods.find((m) => m.name === method.name);
      if (!seen) {
        methods.push(method);
        owner.set(method.name, model);
        continue;
      }
      if (shape(seen) !== shape(method)) {
        const other = owner.get(method.name)!;
        throw new GenError(
          `ports ${other.name} and ${model.name} both declare '${method.name}', differently: ${shape(seen)} (${seen.location.file}:${seen.location.line}) and ${shape(method)}, so one repository cannot implement both`,
          method.location,
          'Give the two methods the same signature, or different names.',
        );
      }
    }
  }
  // A class extends one class: two ports that each implement part of themselves cannot both be extended.
  const partial = models.flatMap((m) => m.ports).filter((p) => p.partial);
  if (partial.length > 1)
    throw new GenError(
      `ports ${partial.map((p) => p.name).join(' and ')} are abstract classes with members of their own (constructors, fields, helpers or a base class), so one repository cannot extend both`,
      partial[1].location,
      `Make one of them an interface (or an abstract class of abstract methods only), or keep the repository to one of them.`,
    );
  // What the extended port implements itself is the user's: another port declaring it (the interface the abstract
  // class implements) does not make it gen's to override.
  const inherited = new Set(partial[0]?.partial?.implemented ?? []);
  return {
    ...first,
    methods: methods.filter((m) => !inherited.has(m.name)),
    ports: models.flatMap((m) => m.ports),
    leftAlone,
  };
}

function shape(method: PortMethod): string {
  // Parameter names do not matter to an implementation; types do.
  const text = (use: TypeUse) => (use.type.kind === 'unknown' ? use.text : typeUseText(use));
  const parameters = method.parameters.map((p) => `${p.optional ? '?' : ''}${text(p.use)}`);
  const returns = method.async ? `Promise<${text(method.returns)}>` : text(method.returns);
  return `(${parameters.join(', ')}): ${returns}`;
}
