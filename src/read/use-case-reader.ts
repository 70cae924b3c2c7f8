import { join } from 'node:path';
import { Node, type MethodDeclaration, type MethodSignature, type Project } from 'ts-morph';
import { compareText } from '../compare.js';
import type { ApplicationModel, PortCall, UseCaseModel } from '../model/application-model.js';
import type { PortDeclaration } from './port-reader.js';
import { exists, globTree, type ProjectSources } from './project-sources.js';
import { locate, relativeFile } from './source-location.js';

/**
 * The use cases under `applicationDir` that use the port: found with the language service's references
 * to the port and to each of its methods, grouped by the top-level declaration that holds them.
 */
export function readUseCases(
  project: Project,
  ports: readonly PortDeclaration[],
  applicationDir: string,
  sources: ProjectSources,
): ApplicationModel {
  const projectRoot = sources.root;
  if (!exists(sources, applicationDir)) return { dir: applicationDir, dirExists: false, useCases: [] };
  for (const file of globTree(sources, ['**/*.ts'], {
    cwd: applicationDir,
    ignore: ['**/*.d.ts', '**/*.{test,spec}.ts'],
  }))
    project.addSourceFileAtPath(join(projectRoot, applicationDir, file));
  const inApplication = (node: Node) => relativeFile(node.getSourceFile().getFilePath(), projectRoot).startsWith(`${applicationDir}/`);

  const useCases = new Map<string, UseCaseModel>();
  const useCaseOf = (node: Node): UseCaseModel => {
    const holder = topLevelHolder(node);
    const location = locate(holder ?? node.getSourceFile(), projectRoot);
    const name = (holder && declarationName(holder)) ?? node.getSourceFile().getBaseNameWithoutExtension();
    const key = `${location.file}#${name}`;
    let useCase = useCases.get(key);
    if (!useCase) {
      useCase = { name, file: location.file, location, calls: [] };
      useCases.set(key, useCase);
    }
    return useCase;
  };

  for (const reference of ports.flatMap((port) => port.findReferencesAsNodes()).filter(inApplication)) {
    // An import names the port without using it; the use case is where it is used.
    if (reference.getFirstAncestor((a) => Node.isImportDeclaration(a))) continue;
    useCaseOf(reference);
  }
  // Through the port's type, so methods inherited from a base port or declared in a type alias count too.
  const methods = ports.flatMap((port): (MethodSignature | MethodDeclaration)[] =>
    Node.isClassDeclaration(port)
      ? port.getMethods().filter((m) => m.isAbstract())
      : port
          .getType()
          .getProperties()
          .flatMap((symbol) => symbol.getDeclarations())
          .filter((d) => Node.isMethodSignature(d)),
  );
  for (const method of methods) {
    for (const reference of method.findReferencesAsNodes().filter(inApplication)) {
      const access = reference.getParent();
      if (!Node.isPropertyAccessExpression(access) || access.getNameNode() !== reference) continue;
      useCaseOf(reference).calls.push({
        method: method.getName(),
        location: locate(reference, projectRoot),
        inLoop: inLoop(reference),
      });
    }
  }

  const byLine = (a: PortCall, b: PortCall) => a.location.line - b.location.line || compareText(a.method, b.method);
  return {
    dir: applicationDir,
    dirExists: true,
    useCases: [...useCases.values()]
      .map((u) => ({ ...u, calls: [...u.calls].sort(byLine) }))
      .sort((a, b) => compareText(a.file, b.file) || a.location.line - b.location.line || compareText(a.name, b.name)),
  };
}

const ITERATING_METHODS = new Set(['forEach', 'map', 'flatMap', 'filter', 'reduce', 'some', 'every']);

/** Whether the call sits in a loop's body (not its header, which runs once) or in a callback of `forEach`, `map`, ... */
function inLoop(node: Node): boolean {
  let child = node;
  for (const ancestor of node.getAncestors()) {
    if (Node.isIterationStatement(ancestor) && ancestor.getStatement() === child) return true;
    if (Node.isFunctionExpression(ancestor) || Node.isArrowFunction(ancestor)) {
      const call = ancestor.getParent();
      if (!Node.isCallExpression(call)) return false;
      const callee = call.getExpression();
      if (!Node.isPropertyAccessExpression(callee) || !ITERATING_METHODS.has(callee.getName())) return false;
      return true;
    }
    // A loop outside the method that makes the call does not repeat it.
    if (Node.isFunctionLikeDeclaration(ancestor)) return false;
    child = ancestor;
  }
  return false;
}

/** The statement at the top of the file that contains the node: a class, a function or a variable statement. */
function topLevelHolder(node: Node): Node | undefined {
  return node.getAncestors().find((a) => Node.isSourceFile(a.getParent()));
}

function declarationName(statement: Node): string | undefined {
  if (Node.isClassDeclaration(statement) || Node.isFunctionDeclaration(statement)) return statement.getName();
  if (Node.isVariableStatement(statement)) return statement.getDeclarations()[0]?.getName();
  return undefined;
}
