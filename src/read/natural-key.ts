import type { SourceLocation } from '../errors.js';
import type { AggregateModel, FieldModel, PortMethod } from '../model/domain-model.js';

/**
 * The key of an aggregate that has no id (no `id`, `<aggregate>Id`, `guid` or `uuid`): the one field the port
 * itself looks a single aggregate up or deletes one by, else a field named like a natural key. Tried in this order,
 * the first step that names fields decides; a step naming several is not decided (the user names the key in
 * gen.config.json). A key is the primary key, which save upserts by: a field that may repeat (one a list is
 * queried by, one a bulk delete takes) would let one row silently replace another, so only these count:
 *
 * 1. What the port looks one aggregate up by: `findBy<X>(x)`, `getBy<X>(x)`, `findOneBy<X>(x)` returning one
 *    aggregate (not a list); `find(x)`, `get(x)`, `findOne(x)`, `find<Aggregate>(x)`, `get<Aggregate>(x)` returning
 *    one and taking one parameter named like a field or typed `<Aggregate>['x']`; and `delete(x)`, `remove(x)`,
 *    `delete<Aggregate>(x)`, `remove<Aggregate>(x)` taking one such parameter (not `deleteBy<X>`, usually bulk).
 * 2. The first field named `<aggregate>Code`, `<aggregate>No`, `<aggregate>Key`, `code`, `key`, `slug`, `sku`.
 *
 * Else none; `candidate` is a field the user may mean (a first parameter of a method addressing one aggregate, the one
 * field named `*Code`), only for the refusal to suggest, never taken on its own.
 */
export type NaturalKey =
  | { field: string; because: string; location?: SourceLocation }
  | { undecided: string[]; because: string }
  | { none: true; candidate?: string };

export function naturalKey(aggregate: string, fields: readonly FieldModel[], methods: readonly PortMethod[]): NaturalKey {
  const named = new Map(fields.map((f) => [f.name, f]));
  const lookups = new Map<string, PortMethod>();
  const others = new Set<string>();
  const reads = ['find', 'get', 'findOne', 'getOne', `find${aggregate}`, `get${aggregate}`, `findOne${aggregate}`];
  const deletes = ['delete', 'remove', `delete${aggregate}`, `remove${aggregate}`];
  for (const method of methods) {
    const first = method.parameters[0];
    if (!first) continue;
    const returns = method.returns;
    const one = returns.type.kind === 'aggregate' && returns.type.name === aggregate && !returns.list && !returns.orList;
    const indexed = first.use.text.match(/^([A-Za-z_$][\w$]*)\[\s*['"]([\w$]+)['"]\s*\]$/);
    const field =
      indexed && indexed[1] === aggregate && named.has(indexed[2]) ? indexed[2] : named.has(first.name) ? first.name : undefined;
    if (method.parameters.length === 1) {
      const by = method.name.match(/^(find|get|findOne|getOne|fetch|load)By([A-Z][\w$]*)$/);
      if (by) {
        const byField = lowerFirst(by[2]);
        if (one && named.has(byField) && !lookups.has(byField)) lookups.set(byField, method);
        continue;
      }
      if (field && ((reads.includes(method.name) && one) || (deletes.includes(method.name) && deletesOne(returns)))) {
        if (!lookups.has(field)) lookups.set(field, method);
        continue;
      }
    }
    // Counts and tests (`countByStatus(status)`, `existsByEmail(email)`) address no single aggregate.
    if (named.has(first.name) && !returns.list && !/^(count|exists|has|is)([A-Z]|$)/.test(method.name)) others.add(first.name);
  }
  if (lookups.size === 1) {
    const [[field, method]] = [...lookups];
    return { field, because: `the port looks ${aggregate} up by it (${method.name})`, location: method.location };
  }
  if (lookups.size > 1) return { undecided: [...lookups.keys()], because: `the port looks ${aggregate} up by` };
  const conventional = keyNames(aggregate).find((n) => named.has(n));
  if (conventional) return { field: conventional, because: `it is named like a natural key`, location: named.get(conventional)!.location };
  const codes = fields.filter((f) => /[a-z0-9]Code$/.test(f.name)).map((f) => f.name);
  const candidate = others.size === 1 ? [...others][0] : codes.length === 1 ? codes[0] : undefined;
  return candidate ? { none: true, candidate } : { none: true };
}

/** Names of a natural key, the first found wins when the port says nothing (step 2). */
export function keyNames(aggregate: string): string[] {
  const lower = lowerFirst(aggregate);
  return [`${lower}Code`, `${lower}No`, `${lower}Key`, 'code', 'key', 'slug', 'sku'];
}

function lowerFirst(name: string): string {
  return name.charAt(0).toLowerCase() + name.slice(1);
}

/** What gen chose as the key of an aggregate with no id, and why, for the user to see (and overrule in gen.config.json). */
export function naturalKeyWarning(aggregate: AggregateModel): string | undefined {
  const key = aggregate.naturalKey;
  if (!key?.because) return undefined;
  return `${key.location.file}:${key.location.line}: ${aggregate.name} has no id, so gen takes '${aggregate.idField}' as its primary key (${key.because}): save replaces the row with the same ${aggregate.idField}. If it is not unique, add an id or name the key in gen.config.json: "ids": { "${aggregate.name}": "<field>" }.`;
}

/** A delete of one: it returns nothing, a flag or the aggregate, never a count (`delete(category): Promise<number>` deletes many). */
function deletesOne(returns: PortMethod['returns']): boolean {
  const kind = returns.type.kind;
  return !returns.list && (kind === 'void' || kind === 'aggregate' || (kind === 'primitive' && returns.type.primitive === 'boolean'));
}
