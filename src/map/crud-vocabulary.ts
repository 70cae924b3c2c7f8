import type { GenError } from '../errors.js';
import type { DomainModel, FieldModel, PortMethod, TypeUse, ValueType } from '../model/domain-model.js';
import type { Absent, PageParameter, RepositoryMethod } from './persistence-model.js';

/**
 * The CRUD names ports use besides `save`/`findById`/`delete` (issue 11): `insert`, `create`, `update`,
 * `save<Something>`, `upsert`, `findOneById`, `find(id)`, `search(id)`, `get<X>ById`, `find<X>ById`, `searchAll`,
 * `exists(value)` and `delete`/`remove` resolving to a boolean; and (issue 19) `add`/`store`/`persist` (alone or
 * followed by the aggregate's name) as `save`, `update<Aggregate>` as `update`, `all`/`list`/`getAll` as `findAll`,
 * `get<Aggregate>By<Aggregate>Id` as `findById`; `save<Something>` taking no aggregate is left to the user. Each is
 * recognised by its name and its shape (the id's type, the aggregate); a name whose shape does not fit is left to
 * the rest of map-feature.ts (derived queries, errors, hand-written stubs).
 */
export interface VocabularyContext {
  /**
   * A single value of the aggregate's id type (or a value object over it), or, for a parameter named for the id
   * (`id`, `userId`), the primitive a value-object id holds.
   */
  isId: (use: TypeUse, name?: string) => boolean;
  /** The trailing pagination parameter at `index`, if that is what it is. */
  page(method: PortMethod, index: number): PageParameter | undefined;
  fail(message: string, hint?: string): GenError;
  /** The type as a port writes it, for messages and for matching a parameter to a field. */
  typeText(type: ValueType): string;
}

const CREATE = ['create', 'insert'];
const LOOKUPS = ['findOneById', 'find', 'search', 'get', 'getById'];
/** Lookup names that read as anything (`get(key): string`): implemented when their shape fits, never an error. */
const LOOSE = ['find', 'search', 'get'];
/** `getUserById`, `findOrderById`: the aggregate's (or any) name between the verb and `ById`. */
const NAMED_LOOKUP = /^(get|find)[A-Z]\w*ById$/;
const SAVE_SOMETHING = /^save(?!All$|Many$)[A-Z]\w*$/;
/** Writers named for storing, read as Spring Data reads `save`: insert or replace (issue 19). */
const STORE = ['add', 'store', 'persist'];
/** `all()`, `list()`: every aggregate, as `findAll`/`searchAll`. */
const ALL = ['searchAll', 'all', 'list', 'getAll'];

/** `addUser`, `storeUser`, `persistUser` for User: a writer named for the aggregate, with `save` semantics. */
export function storeWriter(name: string, aggregate: string): boolean {
  return STORE.some((verb) => name === verb || name === `${verb}${aggregate}`);
}

/** `getUserByUserId`, `findByUserId` for a User with no field `userId`: the aggregate's own id, spelled from its name. */
function ownIdLookup(name: string, domain: DomainModel): boolean {
  const T = domain.aggregate.name;
  const field = `${T.charAt(0).toLowerCase()}${T.slice(1)}Id`;
  const named = new RegExp(`^(get|find)(${T})?By${T}Id$`).test(name);
  return named && (field === domain.aggregate.idField || !domain.aggregate.fields.some((f) => f.name === field));
}

/**
 * A lookup by whatever field is the id, a natural key included: `findByStaffCode`, `getBySku`, `findOneBySlug`;
 * `findOne(x)`, `find<Aggregate>(x)`, `get<Aggregate>(x)` (`getSetting(key)`). Each only when it takes the id alone.
 */
function keyLookup(name: string, domain: DomainModel): boolean {
  const { name: T, idField } = domain.aggregate;
  const key = `${idField.charAt(0).toUpperCase()}${idField.slice(1)}`;
  return new RegExp(`^(get|find|findOne)(${T})?By${key}$`).test(name) || [`find${T}`, `get${T}`, 'findOne'].includes(name);
}

/** Names this module may implement: a database answers them asynchronously. */
export function isVocabularyName(name: string): boolean {
  return (
    [...CREATE, 'update', 'upsert', ...LOOKUPS.filter((n) => !LOOSE.includes(n))].includes(name) ||
    NAMED_LOOKUP.test(name) ||
    SAVE_SOMETHING.test(name)
  );
}

export function vocabularyMethod(method: PortMethod, domain: DomainModel, context: VocabularyContext): RepositoryMethod | undefined {
  const { aggregate } = domain;
  const params = method.parameters;
  const returns = method.returns;
  const T = aggregate.name;
  const aggregateUse = (use: TypeUse) => use.type.kind === 'aggregate' && use.absent === 'none';
  const single = (use: TypeUse) => aggregateUse(use) && !use.list && !use.orList;
  const isVoid = returns.type.kind === 'void';
  const isBoolean = !returns.list && returns.absent === 'none' && returns.type.kind === 'primitive' && returns.type.primitive === 'boolean';
  const only = (test: (use: TypeUse, name: string) => boolean) => params.length === 1 && test(params[0].use, params[0].name);
  const name = method.name;
  const takesAggregate = params.some((p) => p.use.type.kind === 'aggregate');
  if (!method.async) return undefined;

  const update = name === 'update' || name === `update${T}`;
  if (CREATE.includes(name) || update) {
    const parameter = params[0]?.use;
    const list: 'no' | 'yes' | 'either' = parameter?.orList ? 'either' : parameter?.list ? 'yes' : 'no';
    const shape = update
      ? `${name}(x: ${T}): Promise<void | ${T} | boolean>`
      : `${name}(x: ${T} | ${T}[]): Promise<void>, Promise<${T}>, Promise<${T}[]> for a list, or Promise<boolean>`;
    // `create(title: string)`, `update(id, changes: Partial<User>)`: fields, not the aggregate, so the user's to write.
    if (!takesAggregate) return fieldWriter(method, update ? 'update' : 'create', T);
    if (params.length !== 1 || !parameter || !aggregateUse(parameter) || (update && list !== 'no'))
      throw context.fail(`expected ${shape}`, 'Change the signature, or rename the method so that gen leaves it to you to write.');
    const result = isVoid
      ? 'void'
      : isBoolean
        ? 'boolean'
        : aggregateUse(returns) && returns.list === (list === 'yes') && !returns.orList && list !== 'either'
          ? 'aggregate'
          : undefined;
    if (!result)
      throw context.fail(
        `it returns '${returns.text}', expected ${shape}`,
        'Resolve to nothing, the aggregate it took, or whether it was written.',
      );
    return {
      kind: 'write',
      method,
      mode: update ? 'update' : 'create',
      list,
      result,
    };
  }
  // `add(block)`, `store(block)`, `persistBlock(block)`: taking anything else, they are the user's to write.
  if (storeWriter(name, T) && !takesAggregate) return fieldWriter(method, 'save', T);
  if (storeWriter(name, T) && only(aggregateUse)) {
    if (!only(single)) return undefined;
    if (isVoid) return { kind: 'save', method };
    if (single(returns)) return { kind: 'save', method, returnsAggregate: true };
    if (context.isId(returns)) return { kind: 'save', method, returnsId: idAccess(domain) };
    throw context.fail(
      `it returns '${returns.text}'`,
      `Return Promise<void>, Promise<${T}> (the aggregate it stored) or its id, as save does.`,
    );
  }
  if (name === 'upsert' || SAVE_SOMETHING.test(name) || name === 'save') {
    if (!only(single)) {
      if (name === 'save') return undefined;
      // `saveReadStatus(userId, notificationId)` saves something else than the aggregate: the user's to write.
      if (name !== 'upsert' && name !== `save${T}` && !takesAggregate)
        return {
          kind: 'hand-written',
          method,
          reason: `its name reads as save, but it takes no ${T}`,
        };
      // `upsert(data: Partial<User>)`, `saveUser(dto)`: fields of the aggregate, the user's to write.
      if (!takesAggregate) return fieldWriter(method, 'save', T);
      throw context.fail(
        `expected ${name}(x: ${T}): Promise<void> or Promise<${T}>`,
        'Change the signature, or rename the method so that gen leaves it to you to write.',
      );
    }
    if (isVoid) return name === 'save' ? undefined : { kind: 'save', method };
    if (single(returns)) return { kind: 'save', method, returnsAggregate: true };
    // `save(order): Promise<OrderId>`: the id of the aggregate it took, which the caller may not have kept.
    if (context.isId(returns)) return { kind: 'save', method, returnsId: idAccess(domain) };
    if (name === 'save') return undefined;
    throw context.fail(`it returns '${returns.text}'`, `Return Promise<void>, Promise<${T}> (the aggregate it saved) or its id.`);
  }
  if (LOOKUPS.includes(name) || NAMED_LOOKUP.test(name) || ownIdLookup(name, domain) || keyLookup(name, domain)) {
    // Anything else (`find(criteria)`, `findOrderById` returning a DTO) is for derived queries or hand-written methods.
    if (!only(context.isId) || returns.type.kind !== 'aggregate' || returns.list) return undefined;
    const absent: Absent = returns.absent === 'none' ? 'throw' : returns.absent;
    return { kind: 'find-by-id', method, absent };
  }
  if (ALL.includes(name)) {
    const page = context.page(method, 0);
    if (params.length !== (page ? 1 : 0) || returns.type.kind !== 'aggregate' || !returns.list) return undefined;
    return page ? { kind: 'find-all', method, page } : { kind: 'find-all', method };
  }
  if ((name === 'delete' || name === 'remove' || name === 'deleteById') && isBoolean) {
    if (only(context.isId)) return { kind: 'delete-by-id', method, argument: 'id', reports: true };
    if (only(single))
      return {
        kind: 'delete-by-id',
        method,
        argument: 'aggregate',
        reports: true,
      };
    return undefined;
  }
  if (name === 'exists' && only(single) && isBoolean) return { kind: 'exists-by-id', method, argument: 'aggregate' };
  if (name === 'exists' && params.length === 1 && !context.isId(params[0].use, params[0].name) && isBoolean)
    return existsByValue(method, domain, context);
  return undefined;
}

/** How the aggregate's id is read from it (`.id`, `.getId()`). */
function idAccess(domain: DomainModel): string {
  const { aggregate } = domain;
  return aggregate.fields.find((f) => f.name === aggregate.idField)?.access ?? `.${aggregate.idField}`;
}

/** A writer that takes fields, not the aggregate (`create(title)`): a stub for the user, warned with the decision. */
function fieldWriter(method: PortMethod, verb: 'create' | 'update' | 'save', T: string): RepositoryMethod {
  return {
    kind: 'hand-written',
    method,
    reason: `its name reads as ${verb}, but it takes no ${T}`,
    decision: `write it in the repository's custom part (gen left a stub), or make it take the whole ${T} (\`${method.name}(${T.charAt(0).toLowerCase()}${T.slice(1)}: ${T})\`) so that gen implements it`,
  };
}

/**
 * `exists(email: Email)`: the one field whose type is the parameter's, as `existsByEmail` would query it. The field
 * is found by its type alone, so that type must be its own: a plain `string` that several fields have names none.
 * No unique index is assumed: "exists" holds for one match or several.
 */
function existsByValue(method: PortMethod, domain: DomainModel, context: VocabularyContext): RepositoryMethod {
  const parameter = method.parameters[0];
  const use = parameter.use;
  const text = context.typeText(use.type);
  const matches = (field: FieldModel) =>
    !field.list && field.name !== domain.aggregate.idField && (context.typeText(field.type) === text || wraps(use.type, field));
  const fields = use.list || use.absent !== 'none' ? [] : domain.aggregate.fields.filter(matches);
  if (fields.length !== 1) {
    const which =
      fields.length === 0
        ? `no field of ${domain.aggregate.name} is a ${text}`
        : `fields ${fields.map((f) => `'${f.name}'`).join(', ')} are all ${text}`;
    throw context.fail(
      `exists(${parameter.name}: ${use.text}) names a field by the parameter's type, but ${which}`,
      'Name the field in the method instead, as a derived query: existsBy<Field>(value), e.g. existsByEmail(email).',
    );
  }
  const field = fields[0];
  return {
    kind: 'derived',
    method,
    query: {
      action: 'exists',
      result: 'exists',
      absent: 'null',
      where: [
        [
          {
            field: field.name,
            operator: 'equals',
            ignoreCase: false,
            parameters: [0],
          },
        ],
      ],
      orderBy: [],
    },
  };
}

/** A single-value object over a primitive field of the same name (`email: string` of a primitives-style aggregate, asked with an `Email`). */
function wraps(parameter: ValueType, field: FieldModel): boolean {
  return (
    parameter.kind === 'value-object' &&
    field.type.kind === 'primitive' &&
    field.type.primitive === parameter.primitive &&
    field.name === parameter.name[0].toLowerCase() + parameter.name.slice(1)
  );
}
