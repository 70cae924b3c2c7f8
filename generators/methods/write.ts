import { contractCase, lookedUp, type ContractCase, type ContractSuite } from './contract-cases.js';
import { refusal, type MethodEmitter, type MethodOf } from './method-emitter.js';
import type { MethodPlan } from './method-plan.js';

/** `create`/`insert` (the id must be new) and `update` (it must be stored), of one aggregate or a list. */
export const write: MethodEmitter<MethodOf<'write'>> = {
  typeorm: (method, plan, repository) => {
    const store = `this.${repository.store}`;
    const written = method.list === 'no' ? `[${plan.argument}]` : plan.write!.all;
    const lines = method.list === 'either' ? [`const all = Array.isArray(${plan.argument}) ? ${plan.argument} : [${plan.argument}];`] : [];
    if (method.mode === 'create' && method.result === 'boolean') {
      lines.push(
        '// A plain INSERT: an id stored already, even by a concurrent writer, is refused, never overwritten.',
        'try {',
        `  await ${store}.insert(${written});`,
        '} catch (error) {',
        '  if (error instanceof DuplicateError) return false;',
        '  throw error;',
        '}',
      );
    } else if (method.mode === 'create' && method.list === 'no' && rebuilt(method, repository)) {
      lines.push(
        '// A plain INSERT: an id stored already, even by a concurrent writer, is a DuplicateError, never overwritten.',
        '// Rebuilt with the id the database assigned, which the aggregate cannot take.',
        `const [created = ${plan.argument}] = await ${store}.insert(${written});`,
        ...returned(method, 'created', repository),
      );
      return lines;
    } else if (method.mode === 'create') {
      lines.push(
        '// A plain INSERT: an id stored already, even by a concurrent writer, is a DuplicateError, never overwritten.',
        `await ${store}.insert(${written});`,
      );
    } else if (method.list === 'no') {
      lines.push(`if (!(await ${store}.update([${plan.argument}]))) ${refusal(plan, plan.idValue)}`);
    } else {
      lines.push(
        '// Written whole or not at all: false if one of them is not stored.',
        `if (!(await ${store}.update(${plan.write!.all}))) ${refusal(plan, `${plan.write!.all}.map((item) => ${plan.itemIdValue}).join(', ')`)}`,
      );
    }
    return [...lines, ...returned(method, plan.argument, repository)];
  },
  memory: (method, plan, repository) => {
    const lines: string[] = [];
    if (method.mode === 'create' && method.list === 'no' && rebuilt(method, repository))
      return [
        `const [created = ${plan.argument}] = this.aggregates.insert([${plan.argument}]);`,
        ...returned(method, 'created', repository),
      ];
    const all = plan.write!.all;
    if (method.mode === 'update') {
      lines.push(
        `this.aggregates.checkAll([${plan.argument}]);`,
        `if (${plan.idAbsent ? `${plan.idAbsent} || ` : ''}!this.rows.has(${plan.idValue})) ${refusal(plan, plan.idValue)}`,
        `this.aggregates.save([${plan.argument}]);`,
      );
    } else if (method.list === 'no') {
      if (method.result === 'boolean')
        lines.push(
          `this.aggregates.checkAll([${plan.argument}]);`,
          `if (${plan.idAbsent ? `!(${plan.idAbsent}) && ` : ''}this.rows.has(${plan.idValue})) return false;`,
        );
      lines.push(`this.aggregates.insert([${plan.argument}]);`);
    } else {
      if (method.list === 'either') lines.push(`const all = Array.isArray(${plan.argument}) ? ${plan.argument} : [${plan.argument}];`);
      if (method.result === 'boolean')
        lines.push(`this.aggregates.checkAll(${all});`, `if (${all}.some((item) => ${storedItem(plan)})) return false;`);
      lines.push(`this.aggregates.insert(${all});`);
    }
    return [...lines, ...returned(method, plan.argument, repository)];
  },
  imports: (method) => ({
    typeorm: method.mode === 'create' && method.result === 'boolean' ? { persistenceErrors: ['DuplicateError'] } : {},
  }),
  planRow: (method) =>
    method.mode === 'create'
      ? `CRUD: written as \`save\` writes a new aggregate, after a primary-key lookup: an id already stored ${method.result === 'boolean' ? 'resolves to `false`' : 'rejects'}${method.list === 'no' ? '' : ' (a list is written only if every id is new)'}`
      : `CRUD: written as \`save\` writes it, after a primary-key lookup: an id not stored ${method.result === 'boolean' ? 'resolves to `false`' : 'rejects'}`,
  testCases: (method, suite) => [writeCase(method, suite)],
};

/** Writes what it may (read back with findById where the port has one), and refuses what it must not write. */
function writeCase(method: MethodOf<'write'>, suite: ContractSuite): ContractCase {
  const { aggregate, plural, list, findById } = suite;
  const name = method.method.name;
  // What a write resolves to: `true`, the argument itself, or nothing.
  const written = (argument: string): string => {
    const call = `await subject.repository.${name}(${argument})`;
    if (method.result === 'boolean') return `expect(${call}).toBe(true);`;
    if (method.result === 'aggregate') return `expect(${call}).${argument.startsWith('[') ? 'toStrictEqual' : 'toBe'}(${argument});`;
    if (method.result === 'id') return `expect(${call}).toStrictEqual(${argument}${method.returnsId ?? ''});`;
    return `${call};`;
  };
  const refused = (call: string): string[] => {
    if (method.result === 'boolean') return [`expect(await subject.repository.${call}).toBe(false);`];
    if (method.mode === 'create')
      return [
        `const duplicate = subject.repository.${call};`,
        'await expect(duplicate).rejects.toThrow(DuplicateError);',
        `await expect(duplicate).rejects.toThrow('${aggregate} ${suite.idText(0)} already exists');`,
      ];
    return [`await expect(subject.repository.${call}).rejects.toThrow('${aggregate} not found: ${suite.idText(0)}');`];
  };
  const duplicate = method.result === 'boolean' ? '' : ': DuplicateError';
  const found = (subject: string, expected: string) =>
    findById ? [`expect(${lookedUp(findById, subject)}).toStrictEqual(${expected});`] : [];
  const errors = method.mode === 'create' && method.result !== 'boolean' ? ['DuplicateError'] : [];
  if (method.mode === 'create' && method.list === 'no')
    return withErrors(
      contractCase(
        `${name} stores a new ${aggregate}, and refuses one whose id is stored${duplicate}`,
        [written(`${list}[0]`), ...found(`${list}[0]`, `sample${plural}()[0]`), '', ...refused(`${name}(${list}[0])`)],
        ['list'],
      ),
      errors,
    );
  if (method.mode === 'create')
    return withErrors(
      contractCase(
        `${name} stores new ${plural}, and none of a list in which one id is stored${duplicate}`,
        [
          written(`[${list}[0], ${list}[1]]`),
          ...(method.list === 'either' ? [written(`${list}[2]`)] : []),
          '',
          ...refused(`${name}([${list}[3], ${list}[0]])`),
          ...found(`${list}[1]`, `sample${plural}()[1]`),
          ...(method.list === 'either' ? found(`${list}[2]`, `sample${plural}()[2]`) : []),
          ...(findById && findById.absent !== 'throw' ? [`expect(${lookedUp(findById, `${list}[3]`)}).toBe(${findById.missing});`] : []),
        ],
        ['list'],
      ),
      errors,
    );
  return contractCase(
    `${name} replaces a stored ${aggregate}, and refuses one that is not stored`,
    [
      ...refused(`${name}(${list}[0])`),
      `await subject.repository.${suite.store(`${list}[0]`)};`,
      `const changed = ${suite.replacement};`,
      '',
      written('changed'),
      ...found('changed', 'changed'),
    ],
    ['list'],
  );
}

/** Whether `item` of a list is stored, in memory: never when it has no id yet (bound to a local where read through a call). */
function storedItem(plan: MethodPlan): string {
  if (!plan.itemIdAbsent) return `this.rows.has(${plan.itemIdValue})`;
  if (!plan.itemIdLocal) return `!(${plan.itemIdAbsent}) && this.rows.has(${plan.itemIdValue})`;
  const { name, read } = plan.itemIdLocal;
  return `{ const ${name} = ${read}; return !(${plan.itemIdAbsent}) && this.rows.has(${name}); }`;
}

/** A create of one whose result the database's id is part of: what the insert rebuilt, not the aggregate it took. */
function rebuilt(method: MethodOf<'write'>, repository: { rebuildsOnSave?: boolean }): boolean {
  return (method.result === 'aggregate' || method.result === 'id') && repository.rebuildsOnSave === true;
}

/**
 * What the method resolves to: `true`, the aggregate, its id, or nothing. An id the database assigns is typed as
 * possibly absent: checked before it is returned, which it always is after an insert.
 */
function returned(method: MethodOf<'write'>, written: string, repository: { aggregate: string; idAbsent?: string[] }): string[] {
  if (method.result === 'boolean') return ['return true;'];
  if (method.result === 'aggregate') return [`return ${written};`];
  if (method.result !== 'id') return [];
  if (!repository.idAbsent) return [`return ${written}${method.returnsId ?? ''};`];
  return [
    `const id = ${written}${method.returnsId ?? ''};`,
    `if (${repository.idAbsent.map((absent) => `id === ${absent}`).join(' || ')}) throw new Error('${repository.aggregate}: created without an id');`,
    'return id;',
  ];
}

function withErrors(test: ContractCase, errors: string[]): ContractCase {
  return errors.length > 0 ? { ...test, errors } : test;
}
