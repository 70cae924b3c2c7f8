import type { Artifact, GeneratorContext } from '../src/render/artifact.js';
import { ImportSet } from '../src/render/imports.js';
import { addAggregateImport, addPortImports, addSignatureImports, implementedPorts, methodSignature } from './port-signature.js';
import { addOptionImports } from './option-wrapper.js';
import { newIdExpression, planMethod } from './repository-queries.js';
import { addDynamicQueryImports } from './dynamic-queries.js';
import { tsLiteral } from '../src/render/ts-literal.js';
import { addValueCheckImports, columnChecksName } from './value-checks.js';
import type { DomainEventsAccess } from '../src/model/domain-events.js';

/** The TypeORM implementation of the port: it only translates between the port and the ORM. */
export function repository({ model, layout, specifiers }: GeneratorContext): Artifact {
  const { names, aggregate, port, table } = model;
  const path = layout.repository;
  const handWritten = model.methods.some((m) => m.kind === 'hand-written');
  const implemented = model.methods.filter((m) => m.kind !== 'hand-written');
  const plans = implemented.map((m) => ({ ...planMethod(m, model), signature: methodSignature(m.method) }));
  const imports = new ImportSet().add('typeorm', 'DataSource', { typeOnly: true });
  addAggregateImport(imports, specifiers, path, aggregate, { typeOnly: true });
  addPortImports(imports, specifiers, path, port)
    .add(specifiers.generated(path, layout.model), names.modelClass)
    .add(specifiers.generated(path, layout.mapper), names.mapperClass);
  if (!handWritten) imports.add('typeorm', 'Repository', { typeOnly: true });
  else imports.add(specifiers.generated(path, layout.repositoryCustom), customClass(names.typeOrmRepositoryClass));
  addSignatureImports(imports, specifiers, path, implemented.map((m) => m.method));
  for (const option of implemented.flatMap((m) => m.method.returns.option ?? [])) addOptionImports(imports, specifiers, path, option, 'repository');
  addDynamicQueryImports(imports, specifiers, path, layout, model, 'typeorm');
  for (const plan of plans) {
    for (const name of plan.typeormImports) imports.add('typeorm', name);
    for (const name of plan.sqlSupportImports) imports.add(specifiers.generated(path, layout.querySupport), name);
  }
  const id = model.fields.find((f) => f.column.primary)!;
  // Every call joins the transaction that is running, whichever repository started it (support/transactions.ts).
  const transactional = implemented.some((m) => m.kind === 'transaction');
  imports.add(specifiers.generated(path, layout.transactions), 'ambientRepository');
  if (transactional) imports.add(specifiers.generated(path, layout.transactions), 'inTransaction');
  // Saves go through the project's one AggregateStore: versions, plain inserts, what changed since the load.
  imports.add(specifiers.generated(path, layout.aggregateStore), 'AggregateStore');
  addValueCheckImports(imports, specifiers, path, layout, model, plans);
  if (implemented.some((m) => m.kind === 'write' && m.mode === 'create' && m.result === 'boolean')) imports.add(specifiers.generated(path, layout.persistenceErrors), 'DuplicateError');
  const outbox = model.outbox && outboxAccess(model.outbox.events);
  if (outbox) imports.add(specifiers.generated(path, layout.outbox), 'OutboxModel').add(specifiers.generated(path, layout.outbox), 'outboxRows');
  const usesLoaded = implemented.some((m) => ['find-by-id', 'find-by-ids', 'find-all', 'find-page'].includes(m.kind) || (m.kind === 'criteria' && m.result === 'many') || (m.kind === 'derived' && m.query.action === 'find'));
  if (model.children.length > 0 && usesLoaded) imports.add(specifiers.generated(path, layout.aggregateRows), 'AggregateRows');
  if (model.children.length > 0 && plans.some((p) => p.paged)) imports.add('typeorm', 'FindManyOptions', { typeOnly: true });
  const newId = implemented.some((m) => m.kind === 'next-id') ? newIdExpression(model, imports, specifiers, path) : undefined;
  return {
    path,
    template: 'repository.ejs',
    source: port.file,
    data: {
      imports: imports.lines(),
      className: names.typeOrmRepositoryClass,
      base: handWritten ? customClass(names.typeOrmRepositoryClass) : undefined,
      port: implementedPorts(port),
      aggregate: names.aggregate,
      variable: names.variable,
      modelClass: names.modelClass,
      mapper: names.mapperClass,
      idProperty: id.column.property,
      collections: tsLiteral(model.children.map((c) => c.field.name)),
      version: model.version?.property,
      columnChecks: columnChecksName(model),
      // The AggregateStore member, named so that a port method `store(x)` keeps its name.
      store: port.methods.some((m) => m.name === 'store') ? 'aggregateStore' : 'store',
      // With children, reads go through AggregateRows: ids first (a find), then the rows of those roots.
      rows: model.children.length > 0 &&
        usesLoaded && {
          collections: tsLiteral(model.children.map((c) => c.field.name)),
          matching: plans.some((p) => p.paged),
        },
      // `loaded` is only emitted where a method reads aggregates: an unused private method fails noUnusedLocals.
      usesLoaded,
      newId,
      transactional,
      outbox,
      table: table.name,
      needsDialect: plans.some((p) => p.sqlSupportImports.includes('textCondition') || p.sqlSupportImports.includes('nullsOrder') || p.dynamic),
      methods: plans,
    },
  };
}

/** How write() takes an aggregate's events: pulled in one call, or read and, once saved, cleared. */
function outboxAccess(events: DomainEventsAccess): { read: string; clear?: string } {
  return events.kind === 'pull' ? { read: `${events.method}()` } : { read: events.read, clear: events.clear };
}

/** The user-owned class that holds the hand-written methods: `TypeOrmOrderRepositoryCustom`. */
export function customClass(className: string): string {
  return `${className}Custom`;
}
