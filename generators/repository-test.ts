import pluralize from 'pluralize';
import type { FieldMapping, PersistenceModel, RepositoryMethod } from '../src/map/persistence-model.js';
import type { ValueType } from '../src/model/domain-model.js';
import type { Artifact, GeneratorContext } from '../src/render/artifact.js';
import { testApiModule } from './test-api.js';
import { toColumnValue, wrappedArguments } from '../src/render/conversions.js';
import { modelPropertyType } from '../src/map/column-types.js';
import { absentIdValues, assignedIdCases } from './assigned-id.js';
import { tsLiteral } from '../src/render/ts-literal.js';
import { addCollectionImports, addDomainTypeImports } from './domain-imports.js';
import { entityLoadingImports } from './entity-schema.js';
import { concurrentWriters, type ConcurrentWriters } from './concurrent-writers.js';
import { addAggregateImport, addPortImports, portArguments } from './port-signature.js';
import { addOptionImports } from './option-wrapper.js';
import { sampleWriter, subjectType } from './sample-writer.js';
import { asParameter, passed, wraps } from './methods/test-arguments.js';
import { suiteQueries, type SuiteQuery } from './methods/derived-query.js';
import { contractCases, type ContractCase, type ContractSuite, type IdLookup } from './methods/index.js';
import { idLookup } from './methods/find-by-id.js';
import { deleteArgument } from './methods/delete-by-id.js';
import { CHILD_SAMPLES, LARGE_COLLECTION, SAMPLE_COUNT, SampleSet, type SampleChoices } from './test-samples.js';

type Method<K extends RepositoryMethod['kind']> = Extract<RepositoryMethod, { kind: K }>;

/**
 * One contract suite, run against the TypeORM repository (in-memory SQLite, migrations applied) and
 * the in-memory one, plus a schema test that the migrations and the entities agree.
 */
export function repositoryTest({
  model,
  layout,
  specifiers,
  testRunner,
  entityStyle,
  samples: choices = {},
  largeCollections = [],
  liveLists = [],
  dateShifts,
}: GeneratorContext): Artifact<RepositoryTestTemplate> {
  const { names, aggregate, port } = model;
  const path = layout.test;
  const samples = repositorySamples(model, choices);
  const id = model.fields.find((f) => f.column.primary)!;
  const variable = names.variable;
  const list = listVariable(variable);
  const find = <K extends RepositoryMethod['kind']>(kind: K) => model.methods.find((m): m is Method<K> => m.kind === kind);
  // The tests store samples with `save`; a port without one (only `create`/`insert`) stores them with that, and the
  // tests that save one id twice (replacing, and the statements a re-save writes) are left out.
  const saveMethod = find('save');
  const findById = find('find-by-id');
  const findAll = find('find-all');
  const remove = find('delete-by-id');
  const idPath = toColumnValue(id.field.access, id);
  const suite = contractSuite(model, samples);
  const { replacement, idText } = suite;
  const cases = [...contractCases(model.methods, suite), ...assignedIdCases(suite)];
  const uses = (helper: ContractCase['uses'][number]) => cases.some((c) => c.uses.includes(helper));

  // vitest's or jest's own module, or for mocha the generated one that gives their API.
  const api = testApiModule(testRunner, specifiers, path, layout);
  const imports = entityLoadingImports(entityStyle)
    .add(api, 'afterAll')
    .add(api, 'afterEach')
    .add(api, 'beforeAll')
    .add(api, 'beforeEach')
    .add(api, 'describe')
    .add(api, 'expect')
    .add(api, 'it')
    .add(specifiers.generated(path, layout.repository), names.typeOrmRepositoryClass)
    .add(specifiers.generated(path, layout.inMemoryRepository), names.inMemoryRepositoryClass)
    .add(specifiers.generated(path, layout.testDatabase), 'openTestDatabase')
    .add(specifiers.generated(path, layout.testDatabase), 'pendingSchemaChanges')
    .add(specifiers.generated(path, layout.testDatabase), 'TestDatabase', {
      typeOnly: true,
    });
  addAggregateImport(imports, specifiers, path, aggregate);
  addPortImports(imports, specifiers, path, port);
  addDomainTypeImports(
    imports,
    specifiers,
    path,
    [...model.fields.map((f) => f.field.type), ...model.children.map((c) => c.field.type), ...wrappingParameters(model).map((p) => p.type)],
    { valueObjects: 'value', enums: 'value' },
  );
  addCollectionImports(imports, specifiers, path, model.aggregate.fields);
  // For the statements and child-row tests, which re-save a sample.
  if (saveMethod) imports.add('typeorm', 'DataSource', { typeOnly: true }).add('typeorm', 'Logger', { typeOnly: true });
  // The child-row tests count rows; a large collection's test does so without a replacing save too.
  for (const child of model.children) {
    if (saveMethod || largeCollections.includes(child.field.name))
      imports.add(specifiers.generated(path, layout.entity), child.entityClass);
  }
  // Saves that lose nothing (in-place changes, stale saves, rollbacks) are checked where the port finds by id and
  // saves, or updates (an update of a deleted one is refused as not found, so its delete case is left out).
  const updater = model.methods.find((m): m is Method<'write'> => m.kind === 'write' && m.mode === 'update');
  const writer = saveMethod?.method.name ?? updater?.method.name;
  const saves =
    writer && findById
      ? savesCase(
          model,
          samples,
          writer,
          saveMethod && remove && deleteArgumentOf(remove, (subject) => suite.id(remove, subject)),
          liveLists,
          dateShifts,
        )
      : undefined;
  if (saves) {
    imports.add(specifiers.generated(path, layout.persistenceErrors), 'ConcurrencyError');
    imports
      .add(specifiers.generated(path, layout.transactions), 'inTransaction')
      .add(specifiers.generated(path, layout.transactions), 'inMemoryTransaction');
  }
  for (const error of cases.flatMap((c) => c.errors ?? [])) imports.add(specifiers.generated(path, layout.persistenceErrors), error);
  const concurrent = concurrentWriters(model, samples, {
    ...(saves && { writer: saves.writer }),
    changes: [replacement, saves?.otherReplacement ?? replacement],
    hasFindById: findById !== undefined,
  });
  for (const error of concurrent?.errors ?? []) imports.add(specifiers.generated(path, layout.persistenceErrors), error);
  if (concurrent?.transactions)
    imports
      .add(specifiers.generated(path, layout.transactions), 'inTransaction')
      .add(specifiers.generated(path, layout.transactions), 'inMemoryTransaction');
  const unstorable = unstorableCases(model, findAll);
  if (unstorable) {
    imports
      .add(specifiers.generated(path, layout.persistenceErrors), 'InvalidValueError')
      .add(specifiers.generated(path, layout.mapper), names.mapperClass);
  }

  // An Option-returning lookup is read through the library's own API (`contents`, emitted once): what it holds, or null.
  const optionMethod = model.methods.find(
    (m) => (m.kind === 'find-by-id' || (m.kind === 'derived' && m.query.result === 'one')) && m.method.returns.option,
  );
  const option = optionMethod?.method.returns.option;
  if (option) addOptionImports(imports, specifiers, path, option, 'test');
  // The queries the twin-vs-TypeORM comparison runs too.
  const queries = model.methods.flatMap((m) => (m.kind === 'derived' ? suiteQueries(m, suite) : []));

  return {
    path,
    template: 'repository-test.ejs',
    source: port.file,
    data: {
      imports: imports.lines(),
      // vitest's expect(value, message) (and the mocha support module's) names the failing query; jest's expect takes no message.
      expectMessages: testRunner.name !== 'jest',
      aggregate: names.aggregate,
      plural: pluralize(names.aggregate),
      // Every port the repositories implement: the suite calls methods of each.
      port: subjectType(model),
      typeOrmClass: names.typeOrmRepositoryClass,
      inMemoryClass: names.inMemoryRepositoryClass,
      // A partial abstract-class port's constructor arguments, after the DataSource (sampled by the reader).
      portArguments: portArguments(port),
      variable,
      list,
      idPath,
      // A tuple, so `orders[0]` is an Order even under noUncheckedIndexedAccess.
      sampleTuple: `[${Array.from({ length: SAMPLE_COUNT }, () => aggregate.name).join(', ')}]`,
      samples: Array.from({ length: SAMPLE_COUNT }, (_, i) => samples.construct(i)),
      assignedId: id.column.generated && {
        type: modelPropertyType(id.column),
        read: `${variable}${id.field.access}`,
        absent: absentIdValues(model) ?? [],
      },
      save: suite.save,
      findById: suite.findById,
      contents: option &&
        optionMethod && {
          type: `Awaited<ReturnType<${port.ports.length > 1 ? `(${port.ports.map((p) => p.name).join(' & ')})` : (port.ports[0]?.name ?? port.name)}['${optionMethod.method.name}']>>`,
          isSome: option.isSome.replace('$option', 'option'),
          get: option.get.replace('$option', 'option'),
          library: option.library === 'project' ? "the project's own" : `${option.library}'s own`,
        },
      cases,
      // Declared only where a case calls them: noUnusedLocals.
      usesSaveAll: uses('saveAll'),
      usesList: uses('saveAll') || uses('list'),
      needsIds: uses('ids'),
      idText,
      store: suite.store,
      replaces: suite.replaces,
      saveAll: find('save-all')?.method.name,
      remove: remove && {
        name: remove.method.name,
        argument: deleteArgument(remove, suite, 0),
      },
      replacement,
      saves,
      // A setter that may throw (set once, or validating) may refuse to take the id back: the rollback leaves it set.
      rolledBack:
        saves && model.aggregate.generatedId?.writable && !model.aggregate.generatedId.guarded
          ? rolledBackCase(model, samples, id)
          : undefined,
      concurrent,
      unstorable,
      mapper: names.mapperClass,
      queries,
      table: model.table.name,
      statements: {
        ...statementCounts(model),
        sequence: model.fields.some((f) => f.column.primary && f.column.generated === 'increment'),
      },
      childRows: model.children.map((child) => ({
        entityClass: child.entityClass,
        table: child.table.name,
        collection: child.field.name,
        parentProperty: child.parentColumn.property,
        total: samples.childPairs(child).reduce((sum, children) => sum + children.length, 0),
        ofFirst: samples.childPairs(child)[0].length,
        ofReplacement: samples.childPairs(child)[1].length,
        firstId: tsLiteral(samples.idValue(0).stored),
        // Past every database's parameter limit: the saves batch their statements (issue 17).
        large: largeCollections.includes(child.field.name)
          ? {
              count: LARGE_COLLECTION,
              aggregate: samples.withManyChildren(child, LARGE_COLLECTION)!,
            }
          : undefined,
      })),
    },
  };
}

/** What each method kind's contract cases are given: the suite's names, its samples, how it stores and reads them back. */
export function contractSuite(model: PersistenceModel, samples: SampleSet): ContractSuite {
  const { names } = model;
  const id = model.fields.find((f) => f.column.primary)!;
  const find = <K extends RepositoryMethod['kind']>(kind: K) => model.methods.find((m): m is Method<K> => m.kind === kind);
  const { method: save, store } = sampleWriter(model);
  const findById = find('find-by-id');
  const findAll = find('find-all');
  // `findById(id: ProductId)` where the aggregate stores `id: string`: the tests wrap the id they read.
  // An id the database assigns is typed `number | undefined`: read through assignedId(), which fails an unsaved one.
  const idValueOf = (method: RepositoryMethod, expression: string) =>
    passed(asParameter(expression, method.method.parameters[0]?.use.type, id), method.method.parameters[0]);
  const idOf = (method: RepositoryMethod, subject: string) =>
    idValueOf(method, id.column.generated ? `assignedId(${subject})` : `${subject}${id.field.access}`);
  const missingIdOf = (method: RepositoryMethod) =>
    passed(asParameter(samples.idValue('missing').expression, method.method.parameters[0]?.use.type, id), method.method.parameters[0]);
  // An Option-returning lookup is read through the library's own API (`contents`, emitted once): what it holds, or null.
  const readerOf = (method: RepositoryMethod, expression: string) =>
    method.method.returns.option ? `contents(${expression})` : expression;
  const idText = (sample: number | 'missing') => String(samples.idValue(sample).stored);
  const replacement = samples.construct(1, {
    [id.field.name]: samples.idValue(0),
  });
  const reads = { id: idOf, idValue: idValueOf, missingId: missingIdOf, idText, read: readerOf };
  return {
    model,
    samples,
    aggregate: names.aggregate,
    plural: pluralize(names.aggregate),
    list: listVariable(names.variable),
    variable: names.variable,
    store,
    save: save.method.name,
    replaces: find('save') !== undefined,
    replacement,
    findById: findById && idLookup(findById, reads),
    findAll: findAll && allCall(findAll),
    ...reads,
    missingAggregate: samples.construct(0, {
      [id.field.name]: samples.idValue('missing'),
    }),
  };
}

/** What templates/repository-test.ejs prints: the suite's skeleton, each method's cases, and the sections beside them. */
export interface RepositoryTestTemplate {
  imports: string[];
  expectMessages: boolean;
  aggregate: string;
  plural: string;
  port: string;
  typeOrmClass: string;
  inMemoryClass: string;
  portArguments: { after: string; alone: string };
  variable: string;
  list: string;
  /** How a sample's id is read (`.id.value`), for `ids()`. */
  idPath: string;
  sampleTuple: string;
  samples: string[];
  /** An id the database assigns: how `assignedId()` reads it, and what stands for none yet. */
  assignedId: { type: string; read: string; absent: string[] } | undefined;
  /**
   * An id the database assigns and a save sets on the aggregate, where the saves case runs: `given` saved without
   * one, how its id is read, and what it reads once a rollback took it back.
   */
  rolledBack: { type: string; given: string; read: string; absent: string } | undefined;
  save: string;
  findById: IdLookup | undefined;
  contents: { type: string; isSome: string; get: string; library: string } | undefined;
  /** Each method kind's cases, from its emitter (generators/methods/). */
  cases: ContractCase[];
  usesSaveAll: boolean;
  usesList: boolean;
  needsIds: boolean;
  idText(sample: number | 'missing'): string;
  store(subject: string): string;
  replaces: boolean;
  saveAll: string | undefined;
  remove: { name: string; argument: string } | undefined;
  replacement: string;
  saves: SavesCase | undefined;
  concurrent: ConcurrentWriters | undefined;
  unstorable: UnstorableCases | undefined;
  mapper: string;
  queries: SuiteQuery[];
  table: string;
  /** `sequence`: an auto-increment key, whose PostgreSQL sequence a row inserted with its own id moves past (one statement more there). */
  statements: { created: number; changed: number; sequence: boolean };
  childRows: ChildRows[];
}

/** The child-row tests of one child table. */
interface ChildRows {
  entityClass: string;
  table: string;
  collection: string;
  parentProperty: string;
  total: number;
  ofFirst: number;
  ofReplacement: number;
  firstId: string;
  large: { count: number; aggregate: string } | undefined;
}

interface UnstorableCases {
  string: string | undefined;
  number: string | undefined;
  date: string | undefined;
  enum: string | undefined;
  lookup: { name: string; field: string; argument: string } | undefined;
  page: { name: string; argument: string; field: string } | undefined;
}

interface SavesCase {
  writer: string;
  /** A version column refuses stale saves; without one (`"concurrency": "none"`) the last write wins. */
  versioned: boolean;
  otherReplacement: string;
  date?: string;
  /** Days the in-place Date case moves the date by: forward, or back where the domain refuses forward. */
  dateShift?: number;
  list?: {
    field: string;
    access: string;
    method: 'push' | 'add';
    item: string;
  };
  remove?: string;
}

/**
 * What the tests of unstorable values need: a root column of each kind a case exists for (a string, a number, a
 * Date, an enum), set in the mapper's output (the model) so that no domain rule stands in the way; a lookup taking
 * one string argument; the paged findAll. Undefined when the model has none of them.
 */
function unstorableCases(model: PersistenceModel, findAll: Method<'find-all'> | undefined): UnstorableCases | undefined {
  const columns = model.table.columns.filter((c) => !c.primary && c.property !== model.version?.property);
  const first = (kinds: readonly string[]) => columns.find((c) => kinds.includes(c.kind))?.property;
  const lookup = model.methods.find(
    (m): m is Method<'derived'> =>
      m.kind === 'derived' &&
      m.method.async &&
      m.method.parameters.length === 1 &&
      m.query.where.flat().some((c) => c.parameters.length === 1) &&
      m.method.parameters[0].use.type.kind === 'primitive' &&
      m.method.parameters[0].use.type.primitive === 'string' &&
      !m.method.parameters[0].use.list,
  );
  const lookupField = lookup?.query.where.flat().find((c) => c.parameters.length === 1)?.field;
  const cases = {
    string: first(['string']),
    number: first(['double', 'integer', 'decimal']),
    date: first(['timestamp']),
    enum: first(['enum']),
    lookup:
      lookup && lookupField && model.fields.find((f) => f.field.name === lookupField)?.column.kind === 'string'
        ? { name: lookup.method.name, field: lookupField, argument: passed("'a\\u0000b'", lookup.method.parameters[0]) }
        : undefined,
    page:
      findAll?.page && findAll.method.async
        ? {
            name: findAll.method.name,
            argument: `{ ${findAll.page.take}: -1, ${findAll.page.skip}: 0 }`,
            field: findAll.page.take,
          }
        : undefined,
  };
  return cases.string || cases.number || cases.date || cases.enum || cases.page ? cases : undefined;
}

/**
 * What the tests of saves that lose nothing need: the method that saves a stored aggregate again, a second state for
 * sample 0 (another sample's values under its id), the access of a Date the aggregate hands out (changed in place), and
 * the delete of the stored sample.
 */
function savesCase(
  model: PersistenceModel,
  samples: SampleSet,
  writer: string,
  remove: string | undefined,
  liveLists: readonly string[],
  dateShifts: Readonly<Record<string, number>> | undefined,
): SavesCase {
  const id = model.fields.find((f) => f.column.primary)!;
  // The first Date the domain still accepts moved by a day (see dateShifts); unprobed, the first moved forward.
  const date = inPlaceDates(model).find((f) => (dateShifts ? dateShifts[f.field.name] !== undefined : true));
  const dateShift = date && dateShifts ? dateShifts[date.field.name] : 1;
  // A list the domain's own methods may push into (issue 17: `tag('new')`), changed the same way through an accessor
  // that hands out the aggregate's own list (the probe checked it).
  const list = model.fields.find((f) => liveLists.includes(f.field.name) && f.field.inPlace);
  // An element sample 0's list does not hold (it holds variant 0's), so that a Set changes too.
  const item = list && [1, 2, 3].map((v) => samples.element(list, v).expression).find((e) => e !== samples.element(list, 0).expression);
  // A state that differs from sample 0's (some samples share its values, for the queries): else the save writes nothing.
  // Stored values may be bigints, which JSON.stringify refuses.
  const text = (value: unknown) => JSON.stringify(value, (_key, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v));
  const differs = (sample: number) =>
    model.fields.some((f) => !f.column.primary && text(samples.value(f, sample).stored) !== text(samples.value(f, 0).stored)) ||
    model.children.some((child) => JSON.stringify(samples.childPairs(child)[sample]) !== JSON.stringify(samples.childPairs(child)[0]));
  const other = [2, 3].find(differs) ?? 1;
  return {
    writer,
    versioned: model.version !== undefined,
    otherReplacement: samples.construct(other, {
      [id.field.name]: samples.idValue(0),
    }),
    ...(date ? { date: date.field.access, dateShift } : {}),
    ...(list && item
      ? {
          list: {
            field: list.field.name,
            access: list.field.access,
            method: list.field.inPlace!,
            item,
          },
        }
      : {}),
    ...(remove ? { remove } : {}),
  };
}

/** The Dates a test may change in place on a loaded aggregate: plain, always there, not the id. */
export function inPlaceDates(model: PersistenceModel): FieldMapping[] {
  return model.fields.filter(
    (f) =>
      !f.column.primary &&
      !f.field.list &&
      !f.field.optional &&
      !f.field.nullable &&
      f.conversion.kind === 'plain' &&
      f.field.type.kind === 'primitive' &&
      f.field.type.primitive === 'date',
  );
}

/** The argument that deletes a sample kept in `stored`: the aggregate, or its id as the method takes it. */
/** The rollback case's sample saved without an id (see RepositoryTestTemplate.rolledBack). */
function rolledBackCase(model: PersistenceModel, samples: SampleSet, id: FieldMapping): RepositoryTestTemplate['rolledBack'] {
  const absent = id.field.nullable ? 'null' : 'undefined';
  return {
    // Typed as the aggregate: a record's literal without its id would not have the member the test reads.
    type: model.aggregate.name,
    given: samples.construct(0, { [id.field.name]: { expression: absent, stored: null } }),
    read: `given${id.field.access}`,
    absent,
  };
}

function deleteArgumentOf(remove: Method<'delete-by-id'>, idOf: (subject: string) => string): string {
  return remove.argument === 'aggregate' ? 'stored' : idOf('stored');
}

/**
 * How many statements the TypeORM repository runs to save sample 0 when new, and to save sample 1's state
 * over it once it is known, plus BEGIN and COMMIT when there are several. New: the root's INSERT and one INSERT
 * per child table with rows. Known: the root's versioned UPDATE (children-only changes bump the version too),
 * then per child table a DELETE of removed children and an upsert of changed ones.
 */
function statementCounts(model: PersistenceModel): {
  created: number;
  changed: number;
} {
  const inTransaction = (writes: number) => (writes > 1 ? writes + 2 : writes);
  const [before, after] = [CHILD_SAMPLES[0], CHILD_SAMPLES[1]];
  const created = 1 + (before.length > 0 ? model.children.length : 0);
  const removed = before.some(([id]) => !after.some(([other]) => other === id)) ? 1 : 0;
  const changedChildren = model.children.map((child) => {
    const hasFields = child.fields.length > 1;
    return after.some(([id, variant], position) => {
      const old = before.findIndex(([other]) => other === id);
      return old !== position || (hasFields && before[old][1] !== variant);
    })
      ? 1
      : 0;
  });
  const changed = 1 + changedChildren.reduce<number>((sum, c) => sum + removed + c, 0);
  return { created: inTransaction(created), changed: inTransaction(changed) };
}

/** Each parameter the tests build around a field's value, with that field: derived-query arguments and ids. */
export function wrappingParameters(model: PersistenceModel): {
  field: FieldMapping;
  type: Extract<ValueType, { kind: 'value-object' }>;
}[] {
  const byName = new Map(model.fields.map((f) => [f.field.name, f]));
  const id = model.fields.find((f) => f.column.primary)!;
  const takesId = (m: RepositoryMethod) =>
    m.kind === 'find-by-id' || m.kind === 'find-by-ids' || m.kind === 'exists-by-id' || (m.kind === 'delete-by-id' && m.argument === 'id');
  const byPort = model.methods.flatMap((m) => {
    const parameters =
      m.kind === 'derived'
        ? m.query.where.flat().flatMap((c) =>
            c.parameters.map((i) => ({
              field: byName.get(c.field)!,
              type: m.method.parameters[i].use.type,
            })),
          )
        : takesId(m)
          ? [{ field: id, type: m.method.parameters[0].use.type }]
          : [];
    return parameters.flatMap(({ field, type }) => (wraps(type, field) ? [{ field, type }] : []));
  });
  // The aggregate's own rebuild may wrap a stored primitive too (`new Member(new MemberId(id))`): its samples must suit it.
  const rebuild = wrappedArguments(model.aggregate.rehydration).flatMap((arg) =>
    byName.has(arg.field) ? [{ field: byName.get(arg.field)!, type: arg.type }] : [],
  );
  return [...byPort, ...rebuild];
}

/** The samples of the contract suite. */
export function repositorySamples(model: PersistenceModel, choices: SampleChoices = {}): SampleSet {
  return new SampleSet(model, uniqueFields(model), wrappedFields(model), uuidFields(model), choices);
}

/** The value objects the tests build around field values, by field name, so the samples suit them. */
function wrappedFields(model: PersistenceModel): Map<string, string> {
  return new Map(wrappingParameters(model).map(({ field, type }) => [field.field.name, type.name]));
}

/** Fields the tests wrap in a value object named like Uuid (`search(id: UserId)`, `UserId extends Uuid`): it may take only UUIDs. */
export function uuidFields(model: PersistenceModel): Set<string> {
  return new Set(wrappingParameters(model).flatMap(({ field, type }) => (type.uuid ? [field.field.name] : [])));
}

/** Fields that a single-result query looks up: the samples must differ in them. */
function uniqueFields(model: PersistenceModel): Set<string> {
  return new Set(
    model.methods.flatMap((m) =>
      m.kind === 'derived' && m.query.result === 'one' && m.query.limit === undefined ? m.query.where.flat().map((c) => c.field) : [],
    ),
  );
}

/**
 * The call that reads every stored root through the first findAll: `findAll()`, or, where it requires a page,
 * one page from the start that holds every sample (the suites store a handful).
 */
function allCall(findAll: Method<'find-all'>): string {
  const { page, method } = findAll;
  const required = page !== undefined && method.parameters[page.parameter]?.optional === false;
  return `${method.name}(${required ? `{ ${page.take}: 1000, ${page.skip}: 0 }` : ''})`;
}

/** The variable of a list of aggregates: `orders`; `staffList` where the plural is the word itself (`staff`, `news`). */
export function listVariable(variable: string): string {
  const plural = pluralize(variable);
  return plural === variable ? `${variable}List` : plural;
}
