import { entityColumnType } from '../src/map/column-types.js';
import type { FieldMapping, PersistenceModel, RepositoryMethod } from '../src/map/persistence-model.js';
import type { Artifact, GeneratorContext } from '../src/render/artifact.js';
import { methodSignature } from './port-signature.js';

/** The plan method's infrastructure plan, filled from the same model the code is generated from. */
export function planDocument(context: GeneratorContext): Artifact {
  const { model, layout, project } = context;
  const { names, table, aggregate, port } = model;
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
      migrations: context.migrations.migrations,
      laterMigrations: context.migrations.migrations.slice(1).map((m) => `\`${m.className}\``).join(', '),
      priorPlans,
      mappingRows: model.fields.map(mappingRow),
      indexes: table.indexes,
      methods: model.methods.map((m) => ({ signature: cell(methodSignature(m.method).replace(/^async /, '')), implementation: implementation(m, model) })),
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

function implementation(method: RepositoryMethod, model: PersistenceModel): string {
  const table = model.table.name;
  const column = (field: string) => model.fields.find((f) => f.field.name === field)!.column.name;
  switch (method.kind) {
    case 'save':
      return `CRUD: TypeORM \`save\` of one row of \`${table}\` (insert, or update of the row with the same id)`;
    case 'find-by-id':
      return `CRUD: primary-key lookup, \`${method.absent}\` when absent`;
    case 'find-all':
      return 'CRUD: every row, in id order';
    case 'delete-by-id':
      return 'CRUD: delete by primary key; rejects when no row was deleted';
    case 'derived': {
      const where = method.query.where.map((group) => group.map((c) => `${column(c.field)} = ?`).join(' AND ')).join(' OR ');
      return `derived query: \`WHERE ${where}\`, ${method.query.result === 'one' ? 'at most one row' : 'rows in id order'}`;
    }
  }
}

function firstHeading(markdown: string): string | undefined {
  return /^#\s+(.+)$/m.exec(markdown)?.[1]?.trim();
}
