import type { MethodEmitter, MethodOf } from './method-emitter.js';

/** `exists(id)`, or `exists(order)`: whether that id is stored. */
export const existsById: MethodEmitter<MethodOf<'exists-by-id'>> = {
  typeorm: (_method, plan, repository) => [`return this.orm.exists({ where: { ${repository.idProperty}: ${plan.idValue} } });`],
  memory: (_method, plan) => [`return this.rows.has(${plan.idValue});`],
  planRow: () => 'CRUD: primary-key lookup, `true` when found',
};
