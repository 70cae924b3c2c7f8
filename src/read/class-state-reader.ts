import { isPublic } from './visibility.js';
import { pascalCase } from 'change-case';
import {
  Node,
  Scope,
  SyntaxKind,
  ts,
  type ClassDeclaration,
  type GetAccessorDeclaration,
  type MethodDeclaration,
  type ParameterDeclaration,
  type PropertyDeclaration,
  type Symbol as TsSymbol,
  type Type,
} from 'ts-morph';
import { GenError, type SourceLocation } from '../errors.js';
import type {
  FieldModel,
  ObjectArgument,
  Rehydration,
  RehydrationArgument,
  TypeUse,
  ValueType,
  WrappedArgument,
} from '../model/domain-model.js';
import { locate } from './source-location.js';
import { heldAggregatesError, isHeldAggregate, type HeldReference } from './aggregate-reference.js';
import { eventRecordedBy, idGeneratedBy, inConstructor, lockedBy } from './rebuild-side-effects.js';
import { constructorParameters, elementOf, unwrapOf } from './type-shapes.js';

/** What reading a class's state asks of the type classifier (read/type-classifier.ts), which reads each field's type. */
export interface UseClassifier {
  classifyUse(type: Type, at: Node): TypeUse;
}

/**
 * A value object's factories from its one value, tried after the rehydrators and before `create`: `fromHashed` is how
 * a Password is rebuilt from what was stored, where `create` would hash it again.
 */
export const VALUE_FACTORIES = ['of', 'from', 'fromValue', 'fromString', 'fromHashed'];

/**
 * Names that say a static method rebuilds a class from stored values, tried beside the configured `rehydrators` for the
 * other half of a `toPrimitives()` pair (toky-back's `Gift.reconstruct(primitives: GiftPrimitives)`).
 */
const REBUILD_FACTORIES = ['reconstruct', 'reconstitute', 'restore', 'rehydrate', 'fromPersistence', 'hydrate'];

export type StateStyle = 'constructor-properties' | 'props-object' | 'private-fields' | 'primitives';

export interface ClassState {
  style: StateStyle;
  fields: FieldModel[];
  rehydration: Rehydration;
  /** The primitives style: what, read after a dot, returns every stored field (`toPrimitives()`, a getter's `data`). */
  snapshot?: string;
}

/** A class that offers this pair is stored as what the first returns and rebuilt by the second. */
const PRIMITIVES = { write: 'toPrimitives', read: 'fromPrimitives' } as const;

interface StateMember {
  name: string;
  /** As declared: `_condition`, `#condition`. */
  raw: string;
  type: Type;
  node: Node;
  optional: boolean;
  mutable: boolean;
}

/**
 * Reads what a class stores and how to rebuild it, whichever of the common styles it is written in:
 * constructor parameter properties, a props object (`this.props`, `Entity<Props>`), or private fields
 * with getters. Fields are read through public properties, getters, or getX()/isX() methods; the class is
 * rebuilt through a rehydration factory, then `create`, then a public constructor, whichever takes all fields.
 */
export function readClassState(
  declaration: ClassDeclaration,
  classifier: UseClassifier,
  projectRoot: string,
  rehydrators: readonly string[],
): ClassState {
  const primitives =
    primitivesState(declaration, classifier, projectRoot, rehydrators) ?? snapshotState(declaration, classifier, projectRoot, rehydrators);
  if (primitives) return primitives;
  try {
    return memberState(declaration, classifier, projectRoot, rehydrators);
  } catch (error) {
    // Fields kept private behind a typed `toPrimitives()` with no `fromPrimitives`: stored as what it returns, when the
    // constructor or a factory takes those values, or value objects built from them (`new Member(new MemberId(id))`).
    const behind =
      error instanceof GenError
        ? snapshotState(
            declaration,
            classifier,
            projectRoot,
            rehydrators,
            [PRIMITIVES.write, ...OTHER_SNAPSHOTS, ...SNAPSHOT_GETTERS],
            wrapping(classifier),
          )
        : undefined;
    if (behind) return behind;
    if (!(error instanceof GenError)) throw error;
    throw heldStateRefusal(declaration, error, projectRoot) ?? withSnapshotHint(declaration, error);
  }
}

/**
 * The class keeps state in an object field that is not public (a base `Entity<T>`'s `protected _props: T`),
 * and the refusal is about that field (its type, or reading it): say so at the class's own line, naming the field as
 * declared, and the ways gen reads such a class. Undefined when the refusal is about something else.
 */
function heldStateRefusal(declaration: ClassDeclaration, error: GenError, projectRoot: string): GenError | undefined {
  const name = declaration.getName() ?? 'default';
  for (const symbol of declaration.getType().getProperties()) {
    const node = symbol.getDeclarations()[0];
    if (!node || !(Node.isParameterDeclaration(node) || Node.isPropertyDeclaration(node)) || isPublicMember(node)) continue;
    const shape = symbol.getTypeAtLocation(declaration);
    // An object of data (no methods: a RegExp or a service held is no state object).
    const data = shape
      .getProperties()
      .every((p) => !p.getName().startsWith('__@') && p.getTypeAtLocation(declaration).getCallSignatures().length === 0);
    if (!isRecordShape(shape) || shape.getProperties().length === 0 || !data) continue;
    const raw = symbol.getName();
    const at = locate(node, projectRoot);
    const bare = raw.replace(/^[_#]+/, '');
    const about =
      (error.location?.file === at.file && error.location?.line === at.line) ||
      error.message.includes(`'${raw}'`) ||
      error.message.includes(`field '${bare}' of ${name} `);
    if (!about) continue;
    const owner = node.getFirstAncestorByKind(SyntaxKind.ClassDeclaration);
    const where =
      owner && owner !== declaration ? ` (declared by its base class ${owner.getName() ?? 'default'} at ${at.file}:${at.line})` : '';
    const members = shape.getProperties().map((p) => p.getName());
    return new GenError(
      `${name} keeps state in the non-public field '${raw}'${where}, an object of ${members.join(', ')} that gen cannot read from outside ${name}`,
      locate(declaration, projectRoot),
      `Let ${name} hand out that state: a getter \`get data()\` (or \`snapshot\`, \`state\`, \`values\`) or a method \`toJSON()\` returning it whole, rebuilt by \`static fromData(data)\` (\`fromSnapshot\`, \`fromState\`, \`fromValues\`, \`fromJSON\`) or a constructor taking it; or public getters for each of ${members.join(', ')}.`,
    );
  }
  return undefined;
}

/**
 * A refusal of a class's own member where the class offers a typed `toPrimitives()`: it also says how gen would store
 * the class through it, which is often the smaller change (the constructor already takes those values, near enough).
 */
function withSnapshotHint(declaration: ClassDeclaration, error: GenError): GenError {
  const name = declaration.getName() ?? 'default';
  const write = declaration.getInstanceMethod(PRIMITIVES.write);
  const shape = write && isPublic(write) ? write.getReturnType() : undefined;
  if (!shape || !isRecordShape(shape) || !error.message.includes(` of ${name} `)) return error;
  const members = shape.getProperties().map((p) => p.getName());
  const hint = `Or store it as what ${PRIMITIVES.write}() returns: declare \`static ${PRIMITIVES.read}(primitives: ReturnType<${name}['${PRIMITIVES.write}']>): ${name}\`, or let its public constructor take ${members.join(', ')} (each that value, or a value object built from it).`;
  return new GenError(error.message, error.location, error.hint ? `${error.hint} ${hint}` : hint);
}

/** The class read through its members: public properties, getters, getX()/isX() methods, `props`. */
function memberState(
  declaration: ClassDeclaration,
  classifier: UseClassifier,
  projectRoot: string,
  rehydrators: readonly string[],
): ClassState {
  const name = declaration.getName() ?? 'default';
  const { style, members: own } = stateMembers(declaration);
  const members = withInheritedId(declaration, own).filter(
    (m) => !isUnusedDefault(declaration, m) && !isDerived(declaration, m, projectRoot),
  );
  if (members.length === 0) {
    throw new GenError(
      `class ${name} has no state to store`,
      locate(declaration, projectRoot),
      'Declare its state as constructor parameter properties, a props object, or private fields with getters.',
    );
  }
  const text = members.length === 1 ? textOfStringOrNumber(declaration, members[0].type) : undefined;
  // Value objects whose public reader already hands out their primitive: stored as it, rebuilt into the value object.
  const readAs = new Map<string, Type>();
  // Every member holding another aggregate, refused together: one decision for all of them.
  const held: HeldReference[] = [];
  const fields = members.map((member): FieldModel => {
    const location = locate(member.node, projectRoot);
    if (text)
      return {
        name: member.name,
        type: { kind: 'primitive', primitive: 'string' },
        optional: false,
        nullable: false,
        list: false,
        mutable: member.mutable,
        access: text,
        location,
      };
    const use = classifier.classifyUse(member.type, member.node);
    if (isHeldAggregate(use)) {
      held.push({ member: member.name, use, location });
      return { name: member.name, type: use.type, optional: false, nullable: false, list: use.list, mutable: false, access: '', location };
    }
    checkStorable(use, member.name, name, location);
    const optional = member.optional || use.absent === 'undefined';
    if (use.collection && (optional || use.absent === 'null')) {
      throw new GenError(
        `collection '${member.name}' of ${name} may be absent, but a stored ${name} always has it (maybe empty)`,
        location,
        `Declare it as ${member.name}: ${use.collection.className} and use an empty ${use.collection.className} for "none".`,
      );
    }
    const access = readThrough(declaration, member, members.length === 1, location);
    const unwrapped = unwrappedBy(declaration, access, use, optional, classifier);
    if (unwrapped) readAs.set(member.name, unwrapped.read);
    return {
      name: member.name,
      type: unwrapped?.type ?? use.type,
      optional,
      nullable: use.absent === 'null',
      list: use.list,
      mutable: member.mutable,
      access: use.collection ? `${access}${use.collection.itemsAccess}` : access,
      location,
      ...(use.collection ? { collection: use.collection } : {}),
      ...(use.inPlace && inPlaceThrough(declaration, access) !== false ? { inPlace: use.inPlace } : {}),
    };
  });
  if (held.length > 0)
    throw heldAggregatesError(
      name,
      held,
      members.map((m) => m.name),
    );
  // Beside a `toPrimitives(): any`, fromPrimitives takes that untyped snapshot, not the members: never a rehydrator here.
  const untypedSnapshot = declaration.getInstanceMethod(PRIMITIVES.write)?.getReturnType().isAny() ?? false;
  return {
    style,
    fields,
    rehydration: rehydration(
      declaration,
      fields,
      projectRoot,
      untypedSnapshot ? rehydrators.filter((r) => r !== PRIMITIVES.read) : rehydrators,
      readAs.size > 0 ? readAs : undefined,
      readAs.size > 0 ? wrapping(classifier)(fields) : undefined,
      style === 'props-object' ? undefined : new Map(members.map((m) => [m.name, m])),
    ),
  };
}

/**
 * A single-value object member read through a getter or method that returns its primitive, not the value object
 * (`get name(): string { return this.props.name.getValue(); }` over `name: NameVo`): what the reader gives is what is
 * stored, a primitive field, and the rebuild builds the value object from it (see `wrapping`). Undefined otherwise.
 */
function unwrappedBy(
  declaration: ClassDeclaration,
  access: string,
  use: TypeUse,
  optional: boolean,
  classifier: UseClassifier,
): { type: ValueType; read: Type } | undefined {
  const vo = use.type;
  if (vo.kind !== 'value-object' || vo.brand || use.list || use.collection || optional || use.absent !== 'none') return undefined;
  const reader = /^\.(\w+)(\(\))?$/.exec(access);
  const property = reader ? declaration.getType().getProperty(reader[1]) : undefined;
  const node = property?.getDeclarations()[0];
  if (!reader || !property || !node) return undefined;
  const type = property.getTypeAtLocation(declaration);
  const read = reader[2] ? type.getCallSignatures()[0]?.getReturnType() : type;
  if (!read) return undefined;
  try {
    const given = classifier.classifyUse(read, node);
    if (given.type.kind !== 'primitive' || given.list || given.absent !== 'none' || given.type.primitive !== vo.primitive) return undefined;
    return { type: given.type, read };
  } catch (error) {
    if (error instanceof GenError) return undefined;
    throw error;
  }
}

/**
 * `toPrimitives(): XPrimitives` with `static fromPrimitives(p: XPrimitives)`: the members of XPrimitives are
 * the stored fields, written from one `toPrimitives()` call and rebuilt through `fromPrimitives({ ... })`.
 * A value object whose `toPrimitives()` returns one value (`string`) is a single-value object.
 * Without `fromPrimitives`, a rehydrator of another name that takes exactly what a record-typed `toPrimitives()` returns
 * (`static reconstruct(primitives: GiftPrimitives)`, value objects flattened into `imageUrl`, `imageKey`) is the pair's
 * other half just the same.
 */
function primitivesState(
  declaration: ClassDeclaration,
  classifier: UseClassifier,
  projectRoot: string,
  rehydrators: readonly string[],
): ClassState | undefined {
  const write = declaration.getInstanceMethod(PRIMITIVES.write);
  const visible = (method: { getScope(): Scope | undefined } | undefined) => method !== undefined && isPublic(method);
  if (!write || !Node.isMethodDeclaration(write) || !visible(write)) return undefined;
  const read = declaration.getStaticMethod(PRIMITIVES.read) ?? primitivesRehydrator(declaration, write, rehydrators);
  if (!read || !visible(read)) return undefined;
  const name = declaration.getName() ?? 'default';
  const location = locate(write, projectRoot);
  if (write.getParameters().some((p) => !p.isOptional())) {
    throw new GenError(
      `${name}.${PRIMITIVES.write}() takes parameters, so gen cannot call it to store ${name}`,
      location,
      `Make ${PRIMITIVES.write}() take none: it should return everything ${name} stores.`,
    );
  }
  const shape = write.getReturnType();
  // `toPrimitives(): any` (or unknown) says nothing about what is stored: read the class through its members instead.
  if (shape.isAny() || shape.isUnknown()) return undefined;
  const method = read.getName();
  const rebuildHint = `Declare \`static ${method}(primitives: ReturnType<${name}['${PRIMITIVES.write}']>): ${name}\`, taking exactly what ${PRIMITIVES.write}() returns.`;
  const unwrap = unwrapOf(read.getReturnType(), declaration);
  if (unwrap === null) throw new GenError(`${name}.${method} does not return a ${name}`, locate(read, projectRoot), rebuildHint);
  const call = { kind: 'static' as const, method };
  if (!isRecordShape(shape)) {
    // One value: a single-value object stored as that value.
    const use = classifier.classifyUse(shape, write);
    checkStorable(use, 'value', name, location);
    const field: FieldModel = {
      name: 'value',
      type: use.type,
      optional: use.absent === 'undefined',
      nullable: use.absent === 'null',
      list: use.list,
      mutable: false,
      access: `.${PRIMITIVES.write}()`,
      location,
    };
    if (
      read.getParameters().length === 0 ||
      read
        .getParameters()
        .slice(1)
        .some((p) => !p.isOptional())
    )
      throw new GenError(`${name}.${method} must take the one value ${PRIMITIVES.write}() returns`, locate(read, projectRoot), rebuildHint);
    return {
      style: 'primitives',
      fields: [field],
      rehydration: {
        call,
        arguments: [{ kind: 'field', field: 'value' }],
        ...(unwrap ? { unwrap } : {}),
      },
      snapshot: `${PRIMITIVES.write}()`,
    };
  }
  const fields = shape
    .getProperties()
    .map((symbol) =>
      snapshotField(
        symbol,
        typedSnapshotMember(declaration, symbol, symbol.getTypeAtLocation(write), write, PRIMITIVES.write, projectRoot),
        write,
        `${PRIMITIVES.write}()`,
        name,
        classifier,
        projectRoot,
      ),
    );
  if (fields.length === 0)
    throw new GenError(`${name}.${PRIMITIVES.write}() returns nothing to store`, location, `Return an object with every field of ${name}.`);
  const args = bindParameters(
    read.getParameters().map((p) => ({
      name: p.getName(),
      type: p.getType(),
      optional: p.isOptional(),
    })),
    new Set(fields.map((f) => f.name)),
    declaration,
  );
  if (!args) {
    throw new GenError(
      `${name}.${method} does not take what ${PRIMITIVES.write}() returns (${fields.map((f) => f.name).join(', ')})`,
      locate(read, projectRoot),
      rebuildHint,
    );
  }
  return {
    style: 'primitives',
    fields,
    rehydration: { call, arguments: args, ...(unwrap ? { unwrap } : {}) },
    snapshot: `${PRIMITIVES.write}()`,
  };
}

/**
 * The rehydrator (`reconstruct`, `restore`, ... in their order) whose parameters take exactly the members of what a
 * record-typed `toPrimitives()` returns, each of a type it accepts, returning the class: undefined when none does, and
 * the class is read as before. One that returns something else (`Result<Gift>` aside) is not it.
 */
function primitivesRehydrator(
  declaration: ClassDeclaration,
  write: MethodDeclaration,
  rehydrators: readonly string[],
): MethodDeclaration | undefined {
  const shape = write.getReturnType();
  if (shape.isAny() || shape.isUnknown() || !isRecordShape(shape) || shape.getProperties().length === 0) return undefined;
  const types = new Map(shape.getProperties().map((symbol) => [symbol.getName(), symbol.getTypeAtLocation(write)]));
  if ([...types.values()].some((type) => type.isAny())) return undefined;
  const names = new Set(types.keys());
  for (const method of new Set([...rehydrators, ...REBUILD_FACTORIES])) {
    if (method === PRIMITIVES.read) continue;
    const factory = declaration.getStaticMethod(method);
    if (!factory || !isPublic(factory) || unwrapOf(factory.getReturnType(), declaration) === null) continue;
    const parameters = factory.getParameters().map((p) => ({ name: p.getName(), type: p.getType(), optional: p.isOptional() }));
    if (bindParameters(parameters, names, declaration, types)) return factory;
  }
  return undefined;
}

/**
 * A member of the snapshot typed `any` (`total: any` in OrderPrimitives) holds what the class's own member of that name
 * gives from its snapshot method (`this.total.toPrimitives()` of a Money): that typed result is what is stored. With no
 * such member, or one whose snapshot is untyped too, the columns are the user's to say.
 */
function typedSnapshotMember(
  declaration: ClassDeclaration,
  symbol: TsSymbol,
  type: Type,
  write: Node,
  method: string,
  projectRoot: string,
): Type {
  if (!type.isAny()) return type;
  const member = symbol.getName();
  const own = declaration.getType().getProperty(member)?.getTypeAtLocation(declaration).getNonNullableType();
  const valueClass = own?.getSymbol()?.getDeclarations().find(Node.isClassDeclaration);
  const snapshot = valueClass && [method, PRIMITIVES.write].map((m) => valueClass.getInstanceMethod(m)).find((m) => m !== undefined);
  const returned = snapshot?.getReturnType();
  if (returned && !returned.isAny() && !returned.isUnknown()) return returned;
  const name = declaration.getName() ?? 'default';
  throw new GenError(
    `member '${member}' of what ${name}.${SNAPSHOT_GETTERS.includes(method) ? method : `${method}()`} returns is typed any, so gen cannot tell which columns store it${valueClass ? ` (${valueClass.getName()}.${snapshot?.getName() ?? PRIMITIVES.write}() is untyped too)` : ''}`,
    locate(symbol.getDeclarations()[0] ?? write, projectRoot),
    `Type it as what is stored: a primitive, an object of primitives (\`${member}: { amount: number; currency: string }\`), or the primitives type of its value object.`,
  );
}

/** One member of what a snapshot method (`toPrimitives()`, `toJSON()`) returns, as a field read from that call. */
function snapshotField(
  symbol: TsSymbol,
  type: Type,
  write: Node,
  /** How the snapshot is read after the dot: `toPrimitives()`, or a getter's `data`. */
  call: string,
  owner: string,
  classifier: UseClassifier,
  projectRoot: string,
): FieldModel {
  const node = symbol.getDeclarations()[0] ?? write;
  const use = classifier.classifyUse(type, node);
  const member = symbol.getName();
  checkStorable(use, member, owner, locate(node, projectRoot));
  return {
    name: member,
    type: use.type,
    optional: symbol.hasFlags(ts.SymbolFlags.Optional) || use.absent === 'undefined',
    nullable: use.absent === 'null',
    list: use.list,
    mutable: false,
    access: `.${call}${/^[A-Za-z_$][\w$]*$/.test(member) ? `.${member}` : `[${JSON.stringify(member)}]`}`,
    location: locate(node, projectRoot),
  };
}

/**
 * A plain object of fields, as a snapshot method returns: an object type (not a list, class, function or Date), or
 * an intersection of them (`{ id: string } & UserProps`), whose members are those of its parts.
 */
function isRecordShape(shape: Type): boolean {
  if (shape.isIntersection()) return shape.getIntersectionTypes().every(isRecordShape);
  return (
    shape.isObject() &&
    !shape.isArray() &&
    !shape.isClass() &&
    shape.getCallSignatures().length === 0 &&
    shape.getSymbol()?.getName() !== 'Date'
  );
}

/** Methods whose one call returns every stored field as a plain object, besides `toPrimitives`. */
const SNAPSHOTS = ['toJSON', 'export'];
/**
 * Other names for such a method, tried only where a member cannot be read otherwise (a private field with no getter):
 * a class whose members are public is read through them, as before.
 */
const OTHER_SNAPSHOTS = ['toObject', 'toPlainObject', 'toPlain', 'serialize', 'toSnapshot', 'getSnapshot'];
/**
 * Getters that hand out the whole state (`get data(): OddsProps`), tried as OTHER_SNAPSHOTS are: only where a member
 * cannot be read otherwise (the state kept in a protected `_props`). Rebuilt by the matching `fromData`/`fromSnapshot`/...
 * (SNAPSHOT_REBUILDS), a rehydration factory, `create` or the constructor.
 */
const SNAPSHOT_GETTERS = ['data', 'snapshot', 'state', 'values'];
const SNAPSHOT_REBUILDS = ['fromJSON', 'import', 'fromData', 'fromSnapshot', 'fromState', 'fromValues'];

/**
 * `toJSON(): InvoiceJson` or `export()`: the members of what it returns are the stored fields, written from one
 * call, when the class can be rebuilt from exactly those values (a factory or constructor whose parameters take
 * them, types checked). Otherwise undefined, and the class is read through its members as usual.
 */
function snapshotState(
  declaration: ClassDeclaration,
  classifier: UseClassifier,
  projectRoot: string,
  rehydrators: readonly string[],
  methods: readonly string[] = SNAPSHOTS,
  wrap?: (fields: readonly FieldModel[]) => Wrap,
): ClassState | undefined {
  for (const method of methods) {
    const getter = SNAPSHOT_GETTERS.includes(method);
    const write = getter ? declaration.getGetAccessor(method) : declaration.getInstanceMethod(method);
    if (!write || write.isStatic() || !isPublic(write)) continue;
    if (Node.isMethodDeclaration(write) ? write.getParameters().some((p) => !p.isOptional()) : !getter) continue;
    const call = getter ? method : `${method}()`;
    const shape = write.getReturnType();
    if (!isRecordShape(shape) || shape.getProperties().length === 0 || leavesOutPublicProperty(declaration, shape)) continue;
    const types = new Map(shape.getProperties().map((symbol) => [symbol.getName(), symbol.getTypeAtLocation(write)]));
    try {
      const fields = shape
        .getProperties()
        .map((symbol) =>
          snapshotField(
            symbol,
            typedSnapshotMember(declaration, symbol, types.get(symbol.getName())!, write, method, projectRoot),
            write,
            call,
            declaration.getName() ?? 'default',
            classifier,
            projectRoot,
          ),
        );
      return {
        style: 'primitives',
        fields,
        rehydration: rehydration(declaration, fields, projectRoot, [...rehydrators, ...SNAPSHOT_REBUILDS], types, wrap?.(fields)),
        snapshot: call,
      };
    } catch (error) {
      if (error instanceof GenError) continue;
      throw error;
    }
  }
  return undefined;
}

/**
 * A snapshot that leaves out a public property the class declares (`toJSON()` returning a user without its password,
 * an inner entity without its id) is a view written for responses, not the stored state: read through it, that
 * value would be lost on every load. The class is then read through its members.
 */
function leavesOutPublicProperty(declaration: ClassDeclaration, shape: Type): boolean {
  const returned = new Set(shape.getProperties().map((p) => p.getName()));
  return declaration.getInstanceProperties().some((property) => {
    if (!(Node.isPropertyDeclaration(property) || Node.isParameterDeclaration(property)) || !isPublic(property)) return false;
    const name = property.getName();
    const type = property.getType();
    // Functions, event lists and constants are not state (as in declaredBeside).
    if (returned.has(name) || type.getCallSignatures().length > 0 || isEventList(type, name)) return false;
    if (Node.isPropertyDeclaration(property) && property.hasDeclareKeyword()) return false;
    // `readonly label = ...` is set once from what the class holds: derived, as a view may well leave it out.
    if (Node.isPropertyDeclaration(property) && property.isReadonly() && property.hasInitializer()) return false;
    return !(property.isReadonly() && (type.isLiteral() || type.isBooleanLiteral()));
  });
}

function checkStorable(use: TypeUse, field: string, owner: string, location: SourceLocation): void {
  const kind = use.type.kind;
  if (isHeldAggregate(use)) throw heldAggregatesError(owner, [{ member: field, use, location }], []);
  if (kind === 'aggregate') {
    // A state object holding its aggregate (`CheckInStatus.checkIn`, a state pattern), or one aggregate inside another.
    throw new GenError(
      `field '${field}' of ${owner} holds the aggregate ${use.type.name}, which gen does not store inside another value`,
      location,
      `Keep the reference out of the stored state (rebuild it in the factory that builds ${owner}), or store ${use.type.name}'s id instead (\`${field}Id\`).`,
    );
  }
  if (kind === 'void' || kind === 'page' || kind === 'unknown') {
    throw new GenError(
      `field '${field}' of ${owner} has unsupported type '${use.text}'`,
      location,
      'Give it a type gen can store: a primitive, an enum, a value object, or a list or object of them.',
    );
  }
}

/**
 * A props object under another name (`private constructor(private readonly snap: UserSnapshot)`): the one constructor
 * parameter property, not public, typed as an object of fields of the project (no class), that public getters read
 * from (one of its members is readable by name from outside). Undefined otherwise.
 */
function propsParameter(declaration: ClassDeclaration): ReturnType<Type['getProperty']> {
  const ctor = declaration.getConstructors().find((c) => c.isImplementation()) ?? declaration.getConstructors()[0];
  const properties = ctor?.getParameters().filter((p) => p.isParameterProperty()) ?? [];
  if (properties.length !== 1 || isPublic(properties[0])) return undefined;
  const parameter = properties[0];
  const shape = parameter.getType();
  const declared = (shape.getAliasSymbol() ?? shape.getSymbol())?.getDeclarations() ?? [];
  if (
    !shape.isObject() ||
    shape.isClass() ||
    shape.isArray() ||
    shape.getCallSignatures().length > 0 ||
    declared.length === 0 ||
    declared.some((d) => d.getSourceFile().isInNodeModules() || Node.isClassDeclaration(d))
  )
    return undefined;
  const members = shape.getProperties().map((m) => m.getName());
  const type = declaration.getType();
  const read = members.some(
    (name) =>
      type
        .getProperty(name)
        ?.getDeclarations()
        .some((d) => isPublicMember(d)) === true,
  );
  return members.length >= 2 && read ? type.getProperty(parameter.getName()) : undefined;
}

function stateMembers(declaration: ClassDeclaration): { style: StateStyle; members: StateMember[] } {
  const type = declaration.getType();
  const props = type.getProperty('props') ?? propsParameter(declaration);
  if (props) {
    const propsType = props.getTypeAtLocation(declaration);
    const members = propsType
      .getProperties()
      .map((symbol) =>
        memberOf(
          symbol.getName(),
          symbol.getTypeAtLocation(declaration),
          symbol.getDeclarations()[0] ?? declaration,
          symbol.hasFlags(ts.SymbolFlags.Optional),
          false,
        ),
      );
    // The id the class exposes (an Entity base's `get id()` over `_id`) is the one stored, even where the props also
    // declare an optional `id?` (bike_share_api's `BikeProps { id?: UniqueEntityId }`, which create() never sets). A
    // required props id, or a getter that reads the props' own id (`get id() { return this.props.id.value }`), is the
    // props' id seen from outside: the props' member (its type, its place in the rebuild) stays.
    const id = type.getProperty('id');
    const idNode = id?.getDeclarations()[0];
    const propsId = members.findIndex((m) => m.name === 'id');
    const keptBeside =
      propsId >= 0 &&
      members[propsId].optional &&
      idNode !== undefined &&
      !propsType.getProperty('id')?.getDeclarations().includes(idNode) &&
      !readsPropsId(idNode, props.getName());
    if (id && (propsId < 0 || keptBeside)) {
      if (propsId >= 0) members.splice(propsId, 1);
      members.unshift(memberOf('id', id.getTypeAtLocation(declaration), idNode ?? declaration, false, false));
    }
    // What an Entity base keeps beside the props, read as tsc sees it from this class.
    for (const name of BASE_STATE) {
      const symbol = type.getProperty(name);
      const node = symbol?.getDeclarations()[0];
      if (!symbol || !node || members.some((m) => m.name === name) || !isPublicMember(node)) continue;
      members.push(memberOf(name, symbol.getTypeAtLocation(declaration), node, symbol.hasFlags(ts.SymbolFlags.Optional), false));
    }
    return {
      style: 'props-object',
      members: members.filter((m) => !isEventList(m.type, m.name)),
    };
  }
  const ctor = declaration.getConstructors().find((c) => c.isImplementation()) ?? declaration.getConstructors()[0];
  // A parameter that may be left out and holds events (`private readonly events: DomainEvent[] = []`) is no state.
  const parameters =
    ctor?.getParameters().filter((p) => p.isParameterProperty() && !(p.isOptional() && isEventList(p.getType(), p.getName()))) ?? [];
  if (parameters.length > 0) {
    const members = parameters.map((p) => memberOf(p.getName(), p.getType(), p, p.hasQuestionToken(), !p.isReadonly() && isPublic(p)));
    return {
      style: 'constructor-properties',
      members: [...members, ...declaredBeside(declaration, members)],
    };
  }
  let written: WrittenNames | undefined;
  const writtenOnce = () => (written ??= writtenNames(declaration));
  // A method written as an arrow-function property (`getEmail = () => this.email`) is behaviour, not state.
  const fields = declaration
    .getProperties()
    .filter(
      (p) =>
        !p.isStatic() &&
        !isEventList(p.getType(), p.getName()) &&
        !isInstanceConstant(p, writtenOnce) &&
        !(Node.isArrowFunction(p.getInitializer()) || Node.isFunctionExpression(p.getInitializer())),
    );
  const base = declaration.getBaseClass();
  if (fields.length === 0 && base && !base.getSourceFile().isInNodeModules()) {
    // All of it inherited (`class UserId extends Identifier<string>`): the base's members, typed as seen from here.
    const inherited = stateMembers(base);
    const type = declaration.getType();
    return {
      style: inherited.style,
      members: inherited.members.map((m) => ({
        ...m,
        type: type.getProperty(m.raw)?.getTypeAtLocation(declaration) ?? m.type,
      })),
    };
  }
  const own = fields.map((p) => memberOf(p.getName(), p.getType(), p, p.hasQuestionToken(), !p.isReadonly() && isPublic(p)));
  const withBaseParameters = [...own, ...baseParameterProperties(declaration, new Set(own.map((m) => m.name)))];
  return {
    style: 'private-fields',
    members: [...withBaseParameters, ...baseFields(declaration, withBaseParameters)],
  };
}

/** Whether a getter reads the props' own id: `get id() { return this.props.id.value }` (or `this.snap.id`). */
function readsPropsId(node: Node, propsName: string): boolean {
  if (!Node.isGetAccessorDeclaration(node)) return false;
  return node.getDescendantsOfKind(SyntaxKind.PropertyAccessExpression).some((access) => {
    const object = access.getExpression();
    return (
      access.getName() === 'id' &&
      Node.isPropertyAccessExpression(object) &&
      object.getName() === propsName &&
      Node.isThisExpression(object.getExpression())
    );
  });
}

/**
 * Public parameter properties of a project base class's constructor (a DomainEntity's `constructor(public readonly id:
 * string, public readonly createdAt: Date, public updatedAt: Date)`): state the class holds beside its own private
 * fields, which a save storing only those would lose and a rebuild through create() would reset. The id is left to
 * withInheritedId.
 */
function baseParameterProperties(declaration: ClassDeclaration, taken: ReadonlySet<string>): StateMember[] {
  const names = new Set(taken);
  const members: StateMember[] = [];
  for (let base = declaration.getBaseClass(); base && !base.getSourceFile().isInNodeModules(); base = base.getBaseClass()) {
    const constructor = base.getConstructors().find((c) => c.isImplementation()) ?? base.getConstructors()[0];
    for (const parameter of constructor?.getParameters() ?? []) {
      const raw = parameter.getName();
      const name = raw.replace(/^[_#]/, '');
      if (!parameter.isParameterProperty() || !isPublic(parameter) || names.has(name) || ID_NAMES.includes(name)) continue;
      const type = declaration.getType().getProperty(raw)?.getTypeAtLocation(declaration) ?? parameter.getType();
      if (type.getCallSignatures().length > 0 || isEventList(type, raw)) continue;
      names.add(name);
      members.push(memberOf(raw, type, parameter, parameter.hasQuestionToken(), !parameter.isReadonly()));
    }
  }
  return members;
}

/**
 * Fields a project base class declares (`protected _createdAt: Date`, `private _deletedAt: Date | null = null` behind a
 * public getter): state the aggregate holds as much as its own fields, which a save storing only those would silently
 * lose. Taken like the class's own fields, readable or not, so that one it cannot read or rebuild is refused by name.
 */
function baseFields(declaration: ClassDeclaration, taken: readonly StateMember[]): StateMember[] {
  const names = new Set(taken.flatMap((m) => [m.name, m.raw]));
  const type = declaration.getType();
  const members: StateMember[] = [];
  for (let base = declaration.getBaseClass(); base && !base.getSourceFile().isInNodeModules(); base = base.getBaseClass()) {
    let written: WrittenNames | undefined;
    const writtenOnce = () => (written ??= writtenNames(base));
    for (const property of base.getProperties()) {
      const raw = property.getName();
      const name = raw.replace(/^[_#]/, '');
      // A symbol-keyed member (`[IS_AUTO_COMMIT_ENABLED] = false` in @nestjs/cqrs's AggregateRoot) is the framework's flag.
      if (raw.startsWith('[') || property.isStatic() || property.hasDeclareKeyword() || names.has(name) || names.has(raw)) continue;
      if (ID_NAMES.includes(name)) continue;
      const memberType = type.getProperty(raw)?.getTypeAtLocation(declaration) ?? property.getType();
      if (memberType.getCallSignatures().length > 0 || isEventList(memberType, raw) || isInstanceConstant(property, writtenOnce)) continue;
      if (Node.isArrowFunction(property.getInitializer()) || Node.isFunctionExpression(property.getInitializer())) continue;
      if (property.isReadonly() && (memberType.isLiteral() || memberType.isBooleanLiteral())) continue;
      names.add(name);
      members.push(memberOf(raw, memberType, property, property.hasQuestionToken(), !property.isReadonly() && isPublic(property)));
    }
  }
  return members;
}

/**
 * Properties declared beside the constructor's parameter properties, in the class or a base class of the project
 * (`status = 'active'`, a base's `updatedAt: Date`): state too, which a save that stored only the parameters would
 * lose. Those the class lets others read (public, or behind a public getter); functions, event lists and constants
 * are not state.
 */
function declaredBeside(declaration: ClassDeclaration, parameters: readonly StateMember[]): StateMember[] {
  const taken = new Set(parameters.flatMap((m) => [m.name, m.raw]));
  const type = declaration.getType();
  const members: StateMember[] = [];
  for (const symbol of type.getProperties()) {
    const node = symbol.getDeclarations()[0];
    if (!node || !Node.isPropertyDeclaration(node) || node.isStatic() || node.getSourceFile().isInNodeModules()) continue;
    const raw = node.getName();
    const name = raw.replace(/^[_#]/, '');
    const memberType = symbol.getTypeAtLocation(declaration);
    if (taken.has(name) || taken.has(raw) || memberType.getCallSignatures().length > 0 || isEventList(memberType, raw)) continue;
    // A constant (`readonly kind = 'money'`, a discriminant) or a `declare`d brand is the same in every instance.
    if (node.hasDeclareKeyword() || (node.isReadonly() && (memberType.isLiteral() || memberType.isBooleanLiteral()))) continue;
    const open = isPublic(node);
    const getter =
      raw !== name &&
      type
        .getProperty(name)
        ?.getDeclarations()
        .some((d) => Node.isGetAccessorDeclaration(d) && isPublic(d));
    if (!open && !getter && returningAccessors(declaration, raw).length === 0) continue;
    members.push(memberOf(raw, memberType, node, node.hasQuestionToken(), open && !node.isReadonly()));
  }
  return members;
}

/**
 * A field only the class sees, set to a literal where it is declared and never written again (`private emailExpression
 * = /^...$/i`, `private readonly max = 80`): the same in every instance, so no state, as a static would be. A public
 * field that is not readonly is state however it starts: anyone may set it.
 */
function isInstanceConstant(property: PropertyDeclaration, written: () => WrittenNames): boolean {
  const initializer = property.getInitializer();
  if (!initializer || (isPublic(property) && !property.isReadonly())) return false;
  const literal =
    Node.isRegularExpressionLiteral(initializer) ||
    Node.isStringLiteral(initializer) ||
    Node.isNumericLiteral(initializer) ||
    Node.isNoSubstitutionTemplateLiteral(initializer) ||
    Node.isTrueLiteral(initializer) ||
    Node.isFalseLiteral(initializer);
  // Written anywhere in the class (`this.max = 3`, `this.count++`), or under any name, it is state after all.
  if (!literal) return false;
  const names = written();
  return names !== 'any' && !names.has(property.getName());
}

/** The names a class writes through `this` (`this.max = 3`, `this.count++`), or `any` when it may write any name. */
type WrittenNames = ReadonlySet<string> | 'any';

function writtenNames(declaration: ClassDeclaration): WrittenNames {
  // `Object.assign(this, props)` or `this[key] = ...` may write a field under any name.
  const writesAnyName =
    declaration.getDescendantsOfKind(ts.SyntaxKind.CallExpression).some((call) => /^Object\.assign\(\s*this\b/.test(call.getText())) ||
    declaration.getDescendantsOfKind(ts.SyntaxKind.ElementAccessExpression).some((access) => Node.isThisExpression(access.getExpression()));
  if (writesAnyName) return 'any';
  const assigns = (kind: ts.SyntaxKind) => kind >= ts.SyntaxKind.FirstAssignment && kind <= ts.SyntaxKind.LastAssignment;
  const steps = (kind: ts.SyntaxKind) => kind === ts.SyntaxKind.PlusPlusToken || kind === ts.SyntaxKind.MinusMinusToken;
  const names = new Set<string>();
  for (const access of declaration.getDescendantsOfKind(ts.SyntaxKind.PropertyAccessExpression)) {
    if (!Node.isThisExpression(access.getExpression())) continue;
    const parent = access.getParent();
    if (
      (Node.isBinaryExpression(parent) && parent.getLeft() === access && assigns(parent.getOperatorToken().getKind())) ||
      (Node.isPrefixUnaryExpression(parent) && steps(parent.getOperatorToken())) ||
      Node.isPostfixUnaryExpression(parent) ||
      Node.isDeleteExpression(parent)
    )
      names.add(access.getName());
  }
  return names;
}

/** Names a class's identity goes by, besides `id` and `<class>Id` (aggregate-reader.ts picks among them). */
export const ID_NAMES = ['id', 'guid', 'uuid', 'uid'];

/**
 * An id that a base class of the project keeps for the class (`AggregateRoot<Props>` with `protected readonly _id`
 * and `get id()` or `getId()`, `Entity<Props>` with `readonly guid`), when the class's own members have none: stored as `id`, read through what the class
 * exposes (accessor()). A base in node_modules is a framework's business, not read.
 */
function withInheritedId(declaration: ClassDeclaration, members: StateMember[]): StateMember[] {
  const name = declaration.getName() ?? '';
  const own = new Set([...ID_NAMES, `${name.charAt(0).toLowerCase()}${name.slice(1)}Id`]);
  if (members.some((m) => own.has(m.name))) return members;
  const type = declaration.getType();
  const inProjectBase = (node: Node | undefined) =>
    node !== undefined &&
    !node.getSourceFile().isInNodeModules() &&
    node.getFirstAncestorByKind(ts.SyntaxKind.ClassDeclaration) !== declaration;
  for (const raw of ID_NAMES.flatMap((id) => [id, `_${id}`])) {
    const symbol = type.getProperty(raw);
    const node = symbol?.getDeclarations()[0];
    if (symbol && inProjectBase(node)) return [memberOf(raw, symbol.getTypeAtLocation(declaration), node!, false, false), ...members];
  }
  const getId = type.getProperty('getId');
  const node = getId?.getDeclarations()[0];
  const signature = getId?.getTypeAtLocation(declaration).getCallSignatures()[0];
  if (getId && inProjectBase(node) && signature && signature.getParameters().length === 0)
    return [memberOf('id', signature.getReturnType(), node!, false, false), ...members];
  return members;
}

/** Members an Entity/AggregateRoot base class keeps beside `id` and the props, stored when the class exposes them. */
const BASE_STATE = ['createdAt', 'updatedAt', 'version'];

/**
 * Domain events an aggregate collects are published, not stored: a list (or readonly list) whose element type
 * is named for events (`DomainEvent`, `IDomainEvent`, `IEvent`, `EventBase`, `type OrderEvent = A | B`), or
 * a list named for them (`_domainEvents`, `events`, `uncommittedEvents`), is never a field.
 */
function isEventList(type: Type, member: string): boolean {
  const element = elementOf(type.getNonNullableType());
  if (!element) return false;
  if (/events$/i.test(member.replace(/^[_#]/, ''))) return true;
  const named = (t: Type) => /Event/.test(t.getAliasSymbol()?.getName() ?? t.getSymbol()?.getName() ?? '');
  return named(element) || (element.isUnion() && element.getUnionTypes().every(named));
}

/**
 * An identifier that holds a `string | number` (white-label's `UniqueEntityID extends Identifier<string | number>`)
 * is stored as text, written through its own `toString(): string` and rebuilt from that text, so a number comes back
 * as its decimal string: `new UniqueEntityID(42)` is read back as `new UniqueEntityID('42')`. Only for a class whose
 * one member is that value and that declares `toString()` itself (or in a base class of the project); undefined otherwise.
 */
function textOfStringOrNumber(declaration: ClassDeclaration, type: Type): string | undefined {
  const parts = type.isUnion() ? type.getUnionTypes() : [];
  const isText = (t: Type) => t.isString() || t.isStringLiteral();
  const isNumber = (t: Type) => t.isNumber() || t.isNumberLiteral();
  if (parts.length < 2 || !parts.every((t) => isText(t) || isNumber(t)) || !parts.some(isText) || !parts.some(isNumber)) return undefined;
  const toString = declaration.getType().getProperty('toString')?.getDeclarations()[0];
  if (
    !toString ||
    !Node.isMethodDeclaration(toString) ||
    toString.getSourceFile().isInNodeModules() ||
    toString.getSourceFile().isDeclarationFile()
  )
    return undefined;
  if (toString.getParameters().length > 0 || !isPublic(toString) || !toString.getReturnType().isString()) return undefined;
  return '.toString()';
}

/** `_condition` and `#condition` are read as `condition`. */
/**
 * A private member set from a default (`private readonly _createdAt: Date = new Date()`) that nothing reads, not even
 * the class itself (RohotSilaban23's Item): no behaviour depends on it, so it is not stored, rather than refused as
 * unreadable. A member the class reads in any method is state, and refused without a getter as before.
 */
function isUnusedDefault(declaration: ClassDeclaration, member: StateMember): boolean {
  const node = member.node;
  if (!(Node.isParameterDeclaration(node) || Node.isPropertyDeclaration(node)) || !node.hasInitializer() || isPublic(node)) return false;
  // Read under its name on any instance (`other._createdAt` too), or perhaps by a `this` handed on whole
  // (`Object.assign(this, ...)`, `{ ...this }`, `this[key]`): then it may be state.
  // A base class's field is read by the base's own methods too (`isDeleted() { return !!this._deletedAt }`).
  const lineage: ClassDeclaration[] = [];
  for (
    let c: ClassDeclaration | undefined = declaration;
    c && !c.getSourceFile().isInNodeModules() && !lineage.includes(c);
    c = c.getBaseClass()
  )
    lineage.push(c);
  const named = lineage.some((c) =>
    c.getDescendantsOfKind(ts.SyntaxKind.PropertyAccessExpression).some((access) => access.getName() === member.raw),
  );
  const whole = lineage.some((c) =>
    c.getDescendantsOfKind(ts.SyntaxKind.ThisKeyword).some((self) => !Node.isPropertyAccessExpression(self.getParent())),
  );
  return !named && !whole;
}

/** A string, number, boolean or bigint (or a union of their literals or an enum's): nothing inside it can change. */
function isScalar(type: Type): boolean {
  const parts = type.isUnion() ? type.getUnionTypes() : [type];
  return parts.every(
    (t) => t.isString() || t.isNumber() || t.isBoolean() || t.isBigInt() || t.isLiteral() || t.isEnumLiteral() || t.isEnum(),
  );
}

/** Reads of the clock or of chance: a member computed from one is not rebuilt to the value that was stored. */
const UNREPEATABLE =
  /^(Date\.now|Math\.random|performance\.now|crypto\.randomUUID|crypto\.getRandomValues|randomUUID|randomBytes|randomInt|uuid|uuidv\d|v[1-7]|nanoid|ulid|cuid2?|createId)$/;

/**
 * A member the constructor computes from its parameters (`this.age = this.calculateAge(birth)`,
 * `this.total = price * quantity`), that is not itself a parameter and is set nowhere else, is derived: it is not
 * stored, and comes back when the class is rebuilt through that constructor. One computed from the clock or chance
 * (`new Date()`, `Date.now()`, `Math.random()`, a uuid) would come back different, so it is refused, naming it.
 */
function isDerived(declaration: ClassDeclaration, member: StateMember, projectRoot: string): boolean {
  const node = member.node;
  if (!Node.isPropertyDeclaration(node) || node.hasInitializer() || node.isStatic()) return false;
  // A base class's field is set by the base's constructor, out of this one's sight: stored, never taken as derived.
  if (node.getFirstAncestorByKind(ts.SyntaxKind.ClassDeclaration) !== declaration) return false;
  // Only a readonly or private scalar that is not the id: a public mutable member may be set from outside, an object
  // may be changed inside (`this.lines.add(l)`), and an id computed from others (`${tenant}:${slug}`) is the key.
  const className = declaration.getName() ?? '';
  const idLike = [...ID_NAMES, `${className.charAt(0).toLowerCase()}${className.slice(1)}Id`];
  if (idLike.includes(member.name) || !isScalar(member.type) || (!node.isReadonly() && isPublic(node))) return false;
  const constructors = declaration.getConstructors().filter((c) => c.hasBody());
  if (constructors.length !== 1) return false;
  const constructor = constructors[0];
  const parameters = constructor.getParameters();
  if (parameters.length === 0) return false;
  // Every write of the member, on any instance, anywhere in the class.
  const writes = declaration.getDescendantsOfKind(ts.SyntaxKind.BinaryExpression).filter((binary) => {
    const left = binary.getLeft();
    const operator = binary.getOperatorToken().getKind();
    return (
      operator >= ts.SyntaxKind.FirstAssignment &&
      operator <= ts.SyntaxKind.LastAssignment &&
      Node.isPropertyAccessExpression(left) &&
      left.getName() === member.raw
    );
  });
  const others = declaration
    .getDescendantsOfKind(ts.SyntaxKind.PostfixUnaryExpression)
    .map((unary): Node => unary.getOperand())
    .concat(declaration.getDescendantsOfKind(ts.SyntaxKind.PrefixUnaryExpression).map((unary) => unary.getOperand()))
    .some((operand) => Node.isPropertyAccessExpression(operand) && operand.getName() === member.raw);
  if (writes.length !== 1 || others) return false;
  const write = writes[0];
  const left = write.getLeft();
  const statement = write.getParent();
  // `this.age = ...;` as a statement of the constructor itself, not under a condition or in a callback.
  if (
    write.getOperatorToken().getKind() !== ts.SyntaxKind.EqualsToken ||
    !Node.isPropertyAccessExpression(left) ||
    left.getExpression().getKind() !== ts.SyntaxKind.ThisKeyword ||
    !Node.isExpressionStatement(statement) ||
    statement.getParent() !== constructor.getBody()
  )
    return false;
  // A `this` handed on whole (`Object.assign(this, props)`, `{ ...this }`) may set it too.
  const whole = declaration
    .getDescendantsOfKind(ts.SyntaxKind.ThisKeyword)
    .some((self) => !Node.isPropertyAccessExpression(self.getParent()));
  if (whole) return false;
  // What the expression reads, following `this.method(...)` into the class's own methods.
  // The expression is wrapped so that its own top node (`this.calculateAge(birth)`) is among its descendants.
  const bodies: Node[] = [write];
  const seen = new Set<string>();
  for (let i = 0; i < bodies.length; i++) {
    for (const call of bodies[i].getDescendantsOfKind(ts.SyntaxKind.CallExpression)) {
      const callee = call.getExpression();
      if (!Node.isPropertyAccessExpression(callee) || callee.getExpression().getKind() !== ts.SyntaxKind.ThisKeyword) continue;
      const method = declaration.getInstanceMethod(callee.getName());
      if (method && !seen.has(callee.getName())) {
        seen.add(callee.getName());
        bodies.push(method);
      }
    }
  }
  // The parameters it reads must each be kept by another member (a parameter property, or `this.value = value`):
  // then the member is computed from what is stored. One read from a parameter kept nowhere else (`this._value =
  // value.trim()`) is what the class stores of that parameter, not a derivation.
  const body = constructor.getBody();
  const kept = new Set(parameters.filter((p) => p.isParameterProperty()));
  for (const statement of Node.isBlock(body) ? body.getStatements() : []) {
    const copy = Node.isExpressionStatement(statement) ? statement.getExpression() : undefined;
    if (!Node.isBinaryExpression(copy) || copy === write || copy.getOperatorToken().getKind() !== ts.SyntaxKind.EqualsToken) continue;
    const target = copy.getLeft();
    const source = copy.getRight();
    if (
      !Node.isPropertyAccessExpression(target) ||
      target.getExpression().getKind() !== ts.SyntaxKind.ThisKeyword ||
      !Node.isIdentifier(source)
    )
      continue;
    const parameter = parameters.find((p) => p.getName() === source.getText());
    if (parameter) kept.add(parameter);
  }
  const parameterReads = write
    .getRight()
    .getDescendantsOfKind(ts.SyntaxKind.Identifier)
    .concat(Node.isIdentifier(write.getRight()) ? [write.getRight() as never] : [])
    .map((id) => parameters.find((p) => id.getSymbol()?.getDeclarations().includes(p)))
    .filter((p) => p !== undefined);
  if (Node.isIdentifier(write.getRight()) || parameterReads.some((p) => !kept.has(p))) return false;
  // What it is computed from must not change later (`this.openingBalance = balance` beside `deposit()` changing
  // balance): each member read, or keeping a parameter read, is readonly.
  const keptIn = new Map<ParameterDeclaration, string[]>();
  for (const statement of Node.isBlock(body) ? body.getStatements() : []) {
    const copy = Node.isExpressionStatement(statement) ? statement.getExpression() : undefined;
    if (!Node.isBinaryExpression(copy) || copy === write) continue;
    const target = copy.getLeft();
    const parameter = parameters.find((p) => p.getName() === copy.getRight().getText());
    if (parameter && Node.isPropertyAccessExpression(target)) keptIn.set(parameter, [...(keptIn.get(parameter) ?? []), target.getName()]);
  }
  const readonlyMember = (name: string) => {
    const property = declaration.getProperty(name);
    if (property) return property.isReadonly();
    const parameter = parameters.find((p) => p.isParameterProperty() && p.getName() === name);
    return parameter !== undefined && parameter.isReadonly();
  };
  const readMembers = bodies.flatMap((b) =>
    b
      .getDescendantsOfKind(ts.SyntaxKind.PropertyAccessExpression)
      .filter((a) => a.getExpression().getKind() === ts.SyntaxKind.ThisKeyword && !declaration.getInstanceMethod(a.getName()))
      .map((a) => a.getName())
      .filter((name) => name !== member.raw),
  );
  const sources = [...readMembers, ...parameterReads.flatMap((p) => (p.isParameterProperty() ? [p.getName()] : (keptIn.get(p) ?? [])))];
  if (!sources.every(readonlyMember)) return false;
  const reads =
    parameterReads.length > 0 ||
    bodies.some((body) =>
      body
        .getDescendantsOfKind(ts.SyntaxKind.PropertyAccessExpression)
        .some(
          (access) =>
            access.getExpression().getKind() === ts.SyntaxKind.ThisKeyword &&
            access.getName() !== member.raw &&
            !declaration.getInstanceMethod(access.getName()),
        ),
    );
  if (!reads) return false;
  const unrepeatable = bodies
    .flatMap((body) => [
      ...body
        .getDescendantsOfKind(ts.SyntaxKind.NewExpression)
        .filter((n) => n.getExpression().getText() === 'Date' && (n.getArguments().length ?? 0) === 0),
      ...body.getDescendantsOfKind(ts.SyntaxKind.CallExpression).filter((c) => UNREPEATABLE.test(c.getExpression().getText())),
    ])
    .sort((a, b) => a.getStart() - b.getStart())[0];
  if (unrepeatable) {
    const name = declaration.getName() ?? 'default';
    const read = member.name === member.raw ? member.name : member.raw;
    throw new GenError(
      `${name}.${read} is computed in its constructor from ${unrepeatable.getText()} (line ${unrepeatable.getStartLineNumber()}), not stored: rebuilding ${name} through its constructor would compute it again, at another time, so not as it was`,
      locate(node, projectRoot),
      `Decide whether ${read} is stored or computed when read: to store it, let the constructor or a static reconstitute take ${read} and set it; to keep it current, compute it where it is read (a getter) from the stored fields, or pass the clock in as a constructor parameter.`,
    );
  }
  return true;
}

function memberOf(rawName: string, type: Type, node: Node, optional: boolean, mutable: boolean): StateMember {
  return {
    name: rawName.replace(/^[_#]/, ''),
    raw: rawName,
    type,
    node,
    optional,
    mutable,
  };
}

/** Public methods of an Entity base that return a copy of the props. */
const PROPS_READERS = ['getProps', 'getPropsCopy'];

/**
 * `.status` (a public property or getter), else `.getStatus()`, `.isStatus()`, `.hasStatus()` or `.toStatus()`
 * (an identifier's `toValue()`), else `.getProps().status`, else `.props.status` when the props are public.
 */
function accessor(declaration: ClassDeclaration, name: string, location: { file: string; line: number }): string {
  const property = declaration.getType().getProperty(name);
  if (property && property.getDeclarations().some((d) => isPublicMember(d))) return `.${name}`;
  for (const prefix of ['get', 'is', 'has', 'to']) {
    const method = declaration.getType().getProperty(`${prefix}${pascalCase(name)}`);
    const node = method?.getDeclarations()[0];
    if (node && Node.isMethodDeclaration(node) && node.getParameters().length === 0 && isPublic(node))
      return `.${prefix}${pascalCase(name)}()`;
    // `getEmail = (): string => this.email`: a method written as an arrow-function property.
    if (node && Node.isPropertyDeclaration(node) && !node.isStatic() && isPublic(node) && takesNothing(node.getInitializer()))
      return `.${prefix}${pascalCase(name)}()`;
  }
  // Props behind a base class's `getProps()` (or `getPropsCopy()`), as tsc sees its return type from this class.
  for (const method of PROPS_READERS) {
    const node = declaration.getType().getProperty(method)?.getDeclarations()[0];
    if (!node || !Node.isMethodDeclaration(node) || node.getParameters().length > 0 || !isPublic(node)) continue;
    const signature = declaration.getType().getProperty(method)!.getTypeAtLocation(declaration).getCallSignatures()[0];
    if (signature?.getReturnType().getProperty(name)) return `.${method}().${name}`;
  }
  const props = declaration.getType().getProperty('props');
  if (props && props.getDeclarations().some((d) => isPublicMember(d)) && props.getTypeAtLocation(declaration).getProperty(name))
    return `.props.${name}`;
  throw new GenError(
    `field '${name}' of ${declaration.getName()} cannot be read from outside the class`,
    location,
    `Add a public getter \`get ${name}()\` (or a ${`get${pascalCase(name)}()`} method), or make it readonly and public; or a typed \`toJSON()\` or \`toPrimitives()\` that returns every stored field, ${name} included.`,
  );
}

/** How a member is read from outside: by its own name (or a sole member's `value`) first, else through what returns it. */
function readThrough(declaration: ClassDeclaration, member: StateMember, sole: boolean, location: SourceLocation): string {
  const byValue = sole ? soleValueAccessor(declaration, member) : undefined;
  if (byValue) return byValue;
  try {
    return accessor(declaration, member.name, location);
  } catch (error) {
    const returning = error instanceof GenError ? returningAccessor(declaration, member) : undefined;
    if (returning) return returning;
    throw error;
  }
}

/**
 * A private member that nothing public is named for, read through the one public getter or method that returns it
 * as it is (`get description() { return this.#descripion; }`, an id's `toString(): string { return this.value; }`):
 * undefined where the member is reachable by its own name or where no such accessor, or more than one, exists. A
 * getter is preferred to a method. The field keeps the member's name, the one its constructor parameter has.
 */
function returningAccessor(declaration: ClassDeclaration, member: StateMember): string | undefined {
  if (declaration.getType().getProperty(member.name)?.getDeclarations().some(isPublicMember)) return undefined;
  // The body hands out the member itself, so a wider declared type (`ReadonlyArray<Id>` for `Id[]`) is the same value.
  const found = returningAccessors(declaration, member.raw)
    .filter((a) => member.type.isAssignableTo(a.node.getReturnType()))
    .map((a) => (a.getter ? `.${a.name}` : `.${a.name}()`));
  const getters = found.filter((f) => !f.endsWith('()'));
  const chosen = getters.length > 0 ? getters : found;
  return chosen.length === 1 ? chosen[0] : undefined;
}

/** The public getters and argument-less methods, in the class or a base of the project, whose body is `return this.<raw>;`. */
function returningAccessors(
  declaration: ClassDeclaration,
  raw: string,
): {
  name: string;
  getter: boolean;
  node: GetAccessorDeclaration | MethodDeclaration;
}[] {
  const found: {
    name: string;
    getter: boolean;
    node: GetAccessorDeclaration | MethodDeclaration;
  }[] = [];
  for (const symbol of declaration.getType().getProperties()) {
    const node = symbol.getDeclarations()[0];
    if (!node || node.getSourceFile().isInNodeModules() || node.getSourceFile().isDeclarationFile()) continue;
    const getter = Node.isGetAccessorDeclaration(node);
    if (!getter && !(Node.isMethodDeclaration(node) && node.getParameters().length === 0 && !node.isStatic())) continue;
    if (isPublic(node) && returnsMember(node.getBody(), raw)) found.push({ name: symbol.getName(), getter, node });
  }
  return found;
}

/** An arrow function or function expression with no parameters. */
function takesNothing(initializer: Node | undefined): boolean {
  return (
    initializer !== undefined &&
    (Node.isArrowFunction(initializer) || Node.isFunctionExpression(initializer)) &&
    initializer.getParameters().length === 0
  );
}

/** Whether a body is exactly `return this.<raw>;` (`this.#raw` for an ECMAScript private field). */
function returnsMember(body: Node | undefined, raw: string): boolean {
  if (!body || !Node.isBlock(body)) return false;
  const statements = body.getStatements();
  if (statements.length !== 1 || !Node.isReturnStatement(statements[0])) return false;
  const returned = statements[0].getExpression();
  return (
    returned !== undefined &&
    Node.isPropertyAccessExpression(returned) &&
    Node.isThisExpression(returned.getExpression()) &&
    returned.getName() === raw
  );
}

/**
 * Whether the accessor's own type lets code change the list it hands out: a props member `tags: string[]` behind
 * `get tags(): readonly string[]` is the same array at run time, but tsc refuses a `push` through the getter (false).
 * Undefined where the member's own type is what callers see (`.props.tags`, `getProps().tags`).
 */
function inPlaceThrough(declaration: ClassDeclaration, access: string): boolean | undefined {
  const property = /^\.(\w+)$/.exec(access)?.[1];
  const method = /^\.(\w+)\(\)$/.exec(access)?.[1];
  const symbol = declaration.getType().getProperty(property ?? method ?? '');
  if (!symbol) return undefined;
  const type = symbol.getTypeAtLocation(declaration);
  const handedOut = property ? type : type.getCallSignatures()[0]?.getReturnType();
  const name = handedOut?.getNonNullableType().getSymbol()?.getName();
  return name === 'Array' || name === 'Set';
}

/**
 * A value object whose one member is kept under its own key but exposed as `value` (ddd-forum's `UserName` with props
 * `{ name: string }` and `get value(): string { return this.props.name }`, or `private readonly email: string` beside
 * `get value()`): read through `.value` when nothing public is named for the member and `value` has its type. The
 * field keeps the member's name, for `create({ name })`.
 */
function soleValueAccessor(declaration: ClassDeclaration, member: StateMember): string | undefined {
  const type = declaration.getType();
  if (member.name === 'value' || type.getProperty(member.name)?.getDeclarations().some(isPublicMember)) return undefined;
  const same = (other: Type) => other.isAssignableTo(member.type) && member.type.isAssignableTo(other);
  const value = type.getProperty('value');
  if (value?.getDeclarations().some(isPublicMember)) return same(value.getTypeAtLocation(declaration)) ? '.value' : undefined;
  // A base class's `getValue() { return this.primitiveValue }` (nestjs-northwind-hexagonal's ValueObject<T>).
  const getter = type.getProperty('getValue');
  const method = getter?.getDeclarations()[0];
  if (!getter || !method || !Node.isMethodDeclaration(method) || method.getParameters().length > 0 || !isPublic(method)) return undefined;
  const returned = getter.getTypeAtLocation(declaration).getCallSignatures()[0]?.getReturnType();
  return returned && same(returned) ? '.getValue()' : undefined;
}

function isPublicMember(node: Node): boolean {
  if (
    Node.isGetAccessorDeclaration(node) ||
    Node.isPropertyDeclaration(node) ||
    Node.isParameterDeclaration(node) ||
    Node.isPropertySignature(node)
  ) {
    return Node.isPropertySignature(node) || isPublic(node);
  }
  return false;
}

function rehydration(
  declaration: ClassDeclaration,
  fields: FieldModel[],
  projectRoot: string,
  rehydrators: readonly string[],
  types?: FieldTypes,
  wrap?: Wrap,
  members?: ReadonlyMap<string, StateMember>,
): Rehydration {
  try {
    return rehydrationOf(declaration, fields, projectRoot, rehydrators, types, wrap, members);
  } catch (error) {
    const rebuilt = error instanceof GenError ? byPublicNames(declaration, fields, projectRoot, rehydrators) : undefined;
    if (rebuilt) return rebuilt;
    throw error;
  }
}

/**
 * A field read through a getter of another name (`#descripion` behind `get description()`) may be what a factory's
 * parameter is named for (`restore(id, title, description)`): bound again under those public names, positional
 * arguments only (an object literal's keys would be the public names too), and each mapped back to its field.
 */
function byPublicNames(
  declaration: ClassDeclaration,
  fields: FieldModel[],
  projectRoot: string,
  rehydrators: readonly string[],
): Rehydration | undefined {
  const taken = new Set(fields.map((f) => f.name));
  const publicName = (field: FieldModel) => {
    const getter = /^\.(\w+)$/.exec(field.access)?.[1];
    return getter && getter !== field.name && !taken.has(getter) ? getter : undefined;
  };
  if (!fields.some((f) => publicName(f) !== undefined)) return undefined;
  const fieldOf = new Map(fields.map((f) => [publicName(f) ?? f.name, f.name]));
  try {
    const renamed = fields.map((f) => ({
      ...f,
      name: publicName(f) ?? f.name,
    }));
    const found = rehydrationOf(declaration, renamed, projectRoot, rehydrators);
    const positional = found.arguments.filter((a): a is Exclude<RehydrationArgument, ObjectArgument> => a.kind !== 'object');
    if (found.assigned || found.written || positional.length !== found.arguments.length) return undefined;
    return {
      ...found,
      arguments: positional.map((a) => (a.kind === 'mode' ? a : { ...a, field: fieldOf.get(a.field) ?? a.field })),
    };
  } catch (error) {
    if (error instanceof GenError) return undefined;
    throw error;
  }
}

function rehydrationOf(
  declaration: ClassDeclaration,
  fields: FieldModel[],
  projectRoot: string,
  rehydrators: readonly string[],
  types?: FieldTypes,
  wrap?: Wrap,
  members?: ReadonlyMap<string, StateMember>,
): Rehydration {
  const name = declaration.getName() ?? 'default';
  const names = new Set(fields.map((f) => f.name));
  // Each constructor or factory tried, and why it did not fit: the refusal lists them.
  const tried: Attempt[] = [];
  const viaFactory = (method: string, refuse: 'refuse' | 'skip' | false = 'refuse'): Rehydration | undefined => {
    const factory = staticFactory(declaration, method);
    if (!factory || !isPublic(factory)) return undefined;
    const label = `${name}.${method}`;
    const parameters = factory.getParameters().map((p) => ({
      name: p.getName(),
      type: p.getType(),
      optional: p.isOptional(),
    }));
    // A factory gen tries of its own accord binds by its parameters' names only: `PostSlug.fromTitle(title)` takes a
    // title to make a slug of, not the slug's stored value.
    const bound =
      refuse === 'skip'
        ? bindByName(parameters, names, declaration, types, wrap)
        : bindParameters(parameters, names, declaration, types, wrap);
    // A value object the factory takes as its primitive (and builds itself) is handed over as that primitive.
    const args = bound && refuse !== false ? (unwrappedForPrimitives(declaration, factory, bound, fields) ?? bound) : bound;
    const unwrapped = unwrapOf(factory.getReturnType(), declaration);
    const unwrap = unwrapped === null && returnsAnInstance(factory.getReturnType(), declaration) ? undefined : unwrapped;
    if (!args || unwrap === null) {
      tried.push({
        label,
        why: unwrap === null ? `does not return a ${name}` : misfit(parameters, names, declaration),
        node: factory,
      });
      return undefined;
    }
    if (refuse === 'refuse') refusePrimitiveForValueObject(declaration, label, factory, args, fields, projectRoot);
    if (refuse === 'skip') {
      // A factory gen tries of its own accord (`from`, `of`) must rebuild what it is given, and nothing else.
      const flattened = primitiveForValueObject(declaration, factory, args, fields);
      const event = eventRecordedBy(declaration, factory);
      const id = idGeneratedBy(factory);
      const why = flattened
        ? flattened.why
        : event
          ? `records a domain event: ${event.text} at line ${event.line}`
          : id
            ? `generates an id: ${id.text} at line ${id.line}`
            : undefined;
      if (why) {
        tried.push({ label, why, node: factory });
        return undefined;
      }
    }
    return {
      call: { kind: 'static', method },
      arguments: args,
      ...(unwrap ? { unwrap } : {}),
    };
  };
  for (const method of rehydrators) {
    const found = viaFactory(method);
    if (found) return found;
  }
  const parameters = constructorParameters(declaration);
  if (!parameters && !declaration.isAbstract()) {
    const own = declaration.getConstructors().find((c) => c.isImplementation()) ?? declaration.getConstructors()[0];
    if (own) tried.push({ label: `new ${name}`, why: `is ${own.getScope() ?? 'not public'}`, node: own });
  }
  if (parameters) {
    const stored = storedUnderFieldNames(declaration, parameters, names);
    const args =
      bindParameters(parameters, names, declaration, types, wrap) ??
      (stored ? bindParameters(stored, names, declaration, types, wrap) : undefined);
    if (args) return { call: { kind: 'constructor' }, arguments: args };
    tried.push({ label: `new ${name}`, why: misfit(parameters, names, declaration), node: declaration });
    // A constructor that takes the rest, where the fields it does not name are public and writable (an `id?: number`
    // of a base class that the database assigns): built through it, then those set, as an ORM would.
    const named = new Set(parameters.map((p) => p.name.replace(/^_/, '')));
    const assigned = fields.filter((f) => !named.has(f.name) && isSettable(declaration, f.name)).map((f) => f.name);
    const rest = new Set([...names].filter((n) => !assigned.includes(n)));
    // No constructor at all (`new Customer()` and every field set after, a plain data class) is that with nothing passed.
    const partial =
      assigned.length > 0 && (rest.size > 0 || parameters.every((p) => p.optional))
        ? rest.size > 0
          ? bindParameters(parameters, rest, declaration, types)
          : []
        : undefined;
    if (partial) return { call: { kind: 'constructor' }, arguments: partial, assigned };
  }
  const forwarded = viaForwardingFactory(declaration, names, types, wrap);
  if (forwarded) return forwarded;
  // `from(props)`, `of(...)`, `fromProps(...)`: a factory whose name says it builds from given values, taking exactly the
  // stored fields, recording no event and generating no id, in that order of names, then as declared.
  for (const method of fromFactories(declaration, rehydrators)) {
    const found = viaFactory(method, 'skip');
    if (found) return found;
  }
  // A factory of any name that takes a mode flag (`make(id, title, isNew)`), called in the mode that rebuilds.
  const before = tried.length;
  for (const factory of declaration.getStaticMethods()) {
    if (tried.some((t) => t.label === `${name}.${factory.getName()}`) || factory.getName() === 'create') continue;
    const found = viaFactory(factory.getName(), false);
    if (found && takesMode(found.arguments)) {
      refusePrimitiveForValueObject(declaration, `${name}.${factory.getName()}`, factory, found.arguments, fields, projectRoot);
      return found;
    }
  }
  tried.length = before;
  // `create` last: it is where a class validates new input and records its domain events (CodelyTV's
  // Course.create records CourseCreatedDomainEvent), which a stored aggregate must not do again on every load.
  const created = viaFactory('create');
  if (created) return created;
  const modes = unreadModes(declaration, names);
  if (modes.length > 0) {
    throw new GenError(
      `cannot rebuild ${name} from its stored fields: it takes a mode (${modes.join('; ')}), and none of its values reads as rebuilding what was stored (restore, rehydrate, reconstitute, load, existing, persisted, fromDb)`,
      locate(declaration, projectRoot),
      `Decide which mode rebuilds ${name} without side effects (no events, no validation of new input, the given id kept) and name it so (e.g. 'restore'); ${rebuildHint(declaration, fields, rehydrators[0] ?? 'reconstitute', new Set([...rehydrators, 'create']))}`,
    );
  }
  const partial = members ? partialRebuild(declaration, fields, members, projectRoot, rehydrators, wrap) : undefined;
  if (partial) return partial;
  const failed = tried.filter((t) => t.why !== '');
  throw new GenError(
    `cannot rebuild ${name} from its stored fields (${fields.map((f) => f.name).join(', ')}): ${
      failed.length === 0
        ? declaration.isAbstract()
          ? 'it is abstract, and has no static factory'
          : 'it has no public constructor or static factory'
        : failed.map((t) => `${t.label} (${lineOf(t.node)}) ${t.why}`).join('; ')
    }`,
    locate(declaration, projectRoot),
    rebuildHint(
      declaration,
      fields,
      rehydrators[0] ?? 'reconstitute',
      new Set([...rehydrators, 'create', ...failed.map((t) => t.label.replace(/^.*\./, ''))]),
    ),
  );

  // `line 12` in the class's own file, `src/domain/shared/uuid.ts:12` for a factory it inherits from another.
  function lineOf(node: Node): string {
    if (node.getSourceFile() === declaration.getSourceFile()) return `line ${node.getStartLineNumber()}`;
    const at = locate(node, projectRoot);
    return `${at.file}:${at.line}`;
  }
}

/** A constructor or factory tried as the rebuild, and why it did not fit ('' when it did). */
interface Attempt {
  label: string;
  why: string;
  node: Node;
}

/** Names of factories that build from values given, tried for a rebuild when they take exactly the stored fields. */
const FROM_FACTORY = /^(from|of)([A-Z][A-Za-z0-9]*)?$/;

/** The public static `from`-style factories of the class not already among the rehydrators: `from`, `of`, then as declared. */
function fromFactories(declaration: ClassDeclaration, rehydrators: readonly string[]): string[] {
  const declared = declaration
    .getStaticMethods()
    .filter((m) => isPublic(m) && FROM_FACTORY.test(m.getName()) && !rehydrators.includes(m.getName()))
    .map((m) => m.getName());
  return [...new Set(declared)].sort((a, b) => rank(a) - rank(b));
}

function rank(method: string): number {
  return method === 'from' ? 0 : method === 'of' ? 1 : 2;
}

/**
 * Why a constructor or factory does not take exactly the stored fields: the fields it leaves out, the required
 * parameters (or members of its props object) that are no stored field, else that the types differ.
 */
function misfit(parameters: readonly BindableParameter[], fields: ReadonlySet<string>, at: Node): string {
  const named = namedBy(parameters, fields, at);
  const missing = [...fields].filter((f) => !named.has(f));
  const extra: string[] = [];
  for (const parameter of parameters) {
    const name = parameter.name.replace(/^_/, '');
    if (fields.has(name)) continue;
    const type = parameter.type.getNonNullableType();
    const object =
      (type.isObject() || type.isIntersection()) &&
      !type.isArray() &&
      type.getCallSignatures().length === 0 &&
      type.getSymbol()?.getName() !== 'Date' &&
      (!type.isClass() || isDataClass(type));
    if (object) {
      for (const property of type.getProperties())
        if (
          !fields.has(property.getName()) &&
          !property.hasFlags(ts.SymbolFlags.Optional) &&
          restoringMode(property.getName(), property.getTypeAtLocation(at)) === undefined
        )
          extra.push(`${name}.${property.getName()}`);
    } else if (!parameter.optional && restoringMode(name, parameter.type) === undefined) extra.push(name);
  }
  const said = [
    ...(missing.length > 0 ? [`does not take ${missing.join(', ')}`] : []),
    ...(extra.length > 0 ? [`takes ${extra.join(', ')}, which ${extra.length === 1 ? 'is' : 'are'} not stored`] : []),
  ];
  return said.length > 0 ? said.join(' and ') : 'takes the stored fields, but of other types than they are stored as';
}

/**
 * A factory bound to the stored fields by name whose parameter takes a value object's primitive (`from({ price: number })`
 * where the field is `price: Money`, the factory building the Money itself): gen would hand it the value object, and
 * the generated mapper and tests would not compile. Refused at that parameter, naming the mismatch.
 */
function refusePrimitiveForValueObject(
  declaration: ClassDeclaration,
  label: string,
  factory: MethodDeclaration,
  args: readonly RehydrationArgument[],
  fields: readonly FieldModel[],
  projectRoot: string,
): void {
  const found = primitiveForValueObject(declaration, factory, args, fields);
  if (!found) return;
  throw new GenError(
    `${label} takes ${found.field.name} as ${found.primitive}, but the stored field ${found.field.name} of ${declaration.getName() ?? 'default'} holds a ${found.valueType}: gen rebuilds the ${found.valueType} from its column and would hand it where ${label} expects the ${found.primitive}`,
    locate(found.node, projectRoot),
    `Decide what rebuilds a stored ${declaration.getName() ?? 'default'}: make ${label} take ${found.field.name}: ${found.valueType}, or add a static factory (e.g. 'reconstitute') taking the value objects as the fields hold them and name it in gen.config.json "rehydrators".`,
  );
}

/** The first stored value-object field the factory takes as a primitive instead (see refusePrimitiveForValueObject). */
function primitiveForValueObject(
  declaration: ClassDeclaration,
  factory: MethodDeclaration,
  args: readonly RehydrationArgument[],
  fields: readonly FieldModel[],
): PrimitiveTaker | undefined {
  return primitiveTakers(declaration, factory, args, fields)[0];
}

/** A stored value-object field that a factory's parameter (or member of its props object) takes as a primitive. */
interface PrimitiveTaker {
  field: FieldModel;
  primitive: string;
  type: Type;
  valueType: string;
  node: Node;
  why: string;
}

/**
 * The arguments with each value-object field that the factory takes as its one primitive (`from({ price: number })` of
 * a `price: Money` over a number, the factory building the Money itself) handed over as that primitive, read through
 * the value object's own reader (`.value`). Undefined when one is taken as some other primitive, or may be absent.
 */
function unwrappedForPrimitives(
  declaration: ClassDeclaration,
  factory: MethodDeclaration,
  args: readonly RehydrationArgument[],
  fields: readonly FieldModel[],
): RehydrationArgument[] | undefined {
  const takers = primitiveTakers(declaration, factory, args, fields);
  const access = new Map<string, string>();
  for (const { field, type } of takers) {
    const vo = field.type;
    if (vo.kind !== 'value-object' || !vo.valueAccess || field.optional || field.nullable || field.collection) return undefined;
    if (!sameKind(type.getNonNullableType(), vo.primitive)) return undefined;
    access.set(field.name, vo.valueAccess);
  }
  const unwrapped = (field: string) => ({ kind: 'unwrapped' as const, field, access: access.get(field)! });
  const inObject = (object: ObjectArgument): ObjectArgument => ({
    ...object,
    fields: object.fields.map((member) =>
      typeof member === 'string'
        ? access.has(member)
          ? unwrapped(member)
          : member
        : 'object' in member
          ? { ...member, object: inObject(member.object) }
          : member,
    ),
  });
  return args.map((arg) =>
    arg.kind === 'field' && access.has(arg.field) ? unwrapped(arg.field) : arg.kind === 'object' ? inObject(arg) : arg,
  );
}

/** Whether a parameter's primitive type takes a value of the value object's primitive kind. */
function sameKind(type: Type, primitive: string): boolean {
  switch (primitive) {
    case 'string':
      return type.isString();
    case 'number':
      return type.isNumber();
    case 'boolean':
      return type.isBoolean();
    case 'bigint':
      return type.isBigInt();
    case 'date':
      return type.getSymbol()?.getName() === 'Date';
    default:
      return false;
  }
}

function primitiveTakers(
  declaration: ClassDeclaration,
  factory: MethodDeclaration,
  args: readonly RehydrationArgument[],
  fields: readonly FieldModel[],
): PrimitiveTaker[] {
  const bound = new Set<string>();
  const collect = (object: ObjectArgument): void => {
    for (const member of object.fields)
      if (typeof member === 'string') bound.add(member);
      else if ('object' in member) collect(member.object);
  };
  for (const arg of args)
    if (arg.kind === 'field') bound.add(arg.field);
    else if (arg.kind === 'object') collect(arg);
  const wrapped = fields.filter((f) => bound.has(f.name) && !f.list && f.type.kind === 'value-object' && !f.type.brand);
  if (wrapped.length === 0) return [];
  const takers: { name: string; type: Type; node: Node }[] = [];
  const visit = (type: Type, depth: number): void => {
    const plain = type.getNonNullableType();
    if (depth > 1 || !(plain.isObject() || plain.isIntersection()) || plain.isArray() || plain.getCallSignatures().length > 0) return;
    for (const property of plain.getProperties()) {
      const node = property.getDeclarations()[0] ?? factory;
      const propertyType = property.getTypeAtLocation(declaration);
      takers.push({ name: property.getName(), type: propertyType, node });
      visit(propertyType, depth + 1);
    }
  };
  for (const parameter of factory.getParameters()) {
    takers.push({ name: parameter.getName().replace(/^_/, ''), type: parameter.getType(), node: parameter });
    visit(parameter.getType(), 0);
  }
  const found: PrimitiveTaker[] = [];
  for (const field of wrapped) {
    const taker = takers.find((t) => t.name === field.name && isPrimitive(t.type.getNonNullableType()));
    if (!taker || field.type.kind !== 'value-object') continue;
    const primitive = taker.type.getNonNullableType().getText(taker.node);
    found.push({
      field,
      primitive,
      type: taker.type,
      valueType: field.type.name,
      node: taker.node,
      why: `takes ${field.name} as ${primitive}, where the stored field holds a ${field.type.name}`,
    });
  }
  return found;
}

/**
 * No constructor or factory takes every stored field, but the public constructor (else a rehydrator, else `create`)
 * takes some of them: the class is rebuilt through it, and each field it does not take is written straight onto the
 * member that holds it, as an ORM rehydrates (Doctrine, Hibernate, TypeORM itself), bypassing the methods that set it
 * (`changeAddress`, `activate`). Refused, naming the decision, where that would not give back what was stored: a
 * builder that records a domain event (every load would record it again), a member nothing outside the class can
 * write (`#private`, a getter with no field behind it), or a constructor or factory that freezes the instance.
 */
function partialRebuild(
  declaration: ClassDeclaration,
  fields: FieldModel[],
  members: ReadonlyMap<string, StateMember>,
  projectRoot: string,
  rehydrators: readonly string[],
  wrap?: Wrap,
): Rehydration | undefined {
  if (declaration.isAbstract()) return undefined;
  const name = declaration.getName() ?? 'default';
  const names = new Set(fields.map((f) => f.name));
  const constructor = declaration.getConstructors().find((c) => c.isImplementation()) ?? declaration.getConstructors()[0];
  const builders: { label: string; call: Rehydration['call']; parameters: BindableParameter[]; node: Node }[] = [];
  const parameters = constructorParameters(declaration);
  if (parameters) builders.push({ label: `new ${name}`, call: { kind: 'constructor' }, parameters, node: constructor ?? declaration });
  for (const method of [...new Set([...rehydrators, 'create'])]) {
    const factory = staticFactory(declaration, method);
    // A factory whose result is unwrapped (`Result<T>`) is left out: the fields would be written before its failure is checked.
    if (!factory || !isPublic(factory) || unwrapOf(factory.getReturnType(), declaration) !== undefined) continue;
    const taking = factory.getParameters().map((p) => ({ name: p.getName(), type: p.getType(), optional: p.isOptional() }));
    builders.push({ label: `${name}.${method}`, call: { kind: 'static', method }, parameters: taking, node: factory });
  }
  // A builder that records an event or locks the instance is passed over for the next; the first such is said if none fits.
  let refusal: GenError | undefined;
  for (const builder of builders) {
    const taken = namedBy(builder.parameters, names, declaration);
    const args = taken.size > 0 ? bindParameters(builder.parameters, taken, declaration, undefined, wrap) : undefined;
    const rest = fields.filter((f) => !taken.has(f.name));
    if (!args || rest.length === 0) continue;
    const listed = (list: readonly FieldModel[]) => list.map((f) => f.name).join(', ');
    const hint = rebuildHint(declaration, fields, rehydrators[0] ?? 'reconstitute', new Set([...rehydrators, 'create']));
    const event = eventRecordedBy(declaration, builder.node);
    if (event) {
      refusal ??= new GenError(
        `cannot rebuild ${name} from its stored fields (${listed(fields)}): ${builder.label} takes only ${[...taken].join(', ')}, and it records a domain event (${event.text}, line ${event.line}), which every load would record again`,
        locate(builder.node, projectRoot),
        `Decide how a stored ${name} is rebuilt without recording events: ${hint}`,
      );
      continue;
    }
    const lock = lockedBy(declaration, builder.node);
    if (lock) {
      const constructor = inConstructor(lock);
      refusal ??= new GenError(
        `cannot rebuild ${name} from its stored fields: ${builder.label} takes only ${[...taken].join(', ')}, and ${listed(rest)} cannot be written after it, since ${constructor ? 'its constructor locks the instance' : `${builder.label} locks the instance it returns`} (${lock.text}, line ${lock.line})`,
        constructor ? locate(declaration, projectRoot) : locate(lock.node, projectRoot),
        `Decide how a stored ${name} gets ${listed(rest)} back without writing to a locked instance: ${hint}`,
      );
      continue;
    }
    const written: { field: string; member: string; taken?: true }[] = rest.map((field) => ({
      field: field.name,
      member: writableMember(declaration, members.get(field.name), field, builder.label, taken, projectRoot),
    }));
    // What the builder takes it may transform (hashes a password, lowercases an email): each taken field whose member
    // holds exactly its stored value is written back too, so a load gives what was stored, not that transformed again.
    for (const field of fields) {
      const member = members.get(field.name);
      if (taken.has(field.name) && member && !directWriteRefusal(declaration, member, field))
        written.push({ field: field.name, member: member.raw, taken: true });
    }
    return { call: builder.call, arguments: args, written };
  }
  if (refusal) throw refusal;
  return undefined;
}

type BindableParameter = { name: string; type: Type; optional: boolean };

/** The fields a builder's parameters name: a parameter by its name (`_name` too), or an object's members, one level down as well. */
function namedBy(parameters: readonly BindableParameter[], fields: ReadonlySet<string>, at: Node): Set<string> {
  const named = new Set<string>();
  const inObject = (type: Type, depth: number) => {
    if (!(type.isObject() || type.isIntersection()) || type.isArray() || (type.isClass() && !isDataClass(type))) return;
    if (type.getCallSignatures().length > 0 || type.getSymbol()?.getName() === 'Date') return;
    for (const property of type.getProperties()) {
      if (fields.has(property.getName())) named.add(property.getName());
      else if (depth > 0) inObject(property.getTypeAtLocation(at).getNonNullableType(), depth - 1);
    }
  };
  for (const parameter of parameters) {
    const name = parameter.name.replace(/^_/, '');
    if (fields.has(name)) named.add(name);
    else inObject(parameter.type.getNonNullableType(), 1);
  }
  return named;
}

/**
 * The member a field left out of the builder is written to (`_address`), which must be a plain property of the class
 * or of a base class of the project that holds exactly the field's stored value: an ECMAScript `#private` field cannot
 * be written from outside, a value read through a method or getter alone has no member to write, and a member that
 * the field is computed from (`get email(): string { return this._email.value; }`) would receive the wrong value.
 */
function writableMember(
  declaration: ClassDeclaration,
  member: StateMember | undefined,
  field: FieldModel,
  builder: string,
  taken: ReadonlySet<string>,
  projectRoot: string,
): string {
  const name = declaration.getName() ?? 'default';
  const reason = directWriteRefusal(declaration, member, field);
  if (!reason) return member!.raw;
  throw new GenError(
    `cannot rebuild ${name} from its stored fields: ${builder} takes only ${[...taken].join(', ')}, and ${reason}`,
    locate(member?.node ?? declaration, projectRoot),
    `Decide how a loaded ${name} gets its ${field.name} back: let the constructor (or a static reconstitute) take ${field.name} and set it${member?.raw.startsWith('#') ? `, or declare it \`private ${member.raw.slice(1)}\` (TypeScript's private, which gen writes directly after construction)` : ''}.`,
  );
}

/** Why gen cannot write the field's stored value straight onto the member, or undefined when it can. */
function directWriteRefusal(declaration: ClassDeclaration, member: StateMember | undefined, field: FieldModel): string | undefined {
  const name = declaration.getName() ?? 'default';
  const node = member?.node;
  const plain = node && (Node.isPropertyDeclaration(node) || (Node.isParameterDeclaration(node) && node.isParameterProperty()));
  if (!member || !plain)
    return `${name}.${field.name} is read through ${field.access.replace(/^\./, '')}, with no property behind it that gen could write`;
  if (member.raw.startsWith('#')) return `${name}.${member.raw} is an ECMAScript private field, which nothing outside the class can write`;
  if (node.getSourceFile().isInNodeModules() || node.getSourceFile().isDeclarationFile())
    return `${name}.${member.raw} is declared in a library, not in the project`;
  if (!readsStraight(declaration, member, field))
    return `${name}.${member.raw} (${member.type.getText(node)}) holds what ${field.access.replace(/^\./, '')} is computed from, not the stored ${field.name} itself, so writing the stored value into it would load a wrong ${field.name}`;
  return undefined;
}

/**
 * The field is the member itself: read as the public member, or through a getter or method whose body is
 * `return this.<member>;`, of a type the member's fits. A wrapped collection's items are read through the member.
 */
function readsStraight(declaration: ClassDeclaration, member: StateMember, field: FieldModel): boolean {
  const items = field.collection && !field.collection.iterable ? field.collection.itemsAccess : '';
  const access = items && field.access.endsWith(items) ? field.access.slice(0, -items.length) : field.access;
  if (access === `.${member.raw}`) return true;
  if (
    returningAccessors(declaration, member.raw).some(
      (a) => (a.getter ? `.${a.name}` : `.${a.name}()`) === access && member.type.isAssignableTo(a.node.getReturnType()),
    )
  )
    return true;
  // A getter handing out a copy of the member (`[...this._tags]`, `new Date(this._at)`): the copy equals what is held.
  const getter = declaration.getGetAccessor(access.replace(/^\./, ''));
  const statements = getter?.getBody() && Node.isBlock(getter.getBody()) ? getter.getStatements() : [];
  const returned = statements.length === 1 && Node.isReturnStatement(statements[0]) ? statements[0].getExpression()?.getText() : undefined;
  const copies = [
    `[...this.${member.raw}]`,
    `this.${member.raw}.slice()`,
    `new Date(this.${member.raw})`,
    `new Date(this.${member.raw}.getTime())`,
  ];
  return (
    returned !== undefined &&
    copies.some((copy) => copy.replace(/\s+/g, '') === returned.replace(/\s+/g, '')) &&
    member.type.isAssignableTo(getter!.getReturnType())
  );
}

/**
 * A private constructor reached through a public static factory that only passes its own parameters on
 * (`static fromNumber(value: number, currency: string) { return new Price(value, currency); }`): the factory is the
 * constructor under another name, so the stored fields bind to the constructor's parameter names and are passed in
 * the factory's order. Nothing else in the body, so nothing runs that the constructor would not run.
 */
function viaForwardingFactory(
  declaration: ClassDeclaration,
  names: ReadonlySet<string>,
  types?: FieldTypes,
  wrap?: Wrap,
): Rehydration | undefined {
  const constructor = declaration.getConstructors().find((c) => c.isImplementation()) ?? declaration.getConstructors()[0];
  if (!constructor || declaration.isAbstract()) return undefined;
  const parameters = constructor.getParameters().map((p) => ({
    name: p.getName(),
    type: p.getType(),
    optional: p.isOptional(),
  }));
  for (const factory of declaration.getStaticMethods()) {
    if (!isPublic(factory) || unwrapOf(factory.getReturnType(), declaration) !== undefined) continue;
    const order = forwardedOrder(factory, declaration.getName());
    if (!order || order.length !== parameters.length) continue;
    const bound = bindParameters(parameters, names, declaration, types, wrap);
    if (!bound) continue;
    // bound[i] is the constructor's i-th argument; the factory's j-th parameter is passed as argument order[j].
    return {
      call: { kind: 'static', method: factory.getName() },
      arguments: order.map((i) => bound[i]),
    };
  }
  return undefined;
}

/** For `return new Name(b, a)` over parameters (a, b), each passed once: [1, 0]; undefined for any other body. */
function forwardedOrder(factory: MethodDeclaration, className: string | undefined): number[] | undefined {
  const body = factory.getBody();
  if (!className || !body || !Node.isBlock(body)) return undefined;
  const statements = body.getStatements();
  if (statements.length !== 1 || !Node.isReturnStatement(statements[0])) return undefined;
  const created = statements[0].getExpression();
  if (!created || !Node.isNewExpression(created) || created.getExpression().getText() !== className) return undefined;
  const passed = created.getArguments().map((a) => (Node.isIdentifier(a) ? a.getText() : undefined));
  const own = factory.getParameters().map((p) => p.getName());
  if (passed.length !== own.length || new Set(passed).size !== passed.length) return undefined;
  const order = own.map((p) => passed.indexOf(p));
  return order.every((i) => i >= 0) ? order : undefined;
}

/**
 * What to add, in the class's own terms: the factory's signature over the stored fields and their types, and the
 * `rehydrators` setting naming a static method of the class that might already rebuild it under another name.
 */
function rebuildHint(declaration: ClassDeclaration, fields: FieldModel[], factory: string, tried: ReadonlySet<string>): string {
  const name = declaration.getName() ?? 'default';
  const declared = fields.map((f) => `${f.name}${f.optional ? '?' : ''}: ${typeText(f)}`);
  const parameters = fields.length === 1 ? declared[0] : `props: { ${declared.join('; ')} }`;
  const candidates = declaration
    .getStaticMethods()
    .filter((m) => isPublic(m) && m.getParameters().length > 0 && !tried.has(m.getName()))
    .filter((m) => unwrapOf(m.getReturnType(), declaration) !== null)
    .map((m) => m.getName());
  const setting =
    candidates.length > 0
      ? `or, if ${candidates.join(' or ')} rebuilds it, name it in gen.config.json: "rehydrators": [${candidates.map((c) => JSON.stringify(c)).join(', ')}]`
      : 'or name the static method that rebuilds it in gen.config.json: "rehydrators": ["<method>"]';
  return `Add \`static ${factory}(${parameters}): ${name}\` that rebuilds it without side effects, or a public constructor taking every field; ${setting}.`;
}

/** A field's type as the domain spells it, near enough for a hint. */
function typeText(field: FieldModel): string {
  const type = field.type;
  const base =
    type.kind === 'primitive'
      ? type.primitive === 'date'
        ? 'Date'
        : type.primitive
      : type.kind === 'literal-union'
        ? type.values.map((v) => JSON.stringify(v)).join(' | ')
        : 'name' in type
          ? type.name
          : 'unknown';
  const listed = field.collection
    ? field.collection.className
    : field.list
      ? type.kind === 'literal-union'
        ? `(${base})[]`
        : `${base}[]`
      : base;
  return field.nullable ? `${listed} | null` : listed;
}

/**
 * A static method of the class, else one it inherits from a base class of the project (`class TermId extends Uuid {}`
 * with `Uuid.fromPrimitives(value)`), called through the class: `TermId.fromPrimitives(value)`.
 */
function staticFactory(declaration: ClassDeclaration, method: string): MethodDeclaration | undefined {
  for (
    let current: ClassDeclaration | undefined = declaration;
    current && !current.getSourceFile().isInNodeModules();
    current = current.getBaseClass()
  ) {
    const found = current.getStaticMethod(method);
    if (found) return found;
  }
  return undefined;
}

/**
 * An inherited factory typed as returning its own class (`static fromPrimitives(value: string): Uuid`) still gives
 * what a field of the subclass holds when tsc accepts the one for the other (the subclass adds no members). Never `any`:
 * a base's `static of(value): any { throw ... }` is a placeholder, not a factory.
 */
function returnsAnInstance(returnType: Type, declaration: ClassDeclaration): boolean {
  if (returnType.isAny() || returnType.isUnknown()) return false;
  const returned = returnType.getSymbol()?.getDeclarations().find(Node.isClassDeclaration);
  if (!returned) return false;
  let base = declaration.getBaseClass();
  while (base && base !== returned) base = base.getBaseClass();
  return base !== undefined && returnType.isAssignableTo(declaration.getType());
}

/**
 * Each parameter is a field by name, or an object whose members are fields; together they must cover every field once.
 * A single-value object's one field (`value`, `email`) also binds to a lone primitive parameter of any name (`new UserId(id)`).
 */
/**
 * The constructor's parameters renamed for the fields its body stores them in as they are: `constructor(id: UserId,
 * password: HashedPassword) { this.id = id; this.hashedPassword = password; }` takes `hashedPassword` second.
 * A parameter keeps its name where it names a field itself, is stored in several fields or transformed first
 * (`this.hash = hash(password)`); undefined when none is renamed.
 */
function storedUnderFieldNames(
  declaration: ClassDeclaration,
  parameters: { name: string; type: Type; optional: boolean }[],
  fields: ReadonlySet<string>,
): { name: string; type: Type; optional: boolean }[] | undefined {
  const constructor = declaration.getConstructors().find((c) => c.isImplementation());
  if (!constructor) return undefined;
  const bare = (name: string) => name.replace(/^[_#]/, '');
  const storedIn = new Map<string, string[]>();
  for (const statement of constructor.getStatements()) {
    const expression = Node.isExpressionStatement(statement) ? statement.getExpression() : undefined;
    if (!Node.isBinaryExpression(expression) || expression.getOperatorToken().getKind() !== ts.SyntaxKind.EqualsToken) continue;
    const [left, right] = [expression.getLeft(), expression.getRight()];
    if (!Node.isPropertyAccessExpression(left) || !Node.isThisExpression(left.getExpression()) || !Node.isIdentifier(right)) continue;
    storedIn.set(right.getText(), [...(storedIn.get(right.getText()) ?? []), bare(left.getName())]);
  }
  const taken = new Set(parameters.map((p) => bare(p.name)));
  let renamed = false;
  const result = parameters.map((p) => {
    const [field, ...more] = storedIn.get(p.name) ?? [];
    if (fields.has(bare(p.name)) || field === undefined || more.length > 0 || !fields.has(field) || taken.has(field)) return p;
    taken.add(field);
    renamed = true;
    return { ...p, name: field };
  });
  return renamed ? result : undefined;
}

function bindParameters(
  parameters: { name: string; type: Type; optional: boolean }[],
  fields: ReadonlySet<string>,
  at: Node,
  types?: FieldTypes,
  wrap?: Wrap,
): RehydrationArgument[] | undefined {
  const byName = bindByName(parameters, fields, at, types, wrap);
  if (byName) return byName;
  if (fields.size === 1) {
    const [first, ...rest] = parameters;
    const [field] = fields;
    return first &&
      field &&
      (isPrimitive(first.type.getNonNullableType()) || sameTypeAs(at, field, first.type)) &&
      rest.every((p) => p.optional)
      ? [{ kind: 'field', field }]
      : undefined;
  }
  if (!fields.has('value')) return undefined;
  // An entity whose one value is `value` beside its id (white-label's Genre: props `{ value }`, `create(name: string, id?)`):
  // the one required primitive parameter named for no field takes the value.
  const unnamed = parameters.filter(
    (p) => !p.optional && !fields.has(p.name.replace(/^_/, '')) && isPrimitive(p.type.getNonNullableType()),
  );
  if (unnamed.length !== 1) return undefined;
  return bindByName(
    parameters.map((p) => (p === unnamed[0] ? { ...p, name: 'value' } : p)),
    fields,
    at,
    types,
  );
}

/**
 * Whether the class's public member `field` has exactly the parameter's type: a value object whose one value is a
 * record (`get value(): IAddressProps` beside `create(props: IAddressProps)`) is rebuilt by passing the value back.
 */
function sameTypeAs(at: Node, field: string, parameter: Type): boolean {
  const type = at.getType().getProperty(field)?.getTypeAtLocation(at);
  return type !== undefined && !type.isAny() && type.isAssignableTo(parameter) && parameter.isAssignableTo(type);
}

/** A mode's values that read as rebuilding what was stored (`'restore'`, `'fromDb'`), as opposed to creating anew. */
const RESTORING =
  /^(restore|restored|restoring|rehydrate|rehydrated|rehydration|reconstitute|reconstituted|reconstitution|reconstruct|rebuild|hydrate|load|loaded|existing|persisted|stored|from_?(db|database|persistence|storage)|db|database|persistence)$/i;
/** A boolean flag named for rebuilding (`restoring`, `fromDb`, `isPersisted`): passed `true`. */
const RESTORING_FLAG =
  /^(is)?(restor(e|ed|ing)|rehydrat(e|ed|ing)|reconstitut(e|ed|ing)|existing|persisted|stored|loaded|from_?(db|database|persistence|storage))$/i;
/** A boolean flag named for creating (`isNew`, `fresh`): passed `false`. */
const CREATING_FLAG = /^(is)?(new|fresh|creat(e|ed|ing))$/i;

/**
 * The value of a mode flag that makes a constructor or factory rebuild (`type: 'create' | 'restore'` gives `'restore'`,
 * `isNew: boolean` gives `false`), as source text; undefined for a member that is no such flag.
 */
function restoringMode(name: string, type: Type): string | undefined {
  const flag = type.getNonNullableType();
  if (flag.isBoolean()) return RESTORING_FLAG.test(name) ? 'true' : CREATING_FLAG.test(name) ? 'false' : undefined;
  const values = modeValues(flag);
  const restoring = values?.filter((v) => RESTORING.test(v.replace(/[-\s]/g, '_')));
  return restoring?.length === 1 ? `'${restoring[0]}'` : undefined;
}

function takesMode(args: readonly RehydrationArgument[]): boolean {
  const inObject = (object: ObjectArgument): boolean =>
    object.fields.some((f) => typeof f !== 'string' && ('mode' in f || ('object' in f && inObject(f.object))));
  return args.some((a) => a.kind === 'mode' || (a.kind === 'object' && inObject(a)));
}

/**
 * The values of a string-literal union (`'create' | 'restore'`, one literal too), else undefined. Not an enum's: an enum
 * is data the aggregate keeps (`university: University` of a chat message), and a string literal would not pass as one.
 */
function modeValues(type: Type): string[] | undefined {
  if (type.isEnum() || type.isEnumLiteral()) return undefined;
  const parts = type.isUnion() ? type.getUnionTypes() : [type];
  if (parts.some((p) => p.isEnumLiteral())) return undefined;
  const values = parts.map((p) => (p.isStringLiteral() ? p.getLiteralValue() : undefined));
  return values.every((v) => typeof v === 'string') ? values : undefined;
}

/**
 * Mode flags that the constructor or a static factory takes and no value of which reads as rebuilding (`kind: 'new' |
 * 'copy'`): named in the refusal, so the user can tell gen which mode rebuilds, or add one.
 */
function unreadModes(declaration: ClassDeclaration, fields: ReadonlySet<string>): string[] {
  const found: string[] = [];
  const stored = storedMembers(declaration, fields);
  const consider = (name: string, type: Type) => {
    const kept = stored.names.has(name) || stored.types.some((t) => t.compilerType === type.getNonNullableType().compilerType);
    const values = kept ? undefined : modeValues(type.getNonNullableType());
    if (values && values.length > 1 && restoringMode(name, type) === undefined)
      found.push(`${name}: ${values.map((v) => `'${v}'`).join(' | ')}`);
  };
  const parameters = [
    ...(constructorParameters(declaration) ?? []),
    ...declaration
      .getStaticMethods()
      .filter(isPublic)
      .flatMap((m) => m.getParameters().map((p) => ({ name: p.getName(), type: p.getType() }))),
  ];
  for (const parameter of parameters) {
    consider(parameter.name, parameter.type);
    const type = parameter.type.getNonNullableType();
    if ((type.isObject() || type.isIntersection()) && !type.isArray() && type.getCallSignatures().length === 0)
      for (const property of type.getProperties()) consider(property.getName(), property.getTypeAtLocation(declaration));
  }
  return [...new Set(found)];
}

/**
 * What the aggregate stores: its fields and the members of the values they hold (`userInfo.role`), by name and by
 * type. A literal union among them (`role: 'admin' | 'member'` that create() passes on into a value object) is data,
 * not a flag that switches between creating and rebuilding.
 */
function storedMembers(declaration: ClassDeclaration, fields: ReadonlySet<string>): { names: Set<string>; types: Type[] } {
  const names = new Set(fields);
  const types: Type[] = [];
  const own = declaration.getType();
  for (const field of fields) {
    const type = own.getProperty(field)?.getTypeAtLocation(declaration).getNonNullableType();
    if (!type) continue;
    types.push(type);
    if (!type.isObject() || type.isArray() || type.getCallSignatures().length > 0) continue;
    for (const member of type.getProperties()) {
      names.add(member.getName());
      types.push(member.getTypeAtLocation(declaration).getNonNullableType());
    }
  }
  return { names, types };
}

function isPrimitive(type: Type): boolean {
  if (type.isUnion() && !type.isBoolean()) return type.getUnionTypes().every(isPrimitive);
  return (
    type.isString() ||
    type.isNumber() ||
    type.isBoolean() ||
    type.isBigInt() ||
    type.isStringLiteral() ||
    type.isNumberLiteral() ||
    type.isBooleanLiteral() ||
    type.getSymbol()?.getName() === 'Date'
  );
}

/** A parameter typed as a value object that a stored field's primitive builds (see WrappedArgument), else undefined. */
type Wrap = (parameter: Type, field: string, at: Node) => WrappedArgument | undefined;

/**
 * Wraps a snapshot's primitive member into the parameter's value object when that value object is one gen stores as one
 * primitive of the same kind (a MemberId of a string `id`, a MemberId[] of a string[]), built as gen builds it elsewhere.
 * Never for an absent value: it has no value object to build.
 */
function wrapping(classifier: UseClassifier): (fields: readonly FieldModel[]) => Wrap {
  return (fields) => (parameter, name, at) => {
    const field = fields.find((f) => f.name === name);
    if (!field || field.type.kind !== 'primitive' || field.optional || field.nullable) return undefined;
    try {
      const use = classifier.classifyUse(parameter, at);
      return use.type.kind === 'value-object' &&
        use.list === field.list &&
        !use.collection &&
        use.absent === 'none' &&
        use.type.primitive === field.type.primitive
        ? {
            kind: 'wrapped',
            field: name,
            type: use.type,
            ...(field.list ? { list: true as const } : {}),
          }
        : undefined;
    } catch (error) {
      if (error instanceof GenError) return undefined;
      throw error;
    }
  };
}

/** The types of the fields, when a field may only bind where its type is assignable (the snapshot styles). */
type FieldTypes = ReadonlyMap<string, Type>;

function fits(types: FieldTypes | undefined, field: string, target: Type): boolean {
  const type = types?.get(field);
  return type === undefined || type.isAssignableTo(target);
}

function bindByName(
  parameters: { name: string; type: Type; optional: boolean }[],
  fields: ReadonlySet<string>,
  at: Node,
  types?: FieldTypes,
  wrap?: Wrap,
): RehydrationArgument[] | undefined {
  // Each parameter binds a field by its name, or is an object of fields, or (optional) is left out; the first way
  // that covers every field wins. Both are tried: `rehydrate(state: { from, state, ... })` of an aggregate with a
  // field named `state` takes the object, not the field.
  const bind = (index: number, covered: ReadonlySet<string>): RehydrationArgument[] | undefined => {
    if (index === parameters.length) return covered.size === fields.size ? [] : undefined;
    const parameter = parameters[index];
    const name = parameter.name.replace(/^_/, '');
    if (fields.has(name) && !covered.has(name) && fits(types, name, parameter.type)) {
      const rest = bind(index + 1, new Set([...covered, name]));
      if (rest) return [{ kind: 'field', field: name }, ...rest];
    }
    const wrapped = fields.has(name) && !covered.has(name) ? wrap?.(parameter.type, name, at) : undefined;
    if (wrapped) {
      const rest = bind(index + 1, new Set([...covered, name]));
      if (rest) return [wrapped, ...rest];
    }
    // An optional member of the object that a later parameter also takes by name (`constructor(props: { id?: Id, ... },
    // id?: Id)`, an Entity base keeping the id beside the props) is left to that parameter first: it is the one kept.
    const later = new Set(parameters.slice(index + 1).map((p) => p.name.replace(/^_/, '')));
    for (const reserved of later.size > 0 ? [later, undefined] : [undefined]) {
      const bound = new Set(covered);
      const object = bindObject(parameter.type.getNonNullableType(), fields, bound, at, true, types, wrap, reserved);
      if (object) {
        const rest = bind(index + 1, bound);
        if (rest) return [object, ...rest];
      }
    }
    const mode = fields.has(name) ? undefined : restoringMode(name, parameter.type);
    if (mode !== undefined) {
      const rest = bind(index + 1, covered);
      if (rest) return [{ kind: 'mode', text: mode }, ...rest];
    }
    return parameter.optional ? bind(index + 1, covered) : undefined;
  };
  return bind(0, new Set());
}

/**
 * An object type whose members are fields not yet covered, or (one level down, `nest`) objects of such fields:
 * `{ id, props: { email, role }, createdAt? }`. Optional members that are no field are left out. Marks what it binds.
 */
function bindObject(
  type: Type,
  fields: ReadonlySet<string>,
  covered: Set<string>,
  at: Node,
  nest: boolean,
  types?: FieldTypes,
  wrap?: Wrap,
  reserved?: ReadonlySet<string>,
): ObjectArgument | undefined {
  // An intersection too: `Omit<User, 'id'> & { id?: string }`, a class's own fields with some made optional.
  const properties =
    (type.isObject() || type.isIntersection()) &&
    !type.isArray() &&
    (!type.isClass() || isDataClass(type)) &&
    type.getCallSignatures().length === 0
      ? type.getProperties()
      : [];
  const bound = new Set(covered);
  const members: ObjectArgument['fields'] = [];
  const omittable: string[] = [];
  for (const property of properties) {
    const member = property.getName();
    const optional = property.hasFlags(ts.SymbolFlags.Optional);
    if (optional && reserved?.has(member)) continue;
    if (fields.has(member) && !bound.has(member) && fits(types, member, property.getTypeAtLocation(at))) {
      bound.add(member);
      members.push(member);
      if (optional) omittable.push(member);
      continue;
    }
    // `props: { id: MemberId; ... }` of a snapshot's primitives: the member's value object built from its primitive.
    const wrapped = fields.has(member) && !bound.has(member) && !optional ? wrap?.(property.getTypeAtLocation(at), member, at) : undefined;
    if (wrapped) {
      bound.add(member);
      members.push(wrapped);
      continue;
    }
    const object =
      nest && !optional
        ? bindObject(property.getTypeAtLocation(at).getNonNullableType(), fields, bound, at, false, types, wrap)
        : undefined;
    if (object) {
      members.push({ member, object });
      continue;
    }
    const mode = fields.has(member) ? undefined : restoringMode(member, property.getTypeAtLocation(at));
    if (mode !== undefined) {
      members.push({ member, mode });
      continue;
    }
    if (!optional) return undefined;
  }
  if (!members.some((m) => typeof m === 'string' || !('mode' in m))) return undefined;
  bound.forEach((field) => covered.add(field));
  return {
    kind: 'object',
    fields: members,
    ...(omittable.length > 0 ? { omittable } : {}),
  };
}

/**
 * A class of public properties only (`constructor(data: Client)` taking the class itself): an object literal of its
 * fields is one, as tsc sees it, so it binds like a props type.
 */
function isDataClass(type: Type): boolean {
  return type
    .getProperties()
    .every((p) => p.getDeclarations().every((d) => (Node.isPropertyDeclaration(d) || Node.isParameterDeclaration(d)) && isPublic(d)));
}

/** A property (own or inherited) with a public `set` accessor: assigning it runs the setter, deleting it does nothing. */
export function hasSetter(declaration: ClassDeclaration, name: string): boolean {
  const declarations = declaration.getType().getProperty(name)?.getDeclarations() ?? [];
  return declarations.some((d) => Node.isSetAccessorDeclaration(d) && isPublic(d));
}

/**
 * A `set` accessor of the property that may throw (a set-once or validating one): it may refuse to take the property
 * back to absent. One that calls anything (`Guard.against(value)`) may throw through the call, so only a setter of
 * plain assignments is taken to accept every value.
 */
export function hasGuardedSetter(declaration: ClassDeclaration, name: string): boolean {
  const declarations = declaration.getType().getProperty(name)?.getDeclarations() ?? [];
  const mayThrow = (d: Node) =>
    d.getDescendantsOfKind(ts.SyntaxKind.ThrowStatement).length > 0 ||
    d.getDescendantsOfKind(ts.SyntaxKind.NewExpression).length > 0 ||
    d.getDescendantsOfKind(ts.SyntaxKind.CallExpression).some((call) => !CONVERSION_CALL.test(call.getExpression().getText()));
  return declarations.some((d) => Node.isSetAccessorDeclaration(d) && mayThrow(d));
}

/** Conversions that accept any number or string (`this._id = Number(value)`): a setter calling only these takes any id back. */
const CONVERSION_CALL = /^(Number|String|Boolean|parseInt|parseFloat|Math\.\w+)$/;

/** A public property (own or inherited) that code outside the class may assign: not readonly, or with a public setter. */
export function isSettable(declaration: ClassDeclaration, name: string): boolean {
  const declarations = declaration.getType().getProperty(name)?.getDeclarations() ?? [];
  return declarations.some(
    (d) =>
      ((Node.isPropertyDeclaration(d) || Node.isParameterDeclaration(d)) && !d.isReadonly() && isPublic(d)) ||
      (Node.isSetAccessorDeclaration(d) && isPublic(d)),
  );
}
