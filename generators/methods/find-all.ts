import { rootsReader, sliceCall, type MethodEmitter, type MethodOf } from './method-emitter.js';

/** `findAll()`, or `findAll(page)` with an offset and a limit: every root, in id order. */
export const findAll: MethodEmitter<MethodOf<'find-all'>> = {
  typeorm: (_method, plan, repository) => [
    `const models = await ${rootsReader(plan, repository)}({ ${plan.findOptions.join(', ')} });`,
    'return models.map((model) => this.loaded(model));',
  ],
  memory: (_method, plan) => [`return this.rowsMatching(() => true)${sliceCall(plan)}.map((model) => this.aggregates.load(model));`],
  planRow: (method) =>
    method.page
      ? `CRUD: every row, in id order, \`${method.page.skip}\`/\`${method.page.take}\` as OFFSET/LIMIT`
      : 'CRUD: every row, in id order',
};
