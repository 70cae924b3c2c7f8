import { Node, Scope, type ClassDeclaration, type Type } from 'ts-morph';
import { GenError } from '../errors.js';
import type { PartialPort } from '../model/domain-model.js';
import { locate } from './source-location.js';

/**
 * An abstract-class port that implements part of itself (a constructor, concrete fields or helpers, a base class):
 * the repositories extend it, inherit what it implements and implement its abstract methods. Undefined for an
 * abstract class of abstract members only, which the repositories implement as they do an interface.
 */
export function readPartialPort(declaration: ClassDeclaration, projectRoot: string): PartialPort | undefined {
  // Up the project's base classes: `abstract class LikeRepository extends Repository<Like> {}` over a base of abstract
  // methods only is still implemented as an interface is (static members and a constructor taking nothing aside).
  const chain: ClassDeclaration[] = [];
  for (let current: ClassDeclaration | undefined = declaration; current; current = current.getBaseClass()) chain.push(current);
  const implementsPart = chain.some(
    (c) =>
      c.getConstructors().some((k) => k.getParameters().length > 0) ||
      c.getMembers().some((m) => !Node.isConstructorDeclaration(m) && !isStatic(m) && (!hasAbstract(m) || Node.isPropertyDeclaration(m))),
  );
  if (!implementsPart) return undefined;
  refuseClashes(declaration, projectRoot);
  const implemented = chain.flatMap((c) =>
    c
      .getMembers()
      .flatMap((m) =>
        (Node.isMethodDeclaration(m) || Node.isPropertyDeclaration(m)) && !isStatic(m) && !hasAbstract(m) ? [m.getName()] : [],
      ),
  );
  return {
    samples: constructorSamples(declaration, projectRoot),
    abstractProperties: abstractProperties(declaration, projectRoot),
    implemented: [...new Set(implemented)].sort(),
  };
}

function isStatic(member: Node): boolean {
  return Node.isStaticable(member) && member.isStatic();
}

function hasAbstract(member: Node): boolean {
  return Node.isAbstractable(member) && member.isAbstract();
}

/** The class or base (nearest first) whose constructor the port's subclasses call. */
function declaredConstructor(declaration: ClassDeclaration): Node | undefined {
  for (let current: ClassDeclaration | undefined = declaration; current; current = current.getBaseClass()) {
    const constructors = current.getConstructors();
    if (constructors.length > 0) return constructors[0];
  }
  return undefined;
}

/** A sample argument for each constructor parameter, with the base's type arguments substituted (`RepositoryBase<Task>`). */
function constructorSamples(declaration: ClassDeclaration, projectRoot: string): string[] {
  const constructor = declaredConstructor(declaration);
  if (!constructor) return [];
  // The generated classes take the port's constructor parameters (`ConstructorParameters<typeof Port>`) and the tests
  // construct them: both need a public constructor (tsc refuses a protected one in ConstructorParameters).
  if (Node.isConstructorDeclaration(constructor) && constructor.getScope() !== Scope.Public) {
    throw new GenError(
      `port ${declaration.getName()} has a ${constructor.getScope()} constructor, which the generated repositories that extend it cannot pass on`,
      locate(constructor, projectRoot),
      'Make the constructor public, or implement an interface port instead.',
    );
  }
  const staticSide = declaration.getSymbolOrThrow().getTypeAtLocation(declaration);
  const signature = staticSide.getConstructSignatures()[0];
  if (!signature) return [];
  return signature.getParameters().map((parameter, index) => {
    const node = parameter.getDeclarations()[0];
    const type = parameter.getTypeAtLocation(declaration);
    const declared = node && Node.isParameterDeclaration(node) ? node : undefined;
    if (declared && (declared.isOptional() || declared.hasInitializer())) return 'undefined';
    // A destructured parameter (`{ ...props }`) has no name of its own: named by its place.
    const name = declared && !Node.isIdentifier(declared.getNameNode()) ? `parameter ${index + 1}` : parameter.getName();
    const built = sampleOf(type, parameter.getName(), declaration);
    if (typeof built === 'string') return built;
    // The type as written where it is declared (`Clock`, not `import("./clock").Clock`).
    const written = declared?.getTypeNode()?.getText() ?? type.getText(declaration);
    const member = built.path.length > 0 ? ` (its '${built.path.join('.')}: ${built.type}' ${built.why})` : ` (${built.why})`;
    throw new GenError(
      `port ${declaration.getName()}'s constructor takes ${name === parameter.getName() ? `'${name}: ${written}'` : `${name}: ${written}`}${member}, which the generated repositories pass on to it but gen cannot build a value of for the generated tests`,
      locate(constructor, projectRoot),
      `Give ${name === parameter.getName() ? `'${name}'` : name} a default value or make it optional, or type it as functions returning void and objects of strings, numbers, booleans and such functions (gen passes no-ops and samples); or implement an interface port instead of extending this class.`,
    );
  });
}

/** Why no sample could be built: the member (a path into the object) and what it is. */
interface NoSample {
  path: string[];
  type: string;
  why: string;
}

/**
 * A value of `type` the generated tests can pass: a no-op for a callback returning void, a sample for primitives,
 * and plain objects of them (a logger interface of void methods); else what stopped it.
 */
function sampleOf(type: Type, name: string, at: Node, depth = 0): string | NoSample {
  const no = (why: string): NoSample => ({ path: [], type: type.getText(at).replace(/import\("[^"]*"\)\./g, ''), why });
  if (type.isStringLiteral() || type.isNumberLiteral() || type.isBooleanLiteral()) return type.getText();
  if (type.isString()) return `'${name.replace(/[^A-Za-z0-9_ -]/g, '')}'`;
  if (type.isNumber()) return '0';
  if (type.isBoolean()) return 'false';
  if (type.isUndefined() || type.isNull()) return type.getText();
  if (type.isUnion()) {
    const parts = type.getUnionTypes();
    if (parts.some((p) => p.isUndefined())) return 'undefined';
    if (parts.some((p) => p.isNull())) return 'null';
    for (const part of parts) {
      const sample = sampleOf(part, name, at, depth);
      if (typeof sample === 'string') return sample;
    }
    return no('is a union of types gen cannot sample');
  }
  if (type.isArray()) return '[]';
  const calls = type.getCallSignatures();
  if (calls.length > 0) {
    if (type.getProperties().length > 0) return no('is a function with properties');
    const returns = calls[0].getReturnType();
    if (returns.isUndefined() || returns.getText() === 'void') return '() => undefined';
    if (returns.getSymbol()?.getName() === 'Promise') {
      const promised = returns.getTypeArguments()[0];
      if (promised && (promised.isUndefined() || promised.getText() === 'void')) return '() => Promise.resolve()';
    }
    return no('is a function that returns a value');
  }
  const declaration = type.getSymbol()?.getDeclarations()[0];
  // A class instance (an event bus, a client) is no plain object: its private state cannot be sampled.
  if (declaration && Node.isClassDeclaration(declaration)) return no('is a class');
  if (!type.isObject() || depth >= 3 || type.getConstructSignatures().length > 0) return no('is no plain object');
  const members: string[] = [];
  for (const property of type.getProperties()) {
    if (property.isOptional()) continue;
    const sample = sampleOf(property.getTypeAtLocation(at), property.getName(), at, depth + 1);
    if (typeof sample !== 'string') return { ...sample, path: [property.getName(), ...sample.path] };
    // A method (`log(message: string): void`) is written as a property holding the no-op.
    const key = /^[A-Za-z_$][\w$]*$/.test(property.getName()) ? property.getName() : `'${property.getName()}'`;
    members.push(`${key}: ${sample}`);
  }
  return members.length === 0 ? '{}' : `{ ${members.join(', ')} }`;
}

/**
 * Abstract properties the port and its bases leave to implementations (`protected abstract readonly repositoryName: string`):
 * a string is given the repository's class name; any other is refused at its line.
 */
function abstractProperties(declaration: ClassDeclaration, projectRoot: string): PartialPort['abstractProperties'] {
  const found: PartialPort['abstractProperties'] = [];
  for (const symbol of declaration.getType().getProperties()) {
    const declarations = symbol.getDeclarations();
    const node = declarations[0];
    if (!node || !(Node.isPropertyDeclaration(node) || Node.isGetAccessorDeclaration(node))) continue;
    if (!declarations.every((d) => hasAbstract(d))) continue;
    const type = symbol.getTypeAtLocation(declaration);
    const scope = node.getScope();
    if (type.getCallSignatures().length === 0 && type.isString() && scope !== Scope.Private) {
      found.push({
        name: symbol.getName(),
        scope: scope === Scope.Protected ? 'protected' : 'public',
        readonly: Node.isGetAccessorDeclaration(node) || node.isReadonly(),
      });
      continue;
    }
    throw new GenError(
      `port ${declaration.getName()} leaves abstract property '${symbol.getName()}: ${(Node.isPropertyDeclaration(node) ? node.getTypeNode() : node.getReturnTypeNode())?.getText() ?? type.getText(declaration)}' to its implementations; gen fills only a string one (with the repository's class name)`,
      locate(node, projectRoot),
      type.getCallSignatures().length > 0
        ? 'Declare it as an abstract method: `name(args): Promise<Result>`.'
        : `Give '${symbol.getName()}' its value in the port (\`readonly ${symbol.getName()} = ...\`), so that both repositories inherit it.`,
    );
  }
  return found.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/**
 * The members the generated repositories declare beside the port's methods (templates/repository.ejs and
 * in-memory-repository.ejs): a port member of the same name would be overridden, or clash in type or visibility.
 */
const REPOSITORY_MEMBERS = [
  'aggregateStore',
  'aggregates',
  'dataSource',
  'dialect',
  'loaded',
  'orm',
  'remember',
  'rows',
  'rowsMatching',
  'rootsMatching',
  'store',
];

function refuseClashes(declaration: ClassDeclaration, projectRoot: string): void {
  for (const symbol of declaration.getType().getProperties()) {
    if (!REPOSITORY_MEMBERS.includes(symbol.getName())) continue;
    // An abstract method is the port's, implemented by the repositories under its name (`store` moves gen's map aside).
    if (symbol.getName() === 'store' && symbol.getDeclarations().every((d) => Node.isMethodDeclaration(d) && d.isAbstract())) continue;
    const node = symbol.getDeclarations()[0];
    throw new GenError(
      `port ${declaration.getName()} has a member '${symbol.getName()}', a name the generated repositories that extend it use for their own state`,
      node ? locate(node, projectRoot) : locate(declaration, projectRoot),
      `Rename '${symbol.getName()}' in the port (gen's repositories use ${REPOSITORY_MEMBERS.join(', ')}).`,
    );
  }
}
