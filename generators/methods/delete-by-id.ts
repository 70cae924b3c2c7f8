import { contractCase, lookedUp, type ContractSuite } from './contract-cases.js';
import type { MethodEmitter, MethodOf } from './method-emitter.js';
import type { MethodPlan } from './method-plan.js';

/** `delete(id)` or `delete(order)`: rejects when nothing was deleted, or resolves to whether something was (`reports`). */
export const deleteById: MethodEmitter<MethodOf<'delete-by-id'>> = {
  typeorm: (method, plan, repository) => [
    ...neverSaved(method, plan, repository.aggregate),
    `const result = await this.orm.delete({ ${repository.idProperty}: ${plan.idValue} });`,
    method.reports
      ? 'return (result.affected ?? 0) > 0;'
      : `if (!result.affected) throw new Error(${notFound(repository.aggregate, plan.idValue)});`,
  ],
  memory: (method, plan, repository) => [
    ...neverSaved(method, plan, repository.aggregate),
    method.reports
      ? `return this.aggregates.delete(${plan.idValue});`
      : `if (!this.aggregates.delete(${plan.idValue})) throw new Error(${notFound(repository.aggregate, plan.idValue)});`,
  ],
  planRow: (method) =>
    method.reports
      ? 'CRUD: delete by primary key; resolves to whether a row was deleted'
      : 'CRUD: delete by primary key; rejects when no row was deleted',
  testCases: (method, suite) => {
    const { aggregate, plural, list, findById, findAll } = suite;
    const remove = (sample: number | 'missing') => `subject.repository.${method.method.name}(${deleteArgument(method, suite, sample)})`;
    const deletes = contractCase(
      `deletes one ${aggregate} and keeps the others`,
      [
        'await saveAll();',
        '',
        `await ${remove(0)};`,
        '',
        ...(findById && findById.absent !== 'throw' ? [`expect(${lookedUp(findById, `${list}[0]`)}).toBe(${findById.missing});`] : []),
        ...(findAll ? [`expect(await subject.repository.${findAll}).toStrictEqual(sample${plural}().slice(1));`] : []),
      ],
      ['saveAll'],
    );
    const missing = method.reports
      ? contractCase(
          `tells whether it deleted a ${aggregate}: false for a missing one, and the second time`,
          [
            'await saveAll();',
            '',
            `expect(await ${remove('missing')}).toBe(false);`,
            `expect(await ${remove(0)}).toBe(true);`,
            `expect(await ${remove(0)}).toBe(false);`,
          ],
          ['saveAll'],
        )
      : contractCase(`rejects the deletion of a missing ${aggregate}, naming it`, [
          `await expect(${remove('missing')}).rejects.toThrow('${aggregate} not found: ${suite.idText('missing')}');`,
        ]);
    return [deletes, missing];
  },
};

/** The argument that deletes sample `sample` of the suite's list, or one never stored: the aggregate, or its id as the method takes it. */
export function deleteArgument(
  method: MethodOf<'delete-by-id'>,
  suite: Pick<ContractSuite, 'list' | 'id' | 'missingId' | 'missingAggregate'>,
  sample: number | 'missing',
): string {
  if (method.argument === 'aggregate') return sample === 'missing' ? suite.missingAggregate : `${suite.list}[${sample}]`;
  return sample === 'missing' ? suite.missingId(method) : suite.id(method, `${suite.list}[${sample}]`);
}

/** One never saved has no id yet, where the database assigns it: nothing to delete (and no criteria to send). */
function neverSaved(method: MethodOf<'delete-by-id'>, plan: MethodPlan, aggregate: string): string[] {
  if (!plan.idAbsent) return [];
  return [`if (${plan.idAbsent}) ${method.reports ? 'return false;' : `throw new Error(${notFound(aggregate, plan.idValue)});`}`];
}

function notFound(aggregate: string, idValue: string): string {
  return `\`${aggregate} not found: \${${idValue}}\``;
}
