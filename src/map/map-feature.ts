import { GenError } from '../errors.js';
import type { DomainModel, FieldModel, PortMethod, TypeUse, ValueType } from '../model/domain-model.js';
import { mapField } from './column-spec.js';
import { looksDerived, parseDerivedQuery, QueryParseError } from './derived-query-parser.js';
import { nameSet, tableName } from './naming.js';
import type { Condition, FieldMapping, IndexSpec, PersistenceModel, RepositoryMethod } from './persistence-model.js';

/** Maps the domain model to tables and columns, and decides how each port method is implemented. */
export function mapFeature(domain: DomainModel): PersistenceModel {
  const { aggregate, port } = domain;
  const fields = aggregate.fields.map((f) => mapField(f, aggregate.idField));
  const table = tableName(aggregate.name);
  const methods = port.methods.map((m) => mapMethod(m, domain));
  return {
    feature: domain.feature,
    aggregate,
    port,
    names: nameSet(aggregate.name),
    table: {
      name: table,
      columns: fields.map((f) => f.column),
      primaryKey: fields.filter((f) => f.column.primary).map((f) => f.column.name),
      indexes: queryIndexes(table, fields, methods),
    },
    fields,
    methods,
  };
}

/** One index per column that a derived query filters on (the primary key has its own). */
function queryIndexes(table: string, fields: FieldMapping[], methods: RepositoryMethod[]): IndexSpec[] {
  const queried = new Set(methods.flatMap((m) => (m.kind === 'derived' ? m.query.where.flat().map((c) => c.field) : [])));
  return fields
    .filter((f) => queried.has(f.field.name) && !f.column.primary)
    .map((f) => ({ name: `idx_${table}_${f.column.name}`, columns: [f.column.name], unique: false }));
}

function mapMethod(method: PortMethod, domain: DomainModel): RepositoryMethod {
  const { aggregate, port } = domain;
  const id = aggregate.fields.find((f) => f.name === aggregate.idField)!;
  const fail = (message: string, hint?: string) => new GenError(`cannot implement ${port.name}.${method.name}: ${message}`, method.location, hint);
  if (!method.async) {
    throw fail(`it returns '${method.returns.text}', but a database can only answer asynchronously`, `Return a Promise, e.g. Promise<${method.returns.text}>.`);
  }
  const params = method.parameters;
  const returnsAggregate = isAggregate(method.returns) && !method.returns.list;
  const returnsList = isAggregate(method.returns) && method.returns.list;
  const returnsVoid = method.returns.type.kind === 'void';
  const oneParam = (test: (use: TypeUse) => boolean) => params.length === 1 && test(params[0]!.use);

  switch (method.name) {
    case 'save':
      if (oneParam(isAggregate) && !params[0]!.use.list && returnsVoid) return { kind: 'save', method };
      throw fail('expected save(x: ' + aggregate.name + '): Promise<void>');
    case 'findById':
      if (oneParam((u) => sameType(u, id)) && returnsAggregate) {
        if (method.returns.absent === 'none') {
          throw fail(`it returns Promise<${aggregate.name}>, which cannot say "not found"`, `Return Promise<${aggregate.name} | null> (or | undefined).`);
        }
        return { kind: 'find-by-id', method, absent: method.returns.absent };
      }
      throw fail(`expected findById(id: ${typeText(id.type)}): Promise<${aggregate.name} | null>`);
    case 'findAll':
      if (params.length === 0 && returnsList) return { kind: 'find-all', method };
      throw fail(`expected findAll(): Promise<${aggregate.name}[]>`);
    case 'delete':
      if (oneParam((u) => sameType(u, id)) && returnsVoid) return { kind: 'delete-by-id', method, argument: 'id' };
      if (oneParam(isAggregate) && returnsVoid) return { kind: 'delete-by-id', method, argument: 'aggregate' };
      throw fail(`expected delete(id: ${typeText(id.type)}): Promise<void>`);
  }
  if (looksDerived(method.name)) return derivedMethod(method, domain, fail);
  throw fail('it is neither a repository method gen knows (save, findById, findAll, delete) nor a derived query (findBy<Field>…)', 'Rename it to a derived query such as findByStatus, or remove it from the port.');
}

function derivedMethod(method: PortMethod, domain: DomainModel, fail: (message: string, hint?: string) => GenError): RepositoryMethod {
  const { aggregate } = domain;
  let parsed;
  try {
    parsed = parseDerivedQuery(method.name, aggregate.fields.map((f) => f.name));
  } catch (error) {
    if (error instanceof QueryParseError) throw fail(error.message, error.hint);
    throw error;
  }
  let parameter = 0;
  const where: Condition[][] = parsed.where.map((group) =>
    group.map((predicate) => {
      const field = aggregate.fields.find((f) => f.name === predicate.field)!;
      const bound = method.parameters[parameter];
      if (!bound) throw fail(`the condition on '${field.name}' has no parameter`, `Add a parameter of type ${typeText(field.type)}.`);
      if (!sameType(bound.use, field)) {
        throw fail(`parameter '${bound.name}' is '${bound.use.text}', but field '${field.name}' is ${typeText(field.type)}`, `Declare it as ${bound.name}: ${typeText(field.type)}.`);
      }
      return { field: field.name, operator: predicate.operator, parameter: parameter++ };
    }),
  );
  if (parameter !== method.parameters.length) {
    throw fail(`it has ${method.parameters.length} parameters but its name binds ${parameter}`, 'Each condition in the name takes one parameter, in order.');
  }
  if (!isAggregate(method.returns)) {
    throw fail(`it returns '${method.returns.text}'`, `Return Promise<${aggregate.name}[]> or Promise<${aggregate.name} | null>.`);
  }
  if (!method.returns.list && method.returns.absent === 'none') {
    throw fail(`it returns Promise<${aggregate.name}>, which cannot say "not found"`, `Return Promise<${aggregate.name} | null> or Promise<${aggregate.name}[]>.`);
  }
  const result = method.returns.list ? 'many' : 'one';
  return { kind: 'derived', method, query: { action: 'find', result, absent: method.returns.absent === 'undefined' ? 'undefined' : 'null', where } };
}

function isAggregate(use: TypeUse): boolean {
  return use.type.kind === 'aggregate';
}

function sameType(use: TypeUse, field: FieldModel): boolean {
  return !use.list && typeText(use.type) === typeText(field.type);
}

function typeText(type: ValueType): string {
  switch (type.kind) {
    case 'primitive':
      return type.primitive === 'date' ? 'Date' : type.primitive;
    case 'void':
      return 'void';
    default:
      return type.name;
  }
}
