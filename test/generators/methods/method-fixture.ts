import { DEFAULT_CONFIG } from '../../../src/config/project-config.js';
import { mapFeature } from '../../../src/map/map-feature.js';
import type { PersistenceModel } from '../../../src/map/persistence-model.js';
import { loadProjectContext } from '../../../src/project-context.js';
import { readDomain } from '../../../src/read/domain-reader.js';
import { presetPaths } from '../../../src/config/layout-presets.js';
import { artifactLayout } from '../../../src/layout.js';
import {
  bodyImports,
  contractCases,
  memoryBody,
  planRow,
  queryTests,
  typeOrmBody,
  type ContractCase,
  type QueryTest,
} from '../../../generators/methods/index.js';
import { queriesSamples } from '../../../generators/queries-test.js';
import { contractSuite, repositorySamples } from '../../../generators/repository-test.js';
import { planMethod } from '../../../generators/methods/plan-method.js';
import { withPortMethods } from '../../support/fixtures.js';
import { writeProject } from '../../support/projects.js';

/** The Order domain (test/support/fixtures.ts) with these port methods, mapped. */
export function orderModel(signatures: readonly string[]): PersistenceModel {
  return featureModel(withPortMethods(signatures.map((s) => `  ${s};`).join('\n')), 'ordering');
}

/** A feature of a project with these files, mapped. */
export function featureModel(files: Record<string, string>, feature: string): PersistenceModel {
  return mapFeature(readDomain(loadProjectContext(writeProject(files)), DEFAULT_CONFIG, feature));
}

/** What one method's emitter gives: both bodies (checks included) and the plan row. */
export function emitted(model: PersistenceModel, name: string, options: { store?: string; rows?: boolean; newId?: string } = {}) {
  const method = model.methods.find((m) => m.method.name === name);
  if (!method || method.kind === 'hand-written') throw new Error(`no implemented method ${name}`);
  const plan = planMethod(method, model);
  const base = { aggregate: model.names.aggregate, idProperty: 'id', ...(options.newId === undefined ? {} : { newId: options.newId }) };
  return {
    typeorm: typeOrmBody(method, plan, {
      ...base,
      entityClass: model.names.entityClass,
      store: options.store ?? 'store',
      rows: options.rows ?? false,
    }),
    memory: memoryBody(method, plan, base),
    row: planRow(method, model, artifactLayout(presetPaths('plan', 'ordering'), model.names)),
    imports: bodyImports(method, plan),
  };
}

/** One method's cases in the contract suite: its `it(...)` lines and the suite helpers they call. */
export function testCasesOf(model: PersistenceModel, name: string): ContractCase[] {
  const method = model.methods.find((m) => m.method.name === name);
  if (!method) throw new Error(`no method ${name}`);
  return contractCases([method], contractSuite(model, repositorySamples(model)));
}

/** One Criteria or page method's block in the queries suite. */
export function queryTestOf(model: PersistenceModel, name: string): QueryTest | undefined {
  const method = model.methods.find((m) => m.method.name === name);
  if (!method) throw new Error(`no method ${name}`);
  const id = model.fields.find((f) => f.column.primary)!;
  return queryTests([method], { model, samples: queriesSamples(model), idAccess: id.field.access })[0];
}
