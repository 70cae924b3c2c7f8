import type { FieldMapping, PersistenceModel, RepositoryMethod } from '../../src/map/persistence-model.js';
import { argumentValue, isNarrowable } from '../../src/render/conversions.js';
import { tsLiteral } from '../../src/render/ts-literal.js';
import { dynamicMethodPlan } from '../dynamic-queries.js';
import { absentCases } from '../option-wrapper.js';
import { columnChecksName } from '../value-checks.js';
import { derivedChecks, derivedPlan } from './derived-query.js';
import { fieldWritePlan } from './field-write.js';
import { listValue, orderLiteral, pageAccess, pageOption, sliceBounds, type MethodPlan } from './method-plan.js';

/**
 * How one port method is implemented, as TypeScript expressions both repositories' bodies use: its argument, its ids,
 * the checks both run first; a derived query's find options and predicate (derived-query.ts).
 */
export function planMethod(method: RepositoryMethod, model: PersistenceModel): MethodPlan {
  const id = model.fields.find((f) => f.column.primary)!;
  const argument = method.method.parameters[0]?.name ?? '';
  // A parameter is unwrapped by its own type: a ProductId for a primitives-style `id: string` too.
  // `findById(id: any)` (map-feature.ts takes it for the id): the id as the aggregate types it.
  const declared = method.method.parameters[0]?.use.type;
  const argumentType = declared === undefined || declared.kind === 'unknown' ? id.field.type : declared;
  const byId = orderLiteral([{ mapping: id, direction: 'asc' }]);
  const takesAggregate =
    ((method.kind === 'delete-by-id' || method.kind === 'exists-by-id') && method.argument === 'aggregate') ||
    method.kind === 'write' ||
    method.kind === 'save';
  const plan: MethodPlan = {
    kind: method.kind,
    name: method.method.name,
    argument,
    idValue: takesAggregate ? argumentValue(`${argument}${id.field.access}`, id.field.type) : argumentValue(argument, argumentType),
    idValues: listValue(argument, argumentType, 'id'),
    result: 'none',
    absent: 'null',
    findOptions: [`order: ${byId}`],
    predicate: 'true',
    typeormImports: [],
    sqlSupportImports: [],
    memorySupportImports: [],
    first: false,
    paged: false,
    found: (expression) => expression,
    missing: 'null',
    itemIdValue: argumentValue(`item${id.field.access}`, id.field.type),
    ...(id.column.generated && takesAggregate ? assignedIdTests(argument, id) : {}),
    returnsAggregate: method.kind === 'save' && method.returnsAggregate === true,
    reports: method.kind === 'delete-by-id' && method.reports === true,
    checks: [],
    checkImports: [],
  };
  const columns = columnChecksName(model);
  const argumentCheck = (field: string, property: string, value: string) => {
    if (!plan.checkImports.includes('checkArgument')) plan.checkImports.push('checkArgument');
    return `checkArgument(${tsLiteral(plan.name)}, ${columns}, ${tsLiteral(property)}, ${value}${field === property ? '' : `, ${tsLiteral(field)}`});`;
  };
  const checkArgument = (field: string, property: string, value: string) => {
    plan.checks.push(argumentCheck(field, property, value));
  };
  const checkText = (field: string, value: string) => {
    plan.checks.push(`checkText(${tsLiteral(plan.name)}, ${tsLiteral(field)}, ${value});`);
    if (!plan.checkImports.includes('checkText')) plan.checkImports.push('checkText');
  };
  const checkPage = (value: string, least = 0) => {
    const field = value.slice(value.lastIndexOf('.') + 1);
    plan.checks.push(`checkPage(${tsLiteral(plan.name)}, ${tsLiteral(field)}, ${value}${least === 0 ? '' : `, ${least}`});`);
    if (!plan.checkImports.includes('checkPage')) plan.checkImports.push('checkPage');
  };
  const byIdArgument =
    (method.kind === 'find-by-id' || method.kind === 'exists-by-id' || method.kind === 'delete-by-id') &&
    !('argument' in method && method.argument === 'aggregate');
  if (byIdArgument) checkArgument(id.field.name, id.column.property, plan.idValue);
  if (method.kind === 'find-by-ids') checkArgument(id.field.name, id.column.property, plan.idValues);
  if (method.kind === 'write') {
    const all = method.list === 'either' ? 'all' : argument;
    plan.write = {
      mode: method.mode,
      list: method.list,
      result: method.result,
      all,
      failure: `${model.names.aggregate} ${method.mode === 'create' ? 'already exists' : 'not found'}`,
    };
  }
  if (method.kind === 'field-write') {
    plan.fieldWrite = fieldWritePlan(method, model);
    // The id an update loads, checked as a lookup checks it (an optional member once known to be there: both
    // repositories then reject an id the column could not hold alike, where the database would throw a driver error).
    const { idValue, idMissing } = plan.fieldWrite;
    if (idValue && idMissing) plan.fieldWrite.idCheck = argumentCheck(id.field.name, id.column.property, idValue);
    else if (idValue) checkArgument(id.field.name, id.column.property, idValue);
  }
  if (method.kind === 'find-by-id') plan.absent = method.absent;
  if (method.kind === 'find-by-ids') plan.typeormImports.push('In');
  if (method.kind === 'find-all' && method.page) {
    const page = pageAccess(method.method, method.page.parameter);
    plan.findOptions.push(pageOption('skip', `${page}${method.page.skip}`), pageOption('take', `${page}${method.page.take}`));
    plan.slice = sliceBounds(`${page}${method.page.skip}`, `${page}${method.page.take}`);
    plan.paged = true;
    checkPage(`${page}${method.page.skip}`);
    checkPage(`${page}${method.page.take}`);
  }
  if (method.kind === 'derived') {
    derivedChecks(method, model, { argument: checkArgument, text: checkText, page: checkPage });
    Object.assign(plan, derivedPlan(method.method, method.query, model, plan));
    if (method.unlessAbsent) plan.unfiltered = planMethod({ kind: 'find-all', method: method.method }, model);
  }
  Object.assign(plan, absentCases(method.method, plan.absent));
  const dynamic = dynamicMethodPlan(method, model);
  if (dynamic) Object.assign(plan, { dynamic, paged: true });
  return plan;
}

/**
 * `order.id === undefined`: an id the database assigns is absent until the aggregate is first saved. Read through a
 * call (`order.getId()`), the test would not narrow it: both test a local bound to it (see MethodPlan.idLocal).
 */
function assignedIdTests(argument: string, id: FieldMapping): Partial<MethodPlan> {
  const read = `${argument}${id.field.access}`;
  if (isNarrowable(read)) return { idAbsent: absentTest(read, id), itemIdAbsent: absentTest(`item${id.field.access}`, id) };
  // Ids the database assigns are numbers or strings (aggregate-reader.ts): the local is the stored value itself.
  const name = `${argument}Id`;
  return {
    idLocal: { name, read },
    idValue: name,
    idAbsent: absentTest(name, id),
    itemIdLocal: { name: 'itemId', read: `item${id.field.access}` },
    itemIdAbsent: absentTest('itemId', id),
  };
}

/** `order.id === undefined`: the test that an id the database assigns is absent. */
function absentTest(access: string, id: FieldMapping): string {
  return [...(id.field.optional ? [`${access} === undefined`] : []), ...(id.field.nullable ? [`${access} === null`] : [])].join(' || ');
}
