import { pascalCase } from 'change-case';
import { closest, distance } from 'fastest-levenshtein';
import pluralize from 'pluralize';

/**
 * Spring Data's method-name grammar: `<subject>By<predicates>[OrderBy<orders>]`.
 * This module only reads names; map-feature.ts binds the result to fields, parameters and types.
 */
export type QueryAction = 'find' | 'count' | 'exists' | 'delete';

export type Operator =
  | 'equals'
  | 'not'
  | 'in'
  | 'notIn'
  | 'lessThan'
  | 'lessThanEqual'
  | 'greaterThan'
  | 'greaterThanEqual'
  | 'between'
  | 'isNull'
  | 'isNotNull'
  | 'true'
  | 'false'
  | 'like'
  | 'notLike'
  | 'startingWith'
  | 'endingWith'
  | 'containing';

export interface ParsedPredicate {
  field: string;
  operator: Operator;
  ignoreCase: boolean;
}

export interface ParsedOrder {
  field: string;
  direction: 'asc' | 'desc';
}

export interface ParsedQuery {
  action: QueryAction;
  /** `findFirst…`/`findTop<N>…`: at most this many results. */
  limit?: number;
  /** OR of AND-groups of predicates. */
  where: ParsedPredicate[][];
  orderBy: ParsedOrder[];
  /** `…AllIgnoreCase`: IgnoreCase on every predicate it applies to (text fields), as in Spring Data. */
  allIgnoreCase: boolean;
  /** `findPagedBy…`, `findPaginatedBy…`: the name says one page, so the method must take a page gen reads. */
  paged?: true;
}

/**
 * `mistake`: the name is meant as a derived query and has an error to point at (a word a letter or two from a field,
 * `Top0`). `no-field`, `unreadable`: a word that is no field, or words after a field that are no grammar: the name
 * reads as something else (`countUnreadByUser`), a method for the user to write.
 */
export type ParseFailure = 'mistake' | 'no-field' | 'unreadable';

export class QueryParseError extends Error {
  constructor(
    message: string,
    readonly hint: string,
    readonly failure: ParseFailure = 'mistake',
  ) {
    super(message);
  }
}

/** Keywords after a field name, longest first so `LessThanEqual` wins over `LessThan`. */
const OPERATOR_KEYWORDS: [string, Operator][] = (
  [
    ['IsNotNull', 'isNotNull'],
    ['NotNull', 'isNotNull'],
    ['IsNull', 'isNull'],
    ['Null', 'isNull'],
    ['IsNotIn', 'notIn'],
    ['NotIn', 'notIn'],
    ['IsIn', 'in'],
    ['In', 'in'],
    ['IsNotLike', 'notLike'],
    ['NotLike', 'notLike'],
    ['IsLike', 'like'],
    ['Like', 'like'],
    ['IsStartingWith', 'startingWith'],
    ['StartingWith', 'startingWith'],
    ['StartsWith', 'startingWith'],
    ['IsEndingWith', 'endingWith'],
    ['EndingWith', 'endingWith'],
    ['EndsWith', 'endingWith'],
    ['IsContaining', 'containing'],
    ['Containing', 'containing'],
    ['Contains', 'containing'],
    ['IsLessThanEqual', 'lessThanEqual'],
    ['LessThanEqual', 'lessThanEqual'],
    ['IsLessThan', 'lessThan'],
    ['LessThan', 'lessThan'],
    ['IsGreaterThanEqual', 'greaterThanEqual'],
    ['GreaterThanEqual', 'greaterThanEqual'],
    ['IsGreaterThan', 'greaterThan'],
    ['GreaterThan', 'greaterThan'],
    ['IsBetween', 'between'],
    ['Between', 'between'],
    ['IsBefore', 'lessThan'],
    ['Before', 'lessThan'],
    ['IsAfter', 'greaterThan'],
    ['After', 'greaterThan'],
    ['IsTrue', 'true'],
    ['True', 'true'],
    ['IsFalse', 'false'],
    ['False', 'false'],
    ['IsNot', 'not'],
    ['Not', 'not'],
    ['Equals', 'equals'],
    ['Is', 'equals'],
  ] as [string, Operator][]
).sort((a, b) => b[0].length - a[0].length);

const SUBJECT = /^(find|get|read|query|search|stream|count|exists|delete|remove)(\w*?)By(?=[A-Z]|$)/;
const IGNORE_CASE = ['IgnoreCase', 'IgnoringCase'];
const ALL_IGNORE_CASE = /All(IgnoreCase|IgnoringCase)$/;

/** True when the name reads like a derived query, so a failure to parse it is an error rather than "not a query". */
export function looksDerived(name: string): boolean {
  const match = SUBJECT.exec(name);
  return match !== null && name.length > match[0].length;
}

/** Words between the verb and `By` that say nothing about which aggregates match (`findAllBy`, `findOneBy`). */
const PLAIN_SUBJECT_WORDS = new Set(['All', 'One', 'Many', 'Distinct', 'First', 'Top']);

/** Words between the verb and `By` that ask for one page: read only with a trailing page parameter (map-feature.ts). */
const PAGE_WORDS = new Set(['Paged', 'Paginated']);

/** A name's words: runs of capitals (`API` in `APIKey`), capitalised words, numbers. */
const WORDS = /[A-Z]+(?![a-z])|[A-Z]?[a-z]+|\d+/g;

/**
 * `aggregate`: the aggregate's name. Spring Data ignores what stands between the verb and `By`, but a word there that
 * is not the aggregate's name (`findRentalActiveByUserId`, `countUnreadByUserId`) narrows the query in a way the name
 * does not spell out: implementing it as `findByUserId` would return finished rentals too, so it is another query.
 */
export function parseDerivedQuery(name: string, fields: readonly string[], aggregate?: string): ParsedQuery {
  const subject = SUBJECT.exec(name);
  if (!subject || name.length === subject[0].length) {
    throw new QueryParseError(
      `'${name}' is not a derived query`,
      'Derived queries read <find|count|exists|delete>…By<Field>…, e.g. findByStatus.',
    );
  }
  const action: QueryAction =
    subject[1] === 'count'
      ? 'count'
      : subject[1] === 'exists'
        ? 'exists'
        : subject[1] === 'delete' || subject[1] === 'remove'
          ? 'delete'
          : 'find';
  const limit = action === 'find' ? readLimit(subject[2]) : undefined;
  const parser = new PredicateParser(name, fields);
  const rest = name.slice(subject[0].length);
  const split = splitOrderBy(rest, parser);
  const words = subject[2].match(WORDS) ?? [];
  const paged = words.some((w) => PAGE_WORDS.has(w));
  if (aggregate !== undefined) {
    // Case aside (`APIKey` as `findApiKeysBy…`, `SKU` as `findSkusBy…`), singular or plural, word by word or whole.
    const lower = (w: string) => w.toLowerCase();
    const forms = (w: string) => [w, pluralize(w), pluralize.singular(w)].map(lower);
    const named = new Set([...(aggregate.match(WORDS) ?? []).flatMap(forms), ...forms(aggregate)]);
    const subjectWords = words.filter((w) => !PLAIN_SUBJECT_WORDS.has(w) && !PAGE_WORDS.has(w) && !/^\d+$/.test(w));
    const unread = subjectWords.filter((w) => !named.has(lower(w)));
    if (unread.length > 0 && !named.has(lower(subjectWords.join(''))))
      throw new QueryParseError(
        `'${unread.join('')}' before 'By' in '${name}' narrows which ${pluralize(aggregate)} it finds in a way gen does not read`,
        `Name the condition as fields (findBy<Field>…), or write the method yourself.`,
        'unreadable',
      );
  }
  return {
    action,
    ...(limit === undefined ? {} : { limit }),
    where: split.where,
    orderBy: split.orderBy,
    allIgnoreCase: ALL_IGNORE_CASE.test(rest.split('OrderBy')[0]),
    ...(paged ? { paged: true as const } : {}),
  };
}

function readLimit(between: string): number | undefined {
  const match = /^(?:First|Top)(\d*)/.exec(between);
  if (!match) return undefined;
  const limit = match[1] === '' ? 1 : Number(match[1]);
  if (limit < 1) throw new QueryParseError(`'${between}' asks for no results`, 'Use First, Top or Top<N> with N >= 1.');
  return limit;
}

/** `OrderBy` may also occur inside a field name, so each occurrence is tried until both sides parse. */
function splitOrderBy(rest: string, parser: PredicateParser): { where: ParsedPredicate[][]; orderBy: ParsedOrder[] } {
  let firstError: QueryParseError | undefined;
  for (let at = rest.indexOf('OrderBy'); at !== -1; at = rest.indexOf('OrderBy', at + 1)) {
    try {
      const orderBy = parser.orders(rest.slice(at + 'OrderBy'.length));
      return { where: at === 0 ? [] : parser.predicates(rest.slice(0, at)), orderBy };
    } catch (error) {
      if (!(error instanceof QueryParseError)) throw error;
      firstError ??= error;
    }
  }
  try {
    return { where: parser.predicates(rest), orderBy: [] };
  } catch (error) {
    throw firstError && error instanceof QueryParseError && rest.includes('OrderBy') ? firstError : error;
  }
}

interface Step {
  predicate: ParsedPredicate;
  next: number;
}

class PredicateParser {
  private readonly byPascal: Map<string, string>;
  private readonly candidates: string[];

  constructor(
    private readonly name: string,
    private readonly fields: readonly string[],
  ) {
    this.byPascal = new Map(fields.map((f) => [pascalCase(f), f]));
    this.candidates = [...this.byPascal.keys()].sort((a, b) => b.length - a.length);
  }

  predicates(text: string): ParsedPredicate[][] {
    const all = ALL_IGNORE_CASE.exec(text);
    const body = all ? text.slice(0, all.index) : text;
    const groups = this.parseFrom(body, 0);
    if (!groups) throw this.explain(body);
    return groups;
  }

  orders(text: string): ParsedOrder[] {
    const orders: ParsedOrder[] = [];
    let at = 0;
    while (at < text.length) {
      const field = this.candidates.find((c) => text.startsWith(c, at) && /^(Asc|Desc|[A-Z]|$)/.test(text.slice(at + c.length)));
      if (!field) throw this.noField(text.slice(at));
      at += field.length;
      const direction = text.startsWith('Desc', at) ? 'desc' : 'asc';
      if (text.startsWith('Asc', at)) at += 3;
      else if (text.startsWith('Desc', at)) at += 4;
      orders.push({ field: this.byPascal.get(field)!, direction });
    }
    if (orders.length === 0) throw new QueryParseError(`'${this.name}' has OrderBy without a field`, `Fields: ${this.fields.join(', ')}.`);
    return orders;
  }

  /** Backtracking: the first reading of the whole text as predicates joined by And/Or. */
  private parseFrom(text: string, at: number): ParsedPredicate[][] | undefined {
    for (const step of this.steps(text, at)) {
      if (step.next === text.length) return [[step.predicate]];
      for (const [joiner, newGroup] of [
        ['And', false],
        ['Or', true],
      ] as const) {
        if (!text.startsWith(joiner, step.next)) continue;
        const rest = this.parseFrom(text, step.next + joiner.length);
        if (!rest) continue;
        return newGroup ? [[step.predicate], ...rest] : [[step.predicate, ...rest[0]], ...rest.slice(1)];
      }
    }
    return undefined;
  }

  /** Every way to read one predicate at `at`: a field, an optional operator keyword, an optional IgnoreCase. */
  private *steps(text: string, at: number): Generator<Step> {
    for (const candidate of this.candidates) {
      if (!startsWithWord(text, candidate, at)) continue;
      const afterField = at + candidate.length;
      const operators: [string, Operator][] = [...OPERATOR_KEYWORDS.filter(([k]) => text.startsWith(k, afterField)), ['', 'equals']];
      for (const [keyword, operator] of operators) {
        const afterOperator = afterField + keyword.length;
        const suffix = IGNORE_CASE.find((s) => text.startsWith(s, afterOperator));
        const field = this.byPascal.get(candidate)!;
        if (suffix) yield { predicate: { field, operator, ignoreCase: true }, next: afterOperator + suffix.length };
        yield { predicate: { field, operator, ignoreCase: false }, next: afterOperator };
      }
    }
  }

  /** The error for text that does not parse: the first word that is no field, or what follows the last field read. */
  private explain(text: string): QueryParseError {
    let at = 0;
    while (at < text.length) {
      const field = this.candidates.find((c) => startsWithWord(text, c, at));
      if (!field) return this.noField(text.slice(at));
      at += field.length;
      const keyword = OPERATOR_KEYWORDS.find(([k]) => text.startsWith(k, at));
      if (keyword) at += keyword[0].length;
      const suffix = IGNORE_CASE.find((s) => text.startsWith(s, at));
      if (suffix) at += suffix.length;
      if (at === text.length) break;
      const joiner = ['And', 'Or'].find((j) => text.startsWith(j, at));
      if (!joiner) {
        return new QueryParseError(
          `cannot read '${text.slice(at)}' in '${this.name}'`,
          `After a field comes an operator (${[...new Set(OPERATOR_KEYWORDS.map(([k]) => k))].sort().join(', ')}), IgnoreCase, And, Or or OrderBy.`,
          'unreadable',
        );
      }
      at += joiner.length;
    }
    return new QueryParseError(`cannot read '${text}' in '${this.name}'`, `Fields: ${this.fields.join(', ')}.`, 'unreadable');
  }

  private noField(text: string): QueryParseError {
    const word = /^[A-Z][a-z0-9]*(?:[A-Z][a-z0-9]*)*?(?=And[A-Z]|Or[A-Z]|OrderBy|$)/.exec(text)?.[0] ?? text;
    const nearest = this.fields.length > 0 ? closestField(word, this.fields) : undefined;
    const suggestion = nearest ? ` Did you mean '${nearest}'?` : '';
    const misspelt =
      nearest !== undefined && distance(word.toLowerCase(), nearest.toLowerCase()) <= Math.max(1, Math.floor(word.length / 3));
    return new QueryParseError(
      `no field '${lowerFirst(word)}' for '${this.name}'`,
      `Fields: ${this.fields.join(', ')}.${suggestion}`,
      misspelt ? 'mistake' : 'no-field',
    );
  }
}

/** `word` stands at `at` as a whole word of the camel-case name: what follows starts a new word. */
function startsWithWord(text: string, word: string, at: number): boolean {
  return text.startsWith(word, at) && !/^[a-z0-9]/.test(text.slice(at + word.length));
}

/** Compared in lower case, so `Statuz` is close to `status` whatever the capitals. */
function closestField(word: string, fields: readonly string[]): string {
  const lower = fields.map((f) => f.toLowerCase());
  return fields[lower.indexOf(closest(word.toLowerCase(), lower))];
}

function lowerFirst(word: string): string {
  return word.charAt(0).toLowerCase() + word.slice(1);
}
