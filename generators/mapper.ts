import { importPath } from '../src/layout.js';
import type { FieldMapping } from '../src/map/persistence-model.js';
import type { ValueType } from '../src/model/domain-model.js';
import type { Artifact, GeneratorContext } from '../src/render/artifact.js';
import { columnAssignments, fromColumns, memberFromColumns, rehydrationCall, type MapperLocal } from '../src/render/conversions.js';
import { ImportSet } from '../src/render/imports.js';
import { addDomainTypeImports } from './domain-imports.js';

/** The mapper: `toDomain` rebuilds the aggregate the way it is meant to be rebuilt, `toModel` flattens it to a row. */
export function mapper({ model, layout }: GeneratorContext): Artifact {
  const { names, aggregate, fields } = model;
  const imports = new ImportSet()
    .add(importPath(layout.mapper, aggregate.file), aggregate.name)
    .add(importPath(layout.mapper, layout.model), names.modelClass);
  addDomainTypeImports(imports, layout.mapper, nestedTypes(fields), { valueObjects: 'value', enums: 'type' });
  const byName = new Map(fields.map((f) => [f.field.name, f]));
  const variable = names.variable;
  const unwrap = aggregate.rehydration.unwrap;
  const call = rehydrationCall(
    aggregate.name,
    { ...aggregate.rehydration, unwrap: undefined },
    (field) => fromColumns('model', byName.get(field)!),
    (field) => memberFromColumns('model', byName.get(field)!),
  );
  // The primitives style: one toPrimitives() call gives every field.
  const locals: MapperLocal[] = aggregate.snapshot ? [{ name: 'primitives', value: `${variable}.${aggregate.snapshot}()` }] : [];
  const read = (f: FieldMapping) => (aggregate.snapshot ? `primitives.${f.field.name}` : `${variable}${f.field.access}`);
  const assignments = fields.flatMap((f) => columnAssignments(read(f), f, locals));
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
      build: call,
      unwrap: unwrap && { accessor: unwrap.accessor, failure: unwrap.failure },
      idText: `model.${fields.find((f) => f.column.primary)!.column.property}`,
      locals,
      assignments,
    },
  };
}

/** The value types of the fields, and of the parts of composite value objects. */
function nestedTypes(fields: readonly FieldMapping[]): ValueType[] {
  return fields.flatMap((f) => (f.conversion.kind === 'composite' ? [f.field.type, ...nestedTypes(f.conversion.parts)] : [f.field.type]));
}
