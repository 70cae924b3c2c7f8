import type { CriteriaMethod, PageMethod } from '../../src/map/dynamic-query-methods.js';
import { queryableFields } from '../dynamic-queries.js';
import type { MethodEmitter, MethodOf } from './method-emitter.js';

/**
 * A Criteria object or a page request, read at run time into a query (the feature's queries file) that the shared
 * support runs: as TypeORM find options, or as a predicate, a comparator and a page in memory.
 */
export const dynamicQuery: MethodEmitter<MethodOf<'criteria' | 'find-page'>> = {
  typeorm: (_method, plan, repository) => {
    const dynamic = plan.dynamic!;
    if (dynamic.count)
      return [`return this.orm.count({ where: queryWhere<${repository.modelClass}>(this.dialect, ${dynamic.fields}, ${dynamic.query}) });`];
    const models = 'models.map((model) => this.loaded(model))';
    return [
      `const query = ${dynamic.query};`,
      `const models = await ${repository.rows ? 'this.rootsMatching' : 'this.orm.find'}(queryFindOptions<${repository.modelClass}>(this.dialect, ${dynamic.fields}, '${repository.idProperty}', query));`,
      dynamic.page ? `return ${dynamic.page}(${models}, await this.orm.count(), query);` : `return ${models};`,
    ];
  },
  memory: (method, plan, repository) => {
    const dynamic = plan.dynamic!;
    if (dynamic.count) return [`return this.rowsMatching(queryPredicate(${dynamic.fields}, ${dynamic.query})).length;`];
    const loaded = 'pageOf(found, query).map((model) => this.aggregates.load(model))';
    return [
      `const query = ${dynamic.query};`,
      ...(method.kind === 'criteria'
        ? []
        : ['// queryPredicate checks the request as the database side does (orders, limit, offset), though it has no filters.']),
      `const found = this.rowsMatching(queryPredicate(${dynamic.fields}, query), queryComparator(${dynamic.fields}, '${repository.idProperty}', query));`,
      dynamic.page ? `return ${dynamic.page}(${loaded}, this.rows.size, query);` : `return ${loaded};`,
    ];
  },
  planRow: (method, model, layout) => {
    const fields = queryableFields(model)
      .map((f) => `\`${f.name}\``)
      .join(', ');
    if (method.kind === 'criteria') return criteriaRow(method, layout.queries, fields);
    return pageRow(method, layout.queries, fields);
  },
};

function criteriaRow(method: CriteriaMethod, queries: string, fields: string): string {
  const result =
    method.result === 'count'
      ? '`COUNT(*)` of the rows its filters select (its order and page do not apply)'
      : 'the rows its filters select, in its order, then by id, within its limit and offset';
  return `criteria: \`${method.criteria.name}\` read at run time (\`${queries}\`): ${result}; filters and order may name ${fields}, anything else is rejected`;
}

function pageRow(method: PageMethod, queries: string, fields: string): string {
  const page = method.page ? `, returned as a \`${method.page.name}\` with the total row count` : '';
  return `page request: \`${method.request.name}\` read at run time (\`${queries}\`): OFFSET/LIMIT over the roots, in the requested order, then by id${page}; the order may name ${fields}, anything else is rejected`;
}
