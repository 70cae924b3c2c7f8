import { closest } from 'fastest-levenshtein';
import { pascalCase } from 'change-case';

/** The parse of a derived-query method name, before it is bound to parameters. */
export interface ParsedQuery {
  action: 'find';
  /** OR of AND-groups of predicates. */
  where: ParsedPredicate[][];
}

export interface ParsedPredicate {
  field: string;
  operator: 'equals';
}

export class QueryParseError extends Error {
  constructor(
    message: string,
    readonly hint: string,
  ) {
    super(message);
  }
}

const FIND_SUBJECT = /^(find|get|read|query|search|stream)([A-Z]\w*?)?By(?=[A-Z])/;

/** True when the name reads like a derived query, so a failure to parse it is an error rather than "not a query". */
export function looksDerived(name: string): boolean {
  return FIND_SUBJECT.test(name);
}

/**
 * Parses Spring Data's method-name grammar: `find…By<Field>[And|Or <Field>]…`.
 * Field names are matched longest first, so a field called `orderDate` is not split at `Or`.
 */
export function parseDerivedQuery(name: string, fields: readonly string[]): ParsedQuery {
  const subject = FIND_SUBJECT.exec(name);
  if (!subject) throw new QueryParseError(`'${name}' is not a derived query`, 'Derived queries start with find|get|read|query|search|stream…By.');
  const byField = new Map(fields.map((f) => [pascalCase(f), f]));
  const candidates = [...byField.keys()].sort((a, b) => b.length - a.length);
  const where: ParsedPredicate[][] = [[]];
  let rest = name.slice(subject[0].length);
  while (true) {
    const match = candidates.find((c) => rest.startsWith(c) && !/^[a-z0-9]/.test(rest.slice(c.length)));
    if (!match) {
      const word = /^[A-Z][a-z0-9]*(?:[A-Z][a-z0-9]*)*?(?=And[A-Z]|Or[A-Z]|$)/.exec(rest)?.[0] ?? rest;
      const suggestion = fields.length > 0 ? ` Did you mean '${closestField(word, fields)}'?` : '';
      throw new QueryParseError(`no field '${lowerFirst(word)}' for '${name}'`, `Fields: ${fields.join(', ')}.${suggestion}`);
    }
    where[where.length - 1]!.push({ field: byField.get(match)!, operator: 'equals' });
    rest = rest.slice(match.length);
    if (rest === '') return { action: 'find', where };
    if (rest.startsWith('And')) rest = rest.slice(3);
    else if (rest.startsWith('Or')) {
      rest = rest.slice(2);
      where.push([]);
    } else {
      throw new QueryParseError(`cannot read '${rest}' in '${name}'`, `Only equality conditions joined by And/Or are supported so far (e.g. findByStatusAndEmail). Fields: ${fields.join(', ')}.`);
    }
  }
}

/** Compared in lower case, so `Statuz` is close to `status` whatever the capitals. */
function closestField(word: string, fields: readonly string[]): string {
  const lower = fields.map((f) => f.toLowerCase());
  return fields[lower.indexOf(closest(word.toLowerCase(), lower))]!;
}

function lowerFirst(word: string): string {
  return word.charAt(0).toLowerCase() + word.slice(1);
}
