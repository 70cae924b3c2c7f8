import pluralize from 'pluralize';
import { importPath } from '../src/layout.js';
import type { PersistenceModel, RepositoryMethod } from '../src/map/persistence-model.js';
import type { Artifact, GeneratorContext } from '../src/render/artifact.js';
import { toColumnValue } from '../src/render/conversions.js';
import { ImportSet } from '../src/render/imports.js';
import { tsLiteral } from '../src/render/ts-literal.js';
import { addDomainTypeImports } from './domain-imports.js';
import { SAMPLE_COUNT, SampleSet, type SampleValue } from './test-samples.js';

/**
 * One contract suite, run against the TypeORM repository (in-memory SQLite, migrations applied) and
 * the in-memory one, plus a schema test that the migrations and the entities agree.
 */
export function repositoryTest({ model, layout }: GeneratorContext): Artifact {
  const { names, aggregate, port } = model;
  const path = layout.test;
  const samples = new SampleSet(model, uniqueFields(model));
  const id = model.fields.find((f) => f.column.primary)!;
  const variable = names.variable;
  const list = pluralize(variable);
  const method = (kind: RepositoryMethod['kind']) => model.methods.find((m) => m.kind === kind);
  const save = method('save');
  const findById = method('find-by-id');
  const findAll = method('find-all');
  const remove = method('delete-by-id');

  const imports = new ImportSet()
    .addSideEffect('reflect-metadata')
    .add('vitest', 'afterEach')
    .add('vitest', 'beforeEach')
    .add('vitest', 'describe')
    .add('vitest', 'expect')
    .add('vitest', 'it')
    .add(importPath(path, aggregate.file), aggregate.name)
    .add(importPath(path, port.file), port.name, { typeOnly: true })
    .add(importPath(path, layout.repository), names.typeOrmRepositoryClass)
    .add(importPath(path, layout.inMemoryRepository), names.inMemoryRepositoryClass)
    .add(importPath(path, layout.databaseConfig), 'createDataSource');
  addDomainTypeImports(imports, path, model.fields.map((f) => f.field.type), { valueObjects: 'value', enums: 'value' });

  const mutable = model.fields.find((f) => f.field.mutable && !f.column.primary);
  const deleteArgument = (sample: number | 'missing') =>
    remove?.kind === 'delete-by-id' && remove.argument === 'aggregate'
      ? sample === 'missing'
        ? samples.construct(0, { [id.field.name]: samples.idValue('missing') })
        : `${list}[${sample}]`
      : sample === 'missing'
        ? samples.idValue('missing').expression
        : `${list}[${sample}].${id.field.name}`;

  return {
    path,
    template: 'repository-test.ejs',
    source: port.file,
    data: {
      imports: imports.lines(),
      aggregate: names.aggregate,
      plural: pluralize(names.aggregate),
      port: port.name,
      typeOrmClass: names.typeOrmRepositoryClass,
      inMemoryClass: names.inMemoryRepositoryClass,
      variable,
      list,
      idPath: toColumnValue(`.${id.field.name}`, id),
      // A tuple, so `orders[0]` is an Order even under noUncheckedIndexedAccess.
      sampleTuple: `[${Array.from({ length: SAMPLE_COUNT }, () => aggregate.name).join(', ')}]`,
      samples: Array.from({ length: SAMPLE_COUNT }, (_, i) => samples.construct(i)),
      save: save?.method.name,
      findById: findById && {
        name: findById.method.name,
        absent: findById.kind === 'find-by-id' ? findById.absent : 'null',
        missingId: samples.idValue('missing').expression,
      },
      findAll: findAll?.method.name,
      remove: remove && {
        name: remove.method.name,
        argument: deleteArgument(0),
        missingArgument: deleteArgument('missing'),
        missingIdText: String(samples.idValue('missing').stored),
      },
      replacement: samples.construct(1, { [id.field.name]: samples.idValue(0) }),
      mutation: mutable && {
        field: mutable.field.name,
        value: samples.value(mutable, 1).expression === samples.value(mutable, 0).expression ? samples.value(mutable, 2).expression : samples.value(mutable, 1).expression,
        original: samples.value(mutable, 0).expression,
      },
      queries: model.methods.flatMap((m) => (m.kind === 'derived' ? [derivedCase(m, model, samples)] : [])),
    },
  };
}

/** Fields that a single-result query looks up: the samples must differ in them. */
function uniqueFields(model: PersistenceModel): Set<string> {
  return new Set(model.methods.flatMap((m) => (m.kind === 'derived' && m.query.result === 'one' ? m.query.where.flat().map((c) => c.field) : [])));
}

/**
 * Arguments come from sample 0 (sample 1 for the second OR group, where present); the expected
 * result is worked out here with SQL's semantics, so the test pins it as literal ids.
 */
function derivedCase(method: Extract<RepositoryMethod, { kind: 'derived' }>, model: PersistenceModel, samples: SampleSet) {
  const byName = new Map(model.fields.map((f) => [f.field.name, f]));
  const args: SampleValue[] = [];
  const groups = method.query.where.map((group, g) =>
    group.map((condition) => {
      const mapping = byName.get(condition.field)!;
      const preferred = samples.value(mapping, g === 0 ? 0 : 1);
      const argument = preferred.stored === null ? samples.value(mapping, 0) : preferred;
      args[condition.parameter] = argument;
      return { mapping, argument };
    }),
  );
  const matching = Array.from({ length: SAMPLE_COUNT }, (_, s) => s).filter((s) =>
    groups.some((group) => group.every(({ mapping, argument }) => {
      const stored = samples.value(mapping, s).stored;
      return stored !== null && stored === argument.stored;
    })),
  );
  const expected = matching.map((s) => String(samples.idValue(s).stored));
  return {
    name: method.method.name,
    title: `${method.method.name} finds ${expected.length === 0 ? 'nothing' : expected.join(', ')}`,
    args: args.map((a) => a.expression).join(', '),
    result: method.query.result,
    absent: method.query.absent,
    expectedIds: tsLiteral(matching.map((s) => samples.idValue(s).stored)),
    expectedSample: matching[0] ?? null,
  };
}
