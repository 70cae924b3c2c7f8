import { Node, type Type, type TypeNode } from 'ts-morph';
import { expressionImports, type OptionConfig } from '../config/option-config.js';
import type { OptionEncoding, TypeUse } from '../model/domain-model.js';
import { relativeFile } from './source-location.js';
import type { TypeClassifier } from './type-classifier.js';

type Library = Exclude<OptionEncoding['library'], 'project'>;

/**
 * The Option types gen knows, told apart by the package that declares them (not by their name): how each
 * builds Some/None and reads one back. `ref` names an export as the port's import reaches it.
 */
const LIBRARIES: Record<Library, (ref: (name: string) => string) => Omit<OptionEncoding, 'library' | 'module' | 'binding' | 'values'>> = {
  'oxide.ts': (ref) => ({
    some: `${ref('Some')}($value)`,
    none: ref('None'),
    isSome: '$option.isSome()',
    get: '$option.unwrap()',
  }),
  'fp-ts': (ref) => ({
    some: `${ref('some')}($value)`,
    none: ref('none'),
    isSome: `${ref('isSome')}($option)`,
    get: '$option.value',
  }),
  effect: (ref) => ({
    some: `${ref('some')}($value)`,
    none: `${ref('none')}()`,
    isSome: `${ref('isSome')}($option)`,
    get: '$option.value',
  }),
};

/**
 * `Promise<Option<User>>`, `Promise<O.Option<User>>`, `Promise<Option.Option<User>>`, `Promise<Maybe<User>>`: a return
 * type wrapped in an Option that oxide.ts, fp-ts or Effect declares, or in the project's own (gen.config.json "option").
 * Read from the port's own type node, which says how the port imports the wrapper. Undefined when it is no Option.
 * `wrapped`: what the Option holds when the node still names a type parameter (a method inherited from a generic base port).
 */
export function readOptionUse(
  node: TypeNode | undefined,
  classifier: TypeClassifier,
  projectRoot: string,
  own: OptionConfig | undefined,
  wrapped?: Type,
): TypeUse | undefined {
  let target = node;
  if (target && Node.isTypeReference(target) && target.getTypeName().getText() === 'Promise') target = target.getTypeArguments()[0];
  if (!target || !Node.isTypeReference(target) || target.getTypeArguments().length !== 1) return undefined;
  const name = target.getTypeName();
  const right = Node.isQualifiedName(name) ? name.getRight() : name;
  const left = Node.isQualifiedName(name) ? name.getLeft() : name;
  if (!Node.isIdentifier(left)) return undefined;
  const symbol = right.getSymbol();
  const declared = (symbol?.getAliasedSymbol() ?? symbol)?.getDeclarations()[0];
  if (!declared) return undefined;
  const declaringFile = declared.getSourceFile().getFilePath();
  const library = (Object.keys(LIBRARIES) as Library[]).find((l) => declaringFile.includes(`/node_modules/${l}/`));
  const typeName = right.getText();
  const isLibraryOption = library !== undefined && (symbol?.getAliasedSymbol() ?? symbol)?.getName() === 'Option';
  const isOwn = own !== undefined && typeName === own.type && !Node.isQualifiedName(name);
  if (!isLibraryOption && !isOwn) return undefined;
  const binding = importBinding(left, projectRoot);
  if (!binding) return undefined;
  const inner = target.getTypeArguments()[0];
  const use = classifier.classifyUse(wrapped ?? inner.getType(), inner);
  if (use.absent !== 'none') return undefined;
  const namespace = binding.binding.imported === '*' || Node.isQualifiedName(name);
  const named = new Set<string>();
  const ref = (exported: string) => {
    if (namespace) return `${binding.binding.local}.${exported}`;
    named.add(exported);
    return exported;
  };
  let encoding: OptionEncoding;
  if (isLibraryOption) {
    const expressions = LIBRARIES[library](ref);
    const used = (...expressions: string[]) => [...named].filter((n) => expressions.some((e) => new RegExp(`(?<![.\\w$])${n}\\b`).test(e)));
    encoding = {
      library: library,
      module: binding.module,
      binding: binding.binding,
      ...expressions,
      values: {
        repository: used(expressions.some, expressions.none),
        test: used(expressions.isSome, expressions.get),
      },
    };
  } else {
    const placeholder = (text: string, word: string) => text.replace(new RegExp(`(?<![.\\w$])${word}\\b`, 'g'), `$${word}`);
    const imports = (...expressions: string[]) =>
      [...new Set(expressions.flatMap((e) => expressionImports(e, ['value', 'option'])))].filter((n) => n !== binding.binding.local);
    encoding = {
      library: 'project',
      module: binding.module,
      binding: binding.binding,
      some: placeholder(own!.some, 'value'),
      none: own!.none,
      isSome: placeholder(own!.isSome, 'option'),
      get: placeholder(own!.get, 'option'),
      values: {
        repository: imports(own!.some, own!.none),
        test: imports(own!.isSome, own!.get),
      },
    };
  }
  return { ...use, absent: 'option', option: encoding, text: target.getText() };
}

/** How the port's file brings `identifier` in: the import it comes from, or its own file when it declares it. */
function importBinding(
  identifier: Node,
  projectRoot: string,
): { module: OptionEncoding['module']; binding: OptionEncoding['binding'] } | undefined {
  const local = identifier.getText();
  const declaration = identifier.getSymbol()?.getDeclarations()[0];
  if (!declaration) return undefined;
  const fileOf = (file: { getFilePath(): string; isInNodeModules(): boolean } | undefined, specifier: string): OptionEncoding['module'] =>
    file && !file.isInNodeModules() && !specifier.match(/^[^./]/) ? { file: relativeFile(file.getFilePath(), projectRoot) } : { specifier };
  if (Node.isNamespaceImport(declaration)) {
    const importDeclaration = declaration.getFirstAncestor(Node.isImportDeclaration);
    if (!importDeclaration) return undefined;
    return {
      module: fileOf(importDeclaration.getModuleSpecifierSourceFile(), importDeclaration.getModuleSpecifierValue()),
      binding: { imported: '*', local },
    };
  }
  if (Node.isImportSpecifier(declaration)) {
    const importDeclaration = declaration.getImportDeclaration();
    return {
      module: fileOf(importDeclaration.getModuleSpecifierSourceFile(), importDeclaration.getModuleSpecifierValue()),
      binding: { imported: declaration.getName(), local },
    };
  }
  // Declared in the port's own file.
  const file = declaration.getSourceFile();
  if (file.isInNodeModules()) return undefined;
  return {
    module: { file: relativeFile(file.getFilePath(), projectRoot) },
    binding: { imported: local, local },
  };
}
