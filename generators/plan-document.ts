import { priorPlanPaths } from '../src/check/prerequisites.js';
import { planDate } from '../src/manifest.js';
import { columnTypeText } from '../src/map/column-types.js';
import { schemaName } from '../src/map/naming.js';
import type { ArtifactLayout } from '../src/layout.js';
import type { Operator } from '../src/map/derived-query-parser.js';
import type { FieldMapping, PersistenceModel, RepositoryMethod } from '../src/map/persistence-model.js';
import type { Rehydration } from '../src/model/domain-model.js';
import type { ApplicationModel } from '../src/model/application-model.js';
import type { Artifact, GeneratorContext } from '../src/render/artifact.js';
import { dynamicQueryImplementation } from './dynamic-queries.js';
import { estimateEffort, formatMinutes } from './effort-estimate.js';
import { methodSignature } from './port-signature.js';
import { callersOf, callsByMethod, uncalledMethods } from './use-case-calls.js';
import { validationChecklist } from './validation-checklist.js';

/** The plan method's infrastructure plan, filled from the same model the code is generated from. */
export function planDocument(context: GeneratorContext): Artifact {
  const { model, layout, project, application, domainImports } = context;
  const { names, table, aggregate, port } = model;
  const priorPlans = priorPlanPaths(layout);
  const effort = estimateEffort(model);
  return {
    path: layout.plan,
    template: 'plan-document.ejs',
    source: port.file,
    data: {
      date: planDate(project.manifest, model.feature, project.documents[layout.plan], project.now),
      feature: model.feature,
      names,
      table,
      aggregateFile: aggregate.file,
      port,
      // One port: `the domain port X (file)`; several (read, write, out-ports): each, implemented by one class.
      portsText: port.ports.length === 1 ? `the domain port ${code(port.name)} (${code(port.file)})` : `the domain ports ${port.ports.map((p) => `${code(p.name)} (${code(p.file)})`).join(', ')}`,
      portNames: port.ports.map((p) => code(p.name)).join(', '),
      leftAlone: port.leftAlone.map((l) => ({ name: code(l.name), where: code(`${l.location.file}:${l.location.line}`), reason: l.reason })),
      layout,
      prerequisites: [
        ...port.ports.map((p) => ({ checked: true, text: `Domain port ${code(p.name)} in ${code(p.file)}` })),
        ...priorPlans.map((path) => {
          const title = project.documents[path] === undefined ? undefined : firstHeading(project.documents[path]);
          return title === undefined ? { checked: false, text: `${code(path)} is missing: write it before relying on this plan` } : { checked: true, text: `${code(path)}: ${title}` };
        }),
      ],
      application: {
        dir: application.dir,
        useCases: application.useCases.map((u) => ({
          name: cell(code(u.name)),
          file: cell(code(`${u.file}:${u.location.line}`)),
          calls: cell(callsByMethod(u.calls).map((c) => `${code(c.method)} (${lines(c.lines)})`).join(', ') || 'none: it only names the port'),
        })),
      },
      methods: model.methods.map((m) => ({
        signature: cell(code(methodSignature(m.method).replace(/^async /, ''))),
        implementation: cell(implementation(m, model, layout)),
        calledBy: cell(callersOf(m.method.name, application).map((c) => code(c.useCase)).join(', ') || '-'),
      })),
      // How use cases that change several aggregates get one transaction: the port's own, or how to ask for one.
      unitOfWork: unitOfWork(model, layout),
      uncalled: application.useCases.length === 0 ? [] : uncalledMethods(port, application).map(code),
      migrations: context.migrations.migrations,
      laterMigrations: context.migrations.migrations.slice(1).map((m) => code(m.className)).join(', '),
      mappingRows: [...model.fields.flatMap((f) => mappingRows(f)), ...versionRow(model)],
      version: model.version && code(model.version.column),
      indexes: table.indexes,
      rebuiltThrough: rebuiltThrough(aggregate.name, aggregate.rehydration),
      tables: [table, ...model.children.map((c) => c.table)].map((t) => code(t.name)),
      children: model.children.map((child) => ({
        className: child.className,
        modelClass: child.modelClass,
        file: child.file,
        field: child.field.name,
        table: child.table.name,
        primaryKey: child.table.primaryKey.map(code).join(', '),
        foreignKey: child.table.foreignKeys![0]!,
        position: child.positionColumn.name,
        parentColumn: child.parentColumn.name,
        rebuiltThrough: rebuiltThrough(child.className, child.rehydration),
        collection: child.field.collection ? ` and gathered into a ${code(child.field.collection.className)} ${rebuiltThrough(child.field.collection.className, child.field.collection.rehydration)}` : '',
        mappingRows: child.fields.flatMap((f) => mappingRows(f)),
      })),
      referenceIndexes: model.fields.some((f) => f.reference !== undefined),
      repeatedWrites: repeatedWrites(model, application),
      checklist: validationChecklist({ model, layout, application, domainImports, documents: project.documents, priorPlans, testCommand: context.testRunner.command }),
      testRunner: { name: context.testRunner.name, command: context.testRunner.command },
      // Without experimentalDecorators: plain row classes, each mapped by an EntitySchema.
      schemas: context.entityStyle === 'schema' ? [names.modelClass, ...model.children.map((c) => c.modelClass)].map((c) => code(schemaName(c))).join(', ') : undefined,
      effort: {
        // A row of nothing to do says nothing.
        rows: effort.rows.filter((r) => r.count > 0).map((r) => ({ ...r, work: cell(r.work), total: formatMinutes(r.minutes) })),
        total: formatMinutes(Math.max(15, Math.round(effort.totalMinutes / 15) * 15)),
        handWrittenMethods: effort.handWrittenMethods.map(code),
      },
    },
  };
}

/** `through its constructor`, `through \`Product.reconstitute\``. */
function rebuiltThrough(className: string, rehydration: Rehydration): string {
  if (rehydration.call.kind === 'literal') return 'as an object literal';
  return rehydration.call.kind === 'constructor' ? 'through its constructor' : `through ${code(`${className}.${rehydration.call.method}`)}`;
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
  const kind = type.kind === 'value-object' || type.kind === 'composite' ? `value object ${type.name}` : type.kind === 'enum' ? `enum ${type.name}` : type.kind === 'primitive' ? (type.primitive === 'date' ? 'Date' : type.primitive) : type.kind === 'literal-union' ? type.values.map((v) => `'${v}'`).join(' | ') : type.kind;
  const base = mapping.reference ? `${kind}, the id of a ${mapping.reference} (no join)` : kind;
  const concept = field.list ? `list of ${base} (JSON${field.collection ? `, in a ${code(field.collection.className)}` : ''})` : base;
  const values = column.enumValues ? `: ${column.enumValues.map(code).join(', ')}` : '';
  return {
    field: cell(code(`${name}${field.optional ? '?' : ''}`)),
    concept: cell(concept),
    column: cell(code(column.name)),
    type: cell(`${code(columnTypeText(column))}${values}`),
    constraints: [column.primary ? 'primary key' : '', column.nullable ? 'nullable' : 'not null'].filter(Boolean).join(', '),
  };
}

/** The repository's own version column, in the table beside the fields: no domain field maps to it. */
function versionRow(model: PersistenceModel): ReturnType<typeof mappingRow>[] {
  const column = model.version && model.table.columns.find((c) => c.name === model.version!.column);
  if (!column) return [];
  return [{ field: '-', concept: 'row version (the repository\'s, not the domain\'s)', column: code(column.name), type: code(columnTypeText(column)), constraints: `not null, default ${column.default}` }];
}

/** Use cases that write more than once (or in a loop) in one run: each write is its own transaction. */
function repeatedWrites(model: PersistenceModel, application: ApplicationModel): string[] {
  const writes = new Set(model.methods.filter((m) => m.kind === 'save' || m.kind === 'write' || m.kind === 'delete-by-id').map((m) => m.method.name));
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

function implementation(method: RepositoryMethod, model: PersistenceModel, layout: ArtifactLayout): string {
  const table = model.table.name;
  const children = model.children.map((c) => `\`${c.table.name}\``).join(' and ');
  const column = (field: string) => model.fields.find((f) => f.field.name === field)!.column.name;
  switch (method.kind) {
    case 'save':
      return children
        ? `CRUD: writes what changed since the repository loaded or saved the aggregate: nothing when unchanged, else an UPDATE of its \`${table}\` row if it changed, a DELETE of the ${children} rows it no longer has and one upsert of its changed or new ones; an aggregate the repository has not seen is upserted whole, deleting any other children under its id; two or more statements run in one transaction`
        : `CRUD: writes what changed since the repository loaded or saved the aggregate: nothing when unchanged, else an UPDATE of its \`${table}\` row; an aggregate the repository has not seen is upserted (insert, or update of the row with the same id)`;
    case 'write':
      return method.mode === 'create'
        ? `CRUD: written as \`save\` writes a new aggregate, after a primary-key lookup: an id already stored ${method.result === 'boolean' ? 'resolves to `false`' : 'rejects'}${method.list === 'no' ? '' : ' (a list is written only if every id is new)'}`
        : `CRUD: written as \`save\` writes it, after a primary-key lookup: an id not stored ${method.result === 'boolean' ? 'resolves to `false`' : 'rejects'}`;
    case 'save-all':
      return 'CRUD: each aggregate written as `save` writes it, all in one transaction when that takes two or more statements';
    case 'find-by-id':
      return `CRUD: primary-key lookup${children ? ` with its ${children} rows` : ''}, one statement, \`${method.absent === 'option' ? (method.method.returns.option?.none ?? 'none') : method.absent}\` when absent`;
    case 'find-by-ids':
      return 'CRUD: `WHERE id IN (…)`, in id order';
    case 'find-all':
      return method.page ? `CRUD: every row, in id order, \`${method.page.skip}\`/\`${method.page.take}\` as OFFSET/LIMIT` : 'CRUD: every row, in id order';
    case 'count-all':
      return 'CRUD: `COUNT(*)`';
    case 'exists-by-id':
      return 'CRUD: primary-key lookup, `true` when found';
    case 'delete-by-id':
      return method.reports ? 'CRUD: delete by primary key; resolves to whether a row was deleted' : 'CRUD: delete by primary key; rejects when no row was deleted';
    case 'next-id':
      return 'CRUD: a new random UUID (no database access)';
    case 'transaction':
      return `unit of work: runs the callback in one transaction that every generated repository's calls inside it join (\`${layout.transactions}\`); a rejection rolls all of them back, a nested call joins the outer one`;
    case 'criteria':
    case 'find-page':
      return dynamicQueryImplementation(method, model, layout);
    case 'hand-written':
      return `hand-written${method.reason ? ` (${method.reason})` : ''}: a stub in \`${layout.repositoryCustom}\` and \`${layout.inMemoryRepositoryCustom}\`, yours to write`;
    case 'derived': {
      const { query } = method;
      const where = query.where.map((group) => group.map((c) => sqlShape(column(c.field), c.operator, c.ignoreCase)).join(' AND ')).join(' OR ');
      const clause = where ? ` WHERE ${where}` : '';
      const order = query.orderBy.length > 0 ? ` ORDER BY ${query.orderBy.map((o) => `${column(o.field)} ${o.direction.toUpperCase()}`).join(', ')}` : '';
      const limit = query.limit === undefined ? '' : ` LIMIT ${query.limit}`;
      const page = query.page ? `, paginated by \`${query.page.skip}\`/\`${query.page.take}\`` : '';
      switch (query.action) {
        case 'find':
          return `derived query: \`SELECT …${clause}${order}${limit}\`, ${query.result === 'one' ? 'at most one row' : 'rows'}${page}`;
        case 'count':
          return `derived count: \`SELECT COUNT(*)${clause}\``;
        case 'exists':
          return `derived exists: \`SELECT 1${clause} LIMIT 1\``;
        case 'delete':
          return `derived delete: \`DELETE${clause}\` (the matching ids, then delete by id, in one transaction), ${query.result === 'count' ? 'returns the rows deleted' : 'returns nothing'}`;
      }
    }
  }
}

/** The SQL a condition stands for, as a reader of the plan would write it. */
function sqlShape(column: string, operator: Operator, ignoreCase: boolean): string {
  const c = ignoreCase ? `LOWER(${column})` : column;
  const p = ignoreCase ? 'LOWER(?)' : '?';
  switch (operator) {
    case 'equals':
      return `${c} = ${p}`;
    case 'not':
      return `${c} <> ${p}`;
    case 'in':
      return `${c} IN (?)`;
    case 'notIn':
      return `${c} NOT IN (?)`;
    case 'lessThan':
      return `${c} < ?`;
    case 'lessThanEqual':
      return `${c} <= ?`;
    case 'greaterThan':
      return `${c} > ?`;
    case 'greaterThanEqual':
      return `${c} >= ?`;
    case 'between':
      return `${c} BETWEEN ? AND ?`;
    case 'isNull':
      return `${c} IS NULL`;
    case 'isNotNull':
      return `${c} IS NOT NULL`;
    case 'true':
      return `${c} = TRUE`;
    case 'false':
      return `${c} = FALSE`;
    case 'like':
      return `${c} LIKE ${p}`;
    case 'notLike':
      return `${c} NOT LIKE ${p}`;
    case 'startingWith':
      return `${c} LIKE '?%'`;
    case 'endingWith':
      return `${c} LIKE '%?'`;
    case 'containing':
      return `${c} LIKE '%?%'`;
  }
}

function firstHeading(markdown: string): string | undefined {
  return /^#\s+(.+)$/m.exec(markdown)?.[1]?.trim();
}
