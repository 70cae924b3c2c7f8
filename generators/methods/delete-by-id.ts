import type { MethodEmitter, MethodOf } from './method-emitter.js';

/** `delete(id)` or `delete(order)`: rejects when nothing was deleted, or resolves to whether something was (`reports`). */
export const deleteById: MethodEmitter<MethodOf<'delete-by-id'>> = {
  typeorm: (method, plan, repository) => [
    `const result = await this.orm.delete({ ${repository.idProperty}: ${plan.idValue} });`,
    method.reports
      ? 'return (result.affected ?? 0) > 0;'
      : `if (!result.affected) throw new Error(${notFound(repository.aggregate, plan.idValue)});`,
  ],
  memory: (method, plan, repository) => [
    method.reports
      ? `return this.aggregates.delete(${plan.idValue});`
      : `if (!this.aggregates.delete(${plan.idValue})) throw new Error(${notFound(repository.aggregate, plan.idValue)});`,
  ],
  planRow: (method) =>
    method.reports
      ? 'CRUD: delete by primary key; resolves to whether a row was deleted'
      : 'CRUD: delete by primary key; rejects when no row was deleted',
};

function notFound(aggregate: string, idValue: string): string {
  return `\`${aggregate} not found: \${${idValue}}\``;
}
