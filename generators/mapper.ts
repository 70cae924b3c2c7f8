import { importPath } from '../src/layout.js';
import type { Artifact, GeneratorContext } from '../src/render/artifact.js';
import { fromColumnValue, toColumnValue } from '../src/render/conversions.js';
import { ImportSet } from '../src/render/imports.js';
import { addDomainTypeImports } from './domain-imports.js';

/** The mapper: `toDomain` rebuilds the aggregate through its constructor, `toModel` flattens it to a row. */
export function mapper({ model, layout }: GeneratorContext): Artifact {
  const { names, aggregate, fields } = model;
  const imports = new ImportSet()
    .add(importPath(layout.mapper, aggregate.file), aggregate.name)
    .add(importPath(layout.mapper, layout.model), names.modelClass);
  addDomainTypeImports(imports, layout.mapper, fields.map((f) => f.field.type), { valueObjects: 'value', enums: 'type' });
  const byName = new Map(fields.map((f) => [f.field.name, f]));
  const variable = names.variable;
  return {
    path: layout.mapper,
    template: 'mapper.ejs',
    source: aggregate.file,
    data: {
      imports: imports.lines(),
      className: names.mapperClass,
      aggregate: names.aggregate,
      modelClass: names.modelClass,
      variable,
      constructorArguments: aggregate.rehydration.parameters.map((p) => fromColumnValue(`model.${byName.get(p)!.column.property}`, byName.get(p)!)),
      assignments: fields.map((f) => ({ property: f.column.property, value: toColumnValue(`${variable}.${f.field.name}`, f) })),
    },
  };
}
