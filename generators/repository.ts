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
import { GenError } from '../src/errors.js';
import { addOptionImports } from './option-wrapper.js';
import { planMethod } from './methods/plan-method.js';
import { newIdExpression } from './methods/next-id.js';
import { addFieldWriteImports } from './methods/field-write.js';
import { addBodyImports, bodyImports, outsideThePort, typeOrmBody } from './methods/index.js';
import type { ModuleSpecifiers } from '../src/render/module-specifiers.js';
import type { ArtifactLayout } from '../src/layout.js';
import { addDynamicQueryImports } from './dynamic-queries.js';
import { absentIdValues, assignIdCode, rebuildsOnSave } from './assigned-id.js';
import { tsLiteral } from '../src/render/ts-literal.js';
import { addValueCheckImports, columnChecksName } from './value-checks.js';
import type { DomainEventsAccess } from '../src/model/domain-events.js';

/** The TypeORM implementation of the port: it only translates between the port and the ORM. */
export function repository(context: GeneratorContext): Artifact<RepositoryTemplate> {
  const { layout, specifiers } = context;
  // A method the user wrote in the other repository's custom file only is gen's here (src/map/user-methods.ts).
  const model = context.repositories?.typeorm ?? context.model;
  const { names, aggregate, port, table } = model;
  const path = layout.repository;
  const handWritten = model.methods.some((m) => m.kind === 'hand-written');
  const extended = extendedPort(port);
  if (extended && handWritten) {
    const method = model.methods.find((m) => m.kind === 'hand-written')!.method;
    throw new GenError(
      `cannot implement ${port.name}.${method.name} (it needs a hand-written method) in a repository that extends ${extended.name}, an abstract class with members of its own: the hand-written methods' class would have to extend it too, which gen does not write yet`,
      method.location,
      `Rename or reshape '${method.name}' so that gen derives it, or make ${extended.name} an interface (or an abstract class of abstract methods only).`,
    );
  }
  const implemented = model.methods.filter((m) => m.kind !== 'hand-written');
  const plans = implemented.map((m) => planMethod(m, model));
  const imports = new ImportSet().add('typeorm', 'DataSource', { typeOnly: true });
  addAggregateImport(imports, specifiers, path, aggregate, { typeOnly: true });
  addPortImports(imports, specifiers, path, port, { extending: true })
    .add(specifiers.generated(path, layout.entity), names.entityClass)
    .add(specifiers.generated(path, layout.mapper), names.mapperClass);
  if (!handWritten) imports.add('typeorm', 'Repository', { typeOnly: true });
  else imports.add(specifiers.generated(path, layout.repositoryCustom), customClass(names.typeOrmRepositoryClass));
  addSignatureImports(
    imports,
    specifiers,
    path,
    implemented.map((m) => m.method),
  );
  for (const option of implemented.flatMap((m) => m.method.returns.option ?? []))
    addOptionImports(imports, specifiers, path, option, 'repository');
  addDynamicQueryImports(imports, specifiers, path, layout, model, 'typeorm');
  const id = model.fields.find((f) => f.column.primary)!;
  if (model.aggregate.generatedId?.strategy === 'uuid') imports.add('node:crypto', 'randomUUID');
  // Every call joins the transaction that is running, whichever repository started it (support/transactions.ts).
  const transactional = implemented.some((m) => m.kind === 'transaction');
  imports.add(specifiers.generated(path, layout.transactions), 'ambientRepository');
  // Saves go through the project's one AggregateStore: versions, plain inserts, what changed since the load.
  imports.add(specifiers.generated(path, layout.aggregateStore), 'AggregateStore');
  addValueCheckImports(imports, specifiers, path, layout, model, plans);
  addBodyImports(
    imports,
    supportFiles(specifiers, path, layout),
    implemented.map((m, i) => bodyImports(m, plans[i]).typeorm),
  );
  const outbox = model.outbox && outboxAccess(model.outbox.events);
  if (outbox)
    imports.add(specifiers.generated(path, layout.outbox), 'OutboxModel').add(specifiers.generated(path, layout.outbox), 'outboxRows');
  const usesLoaded = implemented.some(
    (m) =>
      ['find-by-id', 'find-by-ids', 'find-all', 'find-page'].includes(m.kind) ||
      (m.kind === 'criteria' && m.result === 'many') ||
      (m.kind === 'derived' && m.query.action === 'find') ||
      (m.kind === 'field-write' && m.mode === 'update'),
  );
  if (model.children.length > 0 && usesLoaded) imports.add(specifiers.generated(path, layout.aggregateRows), 'AggregateRows');
  if (model.children.length > 0 && plans.some((p) => p.paged)) imports.add('typeorm', 'FindManyOptions', { typeOnly: true });
  const newId = implemented.some((m) => m.kind === 'next-id') ? newIdExpression(model, imports, specifiers, path) : undefined;
  addFieldWriteImports(imports, specifiers, path, model);
  const store = port.methods.some((m) => m.name === 'store') ? 'aggregateStore' : 'store';
  const rows = model.children.length > 0 && usesLoaded;
  const shape = {
    aggregate: names.aggregate,
    entityClass: names.entityClass,
    idProperty: id.column.property,
    store,
    rows,
    rebuildsOnSave: rebuildsOnSave(model),
    ...(newId === undefined ? {} : { newId }),
    ...(absentIdValues(model) === undefined ? {} : { idAbsent: absentIdValues(model) }),
  };
  return {
    path,
    template: 'repository.ejs',
    source: port.file,
    data: {
      imports: imports.lines(),
      className: names.typeOrmRepositoryClass,
      base: handWritten ? customClass(names.typeOrmRepositoryClass) : extended?.name,
      ormInBase: handWritten,
      portArguments: extended
        ? { type: `ConstructorParameters<typeof ${extended.name}>`, count: extended.partial!.samples.length }
        : undefined,
      fields: abstractPropertyFields(port, names.typeOrmRepositoryClass),
      port: implementedPorts(port),
      implements: portsToImplement(port),
      aggregate: names.aggregate,
      variable: names.variable,
      entityClass: names.entityClass,
      mapper: names.mapperClass,
      idProperty: id.column.property,
      collections: tsLiteral(model.children.map((c) => c.field.name)),
      version: model.version?.property,
      assignId: assignIdCode(model),
      newId: model.aggregate.generatedId?.strategy === 'uuid',
      columnChecks: columnChecksName(model),
      // The AggregateStore member, named so that a port method `store(x)` keeps its name.
      store,
      // With children, reads go through AggregateRows: ids first (a find), then the rows of those roots.
      rows: rows ? { collections: tsLiteral(model.children.map((c) => c.field.name)), matching: plans.some((p) => p.paged) } : undefined,
      // `loaded` is only emitted where a method reads aggregates: an unused private method fails noUnusedLocals.
      usesLoaded,
      transactional,
      outbox,
      table: table.name,
      needsDialect: plans.some(
        (p) => p.sqlSupportImports.includes('textCondition') || p.sqlSupportImports.includes('nullsOrder') || p.dynamic,
      ),
      methods: implemented.map((m, i) => ({
        signature: methodSignature(m.method),
        body: typeOrmBody(m, plans[i], shape),
        note: outsideThePort(m),
      })),
    },
  };
}

/** What templates/repository.ejs prints: the class skeleton, and each method's signature and body. */
export interface RepositoryTemplate {
  imports: string[];
  className: string;
  /** The user's custom class it extends, where the port has hand-written methods, or the partial abstract-class port. */
  base: string | undefined;
  /** The base is the custom class, which holds `orm`. */
  ormInBase: boolean;
  /** The extended port's constructor parameters, forwarded after the DataSource. */
  portArguments: { type: string; count: number } | undefined;
  /** The abstract string properties of the extended port, filled with the class's name. */
  fields: string[];
  /** The ports after `implements` (none where the one port is extended). */
  implements: string;
  port: string;
  aggregate: string;
  variable: string;
  entityClass: string;
  mapper: string;
  idProperty: string;
  /** The child collections' names, as a TypeScript array literal. */
  collections: string;
  version: string | undefined;
  /** How the store sets an id the database assigned on the aggregate, and clears it at a rollback. */
  assignId: { set: string; clear: string } | undefined;
  /** A string id absent until saved: the store gives it a random UUID. */
  newId: boolean;
  columnChecks: string;
  store: string;
  rows: { collections: string; matching: boolean } | undefined;
  usesLoaded: boolean;
  transactional: boolean;
  outbox: { read: string; clear?: string } | undefined;
  table: string;
  needsDialect: boolean;
  /** `note`: the doc comment of a method the port does not declare. */
  methods: { signature: string; body: string[]; note?: string }[];
}

/** The support files a repository's method bodies import from, as `path` reaches them. */
export function supportFiles(specifiers: ModuleSpecifiers, path: string, layout: ArtifactLayout) {
  return {
    querySupport: specifiers.generated(path, layout.querySupport),
    transactions: specifiers.generated(path, layout.transactions),
    persistenceErrors: specifiers.generated(path, layout.persistenceErrors),
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
