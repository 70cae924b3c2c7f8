import { contractCase } from './contract-cases.js';
import type { MethodEmitter, MethodOf } from './method-emitter.js';

/** `save(order)`: insert or replace, writing only what changed since the repository loaded or saved it. */
export const save: MethodEmitter<MethodOf<'save'>> = {
  typeorm: (method, plan, repository) =>
    repository.rebuildsOnSave && (method.returnsAggregate || method.returnsId)
      ? [
          '// Rebuilt with the id the database assigned, which the aggregate cannot take.',
          `const [saved = ${plan.argument}] = await this.${repository.store}.save([${plan.argument}]);`,
          ...returned(method, 'saved', repository),
        ]
      : [`await this.${repository.store}.save([${plan.argument}]);`, ...returned(method, plan.argument, repository)],
  memory: (method, plan, repository) =>
    repository.rebuildsOnSave && (method.returnsAggregate || method.returnsId)
      ? [`const [saved = ${plan.argument}] = this.aggregates.save([${plan.argument}]);`, ...returned(method, 'saved', repository)]
      : [`this.aggregates.save([${plan.argument}]);`, ...returned(method, plan.argument, repository)],
  planRow: (method, model) => {
    const table = model.table.name;
    const generated = model.aggregate.generatedId;
    if (generated) {
      const back = generated.writable
        ? 'set on the aggregate'
        : method.returnsAggregate
          ? 'on the aggregate it resolves to, rebuilt'
          : 'kept by the database';
      return `CRUD: an aggregate without an id is inserted and gets the id the database assigns (${back}); one with an id writes what changed since the repository loaded or saved it: nothing when unchanged, else an UPDATE of its \`${table}\` row; one the repository has not seen is upserted`;
    }
    const children = model.children.map((c) => `\`${c.table.name}\``).join(' and ');
    return children
      ? `CRUD: writes what changed since the repository loaded or saved the aggregate: nothing when unchanged, else an UPDATE of its \`${table}\` row if it changed, a DELETE of the ${children} rows it no longer has and one upsert of its changed or new ones; an aggregate the repository has not seen is upserted whole, deleting any other children under its id; two or more statements run in one transaction`
      : `CRUD: writes what changed since the repository loaded or saved the aggregate: nothing when unchanged, else an UPDATE of its \`${table}\` row; an aggregate the repository has not seen is upserted (insert, or update of the row with the same id)`;
  },
  // What a save writes is checked by every other case (they store their samples with it); this one, what it returns.
  testCases: (method, { aggregate, list }) =>
    method.returnsAggregate
      ? [
          contractCase(
            `${method.method.name} resolves to the ${aggregate} it saved`,
            [`expect(await subject.repository.${method.method.name}(${list}[0])).toBe(${list}[0]);`],
            ['list'],
          ),
        ]
      : method.returnsId
        ? [
            contractCase(
              `${method.method.name} resolves to the id of the ${aggregate} it saved`,
              [`expect(await subject.repository.${method.method.name}(${list}[0])).toBe(${list}[0]${method.returnsId});`],
              ['list'],
            ),
          ]
        : [],
};

/**
 * What the method resolves to: the aggregate it took, its id, or nothing. An id the database assigns is typed as
 * possibly absent: checked before it is returned, which it always is after a save.
 */
function returned(method: MethodOf<'save'>, saved: string, repository: { aggregate: string; idAbsent?: string[] }): string[] {
  if (method.returnsAggregate) return [`return ${saved};`];
  if (!method.returnsId) return [];
  if (!repository.idAbsent) return [`return ${saved}${method.returnsId};`];
  return [
    `const id = ${saved}${method.returnsId};`,
    `if (${repository.idAbsent.map((absent) => `id === ${absent}`).join(' || ')}) throw new Error('${repository.aggregate}: saved without an id');`,
    'return id;',
  ];
}
