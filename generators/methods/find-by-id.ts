import { singleResult, type MethodEmitter, type MethodOf } from './method-emitter.js';

/** `findById(id)`: a primary-key lookup, with the root's children in the same statement. */
export const findById: MethodEmitter<MethodOf<'find-by-id'>> = {
  typeorm: (_method, plan, repository) => [
    ...(repository.rows
      ? ['// One statement: the root and its children.', `const [model] = await this.rows.byIds([${plan.idValue}]);`]
      : [`const model = await this.orm.findOneBy({ ${repository.idProperty}: ${plan.idValue} });`]),
    ...singleResult(plan, 'this.loaded(model)', `\`${repository.aggregate} not found: \${${plan.idValue}}\``),
  ],
  memory: (_method, plan, repository) => [
    `const model = this.rows.get(${plan.idValue});`,
    ...singleResult(plan, 'this.aggregates.load(model)', `\`${repository.aggregate} not found: \${${plan.idValue}}\``),
  ],
  planRow: (method, model) => {
    const children = model.children.map((c) => `\`${c.table.name}\``).join(' and ');
    return `CRUD: primary-key lookup${children ? ` with its ${children} rows` : ''}, one statement, \`${method.absent === 'option' ? (method.method.returns.option?.none ?? 'none') : method.absent}\` when absent`;
  },
};
