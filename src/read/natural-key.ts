import type { FieldModel, PortMethod } from '../model/domain-model.js';

/**
 * The key of an aggregate that has no id (no `id`, `<aggregate>Id`, `guid` or `uuid`): the one field the port
 * itself treats as the identity, else a field named like a natural key. Tried in this order, the first step that
 * names fields decides; a step naming several is not decided (the user names the key in gen.config.json):
 *
 * 1. What the port looks one aggregate up or deletes it by: `findBy<X>(x)`, `getBy<X>(x)`, `findOneBy<X>(x)`
 *    returning one aggregate (not a list), `deleteBy<X>(x)`/`removeBy<X>(x)`; `find(x)`, `get(x)`, `findOne(x)`,
 *    `find<Aggregate>(x)`, `get<Aggregate>(x)` returning one, and `delete(x)`, `remove(x)`, `delete<Aggregate>(x)`,
 *    `remove<Aggregate>(x)`, whose first parameter is named like a field; any parameter typed `<Aggregate>['x']`.
 * 2. The first parameter, named like a field, of any other port method that does not return a list
 *    (`updateAlertThresholds(janCode, ...)`).
 * 3. The first field named `<aggregate>Code`, `<aggregate>No`, `<aggregate>Key`, `code`, `key`, `slug`, `sku`.
 * 4. The one field whose name ends in `Code` (`shopCode`).
 */
export type NaturalKey = { field: string; because: string } | { undecided: string[]; because: string } | { none: true };

export function naturalKey(aggregate: string, fields: readonly FieldModel[], methods: readonly PortMethod[]): NaturalKey {
  const named = new Map(fields.map((f) => [f.name, f]));
  const lookups = new Set<string>();
  const others = new Set<string>();
  for (const method of methods) {
    for (const parameter of method.parameters) {
      const indexed = parameter.use.text.match(/^([A-Za-z_$][\w$]*)\[\s*['"]([\w$]+)['"]\s*\]$/);
      if (indexed && indexed[1] === aggregate && named.has(indexed[2])) lookups.add(indexed[2]);
    }
    const first = method.parameters[0];
    if (!first) continue;
    const one = !method.returns.list;
    const by = method.name.match(/^(find|get|findOne|getOne|fetch|load|delete|remove)By([A-Z][\w$]*)$/);
    if (by && method.parameters.length === 1) {
      const field = lowerFirst(by[2]);
      const reads = !['delete', 'remove'].includes(by[1]);
      if (named.has(field) && (one || !reads)) lookups.add(field);
      continue;
    }
    const reads = ['find', 'get', 'findOne', 'getOne', `find${aggregate}`, `get${aggregate}`, `findOne${aggregate}`];
    const deletes = ['delete', 'remove', `delete${aggregate}`, `remove${aggregate}`];
    if (named.has(first.name) && ((reads.includes(method.name) && one) || deletes.includes(method.name))) {
      lookups.add(first.name);
      continue;
    }
    // Counts and tests (`countByStatus(status)`, `existsByEmail(email)`) address no single aggregate.
    if (named.has(first.name) && one && !/^(count|exists|has|is)([A-Z]|$)/.test(method.name)) others.add(first.name);
  }
  if (lookups.size > 0) return decide([...lookups], `the port looks ${aggregate} up or deletes it by`);
  if (others.size > 0) return decide([...others], `the port's methods that address one ${aggregate} take first`);
  const conventional = keyNames(aggregate).find((n) => named.has(n));
  if (conventional) return { field: conventional, because: `it is named like a natural key` };
  const codes = fields.filter((f) => /[a-z0-9]Code$/.test(f.name)).map((f) => f.name);
  if (codes.length > 0) return decide(codes, `${aggregate}'s fields named '*Code' are`);
  return { none: true };
}

/** Names of a natural key, the first found wins when the port says nothing (step 3). */
export function keyNames(aggregate: string): string[] {
  const lower = lowerFirst(aggregate);
  return [`${lower}Code`, `${lower}No`, `${lower}Key`, 'code', 'key', 'slug', 'sku'];
}

/** One field decides; several leave the choice to the user. */
function decide(fields: string[], because: string): NaturalKey {
  return fields.length === 1 ? { field: fields[0], because } : { undecided: fields, because };
}

function lowerFirst(name: string): string {
  return name.charAt(0).toLowerCase() + name.slice(1);
}
