import type { PersistenceModel } from '../src/map/persistence-model.js';
import type { Artifact, GeneratorContext } from '../src/render/artifact.js';
import { ImportSet } from '../src/render/imports.js';
import { addSignatureImports, implementedPorts, methodSignature } from './port-signature.js';
import { addOptionImports } from './option-wrapper.js';
import { customClass } from './repository.js';
import { handWritten } from './methods/hand-written.js';

/** A hand-written method's stub: its signature, and a body that throws until the user writes it (methods/hand-written.ts). */
export interface HandWrittenStub {
  name: string;
  signature: string;
  async: boolean;
  body: string[];
}

/** The hand-written methods, as stubs that throw until the user writes them. */
export function handWrittenStubs(model: PersistenceModel): HandWrittenStub[] {
  return model.methods.flatMap((m) =>
    m.kind === 'hand-written'
      ? [
          {
            name: m.method.name,
            signature: methodSignature(m.method, { unusedParameters: true }),
            async: m.method.async,
            body: handWritten.stub(m),
          },
        ]
      : [],
  );
}

/** What templates/repository-custom.ejs and in-memory-repository-custom.ejs print. */
export interface RepositoryCustomTemplate {
  imports: string[];
  className: string;
  generatedClass: string;
  entityClass: string;
  mapper: string;
  port: string;
  stubs: HandWrittenStub[];
  /** In memory: the type of the rows' keys. */
  keyType?: string;
}

/**
 * The user's part of the TypeORM repository: gen creates it once, with a stub for each method it cannot
 * derive, and never overwrites it. The generated class extends it; a port method added later that is
 * missing here is a compile error in the generated class.
 */
export function repositoryCustom(context: GeneratorContext): Artifact<RepositoryCustomTemplate> | undefined {
  const { layout, specifiers } = context;
  // A method the user wrote in the other repository's custom file only is gen's here (src/map/user-methods.ts).
  const model = context.repositories?.typeorm ?? context.model;
  const stubs = handWrittenStubs(model);
  if (stubs.length === 0) return undefined;
  const path = layout.repositoryCustom;
  const handWritten = model.methods.filter((m) => m.kind === 'hand-written').map((m) => m.method);
  const imports = new ImportSet()
    .add('typeorm', 'Repository', { typeOnly: true })
    .add(specifiers.generated(path, layout.entity), model.names.entityClass, { typeOnly: true });
  addSignatureImports(imports, specifiers, path, handWritten);
  for (const option of handWritten.flatMap((m) => m.returns.option ?? [])) addOptionImports(imports, specifiers, path, option, 'signature');
  return {
    path,
    template: 'repository-custom.ejs',
    source: model.port.file,
    owner: 'user',
    data: {
      imports: imports.lines(),
      className: customClass(model.names.typeOrmRepositoryClass),
      generatedClass: model.names.typeOrmRepositoryClass,
      entityClass: model.names.entityClass,
      mapper: model.names.mapperClass,
      port: implementedPorts(model.port),
      stubs,
    },
  };
}
