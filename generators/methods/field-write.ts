import type { FieldMapping, PersistenceModel } from '../../src/map/persistence-model.js';
import type { FieldModel } from '../../src/model/domain-model.js';
import { argumentValue, rehydrationCall, wrappedTypes, type MemberValue } from '../../src/render/conversions.js';
import type { ImportSet } from '../../src/render/imports.js';
import type { ModuleSpecifiers } from '../../src/render/module-specifiers.js';
import { addDomainTypeImports } from '../domain-imports.js';
import { addAggregateImport } from '../port-signature.js';
import { contractCase, lookedUp, type ContractCase, type ContractSuite } from './contract-cases.js';
import type { MethodEmitter, MethodOf } from './method-emitter.js';
import type { FieldWritePlan } from './method-plan.js';

type FieldWrite = MethodOf<'field-write'>;

export function fieldWritePlan(method: FieldWrite, model: PersistenceModel): FieldWritePlan {
  const { aggregate } = model;
  const idField = aggregate.fields.find((f) => f.name === aggregate.idField)!;
  const given = new Map(method.given.map((g) => [g.field, g]));
  const version = method.mode === 'update' ? versionMember(model) : undefined;
  const absentValue = (field: FieldModel) => (field.optional ? 'undefined' : 'null');
  const valueOf = (name: string): string => {
    const field = aggregate.fields.find((f) => f.name === name)!;
    const value = given.get(name);
    if (method.mode === 'update') {
      const current = `current${field.access}`;
      // The aggregate's own version: never written from the changes (compared with them), one past the stored one.
      if (name === version?.name) return `${version.optional || version.nullable ? `(${current} ?? 0)` : current} + 1`;
      if (name === idField.name || !value) return current;
      if (!value.optional) return value.value;
      // A change to null is a change: only an absent (undefined) member keeps the stored value.
      return field.nullable ? `(${value.value} === undefined ? ${current} : ${value.value})` : `(${value.value} ?? ${current})`;
    }
    if (value) return value.optional && !field.optional ? `(${value.value} ?? null)` : value.value;
    if (name === idField.name && method.id.from === 'uuid')
      return idField.type.kind === 'value-object'
        ? rehydrationCall(idField.type.name, idField.type.rehydration, () => 'randomUUID()')
        : 'randomUUID()';
    return absentValue(field);
  };
  // A member declared with `?` takes no `undefined` under exactOptionalPropertyTypes: left out when absent.
  const memberOf = (name: string): MemberValue => {
    const value = valueOf(name);
    if (value === 'undefined') return { omit: true };
    const field = aggregate.fields.find((f) => f.name === name)!;
    return field.optional ? { when: `${value} === undefined`, value } : value;
  };
  const build = rehydrationCall(aggregate.name, aggregate.rehydration, valueOf, memberOf);
  const id = method.id;
  const idValue = id.from === 'parameter' ? argumentValue(id.value, id.type) : undefined;
  const failure = (shown: string) => `throw new Error(\`${aggregate.name} not found: ${shown}\`);`;
  const absent = method.absent === 'throw' ? failure(`\${${idValue ?? "''"}}`) : `return ${method.absent};`;
  const generated = model.fields.find((f) => f.column.primary)!;
  return {
    build,
    type: aggregate.name,
    ...(idValue === undefined ? {} : { idValue }),
    // Changes that carry no id: said so, not 'not found: undefined'.
    ...(id.from === 'parameter' && id.optional
      ? {
          idMissing: `if (${id.value} === undefined) ${
            method.absent === 'throw' ? `throw new Error('${aggregate.name} not found: no ${idField.name} given');` : absent
          }`,
        }
      : {}),
    absent,
    ...(version && given.has(version.name)
      ? { versionCheck: versionCheck(aggregate.name, given.get(version.name)!.value, version, idValue) }
      : {}),
    idAccess: idField.access,
    ...(generated.column.generated
      ? { idAbsent: [...(idField.optional ? ['undefined'] : []), ...(idField.nullable ? ['null'] : [])] }
      : {}),
  };
}

/**
 * A number member named `version` (not the id): the aggregate's own optimistic-concurrency counter, which an update
 * from fields compares with the one the changes carry rather than writes over the stored one.
 */
export function versionMember(model: PersistenceModel): FieldModel | undefined {
  const { aggregate } = model;
  return aggregate.fields.find(
    (f) => f.name === 'version' && f.name !== aggregate.idField && f.type.kind === 'primitive' && f.type.primitive === 'number' && !f.list,
  );
}

/** Rejects, as a stale save does, changes made to a version other than the one stored; a change without one is not checked. */
function versionCheck(aggregate: string, given: string, version: FieldModel, idValue: string | undefined): string {
  const stored = `current${version.access}`;
  const actual = version.optional || version.nullable ? `${stored} ?? 0` : stored;
  // An absent stored version reads as 0, as the error reports it; a null given (`version: number | null`) is no check.
  return `if (${given} != null && ${given} !== ${version.optional || version.nullable ? `(${actual})` : actual}) throw new ConcurrencyError('${aggregate}', ${idValue ?? "''"}, ${given}, ${actual});`;
}

/** randomUUID, the aggregate as a value (a class built here) and the value objects its rebuild builds. */
export function addFieldWriteImports(imports: ImportSet, specifiers: ModuleSpecifiers, fromFile: string, model: PersistenceModel): void {
  const writes = model.methods.filter((m): m is FieldWrite => m.kind === 'field-write');
  if (writes.length === 0) return;
  const { aggregate } = model;
  const idField = aggregate.fields.find((f) => f.name === aggregate.idField)!;
  if (writes.some((m) => m.mode === 'create' && m.id.from === 'uuid')) {
    imports.add('node:crypto', 'randomUUID');
    if (idField.type.kind === 'value-object')
      addDomainTypeImports(imports, specifiers, fromFile, [idField.type], { valueObjects: 'value', enums: 'type' });
  }
  if (aggregate.style === 'record') return;
  addAggregateImport(imports, specifiers, fromFile, aggregate);
  addDomainTypeImports(imports, specifiers, fromFile, wrappedTypes(aggregate.rehydration), { valueObjects: 'value', enums: 'type' });
}

/** What it resolves to: nothing, the aggregate, or its id (checked first where the database assigns it). */
function resolved(method: FieldWrite, plan: FieldWritePlan, written: string): string[] {
  if (method.result === 'aggregate') return [`return ${written};`];
  if (method.result === 'void') return [];
  if (!plan.idAbsent?.length) return [`return ${written}${plan.idAccess};`];
  return [
    `const id = ${written}${plan.idAccess};`,
    `if (${plan.idAbsent.map((absent) => `id === ${absent}`).join(' || ')}) throw new Error('${plan.type}: saved without an id');`,
    'return id;',
  ];
}

/**
 * `create(title)`, `create(dto)`: the aggregate built from the fields given (the others absent, the id made or left to
 * the database), inserted as `insert` inserts (a stored id is a DuplicateError). `update(id, changes)`: the stored
 * aggregate loaded, the changes given (defined members) laid over its fields, saved as `save` saves what it loaded
 * (the version it loaded is checked). An id not stored resolves to null/undefined where the port allows, else rejects.
 */
export const fieldWrite: MethodEmitter<FieldWrite> = {
  typeorm: (method, plan, repository) => {
    const write = plan.fieldWrite!;
    const store = `this.${repository.store}`;
    if (method.mode === 'create')
      return [
        `const built: ${write.type} = ${write.build};`,
        '// A plain INSERT: an id stored already, even by a concurrent writer, is a DuplicateError, never overwritten.',
        `const [created = built] = await ${store}.insert([built]);`,
        ...resolved(method, write, 'created'),
      ];
    return [
      ...(write.idMissing ? [write.idMissing] : []),
      ...(write.idCheck ? [write.idCheck] : []),
      ...(repository.rows
        ? [`const [model] = await this.rows.byIds([${write.idValue}]);`]
        : [`const model = await this.orm.findOneBy({ ${repository.idProperty}: ${write.idValue} });`]),
      `if (!model) ${write.absent}`,
      'const current = this.loaded(model);',
      ...(write.versionCheck ? [write.versionCheck] : []),
      `const updated: ${write.type} = ${write.build};`,
      '// Saved as the one loaded, changed: only what changed is written, if the version loaded is still stored.',
      'this.remember(updated, current);',
      `await ${store}.save([updated]);`,
      ...(method.result === 'aggregate' ? ['return updated;'] : []),
    ];
  },
  memory: (method, plan) => {
    const write = plan.fieldWrite!;
    if (method.mode === 'create')
      return [
        `const built: ${write.type} = ${write.build};`,
        'const [created = built] = this.aggregates.insert([built]);',
        ...resolved(method, write, 'created'),
      ];
    return [
      ...(write.idMissing ? [write.idMissing] : []),
      ...(write.idCheck ? [write.idCheck] : []),
      `const model = this.rows.get(${write.idValue});`,
      `if (!model) ${write.absent}`,
      'const current = this.aggregates.load(model);',
      ...(write.versionCheck ? [write.versionCheck] : []),
      `const updated: ${write.type} = ${write.build};`,
      'this.aggregates.remember(updated, current);',
      'this.aggregates.save([updated]);',
      ...(method.result === 'aggregate' ? ['return updated;'] : []),
    ];
  },
  planRow: (method, model) => {
    const version = method.mode === 'update' ? versionMember(model) : undefined;
    const fields = method.given
      .filter((g) => g.field !== version?.name)
      .map((g) => `\`${g.field}\``)
      .join(', ');
    if (method.mode === 'create') {
      const id =
        method.id.from === 'database'
          ? 'the id the database assigns'
          : method.id.from === 'uuid'
            ? 'a new random UUID as its id'
            : 'the id given (an id already stored rejects: DuplicateError)';
      return `CRUD from fields: a new ${model.aggregate.name} of ${fields} (the other fields absent) and ${id}, inserted as \`insert\` inserts`;
    }
    const absent = method.absent === 'throw' ? 'rejects' : `resolves to \`${method.absent}\``;
    const merge = !version
      ? '; the merge is last-writer-wins per field: the aggregate has no `version` member for a client to send back, so a change made to a state since overwritten is applied all the same'
      : method.given.some((g) => g.field === version.name)
        ? `; a \`${version.name}\` given is compared with the stored one, never written (another rejects: ConcurrencyError, nothing written), and the stored one is incremented`
        : `; the stored \`${version.name}\` is incremented`;
    return `CRUD from fields: loads the ${model.aggregate.name} by primary key, lays the given (defined) ${fields} over it, keeps its id and saves it as \`save\` saves what it loaded (an UPDATE of what changed, its version checked); an id not stored ${absent}${merge}`;
  },
  imports: (_method, plan) => {
    const errors = plan.fieldWrite?.versionCheck ? { persistenceErrors: ['ConcurrencyError'] } : {};
    return { typeorm: errors, memory: errors };
  },
  testCases: (method, suite) => (method.mode === 'create' ? [createCase(method, suite)] : updateCases(method, suite)),
};

/** A field's mapping, for its sample values. */
function mappingOf(suite: ContractSuite, field: string): FieldMapping | undefined {
  return suite.model.fields.find((f) => f.field.name === field);
}

/** The call of the writer with sample `index`'s values of the fields it takes. */
function callWith(method: FieldWrite, suite: ContractSuite, sample: string, fields: string[]): string {
  const { aggregate } = suite.model;
  const access = (field: string) => `${sample}${aggregate.fields.find((f) => f.name === field)!.access}`;
  const params = method.method.parameters;
  const object = params[params.length - 1];
  if (!object?.members) return `subject.repository.${method.method.name}(${fields.map(access).join(', ')})`;
  const members = fields.map((field) => {
    const member = object.members!.find((m) => m.name === field)!;
    const model = aggregate.fields.find((f) => f.name === field)!;
    const value = access(field);
    // A member without `?` of a field that may be absent: not what a sample of this case holds (they are chosen below).
    return member.optional && model.optional ? `...(${value} === undefined ? {} : { ${field}: ${value} })` : `${field}: ${value}`;
  });
  return `subject.repository.${method.method.name}({ ${members.join(', ')} })`;
}

/**
 * An id of the id's own type that its column could not hold (support/value-checks.ts): a fraction for an integer
 * column, a NUL character for a text one; undefined for an id of another type or column, or one a value object wraps.
 */
function unholdableId(model: PersistenceModel): string | undefined {
  const id = model.fields.find((f) => f.column.primary)!;
  if (id.conversion.kind !== 'plain' || id.field.type.kind !== 'primitive') return undefined;
  if (id.column.kind === 'integer' && id.field.type.primitive === 'number') return '0.5';
  if (id.column.kind === 'string' && id.field.type.primitive === 'string') return "'a\\u0000b'";
  return undefined;
}

/** Builds a new aggregate from sample 0's fields, and finds it stored with them. */
function createCase(method: FieldWrite, suite: ContractSuite): ContractCase {
  const { aggregate, list, findById, model } = suite;
  const name = method.method.name;
  const fields = method.given.map((g) => g.field);
  const call = callWith(method, suite, `${list}[0]`, fields);
  const access = (field: string) => model.aggregate.fields.find((f) => f.name === field)!.access;
  const idField = model.aggregate.idField;
  const compared = fields.filter((f) => f !== idField);
  const expectFields = (subject: string) => compared.map((f) => `expect(${subject}${access(f)}).toStrictEqual(${list}[0]${access(f)});`);
  const lines: string[] = [];
  if (method.result === 'aggregate') {
    lines.push(`const created = await ${call};`, '', ...expectFields('created'));
    if (findById) lines.push(`expect(${lookedUp(findById, 'created')}).toStrictEqual(created);`);
  } else if (method.result === 'id' && findById) {
    lines.push(
      `const id = await ${call};`,
      '',
      `const found = ${findById.read(`await subject.repository.${findById.name}(id)`)};`,
      ...expectFields('found?'),
    );
  } else if (suite.findAll) {
    lines.push(`await ${call};`, '', `const [found] = await subject.repository.${suite.findAll};`, ...expectFields('found?'));
  } else lines.push(`await ${call};`);
  const errors: string[] = [];
  if (method.id.from === 'given') {
    lines.push(
      '',
      `const duplicate = ${call};`,
      'await expect(duplicate).rejects.toThrow(DuplicateError);',
      `await expect(duplicate).rejects.toThrow('${aggregate} ${suite.idText(0)} already exists');`,
    );
    errors.push('DuplicateError');
  }
  const test = contractCase(`${name} builds a new ${aggregate} of the fields it takes, and stores it`, lines, ['list']);
  return errors.length > 0 ? { ...test, errors } : test;
}

/** Changes one field of a stored aggregate, keeps another; an id not stored gives what the port says. */
function updateCases(method: FieldWrite, suite: ContractSuite): ContractCase[] {
  const { aggregate, list, findById, model, samples } = suite;
  const generated = model.aggregate.generatedId;
  // A sample whose id the database assigns and the aggregate cannot take keeps none after it is stored.
  if (generated && !generated.writable) return [];
  const name = method.method.name;
  const fields = model.aggregate.fields;
  const differs = (field: string) => {
    const mapping = mappingOf(suite, field);
    return mapping !== undefined && samples.value(mapping, 0).expression !== samples.value(mapping, 1).expression;
  };
  // The aggregate's own version is compared and incremented, never laid over the stored one (the case below).
  const version = versionMember(model);
  const candidates = method.given
    .map((g) => fields.find((f) => f.name === g.field)!)
    .filter((f) => f.name !== version?.name && differs(f.name));
  const changed = candidates.find((f) => !f.optional && !f.nullable) ?? candidates[0];
  if (!changed) return [];
  const kept = fields.find(
    (f) => f.name !== changed.name && f.name !== model.aggregate.idField && f.name !== version?.name && differs(f.name),
  );
  const params = method.method.parameters;
  const object = params[params.length - 1];
  const member = object?.members?.find((m) => m.name === changed.name);
  const value = `${list}[1]${changed.access}`;
  const change =
    member?.optional && changed.optional ? `...(${value} === undefined ? {} : { ${changed.name}: ${value} })` : `${changed.name}: ${value}`;
  const idMember = model.aggregate.idField;
  const idAccess = fields.find((f) => f.name === idMember)!.access;
  const callWithId = (idValue: string, changes = change) =>
    params.length === 2
      ? `subject.repository.${name}(${idValue}, { ${changes} })`
      : // The id member is typed as the field (crud-vocabulary.ts): read as the lookups read it.
        `subject.repository.${name}({ ${idMember}: ${idValue}, ${changes} })`;
  const call = (subject: string, missing: boolean, changes = change) =>
    callWithId(missing ? suite.missingId(method) : suite.id(method, subject), changes);
  const read = (subject: string) => (findById ? lookedUp(findById, subject) : undefined);
  const lines = [`await subject.repository.${suite.store(`${list}[0]`)};`, '', `const updated = await ${call(`${list}[0]`, false)};`, ''];
  const found = read(`${list}[0]`);
  if (found) lines.push(`const found = ${found};`);
  const subjects = [...(method.result === 'aggregate' ? ['updated'] : []), ...(found ? ['found'] : [])];
  if (method.result !== 'aggregate') lines[2] = `await ${call(`${list}[0]`, false)};`;
  for (const subject of subjects) {
    lines.push(`expect(${subject}?${changed.access}).toStrictEqual(${value});`);
    if (kept) lines.push(`expect(${subject}?${kept.access}).toStrictEqual(${list}[0]${kept.access});`);
    lines.push(`expect(${subject}?${idAccess}).toStrictEqual(${list}[0]${idAccess});`);
  }
  const cases = [contractCase(`${name} changes the fields it is given of a stored ${aggregate} and keeps the others`, lines, ['list'])];
  if (version && method.given.some((g) => g.field === version.name) && found) {
    const stored = `${list}[0]${version.access}`;
    const base = version.optional || version.nullable ? `(${stored} ?? 0)` : stored;
    cases.push({
      ...contractCase(
        `${name} compares the ${version.name} it is given with the stored one: another rejects, writing nothing (ConcurrencyError); the same one is incremented`,
        [
          `await subject.repository.${suite.store(`${list}[0]`)};`,
          '',
          `await expect(${call(`${list}[0]`, false, `${version.name}: ${base} + 1, ${change}`)}).rejects.toThrow(ConcurrencyError);`,
          `expect(${found}).toStrictEqual(${list}[0]);`,
          '',
          `await ${call(`${list}[0]`, false, `${version.name}: ${base}, ${change}`)};`,
          `const found = ${found};`,
          `expect(found?${changed.access}).toStrictEqual(${value});`,
          `expect(found?${version.access}).toBe(${base} + 1);`,
        ],
        ['list'],
      ),
      errors: ['ConcurrencyError'],
    });
  }
  const unholdable = unholdableId(model);
  if (unholdable)
    cases.push({
      ...contractCase(`${name} rejects an id its column could not hold, in both: InvalidValueError`, [
        `const updating = ${callWithId(unholdable)};`,
        'await expect(updating).rejects.toThrow(InvalidValueError);',
        `await expect(updating).rejects.toMatchObject({ subject: '${name}', field: '${idMember}' });`,
      ]),
      errors: ['InvalidValueError'],
    });
  const missingCall = call(`${list}[0]`, true);
  cases.push(
    method.absent === 'throw'
      ? contractCase(`${name} rejects an id that was never stored, naming it`, [
          `await expect(${missingCall}).rejects.toThrow('${aggregate} not found: ${suite.idText('missing')}');`,
        ])
      : contractCase(`${name} resolves to ${method.absent} for an id that was never stored`, [
          `expect(await ${missingCall}).toBe(${method.absent});`,
        ]),
  );
  return cases;
}
