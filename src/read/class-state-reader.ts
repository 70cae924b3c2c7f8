import { pascalCase } from 'change-case';
import { Node, ts, type ClassDeclaration, type Type } from 'ts-morph';
import { GenError } from '../errors.js';
import type { FieldModel, Rehydration, RehydrationArgument, Unwrap } from '../model/domain-model.js';
import { locate } from './source-location.js';
import type { TypeClassifier } from './type-classifier.js';

/** Static factories meant for rebuilding from storage, tried before `create` and the constructor. */
export const DEFAULT_REHYDRATORS = ['reconstitute', 'restore', 'rehydrate', 'fromPersistence', 'fromPrimitives', 'hydrate', 'load'];

/** Wrappers a factory may return, recognised by their members: how to unwrap, and how to see a failure. */
const UNWRAPPERS: { accessor: string; member: string; failures: [member: string, test: string][] }[] = [
  { accessor: '.getValue()', member: 'getValue', failures: [['isFailure', '.isFailure']] },
  { accessor: '.unwrap()', member: 'unwrap', failures: [] },
  { accessor: '.value', member: 'value', failures: [['isLeft', '.isLeft()'], ['isErr', '.isErr()'], ['isFailure', '.isFailure']] },
];

export type StateStyle = 'constructor-properties' | 'props-object' | 'private-fields';

export interface ClassState {
  style: StateStyle;
  fields: FieldModel[];
  rehydration: Rehydration;
}

interface StateMember {
  name: string;
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
export function readClassState(declaration: ClassDeclaration, classifier: TypeClassifier, projectRoot: string, rehydrators: readonly string[]): ClassState {
  const name = declaration.getName() ?? 'default';
  const { style, members } = stateMembers(declaration);
  if (members.length === 0) {
    throw new GenError(`class ${name} has no state to store`, locate(declaration, projectRoot), 'Declare its state as constructor parameter properties, a props object, or private fields with getters.');
  }
  const fields = members.map((member): FieldModel => {
    const location = locate(member.node, projectRoot);
    const use = classifier.classifyUse(member.type, member.node);
    if (use.type.kind === 'void' || use.type.kind === 'aggregate' || use.type.kind === 'page' || use.type.kind === 'unknown') {
      throw new GenError(`field '${member.name}' of ${name} has unsupported type '${use.text}'`, location);
    }
    return {
      name: member.name,
      type: use.type,
      optional: member.optional || use.absent === 'undefined',
      nullable: use.absent === 'null',
      list: use.list,
      mutable: member.mutable,
      access: accessor(declaration, member.name, location),
      location,
    };
  });
  return { style, fields, rehydration: rehydration(declaration, fields, projectRoot, rehydrators) };
}

function stateMembers(declaration: ClassDeclaration): { style: StateStyle; members: StateMember[] } {
  const type = declaration.getType();
  const props = type.getProperty('props');
  if (props) {
    const propsType = props.getTypeAtLocation(declaration);
    const members = propsType.getProperties().map((symbol) => memberOf(symbol.getName(), symbol.getTypeAtLocation(declaration), symbol.getDeclarations()[0] ?? declaration, symbol.hasFlags(ts.SymbolFlags.Optional), false));
    const id = type.getProperty('id');
    if (id && !members.some((m) => m.name === 'id')) members.unshift(memberOf('id', id.getTypeAtLocation(declaration), id.getDeclarations()[0] ?? declaration, false, false));
    return { style: 'props-object', members };
  }
  const ctor = declaration.getConstructors().find((c) => c.isImplementation()) ?? declaration.getConstructors()[0];
  const parameters = ctor?.getParameters().filter((p) => p.isParameterProperty()) ?? [];
  if (parameters.length > 0) {
    return {
      style: 'constructor-properties',
      members: parameters.map((p) => memberOf(p.getName(), p.getType(), p, p.hasQuestionToken(), !p.isReadonly() && p.getScope() !== 'private' && p.getScope() !== 'protected')),
    };
  }
  const fields = declaration.getProperties().filter((p) => !p.isStatic());
  return {
    style: 'private-fields',
    members: fields.map((p) => memberOf(p.getName(), p.getType(), p, p.hasQuestionToken(), !p.isReadonly() && p.getScope() !== 'private' && p.getScope() !== 'protected' && !p.getName().startsWith('#'))),
  };
}

/** `_condition` and `#condition` are read as `condition`. */
function memberOf(rawName: string, type: Type, node: Node, optional: boolean, mutable: boolean): StateMember {
  return { name: rawName.replace(/^[_#]/, ''), type, node, optional, mutable };
}

/** `.status` (a public property or getter), else `.getStatus()`, `.isStatus()` or `.hasStatus()`. */
function accessor(declaration: ClassDeclaration, name: string, location: { file: string; line: number }): string {
  const property = declaration.getType().getProperty(name);
  if (property && property.getDeclarations().some((d) => isPublicMember(d))) return `.${name}`;
  for (const prefix of ['get', 'is', 'has']) {
    const method = declaration.getType().getProperty(`${prefix}${pascalCase(name)}`);
    const node = method?.getDeclarations()[0];
    if (node && Node.isMethodDeclaration(node) && node.getParameters().length === 0 && node.getScope() !== 'private' && node.getScope() !== 'protected') return `.${prefix}${pascalCase(name)}()`;
  }
  throw new GenError(`field '${name}' of ${declaration.getName()} cannot be read from outside the class`, location, `Add a public getter \`get ${name}()\` (or a ${`get${pascalCase(name)}()`} method), or make it readonly and public.`);
}

function isPublicMember(node: Node): boolean {
  if (Node.isGetAccessorDeclaration(node) || Node.isPropertyDeclaration(node) || Node.isParameterDeclaration(node) || Node.isPropertySignature(node)) {
    if (Node.isPropertyDeclaration(node) && node.getName().startsWith('#')) return false;
    const scope = Node.isPropertySignature(node) ? undefined : node.getScope();
    return scope !== 'private' && scope !== 'protected';
  }
  return false;
}

function rehydration(declaration: ClassDeclaration, fields: FieldModel[], projectRoot: string, rehydrators: readonly string[]): Rehydration {
  const name = declaration.getName() ?? 'default';
  const names = new Set(fields.map((f) => f.name));
  const tried: string[] = [];
  for (const method of [...rehydrators, 'create']) {
    const factory = declaration.getStaticMethod(method);
    if (!factory || factory.getScope() === 'private' || factory.getScope() === 'protected') continue;
    tried.push(`${name}.${method}`);
    const args = bindParameters(factory.getParameters().map((p) => ({ name: p.getName(), type: p.getType(), optional: p.isOptional() })), names);
    const unwrap = unwrapOf(factory.getReturnType(), declaration);
    if (args && unwrap !== null) return { call: { kind: 'static', method }, arguments: args, ...(unwrap ? { unwrap } : {}) };
  }
  const ctor = declaration.getConstructors().find((c) => c.isImplementation()) ?? declaration.getConstructors()[0];
  if (ctor && ctor.getScope() !== 'private' && ctor.getScope() !== 'protected') {
    tried.push(`new ${name}`);
    const args = bindParameters(ctor.getParameters().map((p) => ({ name: p.getName(), type: p.getType(), optional: p.isOptional() })), names);
    if (args) return { call: { kind: 'constructor' }, arguments: args };
  }
  throw new GenError(
    `cannot rebuild ${name} from its stored fields (${fields.map((f) => f.name).join(', ')}): ${tried.length === 0 ? 'it has no public constructor or static factory' : `${tried.join(', ')} do not take exactly these fields`}`,
    locate(declaration, projectRoot),
    `Add \`static ${rehydrators[0] ?? 'reconstitute'}(props: ${name}Props${names.has('id') ? `, id: ${name}Id` : ''}): ${name}\` that rebuilds it without side effects, or a public constructor taking every field.`,
  );
}

/** Each parameter is a field by name, or an object whose members are fields; together they must cover every field once. */
function bindParameters(parameters: { name: string; type: Type; optional: boolean }[], fields: ReadonlySet<string>): RehydrationArgument[] | undefined {
  const covered = new Set<string>();
  const args: RehydrationArgument[] = [];
  for (const parameter of parameters) {
    const name = parameter.name.replace(/^_/, '');
    if (fields.has(name) && !covered.has(name)) {
      covered.add(name);
      args.push({ kind: 'field', field: name });
      continue;
    }
    const type = parameter.type.getNonNullableType();
    const members = type.isObject() && !type.isArray() && !type.isClass() && type.getCallSignatures().length === 0 ? type.getProperties().map((p) => p.getName()) : [];
    if (members.length > 0 && members.every((m) => fields.has(m) && !covered.has(m))) {
      members.forEach((m) => covered.add(m));
      args.push({ kind: 'object', fields: members });
      continue;
    }
    if (!parameter.optional) return undefined;
  }
  return covered.size === fields.size ? args : undefined;
}

/** undefined: the factory returns the class itself; an Unwrap for a known wrapper; null when it returns something else. */
function unwrapOf(returnType: Type, declaration: ClassDeclaration): Unwrap | undefined | null {
  const isTheClass = (type: Type) => type.getSymbol()?.getDeclarations().includes(declaration) ?? false;
  if (isTheClass(returnType)) return undefined;
  if (!returnType.getTypeArguments().some(isTheClass) && !returnType.getAliasTypeArguments().some(isTheClass)) return null;
  for (const unwrapper of UNWRAPPERS) {
    if (!returnType.getProperty(unwrapper.member)) continue;
    const failure = unwrapper.failures.find(([member]) => returnType.getProperty(member));
    return { accessor: unwrapper.accessor, ...(failure ? { failure: failure[1] } : {}) };
  }
  return null;
}
