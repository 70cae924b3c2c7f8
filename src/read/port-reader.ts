import {
  Node,
  SyntaxKind,
  TypeFormatFlags,
  ts,
  type ClassDeclaration,
  type InterfaceDeclaration,
  type MethodDeclaration,
  type MethodSignature,
  type ParameterDeclaration,
  type SourceFile,
  type Type,
  type TypeAliasDeclaration,
} from 'ts-morph';
import { compareText } from '../compare.js';
import { GenError } from '../errors.js';
import {
  type ParameterMember,
  type PortMethod,
  type PortModel,
  type PortParameter,
  type PortRef,
  type TypeUse,
} from '../model/domain-model.js';
import { locate, relativeFile } from './source-location.js';
import type { TypeClassifier } from './type-classifier.js';
import { unitOfWorkParameter } from './unit-of-work-reader.js';
import type { OptionConfig } from '../config/option-config.js';
import { readOptionUse } from './option-reader.js';
import { readPartialPort } from './partial-port-reader.js';

export type PortDeclaration = InterfaceDeclaration | ClassDeclaration | TypeAliasDeclaration;

/** The method signatures of the port, in declaration order. */
export function readPort(declaration: PortDeclaration, classifier: TypeClassifier, projectRoot: string, option?: OptionConfig): PortModel {
  const methods: (MethodSignature | MethodDeclaration)[] = Node.isInterfaceDeclaration(declaration)
    ? declaration.getMethods()
    : Node.isClassDeclaration(declaration)
      ? declaration.getMethods().filter((m) => m.isAbstract())
      : [];
  for (const property of Node.isTypeAliasDeclaration(declaration) ? [] : declaration.getProperties()) {
    // `getById: (id: number) => Promise<Vehicle | null>`: a member of function type is a method, read with the
    // inherited ones from the port's type (typeLevelMethods); a class implements it with a method.
    if (Node.isInterfaceDeclaration(declaration) && property.getType().getCallSignatures().length > 0) continue;
    // An abstract class's concrete field is its own (`readonly repositoryName = 'TaskRepository'`, a `mapper`): the
    // repositories extend the class and inherit it; an abstract one is read by readPartialPort.
    if (Node.isClassDeclaration(declaration) && !(Node.isPropertyDeclaration(property) && property.isAbstract())) continue;
    if (Node.isClassDeclaration(declaration) && property.getType().getCallSignatures().length === 0) continue;
    throw new GenError(
      `port ${declaration.getName()} declares property '${property.getName()}'; only methods are supported`,
      locate(property, projectRoot),
      'Declare it as a method: `name(args): Promise<Result>`.',
    );
  }
  const own = methods.map((method) => readMethod(method, classifier, projectRoot, option));
  const partial = Node.isClassDeclaration(declaration) ? readPartialPort(declaration, projectRoot) : undefined;
  // An abstract class's concrete methods are its own business, but the abstract ones it inherits (`abstract class
  // LikeRepository extends Repository<Like>`) are the port's as much as its own; an interface's or alias's members all are.
  const inherited = typeLevelMethods(declaration, own, classifier, projectRoot, option);
  return {
    name: declaration.getName() ?? 'default',
    file: relativeFile(declaration.getSourceFile().getFilePath(), projectRoot),
    location: locate(declaration, projectRoot),
    kind: Node.isInterfaceDeclaration(declaration) ? 'interface' : Node.isClassDeclaration(declaration) ? 'abstract-class' : 'type-alias',
    methods: [...inherited, ...own],
    ports: [{ ...portRef(declaration, projectRoot), ...(partial ? { partial } : {}) }],
    leftAlone: [],
  };
}

export function portRef(declaration: PortDeclaration, projectRoot: string): PortRef {
  return {
    name: declaration.getName() ?? 'default',
    file: relativeFile(declaration.getSourceFile().getFilePath(), projectRoot),
    location: locate(declaration, projectRoot),
    ...(isDefaultExport(declaration) ? { defaultExport: true } : {}),
  };
}

function isDefaultExport(declaration: Node): boolean {
  return (Node.isClassDeclaration(declaration) || Node.isInterfaceDeclaration(declaration)) && declaration.isDefaultExport();
}

/**
 * Methods a port inherits from a generic base (`interface UserRepositoryPort extends RepositoryPort<User, UserId>`),
 * or declares through a type alias, with type arguments substituted: read from the port's type, since their
 * declarations may still say `T`.
 */
function typeLevelMethods(
  declaration: PortDeclaration,
  own: PortMethod[],
  classifier: TypeClassifier,
  projectRoot: string,
  option: OptionConfig | undefined,
): PortMethod[] {
  const ownNames = new Set(own.map((m) => m.name));
  const methods: PortMethod[] = [];
  for (const symbol of declaration.getType().getProperties()) {
    if (ownNames.has(symbol.getName())) continue;
    const node = symbol.getDeclarations()[0];
    const signature = symbol.getTypeAtLocation(declaration).getCallSignatures()[0];
    if (!node || !signature) continue;
    if (Node.isClassDeclaration(declaration) && !(Node.isMethodDeclaration(node) && node.isAbstract())) continue;
    const returnType = signature.getReturnType();
    const promised = returnType.getSymbol()?.getName() === 'Promise' ? returnType.getTypeArguments()[0] : undefined;
    const parameters = signature.getParameters().map((parameter, index) => {
      const parameterNode = parameter.getDeclarations()[0];
      const binding =
        parameterNode && Node.isParameterDeclaration(parameterNode)
          ? destructured(parameterNode, parameter.getTypeAtLocation(declaration), index, classifier, declaration)
          : undefined;
      if (binding) return binding;
      return withMembers(
        {
          name: parameter.getName(),
          use: classifyParameter(classifier, parameter.getTypeAtLocation(declaration), declaration),
          optional: parameterNode !== undefined && Node.isParameterDeclaration(parameterNode) && parameterNode.isOptional(),
        },
        parameter.getTypeAtLocation(declaration),
        declaration,
        classifier,
      );
    });
    // An Option declared in the base (`Promise<Option<Entity>>`) is read from the base's node, which says how
    // the wrapper is imported, with what it wraps taken from the substituted type (`Option<User>`).
    const wrapped = promised ?? returnType;
    const optionUse =
      Node.isMethodSignature(node) || Node.isMethodDeclaration(node)
        ? optionOrUndefined(node, classifier, projectRoot, option, wrapped.getAliasTypeArguments()[0] ?? wrapped.getTypeArguments()[0])
        : undefined;
    const returns = optionUse ? { ...optionUse, text: wrapped.getText(declaration) } : classifyOrUnknown(classifier, wrapped, declaration);
    const uses = [...parameters.map((p) => p.use), returns];
    const unitOfWork = unitOfWorkParameter(signature, declaration);
    // The stub's signature is the port's own, type arguments substituted (`Report<Ticket>`, not the classified `unknown`).
    const text = (type: Type): string =>
      type.getText(undefined, TypeFormatFlags.NoTruncation | TypeFormatFlags.UseAliasDefinedOutsideCurrentScope);
    // `<K extends keyof Ticket>`: the method's own type parameters, their constraints substituted too (the
    // checker's own declarations of them: ts-morph's getConstraint() still says `keyof Entity`).
    const checker = declaration.getProject().getTypeChecker().compilerObject;
    const printer = ts.createPrinter({ removeComments: true });
    const flags =
      ts.NodeBuilderFlags.NoTruncation | ts.NodeBuilderFlags.UseAliasDefinedOutsideCurrentScope | ts.NodeBuilderFlags.IgnoreErrors;
    const typeParameters = signature.getTypeParameters().map((p) => {
      const built = checker.typeParameterToDeclaration(p.compilerType, undefined, flags);
      return built ? printer.printNode(ts.EmitHint.Unspecified, built, declaration.getSourceFile().compilerNode) : text(p);
    });
    // The constraints as declared (the base's own type parameters are skipped there): the kernel types they name.
    const bounds = signature.getTypeParameters().flatMap((p) => (p.getConstraint() ? [p.getConstraint()!] : []));
    methods.push({
      name: symbol.getName(),
      location: locate(node, projectRoot),
      parameters,
      returns,
      async: promised !== undefined,
      signatureText: {
        parameters: signature
          .getParameters()
          .map(
            (p, i) =>
              `${parameters[i].destructured?.pattern ?? p.getName()}${parameters[i].optional && !parameters[i].destructured ? '?' : ''}: ${text(p.getTypeAtLocation(declaration))}`,
          ),
        returns: text(returnType),
        ...(typeParameters.length > 0 ? { typeParameters } : {}),
      },
      // The project types the real signature names, and those gen classified in it (an aggregate, say).
      typeReferences: [
        ...referencedTypes([...signature.getParameters().map((p) => p.getTypeAtLocation(declaration)), returnType, ...bounds], projectRoot),
        ...uses.map((u) => u.type).flatMap((t) => ('file' in t && 'name' in t ? [{ name: t.name, file: t.file }] : [])),
      ]
        .filter((ref, i, all) => all.findIndex((r) => r.name === ref.name) === i)
        .sort((a, b) => compareText(a.name, b.name)),
      ...(unitOfWork ? { unitOfWork } : {}),
    });
  }
  return methods;
}

function readMethod(
  method: MethodSignature | MethodDeclaration,
  classifier: TypeClassifier,
  projectRoot: string,
  option: OptionConfig | undefined,
): PortMethod {
  const returnType = method.getReturnType();
  const promised = returnType.getSymbol()?.getName() === 'Promise' ? returnType.getTypeArguments()[0] : undefined;
  const unitOfWork = unitOfWorkParameter(method.getSignature(), method);
  return {
    name: method.getName(),
    location: locate(method, projectRoot),
    parameters: method.getParameters().map(
      (parameter, index) =>
        destructured(parameter, parameter.getType(), index, classifier) ??
        withMembers(
          {
            name: parameter.getName(),
            use: classifyParameter(classifier, parameter.getType(), parameter),
            optional: parameter.isOptional(),
          },
          parameter.getType(),
          parameter,
          classifier,
        ),
    ),
    returns: optionOrUndefined(method, classifier, projectRoot, option) ?? classifyOrUnknown(classifier, promised ?? returnType, method),
    async: promised !== undefined,
    signatureText: {
      parameters: method.getParameters().map((p) => p.getText()),
      returns: method.getReturnTypeNode()?.getText() ?? returnType.getText(method),
      ...(method.getTypeParameters().length > 0 ? { typeParameters: method.getTypeParameters().map((p) => p.getText()) } : {}),
    },
    typeReferences: typeReferences(method, projectRoot),
    ...(unitOfWork ? { unitOfWork } : {}),
  };
}

/** A parameter is only read: a class gen cannot store may still be read as the text it gives (TypeClassifier.textParameter). */
function classifyParameter(classifier: TypeClassifier, type: Type, at: Node): TypeUse {
  const use = classifyOrUnknown(classifier, type, at);
  const text = use.type.kind === 'unknown' ? classifier.textParameter(type) : undefined;
  return text ? { ...use, type: text } : use;
}

/** A port may use any type in a method gen does not implement, so an unsupported type is kept, not fatal, here. */
function classifyOrUnknown(classifier: TypeClassifier, type: Type, at: Node): TypeUse {
  const either = oneOrList(type);
  if (either) {
    const use = classifyOrUnknown(classifier, either, at);
    return use.absent === 'none' && !use.list && use.type.kind !== 'unknown'
      ? { ...use, orList: true, text: type.getText(at) }
      : { ...use, text: type.getText(at) };
  }
  try {
    return classifier.classifyUse(type, at, false);
  } catch (error) {
    if (!(error instanceof GenError)) throw error;
    return {
      type: { kind: 'unknown', reason: error.message },
      list: false,
      absent: 'none',
      text: type.getText(at),
    };
  }
}

/**
 * `findOne({ id }: { id: string })`, `findBy({ email }: Pick<User, 'email'>)`: a parameter destructured into one member
 * is read as that member (named as the body reads it, typed as the member), so the lookups read it as `id` or `email`.
 * A pattern of several members, a nested or rest one, a default, or one member of a wider type is kept whole, under a name of its own
 * (`destructured.member` absent): left to the user (map-feature.ts). Undefined for a parameter with a plain name.
 */
function destructured(
  parameter: ParameterDeclaration,
  type: Type,
  index: number,
  classifier: TypeClassifier,
  at: Node = parameter,
): PortParameter | undefined {
  const pattern = parameter.getNameNode();
  if (!Node.isObjectBindingPattern(pattern) && !Node.isArrayBindingPattern(pattern)) return undefined;
  const whole = { pattern: pattern.getText() };
  const elements = Node.isObjectBindingPattern(pattern) ? pattern.getElements() : [];
  const element = elements.length === 1 ? elements[0] : undefined;
  const local = element?.getNameNode();
  const member = element?.getPropertyNameNode()?.getText() ?? local?.getText();
  const symbol = member === undefined ? undefined : type.getProperty(member);
  // A type with members the pattern leaves out (`{ page }: PaginationParams` of page and perPage) is no one-member
  // lookup: read as `page` alone, what the caller passes in the others would be ignored.
  const wider = type.getProperties().length !== 1;
  if (!element || !Node.isIdentifier(local) || element.getDotDotDotToken() || element.getInitializer() || !symbol || wider)
    return {
      name: `arg${index}`,
      use: { type: { kind: 'unknown', reason: 'a destructured parameter' }, list: false, absent: 'none', text: type.getText(at) },
      optional: parameter.isOptional(),
      destructured: whole,
    };
  const memberType = symbol.getTypeAtLocation(at);
  return withMembers(
    {
      name: local.getText(),
      use: classifyParameter(classifier, memberType, at),
      optional: parameter.isOptional() || symbol.isOptional(),
      destructured: { ...whole, member: member! },
    },
    memberType,
    at,
    classifier,
  );
}

/**
 * A parameter of an object type gen does not store (a DTO, `Partial<T>`, `Omit<T, 'id'>`, an object literal type),
 * with its data members: what a writer taking fields reads them as (crud-vocabulary.ts). Methods are left out.
 */
function withMembers(parameter: PortParameter, type: Type, at: Node, classifier: TypeClassifier): PortParameter {
  if (parameter.use.type.kind !== 'unknown' || !type.isObject() || type.isArray() || type.getCallSignatures().length > 0) return parameter;
  const members: ParameterMember[] = [];
  for (const symbol of type.getProperties()) {
    const declared = symbol.getDeclarations()[0];
    const memberType = symbol.getTypeAtLocation(at);
    if (declared && (Node.isMethodDeclaration(declared) || Node.isMethodSignature(declared))) continue;
    if (memberType.getCallSignatures().length > 0) continue;
    const name = symbol.getName();
    if (name.startsWith('#') || name.startsWith('__')) continue;
    members.push({ name, use: classifyOrUnknown(classifier, memberType, at), optional: symbol.isOptional() });
  }
  return members.length > 0 ? { ...parameter, members } : parameter;
}

/** `User | User[]`: the element type, else undefined. */
function oneOrList(type: Type): Type | undefined {
  if (!type.isUnion() || type.isBoolean() || type.isEnum()) return undefined;
  const parts = type.getUnionTypes();
  if (parts.length !== 2) return undefined;
  const list = parts.find((p) => p.isArray());
  const one = parts.find((p) => !p.isArray());
  return list && one && list.getArrayElementTypeOrThrow() === one ? one : undefined;
}

/** An Option-wrapped return type (option-reader.ts); one whose contents gen cannot type is read as usual, as unknown. */
function optionOrUndefined(
  method: MethodSignature | MethodDeclaration,
  classifier: TypeClassifier,
  projectRoot: string,
  option: OptionConfig | undefined,
  wrapped?: Type,
): TypeUse | undefined {
  try {
    return readOptionUse(method.getReturnTypeNode(), classifier, projectRoot, option, wrapped);
  } catch (error) {
    if (error instanceof GenError) return undefined;
    throw error;
  }
}

/** The project's own types named in the signature, so a stub elsewhere can import them. */
function typeReferences(method: MethodSignature | MethodDeclaration, projectRoot: string): PortMethod['typeReferences'] {
  const found = new Map<string, { file: string; defaultExport: boolean }>();
  const packages = new Map<string, PortMethod['typeReferences'][number]>();
  // A type parameter's constraint and default are named in the stub's signature too (`<T extends PaginatedQueryParams>`).
  const nodes = [
    ...method.getTypeParameters().flatMap((p) => [p.getConstraint(), p.getDefault()]),
    ...method.getParameters().map((p) => p.getTypeNode()),
    method.getReturnTypeNode(),
  ];
  for (const node of nodes) {
    if (!node) continue;
    const references = [...(Node.isTypeReference(node) ? [node] : []), ...node.getDescendantsOfKind(SyntaxKind.TypeReference)];
    for (const reference of references.map((r) => r.getTypeName())) {
      const declaration = reference.getSymbol()?.getAliasedSymbol()?.getDeclarations()[0] ?? reference.getSymbol()?.getDeclarations()[0];
      const file = declaration?.getSourceFile();
      if (file && (file.isInNodeModules() || file.isDeclarationFile())) {
        // A package's type (dayjs's `Dayjs`): imported from the package as the port's file imports it.
        const imported = packageImport(method.getSourceFile(), reference.getText().split('.')[0]);
        if (imported) packages.set(imported.name, imported);
        continue;
      }
      if (!file || Node.isTypeParameterDeclaration(declaration)) continue;
      found.set(reference.getText(), {
        file: relativeFile(file.getFilePath(), projectRoot),
        defaultExport: declaration !== undefined && isDefaultExport(declaration),
      });
    }
  }
  return [
    ...[...found].map(([name, { file, defaultExport }]) => ({
      name,
      file,
      ...(defaultExport ? { defaultExport } : {}),
    })),
    ...packages.values(),
  ].sort((a, b) => compareText(a.name, b.name));
}

/** How `file` imports the name `local` from a package: `{ Dayjs }`, `{ Dayjs as D }` (named `Dayjs as D`), a default or namespace import. */
function packageImport(file: SourceFile, local: string): PortMethod['typeReferences'][number] | undefined {
  for (const declaration of file.getImportDeclarations()) {
    const module = declaration.getModuleSpecifierValue();
    if (module.startsWith('.') || module.startsWith('/')) continue;
    if (declaration.getDefaultImport()?.getText() === local) return { name: local, file: module, package: 'default' };
    if (declaration.getNamespaceImport()?.getText() === local) return { name: local, file: module, package: 'namespace' };
    for (const named of declaration.getNamedImports()) {
      const alias = named.getAliasNode()?.getText();
      if ((alias ?? named.getName()) === local)
        return { name: alias ? `${named.getName()} as ${alias}` : local, file: module, package: 'named' };
    }
  }
  return undefined;
}

/**
 * The project's own named types inside resolved types (type arguments, unions, function types, alias arguments
 * included), by the name the checker prints them with, so a stub elsewhere can import them.
 */
function referencedTypes(types: readonly Type[], projectRoot: string): PortMethod['typeReferences'] {
  const found = new Map<string, { file: string; defaultExport: boolean }>();
  const seen = new Set<Type>();
  const visit = (type: Type): void => {
    if (seen.has(type)) return;
    seen.add(type);
    const alias = type.getAliasSymbol();
    const symbol = alias ?? type.getSymbol();
    const first = symbol?.getDeclarations()[0];
    // An enum's members come as a union of its literals: the enum is what is named.
    const declaration = first && Node.isEnumMember(first) ? first.getParent() : first;
    // A default-exported class's symbol is named `default`: the stub imports it under its declared name.
    const declared =
      declaration && (Node.isClassDeclaration(declaration) || Node.isFunctionDeclaration(declaration)) ? declaration.getName() : undefined;
    const name =
      first && Node.isEnumMember(first) ? first.getParent().getName() : symbol?.getName() === 'default' ? declared : symbol?.getName();
    const file = declaration?.getSourceFile();
    if (
      name &&
      declaration &&
      file &&
      !file.isInNodeModules() &&
      !file.isDeclarationFile() &&
      !Node.isTypeParameterDeclaration(declaration) &&
      !type.isAnonymous()
    ) {
      found.set(name, {
        file: relativeFile(file.getFilePath(), projectRoot),
        defaultExport: isDefaultExport(declaration),
      });
      // A project alias is named as itself (`type Note = Base & { ... }`): only its type arguments are named beside it.
      if (alias) {
        type.getAliasTypeArguments().forEach(visit);
        return;
      }
    }
    const nested = [
      ...(alias ? type.getAliasTypeArguments() : type.getTypeArguments()),
      ...(type.isUnion() ? type.getUnionTypes() : []),
      ...(type.isIntersection() ? type.getIntersectionTypes() : []),
      ...(type.isAnonymous()
        ? type.getProperties().flatMap((p) => {
            const at = p.getDeclarations()[0];
            return at ? [p.getTypeAtLocation(at)] : [];
          })
        : []),
      ...type.getCallSignatures().flatMap((s) => [
        s.getReturnType(),
        ...s.getParameters().flatMap((p) => {
          const at = p.getDeclarations()[0];
          return at ? [p.getTypeAtLocation(at)] : [];
        }),
      ]),
    ];
    nested.forEach(visit);
  };
  types.forEach(visit);
  return [...found]
    .map(([name, { file, defaultExport }]) => ({
      name,
      file,
      ...(defaultExport ? { defaultExport } : {}),
    }))
    .sort((a, b) => compareText(a.name, b.name));
}
