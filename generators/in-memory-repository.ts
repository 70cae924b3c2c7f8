import { modelPropertyType } from '../src/map/column-types.js';
import type { Artifact, GeneratorContext } from '../src/render/artifact.js';
import { ImportSet } from '../src/render/imports.js';
import { addAggregateImport, addPortImports, addSignatureImports, implementedPorts, methodSignature } from './port-signature.js';
import { addOptionImports } from './option-wrapper.js';
import { customClass } from './repository.js';
import { newIdExpression, planMethod } from './repository-queries.js';
import { addDynamicQueryImports } from './dynamic-queries.js';
import { addValueCheckImports, columnChecksName } from './value-checks.js';

/**
 * The in-memory twin of the TypeORM repository, for use-case tests. It stores copies of rows made by the
 * same mapper, saves them as the TypeORM repository does (versions, snapshots, the same errors: support/
 * transactions.ts) and applies the same query semantics (support/query-semantics.ts), so one contract
 * suite passes on both.
 */
export function inMemoryRepository({ model, layout, specifiers }: GeneratorContext): Artifact {
  const { names, aggregate, port } = model;
  const path = layout.inMemoryRepository;
  const handWritten = model.methods.some((m) => m.kind === 'hand-written');
  const implemented = model.methods.filter((m) => m.kind !== 'hand-written');
  const methods = implemented.map((m) => {
    const plan = planMethod(m, model);
    // `() => true` where nothing is tested: an unused `model` parameter fails noUnusedParameters.
    // An async port method is not declared async (it would await nothing): its body runs in `settled`, so what it throws rejects.
    return { ...plan, signature: methodSignature(m.method).replace(/^async /, ''), settled: m.method.async, filter: plan.predicate === 'true' ? '() => true' : `(model) => ${plan.predicate}` };
  });
  const imports = addAggregateImport(new ImportSet(), specifiers, path, aggregate, { typeOnly: true });
  addPortImports(imports, specifiers, path, port).add(specifiers.generated(path, layout.mapper), names.mapperClass);
  if (handWritten) imports.add(specifiers.generated(path, layout.inMemoryRepositoryCustom), customClass(names.inMemoryRepositoryClass));
  // Its rows are put back if a transaction of any in-memory repository rejects (support/transactions.ts).
  else imports.add(specifiers.generated(path, layout.transactions), 'InMemoryRows');
  // Saves and loads go through what both repositories share: versions, snapshots, the same errors.
  imports.add(specifiers.generated(path, layout.transactions), 'InMemoryAggregates');
  if (methods.some((m) => m.settled)) imports.add(specifiers.generated(path, layout.transactions), 'settled');
  addValueCheckImports(imports, specifiers, path, layout, model, methods);
  if (methods.some((m) => m.kind === 'transaction')) imports.add(specifiers.generated(path, layout.transactions), 'inMemoryTransaction');
  addSignatureImports(imports, specifiers, path, implemented.map((m) => m.method));
  for (const option of implemented.flatMap((m) => m.method.returns.option ?? [])) addOptionImports(imports, specifiers, path, option, 'repository');
  addDynamicQueryImports(imports, specifiers, path, layout, model, 'memory');
  const id = model.fields.find((f) => f.column.primary)!;
  const usesMatching = methods.some((m) => m.kind === 'find-all' || m.kind === 'find-by-ids' || m.kind === 'derived' || m.dynamic);
  if (usesMatching) imports.add(specifiers.generated(path, layout.querySupport), 'compareColumns');
  for (const plan of methods) {
    for (const name of plan.memorySupportImports) imports.add(specifiers.generated(path, layout.querySupport), name);
  }
  if (methods.some((m) => m.kind === 'find-by-ids')) imports.add(specifiers.generated(path, layout.querySupport), 'sameValue');
  // The model is named by the rows (kept by the hand-written base when there is one) and rowsMatching only.
  if (!handWritten || usesMatching) imports.add(specifiers.generated(path, layout.model), names.modelClass, { typeOnly: true });
  const newId = methods.some((m) => m.kind === 'next-id') ? newIdExpression(model, imports, specifiers, path) : undefined;
  return {
    path,
    template: 'in-memory-repository.ejs',
    source: port.file,
    data: {
      imports: imports.lines(),
      className: names.inMemoryRepositoryClass,
      base: handWritten ? customClass(names.inMemoryRepositoryClass) : undefined,
      port: implementedPorts(port),
      aggregate: names.aggregate,
      variable: names.variable,
      modelClass: names.modelClass,
      mapper: names.mapperClass,
      idProperty: id.column.property,
      columnChecks: columnChecksName(model),
      keyType: modelPropertyType(id.column),
      newId,
      methods,
      // Only emitted where a method uses it: an unused private method fails `noUnusedLocals`.
      usesMatching,
    },
  };
}
