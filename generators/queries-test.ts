import type { PersistenceModel } from '../src/map/persistence-model.js';
import type { Artifact, GeneratorContext } from '../src/render/artifact.js';
import { testApiModule } from './test-api.js';
import { wrappedTypes } from '../src/render/conversions.js';
import { addCollectionImports, addDomainTypeImports } from './domain-imports.js';
import { queryTests } from './methods/index.js';
import { entityLoadingImports } from './entity-schema.js';
import { addAggregateImport, addPortImports, portArguments } from './port-signature.js';
import { uuidFields } from './repository-test.js';
import { sampleWriter, subjectType } from './sample-writer.js';
import { SAMPLE_COUNT, SampleSet, type SampleChoices } from './test-samples.js';

/**
 * A contract test of the page-request and Criteria methods: the TypeORM repository and the in-memory one, given the
 * same aggregates, return the same results; each method's block comes from its emitter (generators/methods/). The
 * path sits beside the repository test (`order.repository.queries.test.ts`).
 */
export function queriesTest({
  model,
  layout,
  specifiers,
  testRunner,
  entityStyle,
  samples: choices = {},
}: GeneratorContext): Artifact<QueriesTestTemplate> | undefined {
  const samples = queriesSamples(model, choices);
  const id = model.fields.find((f) => f.column.primary)!;
  const tests = queryTests(model.methods, { model, samples, idAccess: id.field.access });
  if (tests.length === 0) return undefined;
  // Beside the repository test, named as it is (`.test.ts` or `.spec.ts`): one path of its own either way.
  const path = layout.test.replace(/\.(test|spec)\.ts$/, '.queries.$1.ts');
  const { names, aggregate, port } = model;
  // vitest's or jest's own module, or for mocha the generated one that gives their API.
  const api = testApiModule(testRunner, specifiers, path, layout);
  // reflect-metadata only for decorated entities; the aggregate and every port as they are exported (default or named).
  const imports = entityLoadingImports(entityStyle)
    .add(api, 'afterAll')
    .add(api, 'beforeAll')
    .add(api, 'describe')
    .add(api, 'expect')
    .add(api, 'it')
    .add('typeorm', 'DataSource', { typeOnly: true })
    .add(specifiers.generated(path, layout.repository), names.typeOrmRepositoryClass)
    .add(specifiers.generated(path, layout.inMemoryRepository), names.inMemoryRepositoryClass)
    .add(specifiers.generated(path, layout.testDatabase), 'openTestDatabase')
    .add(specifiers.generated(path, layout.testDatabase), 'TestDatabase', { typeOnly: true });
  addAggregateImport(imports, specifiers, path, aggregate);
  addPortImports(imports, specifiers, path, port);
  addDomainTypeImports(
    imports,
    specifiers,
    path,
    [...model.fields.map((f) => f.field.type), ...model.children.map((c) => c.field.type), ...wrappedTypes(model.aggregate.rehydration)],
    { valueObjects: 'value', enums: 'value' },
  );
  // The samples build wrapped collections (`new Tracks([...])`) too.
  addCollectionImports(imports, specifiers, path, model.aggregate.fields);
  for (const test of tests) {
    for (const { name, file, typeOnly, local } of test.imports)
      imports.add(specifiers.source(path, file), local === undefined ? name : `${name} as ${local}`, { typeOnly: typeOnly === true });
    for (const error of test.errors) imports.add(specifiers.generated(path, layout.persistenceErrors), error);
  }
  return {
    path,
    template: 'queries-test.ejs',
    source: port.file,
    data: {
      imports: imports.lines(),
      aggregate: aggregate.name,
      port: subjectType(model),
      typeOrmClass: names.typeOrmRepositoryClass,
      inMemoryClass: names.inMemoryRepositoryClass,
      // A partial abstract-class port's constructor arguments, after the DataSource (sampled by the reader).
      portArguments: portArguments(port),
      samples: Array.from({ length: SAMPLE_COUNT }, (_, i) => samples.construct(i)),
      store: sampleWriter(model).store('sample'),
      tests: tests.map((t) => t.lines),
    },
  };
}

/** What templates/queries-test.ejs prints: the suite's skeleton, and each method's describe block. */
export interface QueriesTestTemplate {
  imports: string[];
  aggregate: string;
  port: string;
  typeOrmClass: string;
  inMemoryClass: string;
  portArguments: { after: string; alone: string };
  samples: string[];
  store: string;
  tests: string[][];
}

/** The samples of the queries suite: no looked-up fields, so samples 0 and 2 share values. */
export function queriesSamples(model: PersistenceModel, choices: SampleChoices = {}): SampleSet {
  return new SampleSet(model, new Set(), new Map(), uuidFields(model), choices);
}
