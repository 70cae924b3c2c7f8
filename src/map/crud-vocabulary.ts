import type { GenError } from '../errors.js';
import type { DomainModel, FieldModel, PortMethod, TypeUse, ValueType } from '../model/domain-model.js';
import type { Absent, FieldWriteMethod, PageParameter, RepositoryMethod } from './persistence-model.js';

/**
 * The CRUD names ports use besides `save`/`findById`/`delete` (issue 11): `insert`, `create`, `update`,
 * `save<Something>`, `upsert`, `findOneById`, `find(id)`, `search(id)`, `get<X>ById`, `find<X>ById`, `searchAll`,
 * `exists(value)` and `delete`/`remove` resolving to a boolean; and (issue 19) `add`/`store`/`persist` (alone or
 * followed by the aggregate's name) as `save`, `update<Aggregate>` as `update`, `all`/`list`/`getAll` as `findAll`,
 * `get<Aggregate>By<Aggregate>Id` as `findById`; `save<Something>` taking no aggregate is left to the user; `One` in
 * place of the aggregate's name (`updateOne`, `deleteOne`, `insertOne`, `removeOne`). Each is
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
/** `ofId(id)`: a collection-named port's lookup (`Todos.ofId`), read as findById. */
const LOOKUPS = ['findOneById', 'find', 'search', 'get', 'getById', 'ofId'];
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
 * `findOne(x)`, `find<Aggregate>(x)`, `get<Aggregate>(x)` (`getSetting(key)`). Each only when it takes the id alone,
 * and the unnamed ones only when that parameter is named for the id: `findUser(email: string)` on a User whose id is
 * a string too is a lookup by email, not by id.
 */
function keyLookup(method: PortMethod, domain: DomainModel): boolean {
  const { name: T, idField } = domain.aggregate;
  const key = `${idField.charAt(0).toUpperCase()}${idField.slice(1)}`;
  if (new RegExp(`^(get|find|findOne)(${T})?By${key}$`).test(method.name)) return true;
  if (![`find${T}`, `get${T}`, 'findOne'].includes(method.name)) return false;
  const parameter = method.parameters[0]?.name;
  return parameter !== undefined && namedForId(parameter, domain);
}

/** `id`, the id field's own name, `<aggregate>Id`, `guid`, `uuid`: a parameter named for the aggregate's id. */
function namedForId(parameter: string, domain: DomainModel): boolean {
  return idNames(domain).has(parameter);
}

function idNames(domain: DomainModel): Set<string> {
  const { name: T, idField } = domain.aggregate;
  return new Set([idField, 'id', `${T.charAt(0).toLowerCase()}${T.slice(1)}Id`, 'guid', 'uuid']);
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

  // `createRoute` for an `IRoute` as for a `Route`: the verb followed by the aggregate's name, an interface's `I` dropped;
  // or by `One` (`updateOne`, `deleteOne`), as MongoDB and TypeORM spell their verbs of one row.
  const stems = [...new Set([T, T.replace(/^I(?=[A-Z][a-z])/, ''), 'One'])];
  const named = (...verbs: string[]) => verbs.some((verb) => stems.some((stem) => name === `${verb}${stem}`));
  // `createTodo(dto)`, `insertTodo(title)`: named for the aggregate, taking its fields.
  if (named('create', 'insert') && !takesAggregate && params.length > 0) return fieldWriter(method, 'create', domain, context);
  const update = name === 'update' || named('update');
  // `createStudent(student: Student)`: create, named for the aggregate.
  if (CREATE.includes(name) || named('create', 'insert') || update) {
    const parameter = params[0]?.use;
    const list: 'no' | 'yes' | 'either' = parameter?.orList ? 'either' : parameter?.list ? 'yes' : 'no';
    const shape = update
      ? `${name}(x: ${T}): Promise<void | ${T} | boolean>`
      : `${name}(x: ${T} | ${T}[]): Promise<void>, Promise<${T}>, Promise<${T}[]> for a list, or Promise<boolean>`;
    // `create(title: string)`, `update(id, changes: Partial<User>)`: fields, not the aggregate, so the user's to write.
    if (!takesAggregate) return fieldWriter(method, update ? 'update' : 'create', domain, context);
    // `createOrder(order, manager)`, `update(order, by)`: a shape gen does not implement under a name that may mean
    // anything the user's service does, so the user's to write; only the bare create/insert are gen's to refuse.
    const namedWriter = !CREATE.includes(name);
    const stub = (why: string): RepositoryMethod => ({
      kind: 'hand-written',
      method,
      reason: `its name reads as ${update ? 'update' : 'create'}, but ${why}, where gen implements ${name}(x: ${T}) resolving to nothing, the ${T}${update ? '' : ', its id'} or whether it was written`,
      decision: `write it in the repository's custom part (gen left a stub), or declare it \`${name}(${T.charAt(0).toLowerCase()}${T.slice(1)}: ${T}): Promise<void>\` so that gen implements it`,
    });
    if (params.length !== 1 || !parameter || !aggregateUse(parameter) || (update && list !== 'no')) {
      if (namedWriter) return stub(`it takes ${params.map((p) => `${p.name}: ${p.use.text}`).join(', ')}`);
      throw context.fail(`expected ${shape}`, 'Change the signature, or rename the method so that gen leaves it to you to write.');
    }
    // `create(order): Promise<OrderId>`, `add(order): Promise<string>`: the new aggregate's id, as it gives it.
    const returnsId = !update && list === 'no' ? idResult(returns, domain, context) : undefined;
    const result = isVoid
      ? 'void'
      : isBoolean
        ? 'boolean'
        : aggregateUse(returns) && returns.list === (list === 'yes') && !returns.orList && list !== 'either'
          ? 'aggregate'
          : returnsId !== undefined
            ? 'id'
            : undefined;
    if (!result && namedWriter) return stub(`it returns '${returns.text}'`);
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
      ...(returnsId !== undefined ? { returnsId } : {}),
    };
  }
  // `add(block)`, `store(block)`, `persistBlock(block)`: taking anything else, they are the user's to write.
  if (storeWriter(name, T) && !takesAggregate) return fieldWriter(method, 'save', domain, context);
  if (storeWriter(name, T) && only(aggregateUse)) {
    if (!only(single)) return undefined;
    if (isVoid) return { kind: 'save', method };
    if (single(returns)) return { kind: 'save', method, returnsAggregate: true };
    const returnsId = idResult(returns, domain, context);
    if (returnsId !== undefined) return { kind: 'save', method, returnsId };
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
      if (!takesAggregate) return fieldWriter(method, 'save', domain, context);
      throw context.fail(
        `expected ${name}(x: ${T}): Promise<void> or Promise<${T}>`,
        'Change the signature, or rename the method so that gen leaves it to you to write.',
      );
    }
    if (isVoid) return name === 'save' ? undefined : { kind: 'save', method };
    if (single(returns)) return { kind: 'save', method, returnsAggregate: true };
    // `save(order): Promise<OrderId>`: the id of the aggregate it took, which the caller may not have kept.
    const returnsId = idResult(returns, domain, context);
    if (returnsId !== undefined) return { kind: 'save', method, returnsId };
    if (name === 'save') return undefined;
    throw context.fail(`it returns '${returns.text}'`, `Return Promise<void>, Promise<${T}> (the aggregate it saved) or its id.`);
  }
  if (LOOKUPS.includes(name) || NAMED_LOOKUP.test(name) || ownIdLookup(name, domain) || keyLookup(method, domain)) {
    // Anything else (`find(criteria)`, `findOrderById` returning a DTO) is for derived queries or hand-written methods.
    if (!only(context.isId) || returns.type.kind !== 'aggregate' || returns.list) return undefined;
    // `find(email: string)` on a User whose id is a string too is a lookup by email: a loose name takes a plain
    // string or number as the id only when the parameter is named for it (a value-object id type says so itself).
    if (LOOSE.includes(name) && domain.aggregate.fields.find((f) => f.name === domain.aggregate.idField)?.type.kind !== 'value-object') {
      if (!namedForId(params[0].name, domain)) return undefined;
    }
    const absent: Absent = returns.absent === 'none' ? 'throw' : returns.absent;
    return { kind: 'find-by-id', method, absent };
  }
  if ((ALL.includes(name) || name === 'findAll') && params.length === 1 && !context.page(method, 0) && returns.list) {
    const filtered = returns.type.kind === 'aggregate' ? filteredAll(method, domain) : undefined;
    if (filtered) return filtered;
  }
  if (ALL.includes(name)) {
    const page = context.page(method, 0);
    if (params.length !== (page ? 1 : 0) || returns.type.kind !== 'aggregate' || !returns.list) return undefined;
    return page ? { kind: 'find-all', method, page } : { kind: 'find-all', method };
  }
  // `deleteStudent(id)`, `removeRoute(route)`: delete, named for the aggregate, resolving to nothing or to whether it deleted.
  // A plain string or number is the id only when named for it: `deleteCustomer(name: string)` deletes by name, which
  // read as the id would delete another row (a value-object or branded id type says it is the id itself).
  if (named('delete', 'remove') && (isVoid || isBoolean)) {
    const reports = isBoolean ? { reports: true as const } : {};
    const byId = (use: TypeUse, parameter: string) =>
      context.isId(use, parameter) && (use.type.kind !== 'primitive' || namedForId(parameter, domain));
    if (only(byId)) return { kind: 'delete-by-id', method, argument: 'id', ...reports };
    if (only(context.isId))
      return {
        kind: 'hand-written',
        method,
        reason: `its name reads as delete, but '${params[0].name}' is not named for the id (${[...idNames(domain)].join(', ')})`,
      };
    if (only(single)) return { kind: 'delete-by-id', method, argument: 'aggregate', ...reports };
    return undefined;
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

/**
 * How a writer resolving to the id it wrote reads it from the aggregate: `.id` for the id's own type, `.id.value` for
 * the primitive a value-object id holds (`add(order): Promise<string>` of an `OrderId` over a string); else undefined.
 */
function idResult(returns: TypeUse, domain: DomainModel, context: VocabularyContext): string | undefined {
  if (context.isId(returns)) return idAccess(domain);
  const id = domain.aggregate.fields.find((f) => f.name === domain.aggregate.idField)?.type;
  const plain = !returns.list && !returns.orList && returns.absent === 'none' && returns.type.kind === 'primitive';
  if (
    plain &&
    id?.kind === 'value-object' &&
    id.brand !== true &&
    returns.type.kind === 'primitive' &&
    returns.type.primitive === id.primitive
  )
    return `${idAccess(domain)}${id.valueAccess}`;
  return undefined;
}

/**
 * `findAll(status?: OrderStatus)`, `list(role: Role)`: every aggregate whose enum or string-union field holds the
 * value, the one field typed exactly as the parameter; every aggregate when an optional one is not given. A type with
 * a member no stored value can be (`Role | 'all'`) means what the user decides: a stub, with why. Else undefined.
 */
function filteredAll(method: PortMethod, domain: DomainModel): RepositoryMethod | undefined {
  const parameter = method.parameters[0];
  const parts = (text: string) =>
    text
      .split('|')
      .map((part) => part.trim().replace(/^"(.*)"$/, "'$1'"))
      .filter((part) => part !== 'undefined' && part !== '');
  // `Role` named through its alias, or spelled out: the values of a string union, else the type's names as written.
  const type = parameter.use.type;
  const given = new Set(type.kind === 'literal-union' ? type.values.map((v) => `'${v}'`) : parts(parameter.use.text));
  const held = (field: FieldModel): string[] | undefined =>
    field.list || field.name === domain.aggregate.idField
      ? undefined
      : field.type.kind === 'enum'
        ? [field.type.name]
        : field.type.kind === 'literal-union'
          ? field.type.values.map((v) => `'${v}'`)
          : undefined;
  const related = domain.aggregate.fields.flatMap((field) => {
    const values = held(field);
    return values && values.every((v) => given.has(v)) ? [{ field, extra: [...given].filter((v) => !values.includes(v)) }] : [];
  });
  if (related.length !== 1 || parameter.use.list || parameter.use.absent === 'null') return undefined;
  const [{ field, extra }] = related;
  if (extra.length > 0)
    return {
      kind: 'hand-written',
      method,
      reason: `it filters on '${field.name}', but ${extra.join(', ')} ${extra.length === 1 ? 'is' : 'are'} no value ${domain.aggregate.name}.${field.name} can hold, so what ${extra.length === 1 ? 'it means' : 'they mean'} is yours to say`,
      decision: `write it in the repository's custom part (gen left a stub), or type '${parameter.name}' as the field is (\`${parameter.name}?: ${field.type.kind === 'enum' ? field.type.name : held(field)!.join(' | ')}\`, absent for every ${domain.aggregate.name}) so that gen implements it`,
    };
  const unlessAbsent = parameter.optional || parameter.use.absent === 'undefined';
  return {
    kind: 'derived',
    method,
    query: {
      action: 'find',
      result: 'many',
      absent: 'null',
      where: [[{ field: field.name, operator: 'equals', ignoreCase: false, parameters: [0] }]],
      orderBy: [],
    },
    ...(unlessAbsent ? { unlessAbsent: true as const } : {}),
  };
}

/** How the aggregate's id is read from it (`.id`, `.getId()`). */
function idAccess(domain: DomainModel): string {
  const { aggregate } = domain;
  return aggregate.fields.find((f) => f.name === aggregate.idField)?.access ?? `.${aggregate.idField}`;
}

/**
 * A writer that takes fields, not the aggregate: implemented where the parameters name the aggregate's fields
 * (fieldWrite), else a stub for the user, warned with what stops gen and the decision.
 */
function fieldWriter(
  method: PortMethod,
  verb: 'create' | 'update' | 'save',
  domain: DomainModel,
  context: VocabularyContext,
): RepositoryMethod {
  const T = domain.aggregate.name;
  // `add(title)`, `addUser(dto)`: a new aggregate; `save`, `store`, `upsert` of fields may mean either, so stay the user's.
  const mode = verb === 'save' ? (/^add/.test(method.name) ? 'create' : undefined) : verb;
  const written = mode ? fieldWrite(method, mode, domain, context) : `its name reads as ${verb}, but it takes no ${T}`;
  if (typeof written !== 'string') return written;
  return {
    kind: 'hand-written',
    method,
    reason: mode ? `it takes fields of ${T}, but ${written}` : written,
    decision: `write it in the repository's custom part (gen left a stub), or make it take the whole ${T} (\`${method.name}(${T.charAt(0).toLowerCase()}${T.slice(1)}: ${T})\`) so that gen implements it`,
  };
}

/**
 * `create(title: string)`, `create(dto: CreateTodo)`, `insert(data: Omit<Todo, 'id'>)`: each parameter, or each member
 * of the one object parameter, named like a field of the aggregate and typed like it; fields not given must be
 * optional or nullable, the id given, assigned by the database, or a string gen makes with randomUUID().
 * `update(id, changes: Partial<Todo>)`, `updateTodo(todo: Partial<Todo>)` (the id inside): members named like fields,
 * merged into the stored aggregate. A class is built through its rebuild (its Rehydration). Else why not, as a string.
 */
export function fieldWrite(
  method: PortMethod,
  mode: 'create' | 'update',
  domain: DomainModel,
  context: VocabularyContext,
): FieldWriteMethod | string {
  const { aggregate } = domain;
  const T = aggregate.name;
  const params = method.parameters;
  const returns = method.returns;
  const idField = aggregate.fields.find((f) => f.name === aggregate.idField)!;
  const byName = new Map(aggregate.fields.map((f) => [f.name, f]));
  if (aggregate.style !== 'record') {
    const collection = aggregate.fields.find((f) => f.collection);
    if (collection) return `gen does not rebuild its '${collection.name}' collection from a value yet`;
    if (mode === 'update' && recordsOnRebuild(aggregate)) return `rebuilding ${T} through create() would record its events again`;
  }
  // One value given for a field: its type must be the field's, and absent only where the field may be.
  const mismatch = (name: string, use: TypeUse, optional: boolean): string | undefined => {
    const field = byName.get(name);
    if (!field) return `'${name}' is no field of ${T}`;
    const text = (t: ValueType, list: boolean) => `${context.typeText(t)}${list ? '[]' : ''}`;
    if (use.type.kind === 'unknown' || use.type.kind === 'aggregate' || text(use.type, use.list) !== text(field.type, field.list))
      return `'${name}' is typed ${use.text}, where the field is ${text(field.type, field.list)}`;
    if (use.absent === 'null' && !field.nullable) return `'${name}' may be null, where the field may not`;
    if (use.absent === 'option') return `'${name}' is an Option`;
    if (mode === 'create' && (optional || use.absent === 'undefined') && !field.optional && !field.nullable)
      return `'${name}' may be absent, where the field may not`;
    return undefined;
  };
  const given: FieldWriteMethod['given'] = [];
  let id: FieldWriteMethod['id'] | undefined;
  const object = params.length >= 1 ? params[params.length - 1] : undefined;
  if (mode === 'update') {
    if (!object?.members) return 'it takes no object of changes (`changes: Partial<T>` or a DTO)';
    if (params.length === 2 && context.isId(params[0].use, params[0].name))
      id = { from: 'parameter', value: params[0].name, type: params[0].use.type, optional: false };
    else if (params.length === 1) {
      const member = object.members.find((m) => m.name === idField.name);
      if (!member) return `'${object.name}' holds no ${idField.name} to find the ${T} by`;
      const idMismatch = mismatch(member.name, { ...member.use, absent: 'none' }, false);
      if (idMismatch) return idMismatch;
      id = {
        from: 'parameter',
        value: `${object.name}.${member.name}`,
        type: member.use.type,
        optional: member.optional || member.use.absent !== 'none',
      };
    } else return 'its parameters are neither (id, changes) nor one object holding the id';
    for (const member of object.members) {
      if (member.name === idField.name) continue;
      const wrong = mismatch(member.name, member.use, member.optional);
      if (wrong) return wrong;
      given.push({
        field: member.name,
        value: `${object.name}.${member.name}`,
        optional: member.optional || member.use.absent === 'undefined',
      });
    }
    if (given.length === 0) return `'${object.name}' changes no field of ${T}`;
  } else {
    const values =
      params.length === 1 && params[0].members
        ? params[0].members.map((m) => ({ name: m.name, use: m.use, optional: m.optional, value: `${params[0].name}.${m.name}` }))
        : params.map((p) => ({ name: p.name, use: p.use, optional: p.optional, value: p.name }));
    if (values.length === 0) return 'it takes nothing';
    for (const value of values) {
      const wrong = mismatch(value.name, value.use, value.optional);
      if (wrong) return wrong;
      given.push({ field: value.name, value: value.value, optional: value.optional || value.use.absent === 'undefined' });
    }
    const givenId = given.find((g) => g.field === idField.name);
    if (givenId && givenId.optional) return `its ${idField.name} may be absent`;
    // A database-assigned id given by the caller would leave a PostgreSQL sequence behind it: the next insert collides.
    if (givenId && aggregate.generatedId)
      return `its ${idField.name} is assigned by the database, so a given one would not move the database's sequence`;
    if (givenId) id = { from: 'given' };
    else if (aggregate.naturalKey)
      return `its key ${idField.name} is a natural key, which the caller must give, and it is not among its parameters`;
    else if (aggregate.generatedId) id = { from: 'database' };
    else if (storedString(idField.type) && !idField.list) id = { from: 'uuid' };
    else return `its ${idField.name} is neither given nor assigned by the database, and gen makes new ids only as UUID strings`;
    const missing = aggregate.fields.filter(
      (f) => f.name !== idField.name && !f.optional && !f.nullable && !given.some((g) => g.field === f.name),
    );
    if (missing.length > 0)
      return `${missing.map((f) => `'${f.name}'`).join(', ')} ${missing.length === 1 ? 'is' : 'are'} required and not among its parameters (give ${missing.length === 1 ? 'it' : 'them'} as parameters, or make ${missing.length === 1 ? 'it' : 'them'} optional in ${T})`;
  }
  const single = returns.type.kind === 'aggregate' && !returns.list && !returns.orList;
  let result: FieldWriteMethod['result'];
  let absent: FieldWriteMethod['absent'] = 'throw';
  if (returns.type.kind === 'void') result = 'void';
  else if (single && returns.absent !== 'option') {
    result = 'aggregate';
    if (mode === 'update' && returns.absent !== 'none') absent = returns.absent;
  } else if (mode === 'create' && context.isId(returns)) result = 'id';
  else return `it returns '${returns.text}', where gen implements void, the ${T}${mode === 'create' ? ' or its id' : ''}`;
  return { kind: 'field-write', method, mode, given, id, result, absent };
}

/** Rebuilt through `create()`, which records the aggregate's events (render/conversions.ts eventsRecordedByRebuild). */
function recordsOnRebuild(aggregate: DomainModel['aggregate']): boolean {
  const { call } = aggregate.rehydration;
  return aggregate.domainEvents !== undefined && call.kind === 'static' && call.method === 'create' && !aggregate.rehydration.unwrap;
}

/** A string id, or a value object over one: what randomUUID() makes. */
function storedString(type: ValueType): boolean {
  return (type.kind === 'primitive' && type.primitive === 'string') || (type.kind === 'value-object' && type.primitive === 'string');
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
    !parameter.textual &&
    field.type.kind === 'primitive' &&
    field.type.primitive === parameter.primitive &&
    field.name === parameter.name[0].toLowerCase() + parameter.name.slice(1)
  );
}
