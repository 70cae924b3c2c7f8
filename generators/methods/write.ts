import { refusal, type MethodEmitter, type MethodOf } from './method-emitter.js';

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
    return [...lines, ...result(method.result, plan.argument)];
  },
  memory: (method, plan) => {
    const lines: string[] = [];
    const all = plan.write!.all;
    if (method.mode === 'update') {
      lines.push(
        `this.aggregates.checkAll([${plan.argument}]);`,
        `if (!this.rows.has(${plan.idValue})) ${refusal(plan, plan.idValue)}`,
        `this.aggregates.save([${plan.argument}]);`,
      );
    } else if (method.list === 'no') {
      if (method.result === 'boolean')
        lines.push(`this.aggregates.checkAll([${plan.argument}]);`, `if (this.rows.has(${plan.idValue})) return false;`);
      lines.push(`this.aggregates.insert([${plan.argument}]);`);
    } else {
      if (method.list === 'either') lines.push(`const all = Array.isArray(${plan.argument}) ? ${plan.argument} : [${plan.argument}];`);
      if (method.result === 'boolean')
        lines.push(`this.aggregates.checkAll(${all});`, `if (${all}.some((item) => this.rows.has(${plan.itemIdValue}))) return false;`);
      lines.push(`this.aggregates.insert(${all});`);
    }
    return [...lines, ...result(method.result, plan.argument)];
  },
  imports: (method) => ({
    typeorm: method.mode === 'create' && method.result === 'boolean' ? { persistenceErrors: ['DuplicateError'] } : {},
  }),
  planRow: (method) =>
    method.mode === 'create'
      ? `CRUD: written as \`save\` writes a new aggregate, after a primary-key lookup: an id already stored ${method.result === 'boolean' ? 'resolves to `false`' : 'rejects'}${method.list === 'no' ? '' : ' (a list is written only if every id is new)'}`
      : `CRUD: written as \`save\` writes it, after a primary-key lookup: an id not stored ${method.result === 'boolean' ? 'resolves to `false`' : 'rejects'}`,
};

function result(kind: 'void' | 'aggregate' | 'boolean', argument: string): string[] {
  if (kind === 'boolean') return ['return true;'];
  return kind === 'aggregate' ? [`return ${argument};`] : [];
}
