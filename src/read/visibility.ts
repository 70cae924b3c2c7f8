import { Scope } from 'ts-morph';

/**
 * Readable or callable from outside the class: no `private` or `protected` modifier and no `#private` name (a plain
 * parameter has no scope).
 */
export function isPublic(member: { getScope(): Scope | undefined; getName?(): string | undefined }): boolean {
  if (member.getName?.()?.startsWith('#')) return false;
  const scope = member.getScope();
  return scope === undefined || scope === Scope.Public;
}
