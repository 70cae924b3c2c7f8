import type { FieldMapping } from '../../src/map/persistence-model.js';
import type { PortParameter, ValueType } from '../../src/model/domain-model.js';
import { rehydrationCall } from '../../src/render/conversions.js';

/**
 * A port parameter that is a single-value object over what a field stores (a primitives-style aggregate's
 * `name: string` queried with a `ProductName`): the tests build it around the field's value. A primitive parameter
 * for a value-object field (`exists(userId: string)` of a `UserId`) is given the value inside, and so is a branded
 * primitive parameter for a value object wrapping it (`findByCode(code: OtpCode)` of an `OtpCodeVo`).
 */
export function asParameter(expression: string, parameter: ValueType | undefined, field: FieldMapping): string {
  const inside = field.field.type.kind === 'value-object' && field.field.type.brand !== true ? field.field.type : undefined;
  if (inside && (parameter?.kind === 'primitive' || (parameter?.kind === 'value-object' && parameter.brand === true)))
    return `${expression}${inside.valueAccess}`;
  return parameter && wraps(parameter, field) ? rehydrationCall(parameter.name, parameter.rehydration, () => expression) : expression;
}

export function wraps(parameter: ValueType, field: FieldMapping): parameter is Extract<ValueType, { kind: 'value-object' }> {
  return parameter.kind === 'value-object' && field.field.type.kind === 'primitive';
}

/**
 * `{ limit: 2, offset: 1 }`: the second and third rows. With `firstPage` (`skip` is a page number counted from it), the
 * first page: `{ perPage: 2, page: 0 }` or `{ perPage: 2, page: 1 }`, the first two rows. A repository counting from the
 * other first page skips two rows (or starts at page −1), so the case pins the project's first page wherever a row matches
 * (a later page of the few samples a filter keeps is empty however pages are counted).
 */
export function pageCase(take: string, skip: string, firstPage?: 0 | 1 | false) {
  if (firstPage === undefined || firstPage === false) return { expression: `{ ${take}: 2, ${skip}: 1 }`, skip: 1, take: 2 };
  return { expression: `{ ${take}: 2, ${skip}: ${firstPage} }`, skip: 0, take: 2 };
}

/** An argument as the method takes it: `{ id: x }` for a parameter declared as the pattern `{ id }`. */
export function passed(expression: string, parameter: PortParameter | undefined): string {
  const member = parameter?.destructured?.member;
  return member === undefined ? expression : `{ ${member}: ${expression} }`;
}
