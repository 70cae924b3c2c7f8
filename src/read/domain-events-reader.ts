import { isPublic } from './visibility.js';
import { Node, type ClassDeclaration, type Type } from 'ts-morph';
import type { DomainEventsAccess } from '../model/domain-events.js';

/** Methods that hand out the recorded events and forget them, in the order gen tries them. */
export const PULL_METHODS: readonly string[] = ['pullDomainEvents', 'pullEvents', 'releaseEvents', 'pullUncommittedEvents'];
/** Getters (or methods) that return the recorded events, and the methods that forget them. */
export const EVENT_READERS: readonly string[] = ['domainEvents', 'getDomainEvents', 'events', 'getUncommittedEvents'];
export const EVENT_CLEARERS: readonly string[] = ['clearEvents', 'clearDomainEvents', 'markEventsAsCommitted', 'uncommit'];

/**
 * How an aggregate hands out its domain events, through public members it declares or inherits: a pull method
 * returning a list of `...Event` (`pullDomainEvents(): DomainEvent[]`), else a reader of that list with a method
 * taking nothing that clears it. Undefined when it has neither.
 */
export function readDomainEvents(declaration: ClassDeclaration): DomainEventsAccess | undefined {
  const type = declaration.getType();
  const member = (name: string) => {
    const node = type.getProperty(name)?.getDeclarations()[0];
    if (!node || !(Node.isMethodDeclaration(node) || Node.isGetAccessorDeclaration(node) || Node.isPropertyDeclaration(node)))
      return undefined;
    if (!isPublic(node) || node.isStatic()) return undefined;
    return node;
  };
  const returnsEvents = (name: string): string | undefined => {
    const node = member(name);
    if (Node.isMethodDeclaration(node))
      return node.getParameters().length === 0 && isEventList(node.getReturnType()) ? `${name}()` : undefined;
    if (node && isEventList(node.getType())) return name;
    return undefined;
  };
  for (const name of PULL_METHODS) {
    const call = returnsEvents(name);
    if (call?.endsWith('()')) return { kind: 'pull', method: name };
  }
  const read = EVENT_READERS.map(returnsEvents).find((r) => r !== undefined);
  const clear = EVENT_CLEARERS.find((name) => {
    const node = member(name);
    return Node.isMethodDeclaration(node) && node.getParameters().length === 0;
  });
  return read && clear ? { kind: 'read-and-clear', read, clear } : undefined;
}

/** `DomainEvent[]`, `readonly IDomainEvent[]`: a list whose element type is named `...Event`. */
function isEventList(type: Type): boolean {
  const list = type.getNonNullableType();
  const element = list.getArrayElementType() ?? (list.getSymbol()?.getName() === 'ReadonlyArray' ? list.getTypeArguments()[0] : undefined);
  const name = element?.getSymbol()?.getName() ?? element?.getAliasSymbol()?.getName();
  return name !== undefined && /Event$/.test(name);
}
