import { entityColumnType } from '../src/map/column-types.js';
import type { ArtifactLayout } from '../src/layout.js';
import type { Operator } from '../src/map/derived-query-parser.js';
import type { FieldMapping, PersistenceModel, RepositoryMethod } from '../src/map/persistence-model.js';
import type { Artifact, GeneratorContext } from '../src/render/artifact.js';
import { migrationName } from './migration.js';
import { methodSignature } from './port-signature.js';

/** The plan method's infrastructure plan, filled from the same model the code is generated from. */
export function planDocument(context: GeneratorContext): Artifact {
  const { model, layout, project } = context;
  const { names, table, aggregate, port } = model;
  const migration = migrationName(context);
  const priorPlans = ['001-domain-layer.md', '002-application-layer.md'].map((file) => {
    const path = `${layout.plansDir}/${file}`;
    return { file, path, title: project.documents[path] === undefined ? undefined : firstHeading(project.documents[path]) };
  });
  return {
    path: layout.plan,
    template: 'plan-document.ejs',
    source: port.file,
    data: {
      feature: model.feature,
      names,
      table,
      aggregateFile: aggregate.file,
      port,
      layout,
      migrationFile: migration.file,
      migrationClass: migration.className,
      priorPlans,
      mappingRows: model.fields.map(mappingRow),
      indexes: table.indexes,
      methods: model.methods.map((m) => ({ signature: cell(methodSignature(m.method).replace(/^async /, '')), implementation: implementation(m, model, layout) })),
    },
  };
}

function mappingRow(mapping: FieldMapping) {
  const { field, column } = mapping;
  const concept = field.type.kind === 'value-object' ? `value object ${field.type.name}` : field.type.kind === 'enum' ? `enum ${field.type.name}` : field.type.kind === 'primitive' ? (field.type.primitive === 'date' ? 'Date' : field.type.primitive) : field.type.kind;
  const length = column.length === undefined ? '' : `(${column.length})`;
  const values = column.enumValues ? `: ${column.enumValues.map((v) => `\`${v}\``).join(', ')}` : '';
  return {
    field: `${field.name}${field.optional ? '?' : ''}`,
    concept,
    column: column.name,
    type: `\`${entityColumnType(column)}${length}\`${values}`,
    constraints: [column.primary ? 'primary key' : '', column.nullable ? 'nullable' : 'not null'].filter(Boolean).join(', '),
  };
}

/** A pipe inside a table cell would end the cell. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|');
}

function implementation(method: RepositoryMethod, model: PersistenceModel, layout: ArtifactLayout): string {
  const table = model.table.name;
  const column = (field: string) => model.fields.find((f) => f.field.name === field)!.column.name;
  switch (method.kind) {
    case 'save':
      return `CRUD: TypeORM \`save\` of one row of \`${table}\` (insert, or update of the row with the same id)`;
    case 'save-all':
      return 'CRUD: TypeORM `save` of every row, in one transaction';
    case 'find-by-id':
      return `CRUD: primary-key lookup, \`${method.absent}\` when absent`;
    case 'find-by-ids':
      return 'CRUD: `WHERE id IN (…)`, in id order';
    case 'find-all':
      return method.page ? `CRUD: every row, in id order, \`${method.page.skip}\`/\`${method.page.take}\` as OFFSET/LIMIT` : 'CRUD: every row, in id order';
    case 'count-all':
      return 'CRUD: `COUNT(*)`';
    case 'exists-by-id':
      return 'CRUD: primary-key lookup, `true` when found';
    case 'delete-by-id':
      return 'CRUD: delete by primary key; rejects when no row was deleted';
    case 'next-id':
      return 'CRUD: a new random UUID (no database access)';
    case 'hand-written':
      return `hand-written: a stub in \`${layout.repositoryCustom}\` and \`${layout.inMemoryRepositoryCustom}\`, yours to write`;
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
