import { entityColumnType, entityTypeIsClass, modelPropertyType } from '../src/map/column-types.js';
import type { ColumnSpec } from '../src/map/persistence-model.js';
import type { Artifact, GeneratorContext } from '../src/render/artifact.js';
import { ImportSet } from '../src/render/imports.js';
import { TsSource, tsLiteral } from '../src/render/ts-literal.js';

/** The TypeORM entity: one decorated class per table, with every column's name and type spelled out. */
export function entity({ model, layout }: GeneratorContext): Artifact {
  const { table, names } = model;
  const imports = new ImportSet().add('typeorm', 'Entity');
  const columns = table.columns.map((column) => {
    const decorators: string[] = [];
    const index = table.indexes.find((i) => i.columns.length === 1 && i.columns[0] === column.name);
    if (index) {
      imports.add('typeorm', 'Index');
      decorators.push(`@Index(${tsLiteral(index.name)}${index.unique ? ', { unique: true }' : ''})`);
    }
    const decorator = column.primary ? 'PrimaryColumn' : 'Column';
    imports.add('typeorm', decorator);
    decorators.push(`@${decorator}(${tsLiteral(columnOptions(column))})`);
    return { decorators, property: column.property, type: modelPropertyType(column) };
  });
  return {
    path: layout.model,
    template: 'entity.ejs',
    source: model.aggregate.file,
    data: { imports: imports.lines(), className: names.modelClass, aggregate: names.aggregate, table: table.name, columns },
  };
}

function columnOptions(column: ColumnSpec): Record<string, unknown> {
  return {
    name: column.name,
    type: entityTypeIsClass(column) ? new TsSource(entityColumnType(column)) : entityColumnType(column),
    length: column.length,
    enum: column.enumValues,
    nullable: column.nullable || undefined,
  };
}
