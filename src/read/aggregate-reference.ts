import type { ClassDeclaration } from 'ts-morph';
import pluralize from 'pluralize';
import { GenError, type SourceLocation } from '../errors.js';
import type { AggregateReference, TypeUse } from '../model/domain-model.js';
import { DISCOVERED_PORT_NAME, collectionOf, type DiscoveredPort } from './port-discovery.js';
import { relativeFile } from './source-location.js';

/** A port named as a repository of what it stores (`UserRepository`, `UserRepo`, `UserStore`, `Users`). */
const REPOSITORY_NAME = /(Repository|Repo|Store)(Interface)?$/;
/** Members an entity is identified by; a class some `…Port` returns without one is a value, not an aggregate. */
const ID_MEMBER = /^(_?id|guid|uuid|uid|getId)$/;

/**
 * The aggregate roots of the project other than the feature's: classes that a port found under the source root stores
 * (port-discovery.ts). Keyed by `file#name`, the port a repository-named one where there are several.
 */
export class AggregateRoots {
  private readonly ports = new Map<string, DiscoveredPort[]>();

  constructor(
    discovered: readonly DiscoveredPort[],
    private readonly projectRoot: string,
  ) {
    for (const port of discovered) {
      if (port.record) continue;
      const key = `${port.aggregateFile}#${port.aggregate}`;
      this.ports.set(key, [...(this.ports.get(key) ?? []), port]);
    }
  }

  /** The reference when `declaration` is another aggregate root: a repository-named port stores it, or any port and it has an id. */
  referenceTo(declaration: ClassDeclaration): AggregateReference | undefined {
    const name = declaration.getName();
    if (name === undefined) return undefined;
    const ports = this.ports.get(`${relativeFile(declaration.getSourceFile().getFilePath(), this.projectRoot)}#${name}`) ?? [];
    const repository = ports.find((p) => REPOSITORY_NAME.test(p.name) || collectionOf(p.name).includes(name));
    const members = declaration.getType().getProperties();
    const hasId = members.some((m) => ID_MEMBER.test(m.getName())) || members.some((m) => m.getName() === `${camel(name)}Id`);
    const port = repository ?? (hasId ? ports.find((p) => DISCOVERED_PORT_NAME.test(p.name)) : undefined);
    if (!port) return undefined;
    const id = declaration.getType().getProperty('id');
    const idType = id?.getTypeAtLocation(declaration).getText(declaration);
    return {
      port: port.name,
      portLocation: { file: port.file, line: port.line },
      ...(idType && /^[\w.]+$/.test(idType) ? { idType } : {}),
    };
  }
}

/** One member holding another aggregate root, as class-state-reader met it. */
export interface HeldReference {
  member: string;
  use: TypeUse & { type: { kind: 'aggregate'; reference?: AggregateReference } };
  location: SourceLocation;
}

/**
 * The refusal for members that hold other aggregates: each is a separate consistency boundary with its own port, so
 * storing it inside `owner` would write it twice (or not at all) and rebuilding `owner` would need it loaded. The one
 * decision: reference it by identity. `existing`: the owner's other member names (`userId` beside `user`).
 */
export function heldAggregatesError(
  owner: string,
  held: readonly HeldReference[],
  existing: readonly string[],
  through?: string,
): GenError {
  const [first] = held;
  const describe = (h: HeldReference): string => {
    const reference = h.use.type.reference;
    const port = reference ? `${reference.port} at ${reference.portLocation.file}:${reference.portLocation.line}` : 'its own port';
    return `'${h.member}' (${h.use.type.name}${h.use.list ? '[]' : ''}, stored by ${port})`;
  };
  const decisions = held.map((h) => {
    const idName = h.use.list ? idsName(h.member, h.use.type.name) : `${h.member}Id`;
    if (existing.includes(idName)) return `drop '${h.member}' (${owner} already holds \`${idName}\`)`;
    const idType = h.use.type.reference?.idType;
    if (idType === undefined) return `replace '${h.member}' with \`${idName}\`, holding ${h.use.type.name}'s id${h.use.list ? 's' : ''}`;
    const type = `${idType}${h.use.list ? '[]' : ''}${h.use.absent === 'null' ? ' | null' : ''}`;
    return `replace '${h.member}' with \`${idName}${h.use.absent === 'undefined' ? '?' : ''}: ${type}\``;
  });
  const many = held.length > 1 || held.some((h) => h.use.list);
  const ports = [...new Set(held.map((h) => h.use.type.reference?.port ?? `${h.use.type.name}'s port`))];
  return new GenError(
    `${owner} holds ${many ? 'other aggregates' : 'another aggregate'}${through && through !== owner ? ` in its ${through}` : ''}: ${held.map(describe).join(', ')}; saving ${owner} does not save ${many ? 'them' : 'it'}, and gen cannot rebuild ${owner} without loading ${many ? 'them' : 'it'}`,
    first.location,
    `Reference other aggregates by identity: ${decisions.join('; ')}. Load ${many ? 'them' : 'it'} through ${ports.join(' and ')} where a use case needs ${many ? 'them' : 'it'}.`,
  );
}

/** The port-signature form (a parameter or return typed as another aggregate): the reason a method is left hand-written. */
export function heldAggregateInPort(name: string, reference: AggregateReference): GenError {
  return new GenError(
    `${name} is another aggregate (stored by ${reference.port} at ${reference.portLocation.file}:${reference.portLocation.line}), not a value of this one`,
  );
}

/** Whether a use holds another aggregate root (not the feature's own). */
export function isHeldAggregate(use: TypeUse): use is HeldReference['use'] {
  return use.type.kind === 'aggregate' && use.type.reference !== undefined;
}

/**
 * The member holding the ids of a list of `aggregate`: built from the aggregate's name where the member is named after it
 * (`odds: Odds[]` -> `oddsIds`, `matchOdds: Odds[]` -> `matchOddsIds`, `users: User[]` -> `userIds`), else the member
 * singularised (`winners: User[]` -> `winnerIds`).
 */
export function idsName(member: string, aggregate: string): string {
  const forms = [...new Set([aggregate, pluralize.plural(aggregate)])].sort((a, b) => b.length - a.length);
  for (const form of forms) {
    if (member === camel(form)) return `${camel(aggregate)}Ids`;
    if (member.endsWith(form) && member.length > form.length) return `${member.slice(0, -form.length)}${aggregate}Ids`;
  }
  return `${camel(pluralize.singular(member))}Ids`;
}

/** A type as the user wrote it: `import("../domain/match").MatchProps` -> `MatchProps`. */
export function plainTypeName(text: string): string {
  return text.replace(/import\((["'])[^"']*\1\)\./g, '');
}

function camel(name: string): string {
  return name.charAt(0).toLowerCase() + name.slice(1);
}
