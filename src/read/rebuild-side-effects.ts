import { Node, ts, type ClassDeclaration, type Symbol as MorphSymbol } from 'ts-morph';

/**
 * Calls that record a domain event: `addDomainEvent(e)`, `this.apply(e)` (NestJS CQRS), `record(e)`, `recordThat(e)`,
 * `DomainEvents.markAggregateForDispatch(this)`. A rebuild that ran one would record the event again on every load.
 */
const RECORDS_EVENT =
  /^((add|record|raise|apply|emit|publish|register|push|append|dispatch)(Domain|Integration)?Events?|apply|record|recordThat|raise|emit|publish|markAggregateForDispatch)$/;

/** Adding to something named for events: `DomainEvents.add(e)`, `this._events.push(e)`, `events.unshift(e)`. */
const ADDS = /^(add|push|unshift|append|enqueue)$/;

/** How many bodies gen reads down a builder's calls before it stops looking: enough for any builder written by hand. */
const MOST_BODIES = 200;

/** Where building a class records an event or locks the instance: the call as written and its line. */
export interface RecordedEvent {
  text: string;
  line: number;
  node: Node;
}

/**
 * The first domain event that building the class through `entry` (its constructor, or a static factory) records, as
 * far as gen can see down the calls it makes (bodiesRunBy). A recording is a call named for one (RECORDS_EVENT), an
 * addition to something named for events (`DomainEvents.add(...)`), or an event created (`new OrderPlacedEvent()`,
 * `new OrderPlaced()` of a class that extends or implements an ...Event type). Undefined when none is.
 */
export function eventRecordedBy(declaration: ClassDeclaration, entry: Node): RecordedEvent | undefined {
  for (const body of bodiesRunBy(declaration, entry)) {
    for (const call of body.getDescendantsOfKind(ts.SyntaxKind.CallExpression)) {
      const callee = call.getExpression();
      const name = Node.isPropertyAccessExpression(callee) ? callee.getName() : Node.isIdentifier(callee) ? callee.getText() : undefined;
      if (name === undefined) continue;
      if (RECORDS_EVENT.test(name)) return at(call);
      if (Node.isPropertyAccessExpression(callee) && ADDS.test(name) && /events$/i.test(lastName(callee.getExpression()))) return at(call);
    }
    for (const created of body.getDescendantsOfKind(ts.SyntaxKind.NewExpression)) {
      if (isEventClass(created)) return at(created);
    }
  }
  return undefined;
}

/** Calls that make a new id: `randomUUID()`, `uuid()`, `v4()`, `nanoid()`, `ulid()`, `cuid()`, `generateId()`. */
const GENERATES_ID = /^(randomUUID|uuid(v[1-7])?|v[1-7]|nanoid|ulid|cuid2?|createId|generateId|newId|nextId|generateUUID|genId)$/i;

/** Classes whose argument-less construction is a new id: `new ObjectId()`, `new UniqueEntityID()`, `new Types.ObjectId()`. */
const ID_CLASS = /(ObjectId|EntityI[dD]|Uuid|UUID|Ulid)$/;

/**
 * The first new id the factory's own body makes (`id: randomUUID()`, `new UniqueEntityID()`), where a rebuild must keep
 * the stored one. Only the factory's body: a constructor that makes one when given none (`id ?? randomUUID()`) keeps
 * the id it is given.
 */
export function idGeneratedBy(factory: Node): RecordedEvent | undefined {
  for (const call of factory.getDescendantsOfKind(ts.SyntaxKind.CallExpression)) {
    const callee = call.getExpression();
    const name = Node.isPropertyAccessExpression(callee) ? callee.getName() : Node.isIdentifier(callee) ? callee.getText() : undefined;
    if (name !== undefined && GENERATES_ID.test(name)) return at(call);
  }
  for (const created of factory.getDescendantsOfKind(ts.SyntaxKind.NewExpression)) {
    const name = created.getExpression().getText().replace(/^.*\./, '');
    if (ID_CLASS.test(name) && created.getArguments().length === 0) return at(created);
  }
  return undefined;
}

/**
 * `Object.freeze` (or seal, preventExtensions) of the instance that building the class through `entry` makes: of
 * `this` in a constructor or method of the class or a project base, or, in a factory, of a value of the class
 * (`return Object.freeze(new Order(...))`, `Object.freeze(order)`). No member can be written after it.
 */
export function lockedBy(declaration: ClassDeclaration, entry: Node): RecordedEvent | undefined {
  const lineage = new Set<Node>();
  for (let current: ClassDeclaration | undefined = declaration; current && !lineage.has(current); current = current.getBaseClass())
    lineage.add(current);
  for (const body of bodiesRunBy(declaration, entry)) {
    for (const call of body.getDescendantsOfKind(ts.SyntaxKind.CallExpression)) {
      if (!/^Object\.(freeze|seal|preventExtensions)$/.test(call.getExpression().getText())) continue;
      const target = call.getArguments()[0];
      if (!target) continue;
      const locksThis =
        Node.isThisExpression(target) &&
        !isInStatic(target) &&
        lineage.has(target.getFirstAncestorByKind(ts.SyntaxKind.ClassDeclaration) ?? declaration.getSourceFile());
      const type = target.getType();
      const locksInstance = type.isClass() && type.getSymbol()?.getDeclarations().includes(declaration) === true;
      if (locksThis || locksInstance) return at(call);
    }
  }
  return undefined;
}

/** Whether the lock is in a constructor (of the class or a base), rather than in a factory or a method it calls. */
export function inConstructor(lock: RecordedEvent): boolean {
  return lock.node.getFirstAncestorByKind(ts.SyntaxKind.Constructor) !== undefined;
}

/**
 * The bodies that building the class through `entry` runs, as far as gen can follow them in the project: the entry,
 * the class's constructor (a factory builds through it; the nearest base's when it declares none), the base
 * constructors `super(...)` calls, and every function or method of the project a call in those reaches, whatever its
 * name or owner (`Order.make()` from `create`, `this.validate()`, a helper function, `DomainEvents.add()`).
 * Library code is not read: a call into it counts by its name alone.
 */
function* bodiesRunBy(declaration: ClassDeclaration, entry: Node): Generator<Node> {
  const start = Node.isClassDeclaration(entry) ? constructorOf(entry) : entry;
  const bodies: Node[] = [];
  const seen = new Set<Node>();
  const visit = (node: Node | undefined) => {
    if (!node || seen.has(node) || !inProject(node)) return;
    seen.add(node);
    bodies.push(node);
  };
  visit(start);
  if (!Node.isConstructorDeclaration(start)) visit(constructorOf(declaration));
  for (let i = 0; i < bodies.length && i < MOST_BODIES; i++) {
    const body = bodies[i];
    yield body;
    for (const call of body.getDescendantsOfKind(ts.SyntaxKind.CallExpression)) {
      const callee = call.getExpression();
      if (callee.getKind() === ts.SyntaxKind.SuperKeyword) {
        const base = call.getFirstAncestorByKind(ts.SyntaxKind.ClassDeclaration)?.getBaseClass();
        if (base) visit(constructorOf(base));
        continue;
      }
      for (const reached of calledBodies(Node.isPropertyAccessExpression(callee) ? callee.getNameNode() : callee)) visit(reached);
    }
  }
}

/** The function or method bodies a callee may be: its symbol's declarations that have one. */
function calledBodies(callee: Node): Node[] {
  const symbol = resolved(callee.getSymbol());
  if (!symbol) return [];
  return symbol.getDeclarations().flatMap((node): Node[] => {
    if (Node.isMethodDeclaration(node) || Node.isFunctionDeclaration(node)) return node.hasBody() ? [node] : [];
    if (Node.isVariableDeclaration(node) || Node.isPropertyDeclaration(node)) {
      const value = node.getInitializer();
      return value && (Node.isArrowFunction(value) || Node.isFunctionExpression(value)) ? [value] : [];
    }
    return [];
  });
}

function resolved(symbol: MorphSymbol | undefined): MorphSymbol | undefined {
  return symbol?.isAlias() ? (symbol.getAliasedSymbol() ?? symbol) : symbol;
}

/** The constructor that `new` of the class runs first: its own, else the nearest project base class's. */
function constructorOf(declaration: ClassDeclaration): Node | undefined {
  const seen = new Set<ClassDeclaration>();
  for (let current: ClassDeclaration | undefined = declaration; current && !seen.has(current); current = current.getBaseClass()) {
    seen.add(current);
    if (!inProject(current)) return undefined;
    const found = current.getConstructors().find((c) => c.isImplementation()) ?? current.getConstructors()[0];
    if (found) return found;
  }
  return undefined;
}

/** `new XEvent(...)`, or `new X(...)` of a class that extends or implements a type named for events (`DomainEvent`, `IEvent`). */
function isEventClass(created: Node): boolean {
  if (!Node.isNewExpression(created)) return false;
  if (/Event$/.test(created.getExpression().getText())) return true;
  const declarations = resolved(created.getExpression().getSymbol())?.getDeclarations() ?? [];
  return declarations.some((node) => {
    const seen = new Set<ClassDeclaration>();
    for (let current = Node.isClassDeclaration(node) ? node : undefined; current && !seen.has(current); current = current.getBaseClass()) {
      seen.add(current);
      const heritage = current.getHeritageClauses().flatMap((clause) => clause.getTypeNodes().map((t) => t.getExpression().getText()));
      if (heritage.some((name) => /Event$/.test(name))) return true;
    }
    return false;
  });
}

/** The last name in `DomainEvents`, `this._events`, `aggregate.pendingEvents` (no `_` or `#`), else ''. */
function lastName(node: Node): string {
  const name = Node.isPropertyAccessExpression(node) ? node.getName() : Node.isIdentifier(node) ? node.getText() : '';
  return name.replace(/^[_#]/, '');
}

function isInStatic(node: Node): boolean {
  const owner = node.getFirstAncestor(
    (a) => Node.isMethodDeclaration(a) || Node.isConstructorDeclaration(a) || Node.isFunctionDeclaration(a),
  );
  return owner !== undefined && Node.isMethodDeclaration(owner) && owner.isStatic();
}

function inProject(node: Node): boolean {
  const file = node.getSourceFile();
  return !file.isInNodeModules() && !file.isDeclarationFile();
}

function at(node: Node): RecordedEvent {
  const text = node.getText().replace(/\s+/g, ' ');
  return { text: text.length > 80 ? `${text.slice(0, 77)}...` : text, line: node.getStartLineNumber(), node };
}
