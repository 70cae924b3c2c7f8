import { modelPropertyType } from '../src/map/column-types.js';
import type { Artifact, GeneratorContext } from '../src/render/artifact.js';
import { ImportSet } from '../src/render/imports.js';
import {
  abstractPropertyFields,
  addAggregateImport,
  addPortImports,
  addSignatureImports,
  extendedPort,
  implementedPorts,
  methodSignature,
  portsToImplement,
} from './port-signature.js';
import { addOptionImports } from './option-wrapper.js';
import { customClass, supportFiles } from './repository.js';
import { planMethod } from './methods/plan-method.js';
import { newIdExpression } from './methods/next-id.js';
import { addFieldWriteImports } from './methods/field-write.js';
import { addBodyImports, bodyImports, memoryBody, outsideThePort } from './methods/index.js';
import { addDynamicQueryImports } from './dynamic-queries.js';
import { absentIdValues, nextIdCode, rebuildsOnSave } from './assigned-id.js';
import { addValueCheckImports, columnChecksName } from './value-checks.js';

/**
 * The in-memory twin of the TypeORM repository, for use-case tests. It stores copies of rows made by the
 * same mapper, saves them as the TypeORM repository does (versions, snapshots, the same errors: support/
 * transactions.ts) and applies the same query semantics (support/query-semantics.ts), so one contract
 * suite passes on both.
 */
export function inMemoryRepository(context: GeneratorContext): Artifact<InMemoryRepositoryTemplate> {
  const { layout, specifiers } = context;
  // A method the user wrote in the other repository's custom file only is gen's here (src/map/user-methods.ts).
  const model = context.repositories?.inMemory ?? context.model;
  const { names, aggregate, port } = model;
  const path = layout.inMemoryRepository;
  const handWritten = model.methods.some((m) => m.kind === 'hand-written');
  const implemented = model.methods.filter((m) => m.kind !== 'hand-written');
  const methods = implemented.map((m) => planMethod(m, model));
  const imports = addAggregateImport(new ImportSet(), specifiers, path, aggregate, { typeOnly: true });
  addPortImports(imports, specifiers, path, port, { extending: true }).add(specifiers.generated(path, layout.mapper), names.mapperClass);
  if (handWritten) imports.add(specifiers.generated(path, layout.inMemoryRepositoryCustom), customClass(names.inMemoryRepositoryClass));
  // Its rows are put back if a transaction of any in-memory repository rejects (support/transactions.ts).
  else imports.add(specifiers.generated(path, layout.transactions), 'InMemoryRows');
  // Saves and loads go through what both repositories share: versions, snapshots, the same errors.
  imports.add(specifiers.generated(path, layout.transactions), 'InMemoryAggregates');
  addValueCheckImports(imports, specifiers, path, layout, model, methods);
  addSignatureImports(
    imports,
    specifiers,
    path,
    implemented.map((m) => m.method),
  );
  for (const option of implemented.flatMap((m) => m.method.returns.option ?? []))
    addOptionImports(imports, specifiers, path, option, 'repository');
  addDynamicQueryImports(imports, specifiers, path, layout, model, 'memory');
  const id = model.fields.find((f) => f.column.primary)!;
  const usesMatching = methods.some(
    (m) => m.kind === 'find-all' || m.kind === 'find-by-ids' || m.kind === 'derived' || m.dynamic !== undefined,
  );
  if (usesMatching) imports.add(specifiers.generated(path, layout.querySupport), 'compareColumns');
  addBodyImports(
    imports,
    supportFiles(specifiers, path, layout),
    implemented.map((m, i) => bodyImports(m, methods[i]).memory),
  );
  // The model is named by the rows (kept by the hand-written base when there is one) and rowsMatching only.
  if (!handWritten || usesMatching) imports.add(specifiers.generated(path, layout.entity), names.entityClass, { typeOnly: true });
  const newId = methods.some((m) => m.kind === 'next-id') ? newIdExpression(model, imports, specifiers, path) : undefined;
  addFieldWriteImports(imports, specifiers, path, model);
  const ids = nextIdCode(model);
  if (ids?.uuid) imports.add('node:crypto', 'randomUUID');
  const shape = {
    aggregate: names.aggregate,
    idProperty: id.column.property,
    rebuildsOnSave: rebuildsOnSave(model),
    ...(newId === undefined ? {} : { newId }),
    ...(absentIdValues(model) === undefined ? {} : { idAbsent: absentIdValues(model) }),
  };
  return {
    path,
    template: 'in-memory-repository.ejs',
    source: port.file,
    data: {
      imports: imports.lines(),
      className: names.inMemoryRepositoryClass,
      // A partial abstract-class port is extended; its constructor is inherited as it is.
      base: handWritten ? customClass(names.inMemoryRepositoryClass) : extendedPort(port)?.name,
      rowsInBase: handWritten,
      fields: abstractPropertyFields(port, names.inMemoryRepositoryClass),
      port: implementedPorts(port),
      implements: portsToImplement(port),
      aggregate: names.aggregate,
      variable: names.variable,
      entityClass: names.entityClass,
      mapper: names.mapperClass,
      idProperty: id.column.property,
      columnChecks: columnChecksName(model),
      versioned: model.version !== undefined,
      ids,
      keyType: modelPropertyType(id.column),
      // An async port method is not declared async here (it would await nothing): see memoryBody.
      methods: implemented.map((m, i) => ({
        signature: methodSignature(m.method).replace(/^async /, ''),
        body: memoryBody(m, methods[i], shape),
        note: outsideThePort(m),
      })),
      usesMatching,
    },
  };
}

/** What templates/in-memory-repository.ejs prints: the class skeleton, and each method's signature and body. */
export interface InMemoryRepositoryTemplate {
  imports: string[];
  className: string;
  /** The user's custom class, where the port has hand-written methods, or the partial abstract-class port. */
  base: string | undefined;
  /** The base is the custom class, which holds `rows`. */
  rowsInBase: boolean;
  /** The abstract string properties of the extended port, filled with the class's name. */
  fields: string[];
  port: string;
  /** The ports after `implements` (none where the one port is extended). */
  implements: string;
  aggregate: string;
  variable: string;
  entityClass: string;
  mapper: string;
  idProperty: string;
  columnChecks: string;
  /** The root table has a version column: stale saves are refused (else the last write wins). */
  versioned: boolean;
  /** Where the database assigns ids on insert: how the twin assigns them in its place (AssignedIds in support/transactions.ts). */
  ids: ReturnType<typeof nextIdCode>;
  keyType: string;
  /** `note`: the doc comment of a method the port does not declare. */
  methods: { signature: string; body: string[]; note?: string }[];
  /** Only emitted where a method uses it: an unused private method fails `noUnusedLocals`. */
  usesMatching: boolean;
}
