import { Node, SyntaxKind, type ClassDeclaration, type InterfaceDeclaration, type MethodDeclaration, type MethodSignature, type Type } from 'ts-morph';
import { compareText } from '../compare.js';
import { GenError } from '../errors.js';
import type { PortMethod, PortModel, TypeUse } from '../model/domain-model.js';
import { locate, relativeFile } from './source-location.js';
import type { TypeClassifier } from './type-classifier.js';

export type PortDeclaration = InterfaceDeclaration | ClassDeclaration;

/** The method signatures of the port, in declaration order. */
export function readPort(declaration: PortDeclaration, classifier: TypeClassifier, projectRoot: string): PortModel {
  const methods: (MethodSignature | MethodDeclaration)[] = Node.isInterfaceDeclaration(declaration)
    ? declaration.getMethods()
    : declaration.getMethods().filter((m) => m.isAbstract());
  for (const property of declaration.getProperties()) {
    throw new GenError(`port ${declaration.getName()} declares property '${property.getName()}'; only methods are supported`, locate(property, projectRoot), 'Declare it as a method: `name(args): Promise<Result>`.');
  }
  return {
    name: declaration.getName() ?? 'default',
    file: relativeFile(declaration.getSourceFile().getFilePath(), projectRoot),
    location: locate(declaration, projectRoot),
    kind: Node.isInterfaceDeclaration(declaration) ? 'interface' : 'abstract-class',
    methods: methods.map((method) => readMethod(method, classifier, projectRoot)),
  };
}

function readMethod(method: MethodSignature | MethodDeclaration, classifier: TypeClassifier, projectRoot: string): PortMethod {
  const returnType = method.getReturnType();
  const promised = returnType.getSymbol()?.getName() === 'Promise' ? returnType.getTypeArguments()[0] : undefined;
  return {
    name: method.getName(),
    location: locate(method, projectRoot),
    parameters: method.getParameters().map((parameter) => ({
      name: parameter.getName(),
      use: classifyOrUnknown(classifier, parameter.getType(), parameter),
      optional: parameter.isOptional(),
    })),
    returns: classifyOrUnknown(classifier, promised ?? returnType, method),
    async: promised !== undefined,
    signatureText: {
      parameters: method.getParameters().map((p) => p.getText()),
      returns: method.getReturnTypeNode()?.getText() ?? returnType.getText(method),
    },
    typeReferences: typeReferences(method, projectRoot),
  };
}

/** A port may use any type in a method gen does not implement, so an unsupported type is kept, not fatal, here. */
function classifyOrUnknown(classifier: TypeClassifier, type: Type, at: Node): TypeUse {
  try {
    return classifier.classifyUse(type, at);
  } catch (error) {
    if (!(error instanceof GenError)) throw error;
    return { type: { kind: 'unknown', reason: error.message }, list: false, absent: 'none', text: type.getText(at) };
  }
}

/** The project's own types named in the signature, so a stub elsewhere can import them. */
function typeReferences(method: MethodSignature | MethodDeclaration, projectRoot: string): { name: string; file: string }[] {
  const found = new Map<string, string>();
  const nodes = [...method.getParameters().map((p) => p.getTypeNode()), method.getReturnTypeNode()];
  for (const node of nodes) {
    if (!node) continue;
    const references = [...(Node.isTypeReference(node) ? [node] : []), ...node.getDescendantsOfKind(SyntaxKind.TypeReference)];
    for (const reference of references.map((r) => r.getTypeName())) {
      const declaration = reference.getSymbol()?.getAliasedSymbol()?.getDeclarations()[0] ?? reference.getSymbol()?.getDeclarations()[0];
      const file = declaration?.getSourceFile();
      if (!file || file.isInNodeModules() || file.isDeclarationFile() || Node.isTypeParameterDeclaration(declaration)) continue;
      found.set(reference.getText(), relativeFile(file.getFilePath(), projectRoot));
    }
  }
  return [...found].map(([name, file]) => ({ name, file })).sort((a, b) => compareText(a.name, b.name));
}
