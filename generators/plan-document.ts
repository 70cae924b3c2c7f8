import { priorPlanPaths } from '../src/check/prerequisites.js';
import { planDate } from '../src/manifest.js';
import { columnTypeText } from '../src/map/column-types.js';
import { schemaName } from '../src/map/naming.js';
import type { ArtifactLayout } from '../src/layout.js';
import type { FieldMapping, PersistenceModel } from '../src/map/persistence-model.js';
import type { Rehydration } from '../src/model/domain-model.js';
import type { ApplicationModel } from '../src/model/application-model.js';
import type { Artifact, GeneratorContext } from '../src/render/artifact.js';
import { planRow } from './methods/index.js';
import { estimateEffort, formatMinutes } from './effort-estimate.js';
import { methodSignature } from './port-signature.js';
import { callersOf, callsByMethod, uncalledMethods } from './use-case-calls.js';
import { validationChecklist } from './validation-checklist.js';

/**
 * The plan method's infrastructure plan, filled from the same model the code is generated from. A feature of several
 * aggregates gets one plan: a section each, under the feature's title.
 */
export function planDocument(context: GeneratorContext): Artifact {
  const { model, layout, project } = context;
  const date = planDate(project.manifest, model.feature, project.documents[layout.planDocument], project.now);
  if (context.aggregates && context.aggregates.length > 1) {
    return {
      path: layout.planDocument,
      template: 'feature-plan.ejs',
      source: layout.manifest,
      data: {
        date,
        feature: model.feature,
        aggregates: context.aggregates.map((c) => code(c.model.names.aggregate)),
        sections: context.aggregates.map((c) => ({
          ...planData(c, date),
          section: true,
          sub: '#',
        })),
      },
    };
  }
  return {
    path: layout.planDocument,
    template: 'plan-document.ejs',
    source: model.port.file,
    data: { ...planData(context, date), section: false, sub: '' },
  };
}

function planData(context: GeneratorContext, date: string) {
  const { model, layout, project, application, domainImports } = context;
  const { names, table, aggregate, port } = model;
  const priorPlans = priorPlanPaths(layout);
  const effort = estimateEffort(model);
  return {
    date,
    feature: model.feature,
    names,
    table,
    aggregateFile: aggregate.file,
    port,
    // One port: `the domain port X (file)`; several (read, write, out-ports): each, implemented by one class.
    portsText:
      port.ports.length === 1
        ? `the domain port ${code(port.name)} (${code(port.file)})`
        : `the domain ports ${port.ports.map((p) => `${code(p.name)} (${code(p.file)})`).join(', ')}`,
    portNames: port.ports.map((p) => code(p.name)).join(', '),
    leftAlone: port.leftAlone.map((l) => ({
      name: code(l.name),
      where: code(`${l.location.file}:${l.location.line}`),
      reason: l.reason,
    })),
    layout,
    prerequisites: [
      ...port.ports.map((p) => ({
        checked: true,
        text: `Domain port ${code(p.name)} in ${code(p.file)}`,
      })),
      ...priorPlans.map((path) => {
        const title = project.documents[path] === undefined ? undefined : firstHeading(project.documents[path]);
        return title === undefined
          ? {
              checked: false,
              text: `${code(path)} is missing: write it before relying on this plan`,
            }
          : { checked: true, text: `${code(path)}: ${title}` };
      }),
    ],
    application: {
      dir: application.dir,
      useCases: application.useCases.map((u) => ({
        name: cell(code(u.name)),
        file: cell(code(`${u.file}:${u.location.line}`)),
        calls: cell(
          callsByMethod(u.calls)
            .map((c) => `${code(c.method)} (${lines(c.lines)})`)
            .join(', ') || 'none: it only names the port',
        ),
      })),
    },
    methods: model.methods.map((m) => ({
      signature: cell(code(methodSignature(m.method).replace(/^async /, ''))),
      implementation: cell(planRow(m, model, layout)),
      calledBy: cell(
        callersOf(m.method.name, application)
          .map((c) => code(c.useCase))
          .join(', ') || '-',
      ),
    })),
    // How use cases that change several aggregates get one transaction: the port's own, or how to ask for one.
    unitOfWork: unitOfWork(model, layout),
    uncalled: application.useCases.length === 0 ? [] : uncalledMethods(port, application).map(code),
    migrations: context.migrations.migrations,
    laterMigrations: context.migrations.migrations
      .slice(1)
      .map((m) => code(m.className))
      .join(', '),
    mappingRows: [...model.fields.flatMap((f) => mappingRows(f)), ...versionRow(model)],
    version: model.version && code(model.version.column),
    indexes: table.indexes,
    rebuiltThrough: rebuiltThrough(aggregate.name, aggregate.rehydration),
    tables: [table, ...model.children.map((c) => c.table)].map((t) => code(t.name)),
    children: model.children.map((child) => ({
      className: child.className,
      entityClass: child.entityClass,
      file: child.file,
      field: child.field.name,
      table: child.table.name,
      primaryKey: child.table.primaryKey.map(code).join(', '),
      foreignKey: child.table.foreignKeys![0],
      position: child.positionColumn.name,
      parentColumn: child.parentColumn.name,
      rebuiltThrough: rebuiltThrough(child.className, child.rehydration),
      collection: child.field.collection
        ? ` and gathered into a ${code(child.field.collection.className)} ${rebuiltThrough(child.field.collection.className, child.field.collection.rehydration)}`
        : '',
      mappingRows: child.fields.flatMap((f) => mappingRows(f)),
    })),
    referenceIndexes: model.fields.some((f) => f.reference !== undefined),
    repeatedWrites: repeatedWrites(model, application),
    checklist: validationChecklist({
      model,
      layout,
      application,
      domainImports,
      documents: project.documents,
      priorPlans,
      testCommand: context.testRunner.command,
    }),
    testRunner: {
      name: context.testRunner.name,
      command: context.testRunner.command,
    },
    // Without experimentalDecorators: plain row classes, each mapped by an EntitySchema.
    schemas:
      context.entityStyle === 'schema'
        ? [names.entityClass, ...model.children.map((c) => c.entityClass)].map((c) => code(schemaName(c))).join(', ')
        : undefined,
    effort: {
      // A row of nothing to do says nothing.
      rows: effort.rows
        .filter((r) => r.count > 0)
        .map((r) => ({
          ...r,
          work: cell(r.work),
          total: formatMinutes(r.minutes),
        })),
      total: formatMinutes(Math.max(15, Math.round(effort.totalMinutes / 15) * 15)),
      handWrittenMethods: effort.handWrittenMethods.map(code),
    },
  };
}

/** `through its constructor`, `through \`Product.reconstitute\``. */
function rebuiltThrough(className: string, rehydration: Rehydration): string {
  if (rehydration.call.kind === 'literal') return 'as an object literal';
  if (rehydration.call.kind === 'cast') return `as its stored value cast to ${code(className)}`;
  if (rehydration.call.kind === 'function') return `through ${code(`${rehydration.call.callee}(date)`)}`;
  const through =
    rehydration.call.kind === 'constructor' ? 'through its constructor' : `through ${code(`${className}.${rehydration.call.method}`)}`;
  if (rehydration.written?.length) {
    const back = rehydration.written.filter((w) => w.taken).map((w) => code(w.member));
    const also = back.length > 0 ? `, and writing ${back.join(', ')} back as stored over what it made of them` : '';
    return `${through}, then writing ${rehydration.written
      .filter((w) => !w.taken)
      .map((w) => code(w.member))
      .join(', ')} straight onto the instance (bypassing its methods, as an ORM rehydrates)${also}`;
  }
  return rehydration.assigned?.length ? `${through}, then setting ${rehydration.assigned.map(code).join(', ')}` : through;
}

/** One row per column: a composite value object gives one per part (`price.amount`). */
function mappingRows(mapping: FieldMapping, path = ''): ReturnType<typeof mappingRow>[] {
  const name = `${path}${mapping.field.name}`;
  if (mapping.conversion.kind === 'composite') return mapping.conversion.parts.flatMap((part) => mappingRows(part, `${name}.`));
  return [mappingRow(mapping, name)];
}

function mappingRow(mapping: FieldMapping, name: string) {
  const { field, column } = mapping;
  const type = field.type;
  const kind =
    type.kind === 'value-object' && type.library
      ? `${type.library.module}'s ${type.name} (as a Date: ${code(type.valueAccess.slice(1))}, ${rebuiltThrough(type.name, type.rehydration)})`
      : type.kind === 'value-object' || type.kind === 'composite'
        ? `value object ${type.name}`
        : type.kind === 'enum'
          ? `enum ${type.name}`
          : type.kind === 'primitive'
            ? type.primitive === 'date'
              ? 'Date'
              : type.primitive
            : type.kind === 'literal-union'
              ? type.values.map((v) => `'${v}'`).join(' | ')
              : type.kind;
  const base = mapping.reference ? `${kind}, the id of a ${mapping.reference} (no join)` : kind;
  const concept = field.list ? `list of ${base} (JSON${field.collection ? `, in a ${code(field.collection.className)}` : ''})` : base;
  const values = column.enumValues ? `: ${column.enumValues.map(code).join(', ')}` : '';
  return {
    field: cell(code(`${name}${field.optional ? '?' : ''}`)),
    concept: cell(concept),
    column: cell(code(column.name)),
    type: cell(`${code(columnTypeText(column))}${values}`),
    constraints: [
      column.primary ? 'primary key' : '',
      column.nullable ? 'nullable' : 'not null',
      column.generated === undefined ? '' : `assigned on insert (${column.generated === 'increment' ? 'auto-increment' : 'UUID'})`,
    ]
      .filter(Boolean)
      .join(', '),
  };
}

/** The repository's own version column, in the table beside the fields: no domain field maps to it. */
function versionRow(model: PersistenceModel): ReturnType<typeof mappingRow>[] {
  const column = model.version && model.table.columns.find((c) => c.name === model.version!.column);
  if (!column) return [];
  return [
    {
      field: '-',
      concept: "row version (the repository's, not the domain's)",
      column: code(column.name),
      type: code(columnTypeText(column)),
      constraints: `not null, default ${column.default}`,
    },
  ];
}

/** Use cases that write more than once (or in a loop) in one run: each write is its own transaction. */
function repeatedWrites(model: PersistenceModel, application: ApplicationModel): string[] {
  const writes = new Set(
    model.methods.filter((m) => m.kind === 'save' || m.kind === 'write' || m.kind === 'delete-by-id').map((m) => m.method.name),
  );
  return application.useCases.flatMap((u) => {
    const calls = u.calls.filter((c) => writes.has(c.method));
    if (calls.length < 2 && !calls.some((c) => c.inLoop)) return [];
    const where = calls.map((c) => `${c.method} at line ${c.location.line}${c.inLoop ? ' (in a loop)' : ''}`).join(', ');
    return [`${code(u.name)} (${code(u.file)}): ${where}`];
  });
}

/** A pipe inside a table cell would end the cell, even inside a code span. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|');
}

/** A code span that survives backticks in its text (CommonMark: a longer fence, padded with spaces). */
function code(text: string): string {
  if (!text.includes('`')) return `\`${text}\``;
  const longest = Math.max(...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  return `${fence} ${text} ${fence}`;
}

function lines(numbers: readonly number[]): string {
  return numbers.length === 1 ? `line ${numbers[0]}` : `lines ${numbers.join(', ')}`;
}

function unitOfWork(model: PersistenceModel, layout: ArtifactLayout): string {
  const transaction = model.methods.find((m) => m.kind === 'transaction');
  if (transaction) {
    return `Use cases that change several aggregates run in ${code(`${model.port.name}.${transaction.method.name}(work)`)}: every generated repository's calls inside it, of any feature, join one transaction (${code(layout.transactions)}).`;
  }
  return `Use cases that change several aggregates need one transaction: declare ${code('transaction<T>(work: () => Promise<T>): Promise<T>')} on the port and every generated repository's calls inside it, of any feature, join it.`;
}

function firstHeading(markdown: string): string | undefined {
  return /^#\s+(.+)$/m.exec(markdown)?.[1]?.trim();
}
