import type { MethodEmitter, MethodOf } from './method-emitter.js';

/** `saveAll(orders)`: each written as `save` writes it, in one transaction. */
export const saveAll: MethodEmitter<MethodOf<'save-all'>> = {
  typeorm: (_method, plan, repository) => [`await this.${repository.store}.save(${plan.argument});`],
  memory: (_method, plan) => [`this.aggregates.save(${plan.argument});`],
  planRow: () => 'CRUD: each aggregate written as `save` writes it, all in one transaction when that takes two or more statements',
};
