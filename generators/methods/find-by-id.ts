import { contractCase, lookedUp, type ContractCase, type ContractSuite, type IdLookup } from './contract-cases.js';
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
  testCases: (method, suite) => {
    const { aggregate, plural, list, variable } = suite;
    const lookup = idLookup(method, suite);
    const cases: ContractCase[] = [
      contractCase(
        `saves ${plural} and finds each by id with every field intact`,
        [
          'await saveAll();',
          '',
          `for (const ${variable} of sample${plural}()) {`,
          `  expect(${lookedUp(lookup, variable)}).toStrictEqual(${variable});`,
          '}',
        ],
        ['saveAll'],
      ),
    ];
    if (suite.replaces)
      cases.push(
        contractCase(
          `replaces the stored ${aggregate} when one with the same id is saved`,
          [
            `await subject.repository.${suite.save}(${list}[0]);`,
            `const changed = ${suite.replacement};`,
            '',
            `await subject.repository.${suite.save}(changed);`,
            '',
            `expect(${lookedUp(lookup, 'changed')}).toStrictEqual(changed);`,
          ],
          ['list'],
        ),
      );
    const lookupMissing = `subject.repository.${lookup.name}(${lookup.missingId})`;
    if (lookup.isSome)
      cases.push(
        contractCase('resolves to an empty Option for an id that was never saved', [
          `const found = await ${lookupMissing};`,
          '',
          `expect(${lookup.isSome('found')}).toBe(false);`,
        ]),
      );
    else if (lookup.absent === 'throw')
      cases.push(
        contractCase('rejects a lookup of an id that was never saved, naming it', [
          `await expect(${lookupMissing}).rejects.toThrow('${aggregate} not found: ${lookup.missingIdText}');`,
        ]),
      );
    else
      cases.push(
        contractCase(`resolves to ${lookup.absent} for an id that was never saved`, [
          `expect(await ${lookupMissing}).toBe(${lookup.absent});`,
        ]),
      );
    const change = mutation(suite);
    if (change)
      cases.push(
        contractCase(
          `keeps what was saved when the ${aggregate} changes afterwards`,
          [
            `const ${variable} = ${list}[0];`,
            `await subject.repository.${suite.store(variable)};`,
            '',
            `${variable}.${change.field} = ${change.value};`,
            '',
            `expect((${lookedUp(lookup, variable)})?.${change.field}).toStrictEqual(${change.original});`,
          ],
          ['list'],
        ),
      );
    return cases;
  },
};

/** How the suite looks up by id with this method: the other kinds' cases check what they wrote with it. */
export function idLookup(
  method: MethodOf<'find-by-id'>,
  suite: Pick<ContractSuite, 'id' | 'idValue' | 'missingId' | 'idText' | 'read'>,
): IdLookup {
  const option = method.method.returns.option;
  return {
    name: method.method.name,
    absent: method.absent,
    id: (subject) => suite.id(method, subject),
    idValue: (expression) => suite.idValue(method, expression),
    missingId: suite.missingId(method),
    missingIdText: suite.idText('missing'),
    read: (expression) => suite.read(method, expression),
    missing: method.absent === 'option' ? 'null' : method.absent,
    isSome: option && ((expression: string) => option.isSome.replace('$option', expression)),
  };
}

/** A mutable field changed on a stored sample to another sample's value: what was saved must not change with it. */
function mutation({ model, samples }: ContractSuite): { field: string; value: string; original: string } | undefined {
  const mutable = model.fields.find((f) => f.field.mutable && !f.column.primary);
  return (
    mutable && {
      field: mutable.field.name,
      value:
        samples.value(mutable, 1).expression === samples.value(mutable, 0).expression
          ? samples.value(mutable, 3).expression
          : samples.value(mutable, 1).expression,
      original: samples.value(mutable, 0).expression,
    }
  );
}
