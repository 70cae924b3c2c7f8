import { Node, type ClassDeclaration, type Type } from 'ts-morph';
import { isPublic } from './visibility.js';
import { GenError } from '../errors.js';
import type { Rehydration, WrappedCollection } from '../model/domain-model.js';
import { constructorParameters, elementOf, unwrapOf } from './type-shapes.js';
import { locate, relativeFile } from './source-location.js';

/** Methods and properties that give a collection class's items, in the order they are tried. */
const ITEM_METHODS = ['getItems', 'toArray', 'getAll', 'all'];
const ITEM_PROPERTIES = ['items'];

/** Static factories that build a collection from its items, tried before the constructor. */
const FACTORIES = ['create', 'of', 'from', 'fromArray'];

/**
 * A class that wraps a list, as watched lists (`class Comments extends WatchedList<Comment>`) and custom
 * `XCollection` classes do: it has no id, a public accessor returning an array, and a factory or constructor
 * taking that array. Returns the element type with how to read and rebuild it; undefined for any other class.
 */
export function readWrappedCollection(
  type: Type,
  declaration: ClassDeclaration,
  at: Node,
  projectRoot: string,
): { element: Type; collection: WrappedCollection } | undefined {
  if (type.getProperty('id')) return undefined;
  const items = itemsAccess(type, at);
  if (!items) return undefined;
  const name = declaration.getName() ?? 'default';
  const rehydration = rebuildFromItems(declaration);
  if (!rehydration) {
    throw new GenError(
      `collection ${name} cannot be rebuilt from its items`,
      locate(declaration, projectRoot),
      `Add \`static create(items: ${items.element.getText(declaration)}[]): ${name}\` or a public constructor taking the items.`,
    );
  }
  return {
    element: items.element,
    collection: {
      className: name,
      file: relativeFile(declaration.getSourceFile().getFilePath(), projectRoot),
      itemsAccess: items.access,
      rehydration,
    },
  };
}

function itemsAccess(type: Type, at: Node): { access: string; element: Type } | undefined {
  for (const method of ITEM_METHODS) {
    const symbol = type.getProperty(method);
    const node = symbol?.getDeclarations()[0];
    if (!symbol || !node || !Node.isMethodDeclaration(node) || !isPublic(node) || node.isStatic()) continue;
    const signature = symbol
      .getTypeAtLocation(at)
      .getCallSignatures()
      .find((s) => s.getParameters().every((p) => p.getDeclarations().some((d) => Node.isParameterDeclaration(d) && d.isOptional())));
    const element = signature && elementOf(signature.getReturnType());
    if (element) return { access: `.${method}()`, element };
  }
  for (const property of ITEM_PROPERTIES) {
    const symbol = type.getProperty(property);
    const node = symbol?.getDeclarations()[0];
    if (
      !symbol ||
      !node ||
      !(Node.isGetAccessorDeclaration(node) || Node.isPropertyDeclaration(node) || Node.isParameterDeclaration(node)) ||
      !isPublic(node)
    )
      continue;
    const element = elementOf(symbol.getTypeAtLocation(at));
    if (element) return { access: `.${property}`, element };
  }
  return undefined;
}

/** `static create(items: T[])` (maybe returning a Result), else `new X(items)`: one array parameter, any others optional. */
function rebuildFromItems(declaration: ClassDeclaration): Rehydration | undefined {
  const takesItems = (parameters: { type: Type; optional: boolean }[]) =>
    parameters.length > 0 &&
    elementOf(parameters[0].type.getNonNullableType()) !== undefined &&
    parameters.slice(1).every((p) => p.optional);
  const args: Rehydration['arguments'] = [{ kind: 'field', field: 'items' }];
  for (const method of FACTORIES) {
    const factory = declaration.getStaticMethod(method);
    if (!factory || !isPublic(factory)) continue;
    const unwrap = unwrapOf(factory.getReturnType(), declaration);
    if (unwrap === null || !takesItems(factory.getParameters().map((p) => ({ type: p.getType(), optional: p.isOptional() })))) continue;
    return {
      call: { kind: 'static', method },
      arguments: args,
      ...(unwrap ? { unwrap } : {}),
    };
  }
  const parameters = constructorParameters(declaration);
  return parameters && takesItems(parameters) ? { call: { kind: 'constructor' }, arguments: args } : undefined;
}
