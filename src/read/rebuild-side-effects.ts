import { Node, ts, type ClassDeclaration } from 'ts-morph';

/**
 * Calls that record a domain event: `addDomainEvent(e)`, `this.apply(e)` (NestJS CQRS), `record(e)`, `recordThat(e)`,
 * `DomainEvents.markAggregateForDispatch(this)`. A rebuild that ran one would record the event again on every load.
 */
const RECORDS_EVENT =
  /^((add|record|raise|apply|emit|publish|register|push|append|dispatch)(Domain|Integration)?Events?|apply|record|recordThat|raise|emit|publish|markAggregateForDispatch)$/;

/** Where building a class records an event: the call as written and its line. */
export interface RecordedEvent {
  text: string;
  line: number;
}

/**
 * The first domain event that building the class through `entry` (its constructor, or a static factory) records, as
 * far as gen can see: the entry's body, the class's constructor (a factory builds through it), the constructors of its
 * base classes in the project, and the class's own methods those call (`this.validate()`, `order.open()`). Undefined
 * when none does.
 */
export function eventRecordedBy(declaration: ClassDeclaration, entry: Node): RecordedEvent | undefined {
  const bodies: Node[] = [entry];
  const seen = new Set<Node>([entry]);
  const visit = (node: Node | undefined) => {
    if (!node || seen.has(node) || node.getSourceFile().isInNodeModules() || node.getSourceFile().isDeclarationFile()) return;
    seen.add(node);
    bodies.push(node);
  };
  if (Node.isMethodDeclaration(entry)) visit(implementation(declaration));
  for (let i = 0; i < bodies.length; i++) {
    const body = bodies[i];
    for (const created of body.getDescendantsOfKind(ts.SyntaxKind.NewExpression)) {
      const name = created.getExpression().getText();
      if (/Event$/.test(name)) return at(created);
    }
    for (const call of body.getDescendantsOfKind(ts.SyntaxKind.CallExpression)) {
      const callee = call.getExpression();
      if (callee.getKind() === ts.SyntaxKind.SuperKeyword) {
        const base = declarationOf(call);
        if (base) visit(implementation(base));
        continue;
      }
      const name = Node.isPropertyAccessExpression(callee) ? callee.getName() : Node.isIdentifier(callee) ? callee.getText() : undefined;
      if (name === undefined) continue;
      if (RECORDS_EVENT.test(name)) return at(call);
      // `this._events.push(event)`: a list of events the class keeps.
      if (name === 'push' && Node.isPropertyAccessExpression(callee)) {
        const list = callee.getExpression();
        if (Node.isPropertyAccessExpression(list) && /events$/i.test(list.getName().replace(/^[_#]/, ''))) return at(call);
      }
      // One of the class's own methods (or a project base class's), called on `this` or on the instance a factory builds.
      if (Node.isPropertyAccessExpression(callee)) {
        const method = declaration.getType().getProperty(name)?.getDeclarations()[0];
        if (method && Node.isMethodDeclaration(method) && !method.isStatic()) visit(method);
      }
    }
  }
  return undefined;
}

function at(node: Node): RecordedEvent {
  const text = node.getText().replace(/\s+/g, ' ');
  return { text: text.length > 80 ? `${text.slice(0, 77)}...` : text, line: node.getStartLineNumber() };
}

function implementation(declaration: ClassDeclaration): Node | undefined {
  return declaration.getConstructors().find((c) => c.isImplementation()) ?? declaration.getConstructors()[0];
}

/** The base class a `super(...)` call in a constructor calls. */
function declarationOf(call: Node): ClassDeclaration | undefined {
  return call.getFirstAncestorByKind(ts.SyntaxKind.ClassDeclaration)?.getBaseClass();
}

/** `Object.freeze(this)` (or seal, preventExtensions) in a constructor of the class or a project base: no member can be written after it. */
export function lockedBy(declaration: ClassDeclaration): RecordedEvent | undefined {
  for (let current: ClassDeclaration | undefined = declaration; current; current = current.getBaseClass()) {
    if (current.getSourceFile().isInNodeModules()) return undefined;
    const lock = implementation(current)
      ?.getDescendantsOfKind(ts.SyntaxKind.CallExpression)
      .find(
        (call) =>
          /^Object\.(freeze|seal|preventExtensions)$/.test(call.getExpression().getText()) && call.getArguments()[0]?.getText() === 'this',
      );
    if (lock) return at(lock);
  }
  return undefined;
}
