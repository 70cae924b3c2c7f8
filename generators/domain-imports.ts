import type { FieldModel, LibraryImport, ValueType } from '../src/model/domain-model.js';
import { wrappedTypes } from '../src/render/conversions.js';
import type { ImportSet } from '../src/render/imports.js';
import type { ModuleSpecifiers } from '../src/render/module-specifiers.js';

/** Adds imports of the domain's enums and value objects; `type` where the code only names them in types. */
export function addDomainTypeImports(
  imports: ImportSet,
  specifiers: ModuleSpecifiers,
  fromFile: string,
  types: readonly ValueType[],
  usage: { valueObjects: 'value' | 'type'; enums: 'value' | 'type' },
): void {
  for (const type of types) {
    // A library's date: the code names only the factory that rebuilds one (`dayjs(...)`, `DateTime.fromJSDate(...)`).
    if (type.kind === 'value-object' && type.library) {
      addLibraryImport(imports, type.library);
      continue;
    }
    if (type.kind === 'value-object' || (type.kind === 'composite' && !type.plain))
      imports.add(specifiers.source(fromFile, type.file), type.name, {
        // A branded primitive is a type alias: nothing to import as a value.
        typeOnly: usage.valueObjects === 'type' || (type.kind === 'value-object' && type.brand === true),
        defaultExport: type.defaultExport,
      });
    // A value object rebuilt from a branded primitive names the brand in its rebuild (`new EmailVo(value as Email)`).
    if (type.kind === 'value-object' && type.brand !== true)
      addDomainTypeImports(imports, specifiers, fromFile, wrappedTypes(type.rehydration), usage);
    if (type.kind === 'composite')
      addDomainTypeImports(
        imports,
        specifiers,
        fromFile,
        type.fields.map((f) => f.type),
        usage,
      );
    if (type.kind === 'enum')
      imports.add(specifiers.source(fromFile, type.file), type.name, {
        typeOnly: usage.enums === 'type',
        defaultExport: type.defaultExport,
      });
  }
}

export function addLibraryImport(imports: ImportSet, library: LibraryImport): void {
  if (library.form === 'namespace') imports.addNamespace(library.module, library.binding);
  else imports.add(library.module, library.binding, { defaultExport: library.form === 'default' });
}

/** Adds imports of the collection classes that wrap lists of the fields (`Comments`), which the code builds. */
export function addCollectionImports(
  imports: ImportSet,
  specifiers: ModuleSpecifiers,
  fromFile: string,
  fields: readonly FieldModel[],
): void {
  for (const field of fields)
    if (field.collection?.file !== undefined) imports.add(specifiers.source(fromFile, field.collection.file), field.collection.className);
}
