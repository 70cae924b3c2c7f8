import { contractCase } from './contract-cases.js';
import type { MethodEmitter, MethodOf } from './method-emitter.js';

/** `exists(id)`, or `exists(order)`: whether that id is stored. */
export const existsById: MethodEmitter<MethodOf<'exists-by-id'>> = {
  // One never saved has no id yet, where the database assigns it: not stored.
  typeorm: (_method, plan, repository) => [
    ...(plan.idAbsent ? [`if (${plan.idAbsent}) return false;`] : []),
    `return this.orm.exists({ where: { ${repository.idProperty}: ${plan.idValue} } });`,
  ],
  memory: (_method, plan) => [...(plan.idAbsent ? [`if (${plan.idAbsent}) return false;`] : []), `return this.rows.has(${plan.idValue});`],
  planRow: () => 'CRUD: primary-key lookup, `true` when found',
  // `exists(id)`, or `exists(order)`: a stored sample, and one never stored (a sample rebuilt with the missing id).
  testCases: (method, suite) => {
    const byAggregate = method.argument === 'aggregate';
    const stored = byAggregate ? `${suite.list}[0]` : suite.id(method, `${suite.list}[0]`);
    const missing = byAggregate ? suite.missingAggregate : suite.missingId(method);
    const exists = (argument: string) => `await subject.repository.${method.method.name}(${argument})`;
    return [
      contractCase(
        `tells whether a ${suite.aggregate} exists`,
        ['await saveAll();', '', `expect(${exists(stored)}).toBe(true);`, `expect(${exists(missing)}).toBe(false);`],
        ['saveAll'],
      ),
    ];
  },
};
