import { posix } from 'node:path';
import { Node, type SourceFile } from 'ts-morph';
import { compareText } from '../compare.js';
import type { DomainImports, ModuleImport } from '../model/domain-imports.js';
import { relativeFile } from './source-location.js';

/**
 * Every static import, re-export and `import x = require()` of the domain files, following imports of
 * other project files (e.g. a shared domain folder) transitively; packages are recorded, not entered.
 */
export function readDomainImports(domainFiles: readonly SourceFile[], projectRoot: string): DomainImports {
  const imports: ModuleImport[] = [];
  const seen = followImports(domainFiles, (file, statement, found, resolved) => {
    const path = relativeFile(file.getFilePath(), projectRoot);
    const target = resolved
      ? relativeFile(resolved.getFilePath(), projectRoot)
      : found.specifier.startsWith('.')
        ? posix.join(posix.dirname(path), found.specifier)
        : undefined;
    imports.push({
      file: path,
      line: statement.getStartLineNumber(),
      specifier: found.specifier,
      ...(target === undefined ? {} : { target }),
    });
  });
  return {
    files: seen.map((f) => relativeFile(f.getFilePath(), projectRoot)).sort(compareText),
    imports: imports.sort((a, b) => compareText(a.file, b.file) || a.line - b.line),
    roots: [...new Set(domainFiles)].map((f) => relativeFile(f.getFilePath(), projectRoot)).sort(compareText),
  };
}

/**
 * The files and the project's own files they import, transitively (static imports, re-exports, `import x = require()`):
 * not packages (node_modules) nor declaration files, which are the project's toolchain, not its code. The files
 * themselves are kept whatever they are (a port declared in a `.d.ts`).
 */
export function importClosure(files: readonly SourceFile[]): SourceFile[] {
  return followImports(files, () => undefined);
}

function followImports(
  roots: readonly SourceFile[],
  visit: (file: SourceFile, statement: Node, found: { specifier: string }, resolved: SourceFile | undefined) => void,
): SourceFile[] {
  const seen = new Set<SourceFile>();
  const queue = [...roots];
  while (queue.length > 0) {
    const file = queue.shift()!;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const statement of file.getStatements()) {
      const found = moduleReference(statement);
      if (!found) continue;
      const resolved =
        found.resolved && !found.resolved.isInNodeModules() && !found.resolved.isDeclarationFile() ? found.resolved : undefined;
      if (resolved) queue.push(resolved);
      visit(file, statement, found, resolved);
    }
  }
  return [...seen];
}

function moduleReference(statement: Node): { specifier: string; resolved: SourceFile | undefined } | undefined {
  if (Node.isImportDeclaration(statement)) {
    return {
      specifier: statement.getModuleSpecifierValue(),
      resolved: statement.getModuleSpecifierSourceFile(),
    };
  }
  if (Node.isExportDeclaration(statement)) {
    const specifier = statement.getModuleSpecifierValue();
    return specifier === undefined ? undefined : { specifier, resolved: statement.getModuleSpecifierSourceFile() };
  }
  if (Node.isImportEqualsDeclaration(statement)) {
    const reference = statement.getModuleReference();
    if (!Node.isExternalModuleReference(reference)) return undefined;
    const expression = reference.getExpression();
    return Node.isStringLiteral(expression)
      ? {
          specifier: expression.getLiteralValue(),
          resolved: reference.getReferencedSourceFile(),
        }
      : undefined;
  }
  return undefined;
}
