import { modelPropertyType } from '../src/map/column-types.js';
import type { Artifact, GeneratorContext } from '../src/render/artifact.js';
import { ImportSet } from '../src/render/imports.js';
import { addSignatureImports, implementedPorts } from './port-signature.js';
import { addOptionImports } from './option-wrapper.js';
import { customClass } from './repository.js';
import { handWrittenStubs, type RepositoryCustomTemplate } from './repository-custom.js';

/** The user's part of the in-memory repository: like repositoryCustom, created once and never overwritten. */
export function inMemoryRepositoryCustom(context: GeneratorContext): Artifact<RepositoryCustomTemplate> | undefined {
  const { layout, specifiers } = context;
  // A method the user wrote in the other repository's custom file only is gen's here (src/map/user-methods.ts).
  const model = context.repositories?.inMemory ?? context.model;
  const stubs = handWrittenStubs(model);
  if (stubs.length === 0) return undefined;
  const path = layout.inMemoryRepositoryCustom;
  const id = model.fields.find((f) => f.column.primary)!;
  const imports = new ImportSet()
    .add(specifiers.generated(path, layout.entity), model.names.entityClass, { typeOnly: true })
    .add(specifiers.generated(path, layout.transactions), 'InMemoryRows');
  addSignatureImports(
    imports,
    specifiers,
    path,
    model.methods.filter((m) => m.kind === 'hand-written').map((m) => m.method),
  );
  for (const option of model.methods.flatMap((m) => (m.kind === 'hand-written' ? (m.method.returns.option ?? []) : [])))
    addOptionImports(imports, specifiers, path, option, 'signature');
  return {
    path,
    template: 'in-memory-repository-custom.ejs',
    source: model.port.file,
    owner: 'user',
    data: {
      imports: imports.lines(),
      className: customClass(model.names.inMemoryRepositoryClass),
      generatedClass: model.names.inMemoryRepositoryClass,
      entityClass: model.names.entityClass,
      mapper: model.names.mapperClass,
      keyType: modelPropertyType(id.column),
      port: implementedPorts(model.port),
      stubs,
    },
  };
}
