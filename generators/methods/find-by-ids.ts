import { rootsReader, type MethodEmitter, type MethodOf } from './method-emitter.js';

/** `findByIds(ids)`: `WHERE id IN (…)`, in id order; ids not stored are left out. */
export const findByIds: MethodEmitter<MethodOf<'find-by-ids'>> = {
  typeorm: (_method, plan, repository) => [
    `const models = await ${rootsReader(plan, repository)}({ where: { ${repository.idProperty}: In(${plan.idValues}) }, ${plan.findOptions.join(', ')} });`,
    'return models.map((model) => this.loaded(model));',
  ],
  memory: (_method, plan, repository) => [
    `const wanted = ${plan.idValues};`,
    `return this.rowsMatching((model) => wanted.some((id) => sameValue(model.${repository.idProperty}, id))).map((model) => this.aggregates.load(model));`,
  ],
  imports: () => ({ memory: { querySupport: ['sameValue'] } }),
  planRow: () => 'CRUD: `WHERE id IN (…)`, in id order',
};
