import { columnTransformer, entityColumnType, entityTypeIsClass, modelPropertyType } from '../src/map/column-types.js';
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
  const transformers = [...new Set(table.columns.flatMap((c) => columnTransformer(c) ?? []))].sort();
  if (transformers.length > 0) imports.add('typeorm', 'ValueTransformer', { typeOnly: true });
  return {
    path: layout.model,
    template: 'entity.ejs',
    source: model.aggregate.file,
    data: { imports: imports.lines(), className: names.modelClass, aggregate: names.aggregate, table: table.name, columns, transformers: transformers.map((kind) => TRANSFORMERS[kind]) },
  };
}

function columnOptions(column: ColumnSpec): Record<string, unknown> {
  const transformer = columnTransformer(column);
  return {
    name: column.name,
    type: entityTypeIsClass(column) ? new TsSource(entityColumnType(column)) : entityColumnType(column),
    length: column.length,
    precision: column.precision,
    scale: column.scale,
    enum: column.enumValues,
    nullable: column.nullable || undefined,
    transformer: transformer && new TsSource(TRANSFORMERS[transformer].name),
  };
}

/**
 * What the drivers return for these columns is not what the domain holds, so the entity converts it back.
 * Kept in the entity file, beside the columns that use them.
 */
const TRANSFORMERS = {
  decimal: {
    name: 'decimalNumber',
    comment: ['PostgreSQL and MariaDB return DECIMAL values as strings: the model holds the number.'],
    body: ['to: (value: unknown) => value,', "from: (value: unknown) => (typeof value === 'string' ? Number(value) : value),"],
  },
  bigint: {
    name: 'bigintValue',
    comment: [
      'A bigint column: values travel as decimal strings, which every driver sends exactly and every database',
      'stores as the integer; PostgreSQL and MariaDB return strings, SQLite numbers, exact only up to 2^53: a',
      'larger one is refused, not rounded.',
    ],
    body: [
      "to: (value: unknown) => (typeof value === 'bigint' ? value.toString() : value),",
      'from: (value: unknown) => {',
      "  if (typeof value === 'number' && !Number.isSafeInteger(value)) throw new RangeError(`bigint column: the driver returned ${value}, past 2^53, so its exact value is lost`);",
      "  return typeof value === 'string' || typeof value === 'number' ? BigInt(value) : value;",
      '},',
    ],
  },
} as const;
