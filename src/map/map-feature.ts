import { GenError } from '../errors.js';
import type { DomainModel, FieldModel, PortMethod, Rehydration, TypeUse, ValueType, WrappedArgument } from '../model/domain-model.js';
import { fieldColumns, mapField } from './column-spec.js';
import { dynamicQueryMethod } from './dynamic-query-methods.js';
import { looksDerived, parseDerivedQuery, QueryParseError, type Operator } from './derived-query-parser.js';
import {
  boundedIdentifier,
  camelCase,
  childTableName,
  nameSet,
  pascalCase,
  persistenceName,
  pluralize,
  snakeCase,
  tableName,
} from './naming.js';
import type { ColumnOverride } from '../config/column-overrides.js';
import type { Concurrency } from '../config/concurrency.js';
import type { FirstPage } from '../config/project-config.js';
import { checkOwnOverrides } from './column-overrides.js';
import { transactionMethod } from './transaction-method.js';
import { isVocabularyName, vocabularyMethod } from './crud-vocabulary.js';
import type {
  ChildCollection,
  ColumnSpec,
  Condition,
  DerivedQuery,
  FieldMapping,
  IndexSpec,
  PageParameter,
  PersistenceModel,
  RepositoryMethod,
  TableSpec,
} from './persistence-model.js';

/**
 * Maps the domain model to tables and columns, and decides how each port method is implemented.
 * `columns`: the column types gen.config.json sets; those of this feature's table apply here.
 * `concurrency`: gen.config.json's; `optimistic` gives the root table a version column.
 * `firstPage`: gen.config.json's; the number of the first page in the project's page requests.
 */
export function mapFeature(
  domain: DomainModel,
  columns: readonly ColumnOverride[] = [],
  concurrency: Concurrency = 'optimistic',
  firstPage: FirstPage = 0,
): PersistenceModel {
  const { aggregate, port } = domain;
  const table = tableName(aggregate.name);
  const overrides = new Map(columns.filter((c) => c.table === table).map((c) => [c.column, c]));
  const fields = aggregate.fields
    .filter((f) => !isChildCollection(f))
    .map((f) => withReference(mapField(f, aggregate.idField, undefined, overrides), aggregate.idField))
    .map((f) => (f.column.primary && aggregate.generatedId ? generatedIdMapping(f, aggregate.generatedId.strategy) : f));
  const methods = withSampleWriter(
    port.methods.map((m) => mapMethod(m, domain)),
    domain,
  );
  const spec: TableSpec = {
    name: table,
    columns: fields.flatMap(fieldColumns),
    primaryKey: fields.filter((f) => f.column.primary).map((f) => f.column.name),
    indexes: queryIndexes(table, fields, methods),
  };
  checkOwnOverrides(columns, spec);
  const id = fields.find((f) => f.column.primary)!;
  const children = aggregate.fields.filter(isChildCollection).map((f) => mapChildCollection(f, aggregate.name, table, id, columns));
  if (aggregate.generatedId) checkGeneratedId(domain, methods, children);
  const model: PersistenceModel = {
    feature: domain.feature,
    aggregate,
    port,
    names: nameSet(aggregate.name),
    table: spec,
    fields,
    children,
    methods,
    ...(firstPage === 1 ? { firstPage } : {}),
  };
  if (concurrency === 'none') return model;
  // Last, so that adding it to an existing table (ADD COLUMN appends) gives the same table as creating it.
  const version = versionColumn(domain, spec.columns);
  spec.columns.push(version);
  return { ...model, version: { property: version.property, column: version.name } };
}

/**
 * The id column of an id the database assigns (`id?: number`): never NULL in the table; an auto-incremented
 * integer (every database's AUTOINCREMENT / SERIAL / AUTO_INCREMENT needs an integer type) or a UUID.
 */
function generatedIdMapping(mapping: FieldMapping, strategy: 'increment' | 'uuid'): FieldMapping {
  const column: ColumnSpec = { ...mapping.column, nullable: false, generated: strategy };
  if (strategy === 'increment') {
    column.kind = 'integer';
    delete column.precision;
    delete column.scale;
  }
  return { ...mapping, column };
}

/**
 * What a database-assigned id needs: a save that can hand the id back, by setting it on the aggregate or by
 * resolving to the aggregate rebuilt with it.
 */
function checkGeneratedId(domain: DomainModel, methods: readonly RepositoryMethod[], children: readonly ChildCollection[]): void {
  const { aggregate } = domain;
  const id = aggregate.fields.find((f) => f.name === aggregate.idField)!;
  if (children.length > 0) {
    throw new GenError(
      `the id '${id.name}' of aggregate ${aggregate.name} may be absent, so the database would assign it, but ${aggregate.name} has child entities (${children.map((c) => c.field.name).join(', ')}), whose rows gen keys by the root's id`,
      id.location,
      `Make it required and assign it when ${aggregate.name} is created (\`readonly ${id.name}: string\` from randomUUID()).`,
    );
  }
  if (aggregate.generatedId?.writable) return;
  // gen's own save (`inPort: false`) only stores the tests' samples, which have their ids.
  const writers = methods.filter(
    (m) => (m.kind === 'save' && m.inPort !== false) || (m.kind === 'write' && m.mode === 'create') || m.kind === 'save-all',
  );
  const blind = writers.filter(
    (m) =>
      !(m.kind === 'save' && (m.returnsAggregate || m.returnsId)) &&
      !(m.kind === 'write' && (m.result === 'aggregate' || m.result === 'id') && m.list === 'no'),
  );
  if (blind.length === 0) return;
  const method = blind[0].method;
  throw new GenError(
    `the id '${id.name}' of aggregate ${aggregate.name} is assigned by the database on insert, but ${domain.port.name}.${method.name} cannot hand it back: '${id.name}' cannot be set from outside ${aggregate.name}, and ${method.name} returns neither the ${aggregate.name} it saved nor its id`,
    id.location,
    `Decide how the caller learns the new id: make '${id.name}' writable (\`public ${id.name}?: ${aggregate.generatedId?.strategy === 'uuid' ? 'string' : 'number'}\`, not readonly), or have ${method.name} return the saved aggregate (\`${method.name}(${nameSet(aggregate.name).variable}: ${aggregate.name}): Promise<${aggregate.name}>\`).`,
  );
}

/**
 * The column the repositories own for optimistic concurrency: the root's version, which every save of a changed
 * aggregate (children included) increments and checks. Existing rows start at 1. Named `version` unless the
 * root has a column or property of that name already.
 */
function versionColumn(domain: DomainModel, columns: readonly ColumnSpec[]): ColumnSpec {
  const { aggregate } = domain;
  const taken = new Set([...columns.flatMap((c) => [c.name, c.property]), ...aggregate.fields.map((f) => f.name)]);
  const name = ['version', 'row_version', 'aggregate_version'].find((c) => !taken.has(c) && !taken.has(camelCase(c)));
  if (name === undefined) {
    throw new GenError(
      `${aggregate.name} already has columns named version, row_version and aggregate_version, so gen has no name for the version column it adds`,
      aggregate.location,
      'Rename one of those fields, or set "concurrency": "none" in gen.config.json (last write wins).',
    );
  }
  return { name, property: camelCase(name), kind: 'integer', nullable: false, primary: false, default: 1 };
}

/**
 * The methods, and where none of them stores a new aggregate (no `save`, `upsert`, `add`, `create` or `insert`: a
 * port that only reads, or only updates), gen's own `save(x)` after them, marked `inPort: false`: the repositories
 * implement it as a public method beside the port's, and the generated tests store their samples with it.
 */
export function withSampleWriter(methods: RepositoryMethod[], domain: Pick<DomainModel, 'aggregate' | 'port'>): RepositoryMethod[] {
  if (methods.some((m) => m.kind === 'save' || (m.kind === 'write' && m.mode === 'create'))) return methods;
  const { aggregate, port } = domain;
  const variable = nameSet(aggregate.name).variable;
  const save: PortMethod = {
    name: 'save',
    location: port.location,
    parameters: [
      {
        name: variable,
        use: { type: { kind: 'aggregate', name: aggregate.name, file: aggregate.file }, list: false, absent: 'none', text: aggregate.name },
        optional: false,
      },
    ],
    returns: { type: { kind: 'void' }, list: false, absent: 'none', text: 'Promise<void>' },
    async: true,
    signatureText: { parameters: [`${variable}: ${aggregate.name}`], returns: 'Promise<void>' },
    typeReferences: [{ name: aggregate.name, file: aggregate.file, ...(aggregate.defaultExport && { defaultExport: true }) }],
  };
  return [...methods, { kind: 'save', method: save, inPort: false }];
}

/**
 * Port methods declared returning `void` that gen implements async: a caller cannot await them, so a failed write is an
 * unhandled rejection and a read right after may not see it.
 */
export function syncWriterWarnings(model: PersistenceModel): string[] {
  return model.methods
    .filter((m) => m.method.declaredSync === true)
    .map(
      (m) =>
        `${m.method.location.file}:${m.method.location.line}: ${model.port.name}.${m.method.name} returns void: gen implements it async (Promise<void>, which a void method may return), but callers of the port cannot await it, so a failed write rejects unhandled and a read right after may miss it; declare it Promise<void>.`,
    );
}

/** Writers that take fields rather than the aggregate (`create(title)`), left to the user: each named at its line, with the decision. */
export function fieldWriterWarnings(model: PersistenceModel): string[] {
  return model.methods.flatMap((m) =>
    m.kind === 'hand-written' && m.decision
      ? [
          `${m.method.location.file}:${m.method.location.line}: ${model.port.name}.${m.method.name} is hand-written: ${m.reason}; ${m.decision}.`,
        ]
      : [],
  );
}

/**
 * Classes rebuilt through a constructor or factory that takes only some of their stored fields, the rest written straight
 * onto their members: said at the class, with the members, so a reviewer can predict what a load runs and what it skips.
 */
export function directWriteWarnings(model: PersistenceModel): string[] {
  const { aggregate } = model;
  const classes = [
    { name: aggregate.name, rehydration: aggregate.rehydration, at: aggregate.location },
    ...model.children.map((c) => ({ name: c.className, rehydration: c.rehydration, at: c.field.location })),
  ];
  return classes.flatMap(({ name, rehydration, at }) => {
    if (!rehydration.written?.length) return [];
    const call = rehydration.call;
    const through = call.kind === 'static' ? `${name}.${call.method}()` : `its constructor`;
    const rest = rehydration.written.filter((w) => !w.taken);
    const back = rehydration.written.filter((w) => w.taken).map((w) => w.member);
    const members = rest.map((w) => w.member).join(', ');
    const also = back.length > 0 ? `, and ${back.join(', ')} written back as stored over what it made of them,` : '';
    return [
      `${at.file}:${at.line}: ${name} is rebuilt through ${through}, which takes only some of its stored fields, then ${members} ${rest.length === 1 ? 'is' : 'are'} written directly onto the instance${also || ','} bypassing its methods (as an ORM rehydrates); to rebuild it through code you own, add a static reconstitute() that takes every stored field.`,
    ];
  });
}

/** A list of entities (classes with an id): stored in a child table rather than as JSON. */
function isChildCollection(field: FieldModel): boolean {
  return field.list && field.type.kind === 'composite' && field.type.idField !== undefined;
}

/**
 * `order.lines: OrderLine[]` -> table `order_lines` (root key `order_id`, the child's fields, `position`),
 * primary key (order_id, id): a child's id only has to be unique within its aggregate.
 */
function mapChildCollection(
  field: FieldModel,
  aggregate: string,
  rootTable: string,
  rootId: FieldMapping,
  columns: readonly ColumnOverride[],
): ChildCollection {
  const type = field.type;
  if (type.kind !== 'composite' || !type.idField) throw new Error(`${field.name} is not a child collection`);
  if (field.optional || field.nullable) {
    throw new GenError(
      `collection '${field.name}' is optional, but a stored aggregate always has its children (maybe none)`,
      field.location,
      `Declare it as ${field.name}: ${type.name}[] and use an empty list for "none".`,
    );
  }
  const table = childTableName(aggregate, type.name);
  const overrides = new Map(columns.filter((c) => c.table === table).map((c) => [c.column, c]));
  const childFields = type.fields.map((f) => mapField(f, type.idField!, undefined, overrides));
  const taken = new Set(childFields.flatMap(fieldColumns).flatMap((c) => [c.name, c.property]));
  const free = (...candidates: string[]) => candidates.find((c) => !taken.has(c) && !taken.has(camelCase(c)))!;
  const root = persistenceName(aggregate);
  const parentName = free(`${snakeCase(root)}_id`, `parent_${snakeCase(root)}_id`, 'aggregate_root_id');
  const parentColumn: ColumnSpec = { ...rootId.column, name: parentName, property: camelCase(parentName), nullable: false, primary: true };
  const positionName = free('position', `${snakeCase(field.name)}_position`, 'list_position');
  const positionColumn: ColumnSpec = {
    name: positionName,
    property: camelCase(positionName),
    kind: 'integer',
    nullable: false,
    primary: false,
  };
  const childId = childFields.find((f) => f.column.primary)!;
  const singular = camelCase(pluralize.singular(field.name));
  const spec: TableSpec = {
    name: table,
    columns: [parentColumn, ...childFields.flatMap(fieldColumns), positionColumn],
    primaryKey: [parentColumn.name, childId.column.name],
    indexes: [],
    foreignKeys: [
      {
        name: boundedIdentifier(`fk_${table}_${parentColumn.name}`),
        columns: [parentColumn.name],
        referencedTable: rootTable,
        referencedColumns: [rootId.column.name],
        onDelete: 'CASCADE',
        onUpdate: 'NO ACTION',
      },
    ],
  };
  checkOwnOverrides(columns, spec);
  return {
    field,
    className: type.name,
    file: type.file,
    rehydration: type.rehydration,
    entityClass: `${pascalCase(persistenceName(type.name))}Model`,
    parentRelation: free(camelCase(root), `parent${pascalCase(root)}`, 'aggregateRoot'),
    table: spec,
    fields: childFields,
    parentColumn,
    positionColumn,
    toDomain: `${singular}ToDomain`,
    toModel: `${singular}ToModel`,
  };
}

/** One index per column that a derived query filters on or that references another aggregate (the primary key has its own). */
function queryIndexes(table: string, fields: FieldMapping[], methods: RepositoryMethod[]): IndexSpec[] {
  const queried = new Set(methods.flatMap((m) => (m.kind === 'derived' ? m.query.where.flat().map((c) => c.field) : [])));
  return fields
    .filter((f) => (queried.has(f.field.name) || f.reference !== undefined) && !f.column.primary)
    .map((f) => ({ name: boundedIdentifier(`idx_${table}_${f.column.name}`), columns: [f.column.name], unique: false }));
}

/**
 * `customerId: CustomerId`, `authorId: string`: another aggregate's id, kept as a plain column (aggregates
 * refer to each other by id, never by a join or a foreign key across aggregates), indexed for lookups.
 */
function withReference(mapping: FieldMapping, idField: string): FieldMapping {
  const { field } = mapping;
  const match = /^(.+)Id$/.exec(field.name);
  const single =
    field.type.kind === 'value-object' ||
    (field.type.kind === 'primitive' && ['string', 'number', 'bigint'].includes(field.type.primitive));
  if (!match || field.name === idField || field.list || !single) return mapping;
  return { ...mapping, reference: pascalCase(match[1]) };
}

const ARITY: Partial<Record<Operator, number>> = { isNull: 0, isNotNull: 0, true: 0, false: 0, between: 2 };
const TEXT_OPERATORS: Operator[] = ['like', 'notLike', 'startingWith', 'endingWith', 'containing'];
/** Operators IgnoreCase applies to: equality and the text matches. */
const CASE_OPERATORS: Operator[] = ['equals', 'not', 'like', 'notLike', 'startingWith', 'endingWith', 'containing'];
const ORDERED_OPERATORS: Operator[] = ['lessThan', 'lessThanEqual', 'greaterThan', 'greaterThanEqual', 'between'];

type Fail = (message: string, hint?: string) => GenError;

function mapMethod(method: PortMethod, domain: DomainModel): RepositoryMethod {
  const { aggregate, port } = domain;
  const id = aggregate.fields.find((f) => f.name === aggregate.idField)!;
  const fail: Fail = (message, hint) => new GenError(`cannot implement ${port.name}.${method.name}: ${message}`, method.location, hint);
  const params = method.parameters;
  const returns = method.returns;
  const single = (use: TypeUse) => use.type.kind === 'aggregate' && !use.list;
  const many = (use: TypeUse) => use.type.kind === 'aggregate' && use.list;
  // `exists(userId: string)` where the id is a UserId over a string: the parameter's name says it is the id.
  const idNames = new Set(['id', aggregate.idField, `${aggregate.name.charAt(0).toLowerCase()}${aggregate.name.slice(1)}Id`]);
  const holdsId = (use: TypeUse, name: string | undefined) =>
    name !== undefined &&
    idNames.has(name) &&
    id.type.kind === 'value-object' &&
    use.type.kind === 'primitive' &&
    use.type.primitive === id.type.primitive;
  // `findById(id: any)`: a parameter named for the id and typed any takes the id as it is stored.
  const anyId = (use: TypeUse, name: string | undefined) =>
    name !== undefined && idNames.has(name) && use.type.kind === 'unknown' && use.text === 'any';
  const isId = (use: TypeUse, name?: string) =>
    !use.list &&
    use.absent === 'none' &&
    (takes(id.type, use.type) || takesAsText(id.type, use.type) || holdsId(use, name) || anyId(use, name));
  const isVoid = returns.type.kind === 'void';
  const only = (test: (use: TypeUse, name: string) => boolean) => params.length === 1 && test(params[0].use, params[0].name);
  const expect = (ok: boolean, shape: string): void => {
    if (!ok) throw fail(`expected ${shape}`, 'Change the signature, or rename the method so that gen leaves it to you to write.');
  };
  const idType = typeText(id.type);
  const T = aggregate.name;
  const transaction = transactionMethod(method);
  if (transaction) return transaction;
  // `find({ email, status }: Filter)`: a pattern gen reads only when it takes one member (port-reader.ts destructured).
  const pattern = params.find((p) => p.destructured && p.destructured.member === undefined)?.destructured?.pattern;
  if (pattern !== undefined)
    return {
      kind: 'hand-written',
      method,
      reason: `it destructures its parameter into '${pattern}', where gen reads a pattern of one member (\`{ id }: { id: string }\`)`,
    };

  if (method.name === 'nextId' || method.name === 'nextIdentity') {
    expect(params.length === 0 && !returns.list && takes(id.type, returns.type), `${method.name}(): ${idType} or Promise<${idType}>`);
    if (storedKind(id.type) !== 'string')
      throw fail(
        `gen makes new ids as UUIDs, but ${idType} holds a ${storedKind(id.type)}`,
        'Use a string id, or rename the method so that gen leaves it to you to write.',
      );
    return { kind: 'next-id', method };
  }
  // `save(user: User): void`: a database answers later, so it is implemented async, which a void method may be.
  if (!method.async && isVoid && !returns.list && looksImplementable(method.name)) {
    const signatureText = { ...method.signatureText, returns: 'Promise<void>' };
    return mapMethod({ ...method, async: true, declaredSync: true, signatureText }, domain);
  }
  if (!method.async && looksImplementable(method.name)) {
    throw fail(
      `it returns '${returns.text}', but a database can only answer asynchronously`,
      `Return a Promise, e.g. Promise<${returns.text}>.`,
    );
  }
  const dynamic = dynamicQueryMethod(method);
  if (dynamic) return dynamic;
  const vocabulary = vocabularyMethod(method, domain, { isId, page: pageParameter, fail, typeText });
  if (vocabulary) return vocabulary;
  switch (method.name) {
    case 'save':
      expect(only(single) && isVoid, `save(x: ${T}): Promise<void>, Promise<${T}> or Promise<${idType}>`);
      return { kind: 'save', method };
    case 'saveAll':
    case 'saveMany':
      expect(only(many) && isVoid, `${method.name}(xs: ${T}[]): Promise<void>`);
      return { kind: 'save-all', method };
    case 'findById':
      expect(only(isId) && single(returns), `findById(id: ${idType}): Promise<${T} | null>`);
      return { kind: 'find-by-id', method, absent: returns.absent === 'none' ? 'throw' : returns.absent };
    case 'findByIds':
      expect(
        params.length === 1 && params[0].use.list && takes(id.type, params[0].use.type) && many(returns),
        `findByIds(ids: ${idType}[]): Promise<${T}[]>`,
      );
      return { kind: 'find-by-ids', method };
    case 'findAll': {
      const page = pageParameter(method, 0);
      expect(params.length === (page ? 1 : 0) && many(returns), `findAll(page?: { limit: number; offset: number }): Promise<${T}[]>`);
      return page ? { kind: 'find-all', method, page } : { kind: 'find-all', method };
    }
    case 'count':
      expect(params.length === 0 && isNumber(returns), 'count(): Promise<number>');
      return { kind: 'count-all', method };
    case 'exists':
    case 'existsById':
      expect(only(isId) && isBoolean(returns), `${method.name}(id: ${idType}): Promise<boolean>`);
      return { kind: 'exists-by-id', method };
    case 'delete':
    case 'deleteById':
    case 'remove':
      if (only(isId) && isVoid) return { kind: 'delete-by-id', method, argument: 'id' };
      expect(only(single) && isVoid, `${method.name}(id: ${idType}): Promise<void> or ${method.name}(x: ${T}): Promise<void>`);
      return { kind: 'delete-by-id', method, argument: 'aggregate' };
  }
  // `findBy({ email }: Pick<User, 'email'>)`: the members it destructures name the fields, as in findByEmail(email).
  const members = params.map((p) => p.destructured?.member);
  if (/^[a-z]+(One|First)?By$/.test(method.name) && members.length > 0 && members.every((m) => m !== undefined))
    return derivedMethod(method, domain, fail, `${method.name}${members.map((m) => m.charAt(0).toUpperCase() + m.slice(1)).join('And')}`);
  if (looksDerived(method.name)) return derivedMethod(method, domain, fail);
  return fieldLookup(method, domain, fail) ?? { kind: 'hand-written', method };
}

/** `ofEmail(email)`, `byStatus(status)`, `withSku(sku)`: a collection-like port's lookup by one field. */
const FIELD_LOOKUP = /^(of|by|with)([A-Z]\w*)$/;

/**
 * `of<Field>`, `by<Field>`, `with<Field>` naming exactly one field of the aggregate, taking one value of it and
 * returning the aggregate: read as `findBy<Field>` (one result for `T | null`, a list for `T[]`). Anything else of
 * these names (`withLock()`, `ofTodoList(todoListId)`, a parameter of another type) is the user's to write, with why.
 */
function fieldLookup(method: PortMethod, domain: DomainModel, fail: Fail): RepositoryMethod | undefined {
  const match = FIELD_LOOKUP.exec(method.name);
  if (!match || !method.async || method.parameters.length !== 1 || method.returns.type.kind !== 'aggregate') return undefined;
  const field = domain.aggregate.fields.find((f) => f.name === `${match[2].charAt(0).toLowerCase()}${match[2].slice(1)}`);
  if (!field) return undefined;
  try {
    return derivedMethod(method, domain, fail, `findBy${match[2]}`);
  } catch (error) {
    if (!(error instanceof GenError)) throw error;
    return {
      kind: 'hand-written',
      method,
      reason: `it reads as findBy${match[2]}, but ${error.message.replace(/^cannot implement [\w.]+: /, '')}`,
    };
  }
}

/** Names gen implements itself; anything else may be synchronous, since the user writes it. */
function looksImplementable(name: string): boolean {
  return (
    [
      'save',
      'saveAll',
      'saveMany',
      'findById',
      'findByIds',
      'findAll',
      'count',
      'exists',
      'existsById',
      'delete',
      'deleteById',
      'remove',
    ].includes(name) ||
    isVocabularyName(name) ||
    looksDerived(name)
  );
}

function pageParameter(method: PortMethod, index: number): PageParameter | undefined {
  const type = method.parameters[index]?.use.type;
  return type?.kind === 'page' && index === method.parameters.length - 1
    ? { parameter: index, take: type.take, skip: type.skip }
    : undefined;
}

/**
 * A derived query's trailing page: `{ limit, offset }`, or the project's page request without an order of its own
 * (`PaginationParams { page, perPage }`, read as page requests are: a page number counted from gen.config.json's
 * `firstPage`), when its members are read directly from a parameter that is always given and none of them may be
 * left out.
 */
function derivedPage(method: PortMethod, index: number): PageParameter | undefined {
  const plain = pageParameter(method, index);
  if (plain) return plain;
  const parameter = method.parameters[index];
  const type = parameter?.use.type;
  // Members that may be left out would page by `undefined`: TypeORM would return every row, the in-memory twin none.
  if (
    type?.kind !== 'page-request' ||
    index !== method.parameters.length - 1 ||
    parameter.optional ||
    type.shape.order ||
    type.shape.optionalMembers
  )
    return undefined;
  const member = (access: string | undefined) => (access && /^\.\w+$/.test(access) ? access.slice(1) : undefined);
  const take = member(type.shape.limit);
  const offset = member(type.shape.offset);
  const page = member(type.shape.page);
  if (!take) return undefined;
  if (offset) return { parameter: index, take, skip: offset };
  return page ? { parameter: index, take, skip: page, skipsPages: true } : undefined;
}

/** Parameter kinds that are objects of the project's own, not a value a condition of a derived name takes. */
const UNREAD_OBJECTS: ReadonlySet<string> = new Set(['page-request', 'composite', 'criteria', 'unknown']);

/** `name`: what the method's name reads as, when it is spelled otherwise (`ofEmail` as `findByEmail`). */
function derivedMethod(method: PortMethod, domain: DomainModel, fail: Fail, name = method.name): RepositoryMethod {
  const { aggregate } = domain;
  let parsed;
  try {
    parsed = parseDerivedQuery(
      name,
      aggregate.fields.map((f) => f.name),
      aggregate.name,
    );
  } catch (error) {
    if (!(error instanceof QueryParseError)) throw error;
    if (error.failure === 'mistake') throw fail(error.message, error.hint);
    const fields = error.failure === 'no-field' ? ` (fields: ${aggregate.fields.map((f) => f.name).join(', ')})` : '';
    return { kind: 'hand-written', method, reason: `its name reads as a derived query, but ${error.message}${fields}` };
  }
  let next = 0;
  const where: Condition[][] = parsed.where.map((group) =>
    group.map((predicate) => {
      const field = aggregate.fields.find((f) => f.name === predicate.field)!;
      const ignoreCase =
        predicate.ignoreCase ||
        (parsed.allIgnoreCase && storedKind(field.type) === 'string' && CASE_OPERATORS.includes(predicate.operator));
      checkOperator(field, predicate.operator, ignoreCase, fail);
      const arity = ARITY[predicate.operator] ?? 1;
      const parameters = Array.from({ length: arity }, () => next++);
      for (const index of parameters) {
        const bound = method.parameters[index];
        const list = predicate.operator === 'in' || predicate.operator === 'notIn';
        const expected = list ? `${typeText(field.type)}[]` : typeText(field.type);
        if (!bound)
          throw fail(
            `the condition on '${field.name}' (${predicate.operator}) needs ${arity} parameter(s)`,
            `Add a parameter of type ${expected}.`,
          );
        if (bound.use.type.kind === 'unknown') throw fail(`parameter '${bound.name}': ${bound.use.type.reason}`);
        if (bound.use.list !== list || !takesInCondition(field.type, bound.use.type) || bound.use.absent !== 'none') {
          throw fail(
            `parameter '${bound.name}' is '${bound.use.text}', but the condition on '${field.name}' takes ${expected}`,
            `Declare it as ${bound.name}: ${expected}.`,
          );
        }
      }
      return { field: field.name, operator: predicate.operator, ignoreCase, parameters };
    }),
  );
  const page = derivedPage(method, next);
  // `findPaginatedByStatus(status)`, or with a page gen does not read: all rows would contradict the name.
  if (parsed.paged && !page)
    return {
      kind: 'hand-written',
      method,
      reason: `its name asks for a page, but it takes no page gen reads after the name's parameters ({ limit, offset }, { take, skip } or a page request such as { page, perPage })`,
    };
  const bound = next + (page ? 1 : 0);
  // One object after the name's parameters that is no page gen reads (`params: { page: number }`, no page size):
  // the name is read right, the paging is the user's, as for a method whose name says nothing.
  const extra = method.parameters[next];
  if (!page && extra && method.parameters.length === next + 1 && UNREAD_OBJECTS.has(extra.use.type.kind)) {
    return {
      kind: 'hand-written',
      method,
      reason: `its name reads as a derived query, but its last parameter '${extra.name}' (${extra.use.text}) is no page gen reads (limit and offset, or take and skip)`,
    };
  }
  if (bound !== method.parameters.length) {
    throw fail(
      `it has ${method.parameters.length} parameters but its name binds ${next}`,
      'Each condition in the name takes its parameters in order (none for IsNull/True/False, two for Between); a pagination object may follow: { limit, offset }, { take, skip } or a page request such as { page, perPage } (its page counted from "firstPage" in gen.config.json, 0 by default).',
    );
  }
  const T = aggregate.name;
  const returns = method.returns;
  let result: DerivedQuery['result'];
  switch (parsed.action) {
    case 'find':
      if (returns.type.kind !== 'aggregate') throw fail(`it returns '${returns.text}'`, `Return Promise<${T}[]> or Promise<${T} | null>.`);
      if (returns.list && returns.absent === 'option')
        throw fail(`it returns an Option of a list (${returns.text})`, `A list says "none" by being empty: return Promise<${T}[]>.`);
      if (!returns.list && (parsed.limit ?? 1) > 1)
        throw fail(`it asks for the top ${parsed.limit} but returns one ${T}`, `Return Promise<${T}[]>.`);
      if (!returns.list && page) throw fail('a single result cannot be paginated', 'Remove the pagination parameter or return a list.');
      result = returns.list ? 'many' : 'one';
      break;
    case 'count':
      if (!isNumber(returns)) throw fail(`it returns '${returns.text}'`, 'A count…By query returns Promise<number>.');
      result = 'count';
      break;
    case 'exists':
      if (!isBoolean(returns)) throw fail(`it returns '${returns.text}'`, 'An exists…By query returns Promise<boolean>.');
      result = 'exists';
      break;
    case 'delete':
      if (!isNumber(returns) && returns.type.kind !== 'void')
        throw fail(`it returns '${returns.text}'`, 'A delete…By query returns Promise<number> (rows deleted) or Promise<void>.');
      result = isNumber(returns) ? 'count' : 'void';
      break;
  }
  if (page && result !== 'many') throw fail('only list results can be paginated', 'Remove the pagination parameter.');
  const query: DerivedQuery = {
    action: parsed.action,
    result,
    // Only a single result can be absent; a plain Promise<T> then rejects.
    absent: result !== 'one' ? 'null' : returns.absent === 'none' ? 'throw' : returns.absent,
    ...(parsed.limit === undefined ? {} : { limit: parsed.limit }),
    where,
    orderBy: parsed.orderBy,
    ...(page ? { page } : {}),
  };
  return { kind: 'derived', method, query };
}

/** Each operator works on some column kinds only; a wrong one is the user's to fix, not SQL's to reject later. */
function checkOperator(field: FieldModel, operator: Operator, ignoreCase: boolean, fail: Fail): void {
  if (field.list || field.type.kind === 'composite') {
    throw fail(
      `field '${field.name}' is ${field.list ? 'a list (stored as JSON)' : `a value object of several fields (${field.type.kind === 'composite' ? field.type.name : ''})`}, which derived queries cannot filter on`,
      'Filter on a single-value field, or write the method by hand (rename it so it does not read as a derived query).',
    );
  }
  const stored = storedKind(field.type);
  const refuse = (what: string) => {
    throw fail(
      `${what} does not apply to field '${field.name}' (${typeText(field.type)})`,
      'Text operators and IgnoreCase take string fields; LessThan, GreaterThan, Between, Before and After take numbers, strings and dates; True and False take booleans.',
    );
  };
  if ((TEXT_OPERATORS.includes(operator) || ignoreCase) && stored !== 'string') refuse(ignoreCase ? 'IgnoreCase' : operator);
  if (ignoreCase && !CASE_OPERATORS.includes(operator)) refuse(`IgnoreCase with ${operator}`);
  if (ORDERED_OPERATORS.includes(operator) && !['string', 'number', 'bigint', 'date'].includes(stored)) refuse(operator);
  if ((operator === 'true' || operator === 'false') && stored !== 'boolean') refuse(operator);
}

function storedKind(type: ValueType): string {
  if (type.kind === 'primitive' || type.kind === 'value-object') return type.primitive;
  if (type.kind === 'literal-union' || (type.kind === 'enum' && type.valueKind === 'string')) return 'enum';
  return type.kind;
}

function isNumber(use: TypeUse): boolean {
  return !use.list && use.absent === 'none' && use.type.kind === 'primitive' && use.type.primitive === 'number';
}

function isBoolean(use: TypeUse): boolean {
  return !use.list && use.absent === 'none' && use.type.kind === 'primitive' && use.type.primitive === 'boolean';
}

/**
 * Whether a parameter (or nextId's result) of type `parameter` stands for a value of the field: its own type,
 * or a single-value object wrapping what the field stores (`findById(id: ProductId)` where toPrimitives() says
 * `id: string`); the repositories unwrap it.
 */
function takes(field: ValueType, parameter: ValueType): boolean {
  return (
    typeText(parameter) === typeText(field) ||
    (field.kind === 'primitive' && parameter.kind === 'value-object' && parameter.primitive === field.primitive && !parameter.textual)
  );
}

/**
 * `delete(uuid: ReservationUUID)` where the aggregate stores its id as a string and ReservationUUID holds a library's
 * UUID: read through its `toString()` (TypeClassifier.textParameter), as an id only. A date or an amount a class prints
 * in its own format is no column's value, so such a class is never taken for another field.
 */
function takesAsText(field: ValueType, parameter: ValueType): boolean {
  return field.kind === 'primitive' && field.primitive === 'string' && parameter.kind === 'value-object' && parameter.textual === true;
}

/**
 * A derived query's parameter may also hold the plain value of a field's single-value object: a text fragment for
 * Containing is no valid EmailAddress. Parameters are unwrapped by their own type, so both compare alike.
 */
function takesInCondition(field: ValueType, parameter: ValueType): boolean {
  return (
    takes(field, parameter) ||
    (field.kind === 'value-object' &&
      parameter.kind === 'primitive' &&
      parameter.primitive === field.primitive &&
      field.primitive !== 'date') ||
    // The branded primitive a value object wraps (`findByCode(code: OtpCode)` on a field of OtpCodeVo).
    (field.kind === 'value-object' &&
      parameter.kind === 'value-object' &&
      parameter.brand === true &&
      wrappedBrand(field.rehydration)?.name === parameter.name &&
      wrappedBrand(field.rehydration)?.file === parameter.file)
  );
}

/** The branded primitive a single-value object is rebuilt from (type-classifier's castToBrand), if any. */
function wrappedBrand(rehydration: Rehydration): WrappedArgument['type'] | undefined {
  const wrapped: WrappedArgument[] = rehydration.arguments.flatMap((arg) =>
    arg.kind === 'wrapped'
      ? [arg]
      : arg.kind === 'object'
        ? arg.fields.filter((f): f is WrappedArgument => typeof f !== 'string' && 'kind' in f && f.kind === 'wrapped')
        : [],
  );
  return wrapped.find((arg) => arg.type.brand === true)?.type;
}

function typeText(type: ValueType): string {
  switch (type.kind) {
    case 'primitive':
      return type.primitive === 'date' ? 'Date' : type.primitive;
    case 'void':
      return 'void';
    case 'page':
      return `{ ${type.take}: number; ${type.skip}: number }`;
    case 'unknown':
      return 'unknown';
    case 'literal-union':
      return type.values.map((v) => `'${v}'`).join(' | ');
    default:
      return type.name;
  }
}
