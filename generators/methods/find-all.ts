import { contractCase } from './contract-cases.js';
import { rootsReader, sliceCall, type MethodEmitter, type MethodOf } from './method-emitter.js';
import { pageCase } from './test-arguments.js';

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
  testCases: (method, { plural, list, variable, store, findAll: every }) => {
    const name = method.method.name;
    const all = contractCase(
      `finds all ${plural} in id order`,
      [
        `for (const ${variable} of [...${list}].reverse()) await subject.repository.${store(variable)};`,
        '',
        `expect(await subject.repository.${every ?? `${name}()`}).toStrictEqual(sample${plural}());`,
      ],
      ['list'],
    );
    if (!method.page) return [all];
    const page = pageCase(method.page.take, method.page.skip);
    return [
      all,
      contractCase(
        `finds a page of ${plural}`,
        [
          'await saveAll();',
          '',
          `expect(ids(await subject.repository.${name}(${page.expression}))).toStrictEqual(ids(sample${plural}().slice(${page.skip}, ${page.skip + page.take})));`,
        ],
        ['saveAll', 'ids'],
      ),
    ];
  },
};
