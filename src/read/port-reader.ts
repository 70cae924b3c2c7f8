import { Node, type ClassDeclaration, type InterfaceDeclaration, type MethodDeclaration, type MethodSignature } from 'ts-morph';
import { GenError } from '../errors.js';
import type { PortMethod, PortModel } from '../model/domain-model.js';
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
      use: classifier.classifyUse(parameter.getType(), parameter),
      optional: parameter.isOptional(),
    })),
    returns: classifier.classifyUse(promised ?? returnType, method),
    async: promised !== undefined,
  };
}
