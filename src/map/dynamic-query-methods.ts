import type { PortMethod } from '../model/domain-model.js';
import type { CriteriaShape, PageRequestShape, PageResultShape } from '../model/dynamic-query-model.js';

/** `matching(criteria: Criteria): Promise<T[]>` (or `Promise<number>`, a count): filters, order and page read at run time. */
export interface CriteriaMethod {
  kind: 'criteria';
  method: PortMethod;
  criteria: CriteriaShape;
  result: 'many' | 'count';
}

/**
 * `findAllPaginated(params: PaginatedQueryParams): Promise<Paginated<T>>`: one page of roots (with their children)
 * in the requested order, and the total; without `page`, the method returns the roots alone (`Promise<T[]>`).
 */
export interface PageMethod {
  kind: 'find-page';
  method: PortMethod;
  request: PageRequestShape;
  page?: PageResultShape;
}

/**
 * A method whose one parameter is a recognised Criteria or page request, returning what gen can build: the
 * aggregates, a count, or the project's page type. Anything else is left to the other rules (undefined).
 */
export function dynamicQueryMethod(method: PortMethod): CriteriaMethod | PageMethod | undefined {
  const [parameter, ...rest] = method.parameters;
  if (!parameter || rest.length > 0 || !method.async || parameter.use.list || parameter.use.absent !== 'none') return undefined;
  const input = parameter.use.type;
  const returns = method.returns;
  const aggregates = returns.type.kind === 'aggregate' && returns.list && returns.absent === 'none';
  if (input.kind === 'criteria' && !parameter.optional) {
    const count = !returns.list && returns.absent === 'none' && returns.type.kind === 'primitive' && returns.type.primitive === 'number';
    if (aggregates || count) return { kind: 'criteria', method, criteria: input.shape, result: aggregates ? 'many' : 'count' };
    return undefined;
  }
  if (input.kind === 'page-request' && !parameter.optional) {
    if (returns.type.kind === 'paginated' && !returns.list && returns.absent === 'none')
      return { kind: 'find-page', method, request: input.shape, page: returns.type.shape };
    if (aggregates) return { kind: 'find-page', method, request: input.shape };
  }
  return undefined;
}
