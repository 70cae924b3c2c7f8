import { modelPropertyType } from '../src/map/column-types.js';
import { importPath } from '../src/layout.js';
import type { Artifact, GeneratorContext } from '../src/render/artifact.js';
import { columnEquals } from '../src/render/conversions.js';
import { ImportSet } from '../src/render/imports.js';
import { addDomainTypeImports } from './domain-imports.js';
import { methodSignature } from './port-signature.js';
import { planMethod, type MethodPlan } from './repository-queries.js';

/**
 * The in-memory twin of the TypeORM repository, for use-case tests. It stores rows made by the same
 * mapper (cloned, so later changes to a saved aggregate do not leak in) and applies SQL's semantics.
 */
export function inMemoryRepository({ model, layout }: GeneratorContext): Artifact {
  const { names, aggregate, port } = model;
  const path = layout.inMemoryRepository;
  const imports = new ImportSet()
    .add(importPath(path, aggregate.file), aggregate.name, { typeOnly: true })
    .add(importPath(path, port.file), port.name, { typeOnly: true })
    .add(importPath(path, layout.model), names.modelClass, { typeOnly: true })
    .add(importPath(path, layout.mapper), names.mapperClass);
  addDomainTypeImports(imports, path, port.methods.flatMap((m) => m.parameters.map((p) => p.use.type)), { valueObjects: 'type', enums: 'type' });
  const id = model.fields.find((f) => f.column.primary)!;
  const methods = model.methods.map((m) => {
    const plan = planMethod(m, model);
    return { ...plan, signature: methodSignature(m.method), predicate: predicate(plan) };
  });
  return {
    path,
    template: 'in-memory-repository.ejs',
    source: port.file,
    data: {
      imports: imports.lines(),
      className: names.inMemoryRepositoryClass,
      port: port.name,
      aggregate: names.aggregate,
      modelClass: names.modelClass,
      mapper: names.mapperClass,
      idProperty: id.column.property,
      keyType: modelPropertyType(id.column),
      methods,
      // Only emitted where a method uses it: an unused private method fails `noUnusedLocals`.
      needsSelect: methods.some((m) => m.kind === 'find-all' || m.kind === 'derived'),
    },
  };
}

function predicate(plan: MethodPlan): string {
  const groups = plan.where.map((group) => group.map((c) => columnEquals(`model.${c.property}`, c.value, c.mapping)).join(' && '));
  return groups.length > 1 ? groups.map((g) => `(${g})`).join(' || ') : (groups[0] ?? 'true');
}
