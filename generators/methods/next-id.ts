import type { PersistenceModel } from '../../src/map/persistence-model.js';
import type { ImportSet } from '../../src/render/imports.js';
import type { ModuleSpecifiers } from '../../src/render/module-specifiers.js';
import { rehydrationCall } from '../../src/render/conversions.js';
import { addDomainTypeImports } from '../domain-imports.js';
import { contractCase } from './contract-cases.js';
import type { MethodEmitter, MethodOf } from './method-emitter.js';

/** `nextId()`: a new random UUID, as the id's own type (newIdExpression). */
export const nextId: MethodEmitter<MethodOf<'next-id'>> = {
  typeorm: (_method, _plan, repository) => [`return ${repository.newId!};`],
  memory: (_method, _plan, repository) => [`return ${repository.newId!};`],
  planRow: () => 'CRUD: a new random UUID (no database access)',
  testCases: (method) => {
    const call = `${method.method.async ? 'await ' : ''}subject.repository.${method.method.name}()`;
    return [
      contractCase(
        'hands out a new id each time',
        [`const first = ${call};`, `const second = ${call};`, '', 'expect(first).not.toStrictEqual(second);'],
        [],
        method.method.async,
      ),
    ];
  },
};

/** `new OrderId(randomUUID())`, the body of a nextId method, with what it imports (both repositories). */
export function newIdExpression(model: PersistenceModel, imports: ImportSet, specifiers: ModuleSpecifiers, fromFile: string): string {
  // What nextId returns: the id's own type, or a value object wrapping a primitives-style id.
  const type =
    model.methods.find((m) => m.kind === 'next-id')?.method.returns.type ?? model.fields.find((f) => f.column.primary)!.field.type;
  imports.add('node:crypto', 'randomUUID');
  addDomainTypeImports(imports, specifiers, fromFile, [type], { valueObjects: 'value', enums: 'type' });
  return type.kind === 'value-object' ? rehydrationCall(type.name, type.rehydration, () => 'randomUUID()') : 'randomUUID()';
}
