import type { FirstPage } from '../config/project-config.js';
import type { PageRequestShape } from '../model/dynamic-query-model.js';
import type { PersistenceModel } from './persistence-model.js';

/**
 * The page requests whose page number the repositories read (rather than an offset): a derived query's trailing
 * `{ page, perPage }`, and a page-request method's request without an offset.
 */
export function pageNumberRequests(model: PersistenceModel): PageRequestShape[] {
  const requests = new Map<string, PageRequestShape>();
  for (const m of model.methods) {
    if (m.kind === 'find-page' && m.request.page && !m.request.offset) requests.set(m.request.name, m.request);
    if (m.kind === 'derived' && m.query.page?.skipsPages) {
      const type = m.method.parameters[m.query.page.parameter]?.use.type;
      if (type?.kind === 'page-request') requests.set(type.shape.name, type.shape);
    }
  }
  return [...requests.values()];
}

/**
 * gen.config.json does not say which page is the first, and a feature reads page numbers: gen counts from 0, which
 * silently returns the second page to a use case that asks `page: 1` for the first. Said once per request type.
 */
export function firstPageWarnings(model: PersistenceModel, firstPage: FirstPage | undefined): string[] {
  if (firstPage !== undefined) return [];
  return pageNumberRequests(model).map(
    (request) =>
      `${request.file}:${request.line}: ${request.name}${request.page} is read as a page number whose first page is 0 (page 0 skips no rows). If this project's first page is 1, set it in gen.config.json: "firstPage": 1 (or "firstPage": 0 to keep 0 and silence this warning).`,
  );
}
