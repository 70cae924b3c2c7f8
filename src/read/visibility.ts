import { Scope } from 'ts-morph';

/** Readable or callable from outside the class: no `private` or `protected` modifier (a plain parameter has no scope). */
export function isPublic(member: { getScope(): Scope | undefined }): boolean {
  const scope = member.getScope();
  return scope === undefined || scope === Scope.Public;
}
