import { contractCase } from './contract-cases.js';
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
  testCases: (method, { plural, list, id, missingId }) => [
    contractCase(
      `finds ${plural} by several ids, skipping unknown ones, in id order`,
      [
        'await saveAll();',
        '',
        `expect(ids(await subject.repository.${method.method.name}([${id(method, `${list}[2]`)}, ${missingId(method)}, ${id(method, `${list}[0]`)}]))).toStrictEqual(ids([${list}[0], ${list}[2]]));`,
      ],
      ['saveAll', 'ids'],
    ),
  ],
};
