/**
 * How the repository takes the domain events an aggregate recorded, at save time (for --outbox):
 * `pull`: one call that returns them and forgets them (`pullDomainEvents()`);
 * `read-and-clear`: a getter or method that returns them, then one that forgets them (`domainEvents` + `clearEvents()`).
 */
export type DomainEventsAccess = { kind: 'pull'; method: string } | { kind: 'read-and-clear'; read: string; clear: string };
