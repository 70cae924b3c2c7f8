import { camelCase, constantCase } from 'change-case';
import type { CriteriaMethod, PageMethod } from '../src/map/dynamic-query-methods.js';
import type { ColumnKind, PersistenceModel, RepositoryMethod } from '../src/map/persistence-model.js';
import type { OrderDirection, ScalarReading } from '../src/model/dynamic-query-model.js';
import type { ArtifactLayout } from '../src/layout.js';
import type { Artifact, GeneratorContext } from '../src/render/artifact.js';
import { ImportSet } from '../src/render/imports.js';
import type { ModuleSpecifiers } from '../src/render/module-specifiers.js';
import { tsLiteral } from '../src/render/ts-literal.js';
import { columnCheck } from './value-checks.js';
import { addAggregateImport } from './port-signature.js';

type DynamicMethod = CriteriaMethod | PageMethod;

/** How a repository runs one Criteria or page-request method: the reader that turns its argument into a query, and the page builder. */
export interface DynamicMethodPlan {
  /** `matchingQuery(criteria)`: the query, read and ready for the support functions. */
  query: string;
  /** `findAllPaginatedPage`: builds the project's page type from the items, the total and the query. */
  page?: string;
  /** `count`: a Criteria method returning a number. */
  count: boolean;
  fields: string;
}

export function dynamicMethods(model: PersistenceModel): DynamicMethod[] {
  return model.methods.filter((m): m is DynamicMethod => m.kind === 'criteria' || m.kind === 'find-page');
}

export function dynamicMethodPlan(method: RepositoryMethod, model: PersistenceModel): DynamicMethodPlan | undefined {
  if (method.kind !== 'criteria' && method.kind !== 'find-page') return undefined;
  return {
    query: `${readerName(method)}(${method.method.parameters[0].name}, ${tsLiteral(method.method.name)})`,
    ...(method.kind === 'find-page' && method.page ? { page: pageBuilderName(method) } : {}),
    count: method.kind === 'criteria' && method.result === 'count',
    fields: fieldsName(model),
  };
}

/** What the repositories import for these methods: the feature's queries file, and the shared support. */
export function addDynamicQueryImports(
  imports: ImportSet,
  specifiers: ModuleSpecifiers,
  path: string,
  layout: ArtifactLayout,
  model: PersistenceModel,
  side: 'typeorm' | 'memory',
): void {
  const methods = dynamicMethods(model);
  if (methods.length === 0) return;
  const queries = specifiers.generated(path, layout.queries);
  const support = specifiers.generated(path, layout.dynamicQuerySupport);
  imports.add(queries, fieldsName(model));
  for (const method of methods) {
    imports.add(queries, readerName(method));
    if (method.kind === 'find-page' && method.page) imports.add(queries, pageBuilderName(method));
  }
  if (side === 'typeorm') {
    if (methods.some((m) => m.kind === 'find-page' || m.result === 'many')) imports.add(support, 'queryFindOptions');
    if (methods.some((m) => m.kind === 'criteria' && m.result === 'count')) imports.add(support, 'queryWhere');
  } else {
    // Page requests go through queryPredicate too: it checks orders, limit and offset as the TypeORM side does.
    imports.add(support, 'queryPredicate');
    if (methods.some((m) => m.kind === 'find-page' || m.result === 'many')) imports.add(support, 'queryComparator').add(support, 'pageOf');
  }
}

/** The support every feature's Criteria and page-request methods share: one file per project. */
export function dynamicQuerySupport({ model, layout, specifiers }: GeneratorContext): Artifact | undefined {
  if (dynamicMethods(model).length === 0) return undefined;
  const path = layout.dynamicQuerySupport;
  const semantics = specifiers.generated(path, layout.querySupport);
  const imports = new ImportSet();
  for (const name of ['And', 'IsNull', 'LessThan', 'LessThanOrEqual', 'MoreThan', 'MoreThanOrEqual', 'Not']) imports.add('typeorm', name);
  for (const name of ['FindManyOptions', 'FindOperator', 'FindOptionsOrder', 'FindOptionsWhere'])
    imports.add('typeorm', name, { typeOnly: true });
  for (const name of ['compareColumns', 'matchesText', 'nullsOrder', 'sameValue', 'textCondition']) imports.add(semantics, name);
  for (const name of ['ColumnValue', 'TextMatch']) imports.add(semantics, name, { typeOnly: true });
  // Filter values and page bounds are checked as saves check theirs: the same InvalidValueError in both repositories.
  const checks = specifiers.generated(path, layout.valueChecks);
  imports
    .add(checks, 'checkPage')
    .add(checks, 'unstorable')
    .add(checks, 'ColumnCheck', { typeOnly: true })
    .add(specifiers.generated(path, layout.persistenceErrors), 'InvalidValueError');
  return { path, template: 'dynamic-query-support.ejs', source: layout.manifest, data: { imports: imports.lines() } };
}

const FIELD_KIND: Record<ColumnKind, string> = {
  string: 'string',
  double: 'number',
  integer: 'number',
  decimal: 'number',
  bigint: 'bigint',
  boolean: 'boolean',
  timestamp: 'date',
  enum: 'enum',
  json: 'json',
};

/** The fields a query may name: the root's single-column fields (lists, composites and children are not queryable). */
export function queryableFields(model: PersistenceModel) {
  return model.fields
    .filter((f) => f.conversion.kind !== 'composite' && !f.field.list && f.column.kind !== 'json')
    .map((f) => ({
      name: f.field.name,
      property: f.column.property,
      kind: FIELD_KIND[f.column.kind],
      nullable: f.column.nullable,
      column: columnCheck(f.column),
    }));
}

/** The feature's queries file: the fields queries may name, and a reader per method (Criteria or page request -> query). */
export function featureQueries({ model, layout, specifiers }: GeneratorContext): Artifact | undefined {
  const methods = dynamicMethods(model);
  if (methods.length === 0) return undefined;
  const path = layout.queries;
  const support = specifiers.generated(path, layout.dynamicQuerySupport);
  const imports = new ImportSet().add(support, 'DynamicQuery', { typeOnly: true }).add(support, 'QueryFields', { typeOnly: true });
  const tables = new Map<string, { name: string; type: string; entries: string }>();
  const table = (owner: string, what: 'operators' | 'directions', reading: ScalarReading<string>) => {
    const name = `${constantCase(owner)}_${constantCase(what)}`;
    const type = what === 'operators' ? 'FilterOperator' : 'OrderDirection';
    imports.add(support, type, { typeOnly: true }).add(support, 'meaningOf');
    tables.set(name, { name, type, entries: reading.values.map((v) => `[${tsLiteral(v.value)}, ${tsLiteral(v.meaning)}]`).join(', ') });
    return name;
  };
  const order = (owner: string, argument: string, shape: { field: string; direction: ScalarReading<OrderDirection> } | undefined) => {
    if (!shape) return '[]';
    imports.add(support, 'orderOf');
    const directions = table(owner, 'directions', shape.direction);
    const direction = `${argument}${shape.direction.access}`;
    const meaning = `meaningOf(${directions}, ${direction}, 'order direction', method)`;
    // An optional order member: absent means no order.
    return `orderOf(${argument}${shape.field}, ${direction.includes('?.') ? `${direction} === undefined ? undefined : ${meaning}` : meaning})`;
  };
  // One reader per Criteria or page-request type, whichever methods take it; the method name is for errors.
  const readers = new Map<string, object>();
  for (const m of methods) {
    const argument = m.kind === 'criteria' ? 'criteria' : 'request';
    if (m.kind === 'criteria') {
      const shape = m.criteria;
      if (readers.has(shape.name)) continue;
      imports.add(specifiers.source(path, shape.file), shape.name, { typeOnly: true });
      const operators = table(shape.name, 'operators', shape.filter.operator);
      const list = `${argument}${shape.filters}`;
      readers.set(shape.name, {
        name: readerName(m),
        parameter: `${argument}: ${shape.name}`,
        description: `A ${shape.name} as a query: its filters, its order, its limit and offset`,
        filters: `(${list.includes('?.') || shape.filtersMayBeAbsent ? `${list} ?? []` : list}).map((filter) => ({ field: filter${shape.filter.field}, operator: meaningOf(${operators}, filter${shape.filter.operator.access}, 'operator', method), value: filter${shape.filter.value} }))`,
        order: order(shape.name, argument, shape.order),
        limit: shape.limit ? `${argument}${shape.limit}` : undefined,
        offset: shape.offset ? `${argument}${shape.offset}` : undefined,
        page: undefined,
      });
      continue;
    }
    const shape = m.request;
    if (readers.has(shape.name)) continue;
    imports.add(specifiers.source(path, shape.file), shape.name, { typeOnly: true });
    let offset = shape.offset ? `${argument}${shape.offset}` : undefined;
    if (!offset && shape.page) {
      imports.add(support, 'pageOffset');
      offset = `pageOffset(${argument}${shape.page}, ${argument}${shape.limit}${model.firstPage === 1 ? ', 1' : ''})`;
    }
    readers.set(shape.name, {
      name: readerName(m),
      parameter: `${argument}: ${shape.name}`,
      description: `A ${shape.name} as a query: its order, limit and offset${shape.offset ? '' : ` (its page counts from ${model.firstPage ?? 0})`}`,
      filters: '[]',
      order: order(shape.name, argument, shape.order),
      limit: `${argument}${shape.limit}`,
      offset,
      page: shape.page ? `${argument}${shape.page}` : undefined,
    });
  }
  const pages = new Map<string, object>();
  for (const m of methods) {
    if (m.kind !== 'find-page' || !m.page || pages.has(m.page.name)) continue;
    const shape = m.page;
    imports.add(specifiers.source(path, shape.file), shape.name, { typeOnly: shape.build === 'object-literal' });
    addAggregateImport(imports, specifiers, path, model.aggregate, { typeOnly: true });
    const value = (role: string) => {
      switch (role) {
        case 'items':
          return 'items';
        case 'total':
          return 'total';
        case 'limit':
          return 'query.limit ?? total';
        case 'offset':
          return 'query.offset ?? 0';
        default:
          imports.add(support, 'pageNumber');
          return model.firstPage === 1 ? 'pageNumber(query, 1)' : 'pageNumber(query)';
      }
    };
    const object = `{ ${shape.members.map((member) => `${member.name}: ${value(member.role)}`).join(', ')} }`;
    const build =
      shape.build === 'object-literal'
        ? object
        : shape.build === 'props-object'
          ? `new ${shape.name}(${object})`
          : `new ${shape.name}(${shape.members.map((member) => value(member.role)).join(', ')})`;
    pages.set(shape.name, {
      name: pageBuilderName(m),
      type: `${shape.name}<${shape.item}>`,
      item: shape.item,
      build,
      usesQuery: shape.members.some((member) => ['limit', 'offset', 'page'].includes(member.role)),
    });
  }
  return {
    path,
    template: 'feature-queries.ejs',
    source: model.port.file,
    data: {
      imports: imports.lines(),
      aggregate: model.aggregate.name,
      fieldsName: fieldsName(model),
      fields: queryableFields(model).map(
        (f) =>
          `${/^[A-Za-z_$][\w$]*$/.test(f.name) ? f.name : tsLiteral(f.name)}: ${tsLiteral({ property: f.property, kind: f.kind, nullable: f.nullable, column: f.column })}`,
      ),
      tables: [...tables.values()],
      readers: [...readers.values()],
      pages: [...pages.values()],
    },
  };
}

function fieldsName(model: PersistenceModel): string {
  return `${constantCase(model.names.aggregate)}_QUERY_FIELDS`;
}

/** `criteriaQuery`, `paginatedQueryParamsQuery`: named for the type it reads. */
function readerName(method: DynamicMethod): string {
  return `${camelCase(method.kind === 'criteria' ? method.criteria.name : method.request.name)}Query`;
}

/** `paginatedOf`: named for the page type it builds. */
function pageBuilderName(method: PageMethod): string {
  return `${camelCase(method.page!.name)}Of`;
}
