import type { FieldMapping, PersistenceModel, RepositoryMethod } from '../src/map/persistence-model.js';
import { argumentValue } from '../src/render/conversions.js';

/** What both repositories need to know about one port method, in the terms of the ORM model. */
export interface MethodPlan {
  kind: RepositoryMethod['kind'];
  name: string;
  /** Name of the first parameter (the aggregate or the id). */
  argument: string;
  /** Expression for the id's stored value, where the method takes an id or an aggregate. */
  idValue: string;
  /** For derived queries: OR of AND-groups of conditions on model properties. */
  where: { property: string; value: string; mapping: FieldMapping }[][];
  result: 'one' | 'many' | 'none';
  absent: 'null' | 'undefined';
}

export function planMethod(method: RepositoryMethod, model: PersistenceModel): MethodPlan {
  const id = model.fields.find((f) => f.column.primary)!;
  const argument = method.method.parameters[0]?.name ?? '';
  const idValue =
    method.kind === 'delete-by-id' && method.argument === 'aggregate' ? argumentValue(`${argument}.${id.field.name}`, id) : argumentValue(argument, id);
  const plan: MethodPlan = { kind: method.kind, name: method.method.name, argument, idValue, where: [], result: 'none', absent: 'null' };
  if (method.kind === 'find-by-id') plan.absent = method.absent;
  if (method.kind === 'derived') {
    plan.result = method.query.result;
    plan.absent = method.query.absent;
    plan.where = method.query.where.map((group) =>
      group.map((condition) => {
        const mapping = model.fields.find((f) => f.field.name === condition.field)!;
        const parameter = method.method.parameters[condition.parameter]!;
        return { property: mapping.column.property, value: argumentValue(parameter.name, mapping), mapping };
      }),
    );
  }
  return plan;
}
