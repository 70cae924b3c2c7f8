import { contractCase, lookedUp, type ContractCase, type ContractSuite } from './methods/contract-cases.js';
import { sampleWriter } from './sample-writer.js';
import type { PersistenceModel, RepositoryMethod } from '../src/map/persistence-model.js';

/**
 * How both repositories hand an id the database assigned back to the aggregate: `set` copies it from the saved
 * row, `clear` takes it back when the insert is rolled back. Undefined where the id is not assigned on insert, or
 * the aggregate cannot take it (a save then resolves to the aggregate rebuilt with it).
 */
export function assignIdCode(model: PersistenceModel): { set: string; clear: string } | undefined {
  const generated = model.aggregate.generatedId;
  if (!generated?.writable) return undefined;
  const id = model.fields.find((f) => f.column.primary)!;
  const { variable } = model.names;
  const target = `${variable}.${id.field.name}`;
  return {
    set: `(${variable}, model) => { ${target} = model.${id.column.property}; }`,
    // `delete` only compiles for a property declared with `?`; Reflect also takes `id: number | undefined`. A `set id()`
    // accessor lives on the prototype, where deleting the instance's property does nothing: it is set back through it
    // (Reflect: its setter may be typed without `undefined`, which it held before the save all the same).
    clear: id.field.nullable
      ? `(${variable}) => { ${target} = null; }`
      : generated.accessor
        ? `(${variable}) => { Reflect.set(${variable}, '${id.field.name}', undefined); }`
        : `(${variable}) => { Reflect.deleteProperty(${variable}, '${id.field.name}'); }`,
  };
}

/** What stands for an id not assigned yet (`undefined`, `null`, or both); undefined where the id is not assigned on insert. */
export function absentIdValues(model: PersistenceModel): string[] | undefined {
  if (!model.aggregate.generatedId) return undefined;
  const id = model.fields.find((f) => f.column.primary)!;
  const absent = [...(id.field.optional ? ['undefined'] : []), ...(id.field.nullable ? ['null'] : [])];
  return absent.length > 0 ? absent : ['undefined'];
}

/** The id is assigned on insert and the aggregate cannot take it: a save that returns the aggregate returns one rebuilt with it. */
export function rebuildsOnSave(model: PersistenceModel): boolean {
  return model.aggregate.generatedId !== undefined && !model.aggregate.generatedId.writable;
}

/**
 * What the in-memory twin assigns in place of the database: the next number past the largest stored and the last it
 * assigned (a sequence: the id of a row deleted since is not handed out again), or a random UUID; undefined where the
 * id is not assigned on insert.
 */
export function nextIdCode(
  model: PersistenceModel,
): { next: string; setRow: string; uuid: boolean; assign?: { set: string; clear: string } } | undefined {
  const generated = model.aggregate.generatedId;
  if (!generated) return undefined;
  const id = model.fields.find((f) => f.column.primary)!;
  const assign = assignIdCode(model);
  return {
    next:
      generated.strategy === 'increment'
        ? `(stored, last = 0) => stored.reduce((largest, id) => Math.max(largest, id), last) + 1`
        : '() => randomUUID()',
    setRow: `(row, id) => { row.${id.column.property} = id; }`,
    uuid: generated.strategy === 'uuid',
    ...(assign && { assign }),
  };
}

/**
 * The contract cases of an id the database assigns: two aggregates saved without one get different ids, are found
 * by them, and a save under an assigned id replaces rather than inserts.
 */
export function assignedIdCases(suite: ContractSuite): ContractCase[] {
  const { model, samples, aggregate, findById, findAll } = suite;
  const id = model.fields.find((f) => f.column.primary)!;
  if (!id.column.generated) return [];
  const { method } = sampleWriter(model);
  const returns =
    (method.kind === 'save' && method.returnsAggregate === true) ||
    (method.kind === 'write' && method.result === 'aggregate' && method.list === 'no');
  const absent = { [id.field.name]: { expression: id.field.nullable ? 'null' : 'undefined', stored: null } };
  // Neither set on the aggregate nor on one the writer returns: the id is what the writer resolves to (`create(ticket):
  // Promise<number>`), else the test has no way to it (gen's own save).
  if (!returns && !model.aggregate.generatedId?.writable) return returnedIdCases(suite, method, absent);
  // The aggregate as stored: what the writer resolves to where it returns it, else the one it was given.
  const saved = (name: string, sample: number): string[] =>
    returns
      ? [`const ${name} = await subject.repository.${suite.store(samples.construct(sample, absent))};`]
      : [`const ${name} = ${samples.construct(sample, absent)};`, `await subject.repository.${suite.store(name)};`];
  const found = (subject: string) => (findById ? [`expect(${lookedUp(findById, subject)}).toStrictEqual(${subject});`] : []);
  const cases = [
    contractCase(`gives each ${aggregate} saved without an id the one the database assigns, and finds it by it`, [
      ...saved('first', 0),
      ...saved('second', 1),
      '',
      'expect(assignedId(first)).not.toBe(assignedId(second));',
      ...(id.column.generated === 'uuid'
        ? ['expect(assignedId(first)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);']
        : []),
      ...found('first'),
      ...found('second'),
      ...(!findById && findAll ? [`expect(await subject.repository.${findAll}).toHaveLength(2);`] : []),
    ]),
  ];
  if (id.column.generated === 'increment')
    cases.push(
      contractCase(`assigns an id past the ones ${aggregate} rows were saved with by hand, never one of them`, [
        `const given = ${samples.construct(0)};`,
        `await subject.repository.${suite.store('given')};`,
        ...saved('first', 1),
        '',
        'expect(assignedId(first)).toBeGreaterThan(assignedId(given));',
        ...found('first'),
      ]),
    );
  const remove = model.methods.find((m): m is Extract<RepositoryMethod, { kind: 'delete-by-id' }> => m.kind === 'delete-by-id');
  if (id.column.generated === 'increment' && remove)
    cases.push(
      contractCase(`never assigns again the id of a deleted ${aggregate}, as a database sequence does not`, [
        ...saved('first', 0),
        ...saved('second', 1),
        `await subject.repository.${remove.method.name}(${remove.argument === 'aggregate' ? 'second' : suite.id(remove, 'second')});`,
        ...saved('third', 2),
        '',
        'expect(assignedId(third)).toBeGreaterThan(assignedId(second));',
        ...found('first'),
        ...found('third'),
      ]),
    );
  if (returns && rebuildsOnSave(model))
    cases.push({
      ...contractCase(
        `refuses to save again the ${aggregate} it returned another in place of, which would be a second row: DuplicateError`,
        [
          `const given = ${samples.construct(0, absent)};`,
          `const stored = await subject.repository.${suite.store('given')};`,
          '',
          `await expect(subject.repository.${suite.store('given')}).rejects.toThrow(DuplicateError);`,
          ...found('stored'),
          ...(findAll ? [`expect(await subject.repository.${findAll}).toHaveLength(1);`] : []),
        ],
      ),
      errors: ['DuplicateError'],
    });
  if (suite.replaces)
    cases.push(
      contractCase(`replaces the ${aggregate} saved under an id the database assigned, rather than inserting another`, [
        ...saved('first', 0),
        `const changed = ${samples.construct(1, { [id.field.name]: { expression: 'assignedId(first)', stored: null } })};`,
        `await subject.repository.${suite.store('changed')};`,
        '',
        ...found('changed'),
        ...(findAll ? [`expect(await subject.repository.${findAll}).toHaveLength(1);`] : []),
      ]),
    );
  return cases;
}

/**
 * Where the aggregate cannot take the id the database assigns and the writer resolves to it (`create(ticket):
 * Promise<number>`): two aggregates created without one resolve to different ids, and each is found by the one it
 * resolved to, holding it.
 */
function returnedIdCases(
  suite: ContractSuite,
  method: ReturnType<typeof sampleWriter>['method'],
  absent: Record<string, { expression: string; stored: null }>,
): ContractCase[] {
  const { model, samples, aggregate, findById, findAll } = suite;
  const id = model.fields.find((f) => f.column.primary)!;
  const returned =
    (method.kind === 'save' && method.returnsId) ||
    (method.kind === 'write' && method.result === 'id' && method.list === 'no' && method.returnsId);
  // An id read inside the id field's value (`.id.value`) is not what the field holds: no sample can be rebuilt with it.
  if (!returned || returned !== id.field.access) return [];
  const created = (name: string, sample: number): string[] => [
    `const ${name} = ${samples.construct(sample, absent)};`,
    `const ${name}Id = await subject.repository.${suite.store(name)};`,
  ];
  const holding = (name: string, sample: number) =>
    samples.construct(sample, { [id.field.name]: { expression: `${name}Id`, stored: null } });
  const found = (name: string, sample: number) =>
    findById
      ? [
          `expect(${findById.read(`await subject.repository.${findById.name}(${findById.idValue(`${name}Id`)})`)}).toStrictEqual(${holding(name, sample)});`,
        ]
      : [];
  return [
    contractCase(`resolves each ${aggregate} created without an id to the one the database assigns, and finds it by it`, [
      ...created('first', 0),
      ...created('second', 1),
      '',
      'expect(firstId).not.toBe(secondId);',
      ...(id.column.generated === 'uuid'
        ? ['expect(firstId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);']
        : []),
      ...found('first', 0),
      ...found('second', 1),
      ...(!findById && findAll ? [`expect(await subject.repository.${findAll}).toHaveLength(2);`] : []),
    ]),
  ];
}
