import { Node, Project, type ClassDeclaration } from 'ts-morph';

/**
 * A method the user's custom class (`*.repository.custom.ts`) declares with a body. `stub`: the body is still the
 * one gen wrote (a lone `throw new Error('not implemented: <name>')`, in whatever quotes and layout the project's
 * formatter gave it), so it is gen's to take over; otherwise the user wrote it and it stays theirs.
 */
export interface CustomMethod {
  name: string;
  /** 1-based line of its declaration in the custom file. */
  line: number;
  stub: boolean;
}

/**
 * The methods with a body that the class `className` of the custom file declares (`text` is its content; `path`
 * names it in errors only). A method without a body (abstract, an overload signature) is nobody's implementation and
 * is left out, as is a file without that class. A property holding a function (`findById = async (id) => ...`) is
 * the user's body too: it would shadow a method of the generated subclass.
 */
export function readCustomMethods(text: string, path: string, className: string): CustomMethod[] {
  const morph = new Project({ useInMemoryFileSystem: true, skipAddingFilesFromTsConfig: true, skipFileDependencyResolution: true });
  const file = morph.createSourceFile(`/${path.replace(/^\/+/, '')}`, text, { overwrite: true });
  const found = file.getClass(className);
  return found ? classMethods(found) : [];
}

function classMethods(declaration: ClassDeclaration): CustomMethod[] {
  const methods: CustomMethod[] = [];
  for (const member of declaration.getMembers()) {
    if (Node.isMethodDeclaration(member) && !member.isStatic()) {
      const body = member.getBody();
      if (body === undefined || !Node.isBlock(body)) continue;
      const name = member.getName();
      methods.push({ name, line: member.getStartLineNumber(), stub: isGenStub(body.getStatements(), name) });
    } else if (Node.isPropertyDeclaration(member) && !member.isStatic()) {
      const initializer = member.getInitializer();
      if (initializer === undefined || !(Node.isArrowFunction(initializer) || Node.isFunctionExpression(initializer))) continue;
      methods.push({ name: member.getName(), line: member.getStartLineNumber(), stub: false });
    }
  }
  return methods;
}

/** gen's stub (generators/methods/hand-written.ts): one `throw new Error('not implemented: <name>')`, comments aside. */
function isGenStub(statements: readonly Node[], name: string): boolean {
  if (statements.length !== 1) return false;
  const statement = statements[0];
  if (!Node.isThrowStatement(statement)) return false;
  const thrown = statement.getExpression();
  if (!Node.isNewExpression(thrown) || thrown.getExpression().getText() !== 'Error') return false;
  const args = thrown.getArguments();
  if (args.length !== 1) return false;
  const message = args[0];
  const text = Node.isStringLiteral(message) || Node.isNoSubstitutionTemplateLiteral(message) ? message.getLiteralText() : undefined;
  return text === `not implemented: ${name}`;
}
