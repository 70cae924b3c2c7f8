import { isPublic } from './visibility.js';
import { Node, type ClassDeclaration, type SourceFile, type Type, type TypeAliasDeclaration } from 'ts-morph';
import type { Unwrap } from '../model/domain-model.js';

// How a class is built and what a type holds: questions both the class-state and the collection readers ask.

/** Wrappers a factory may return, recognised by their members: how to unwrap, and how to see a failure. */
const UNWRAPPERS: {
  accessor: string;
  member: string;
  failures: [member: string, test: string][];
}[] = [
  {
    accessor: '.getValue()',
    member: 'getValue',
    failures: [['isFailure', '.isFailure']],
  },
  { accessor: '.unwrap()', member: 'unwrap', failures: [] },
  {
    accessor: '.value',
    member: 'value',
    failures: [
      ['isLeft', '.isLeft()'],
      ['isErr', '.isErr()'],
      ['isFailure', '.isFailure'],
    ],
  },
];

/** The element of `T[]` or `readonly T[]`. */
export function elementOf(type: Type): Type | undefined {
  if (type.isArray()) return type.getArrayElementType();
  if (type.isReadonlyArray() || type.getSymbol()?.getName() === 'ReadonlyArray') return type.getTypeArguments()[0];
  return undefined;
}

/**
 * The parameters of the public constructor `new X(...)` calls: the class's own, else the one it inherits, as tsc
 * sees it from X (a base's `constructor({ id, props }: CreateEntityProps<Props>)` with Props substituted).
 * undefined when X cannot be constructed from outside (abstract, or a private or protected constructor).
 */
export function constructorParameters(declaration: ClassDeclaration): { name: string; type: Type; optional: boolean }[] | undefined {
  if (declaration.isAbstract()) return undefined;
  const own = declaration.getConstructors().find((c) => c.isImplementation()) ?? declaration.getConstructors()[0];
  if (own) {
    if (!isPublic(own)) return undefined;
    return own.getParameters().map((p) => ({
      name: p.getName(),
      type: p.getType(),
      optional: p.isOptional(),
    }));
  }
  const signature = declaration.getSymbol()?.getTypeAtLocation(declaration).getConstructSignatures()[0];
  if (!signature) return undefined;
  // A class with no constructor anywhere in its chain has tsc's implicit one: a signature with no declaration.
  if (signature.compilerSignature.declaration !== undefined) {
    const inherited = signature.getDeclaration();
    if (Node.isConstructorDeclaration(inherited) && !isPublic(inherited)) return undefined;
  }
  return signature.getParameters().map((symbol) => {
    const node = symbol.getDeclarations()[0];
    const optional = node !== undefined && Node.isParameterDeclaration(node) && node.isOptional();
    return {
      name: symbol.getName(),
      type: symbol.getTypeAtLocation(declaration),
      optional,
    };
  });
}

/** undefined: the factory returns the class itself; an Unwrap for a known wrapper; null when it returns something else. */
export function unwrapOf(returnType: Type, declaration: ClassDeclaration): Unwrap | undefined | null {
  const isTheClass = (type: Type) => type.getSymbol()?.getDeclarations().includes(declaration) ?? false;
  if (isTheClass(returnType)) return undefined;
  if (!returnType.getTypeArguments().some(isTheClass) && !returnType.getAliasTypeArguments().some(isTheClass)) return null;
  for (const unwrapper of UNWRAPPERS) {
    if (!returnType.getProperty(unwrapper.member)) continue;
    const failure = unwrapper.failures.find(([member]) => returnType.getProperty(member));
    return {
      accessor: unwrapper.accessor,
      ...(failure ? { failure: failure[1] } : {}),
    };
  }
  return null;
}

/**
 * `type Task = Readonly<{ ... }>`: TypeScript names such a type by the library alias it instantiates (`Readonly`), not
 * by `Task`. The project's alias is found as the one whose declared type is this very type, among the aliases of the
 * files that declare its members (`Readonly<TaskProps>` declared beside TaskProps) or that file's importers.
 */
export function libraryAliased(type: Type): TypeAliasDeclaration | undefined {
  const alias = type.getAliasSymbol();
  if (!alias || !alias.getDeclarations().every((d) => d.getSourceFile().isInNodeModules() || d.getSourceFile().isDeclarationFile()))
    return undefined;
  const files = new Set(
    type
      .getProperties()
      .flatMap((p) => p.getDeclarations())
      .map((d) => d.getSourceFile())
      .filter((f) => !f.isInNodeModules() && !f.isDeclarationFile()),
  );
  for (const importer of importersOf(files)) files.add(importer);
  for (const file of files) {
    const found = file.getTypeAliases().find((a) => a.getTypeParameters().length === 0 && a.getType().compilerType === type.compilerType);
    if (found) return found;
  }
  return undefined;
}

/**
 * The project's own files that import or re-export one of `files`. Not ts-morph's getReferencingSourceFiles: that
 * leaves every unresolved import of the project listening for files added later, and the next file gen adds (a use
 * case) then builds the program again for each file it discovers, nested: a stack overflow on a real application.
 */
function importersOf(files: ReadonlySet<SourceFile>): SourceFile[] {
  const [first] = files;
  if (!first) return [];
  return first
    .getProject()
    .getSourceFiles()
    .filter((file) => !file.isInNodeModules() && !file.isDeclarationFile() && !files.has(file))
    .filter((file) =>
      [...file.getImportDeclarations(), ...file.getExportDeclarations()].some((d) => {
        const target = d.getModuleSpecifierSourceFile();
        return target !== undefined && files.has(target);
      }),
    );
}
