import { contractCase } from './contract-cases.js';
import type { MethodEmitter, MethodOf } from './method-emitter.js';

/** `saveAll(orders)`: each written as `save` writes it, in one transaction. */
export const saveAll: MethodEmitter<MethodOf<'save-all'>> = {
  typeorm: (_method, plan, repository) => [`await this.${repository.store}.save(${plan.argument});`],
  memory: (_method, plan) => [`this.aggregates.save(${plan.argument});`],
  planRow: () => 'CRUD: each aggregate written as `save` writes it, all in one transaction when that takes two or more statements',
  // Read back with findAll: without one, the saves that lose nothing check it (stale lists).
  testCases: (method, { plural, list, findAll }) =>
    findAll
      ? [
          contractCase(
            `saves many ${plural} at once`,
            [
              `await subject.repository.${method.method.name}(${list});`,
              '',
              `expect(await subject.repository.${findAll}).toStrictEqual(sample${plural}());`,
            ],
            ['list'],
          ),
        ]
      : [],
};
