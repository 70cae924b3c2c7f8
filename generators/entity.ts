import { columnTransformer, entityColumnType, entityTypeIsClass, modelPropertyType } from '../src/map/column-types.js';
import type { ColumnSpec, TableSpec } from '../src/map/persistence-model.js';
import type { Artifact, GeneratorContext } from '../src/render/artifact.js';
import { ImportSet } from '../src/render/imports.js';
import { columnChecksSource } from './value-checks.js';
import { TsSource, tsLiteral } from '../src/render/ts-literal.js';

interface Property {
  decorators: string[];
  property: string;
  /** `!: string`, `?: OrderModel`. */
  declaration: string;
}

/**
 * The TypeORM entities of one aggregate, in one file: the root's table, then one class per child table.
 * Every column's name and type, and each foreign key's name, is spelled out so that the migrations match.
 */
export function entity({ model, layout, specifiers }: GeneratorContext): Artifact {
  const { table, names, children } = model;
  const imports = new ImportSet().add('typeorm', 'Entity');
  const root = {
    className: names.entityClass,
    doc: `Persistence model of the ${names.aggregate} aggregate: one row of \`${table.name}\`. The domain never sees this class.`,
    table: table.name,
    properties: [
      ...columnProperties(table, imports),
      ...children.map((child): Property => {
        imports.add('typeorm', 'OneToMany');
        // Declared for the foreign key and for loading the children with their root in one query.
        return {
          decorators: [`@OneToMany(() => ${child.entityClass}, (row) => row.${child.parentRelation})`],
          property: child.field.name,
          declaration: `!: ${child.entityClass}[]`,
        };
      }),
    ],
  };
  const childClasses = children.map((child) => {
    imports.add('typeorm', 'ManyToOne').add('typeorm', 'JoinColumn');
    const foreignKey = child.table.foreignKeys![0];
    const relation: Property = {
      decorators: [
        `@ManyToOne(() => ${names.entityClass}, (root) => root.${child.field.name}, ${tsLiteral({ onDelete: foreignKey.onDelete, onUpdate: foreignKey.onUpdate })})`,
        `@JoinColumn(${tsLiteral({ name: child.parentColumn.name, foreignKeyConstraintName: foreignKey.name })})`,
      ],
      property: child.parentRelation,
      declaration: `?: ${names.entityClass}`,
    };
    return {
      className: child.entityClass,
      doc: `One ${child.className} in \`${child.field.name}\` of the ${names.aggregate} aggregate: a row of \`${child.table.name}\`, keyed by its root and its own id, in list order by \`${child.positionColumn.name}\`.`,
      table: child.table.name,
      properties: [...columnProperties(child.table, imports), relation],
    };
  });
  const columns = [table, ...children.map((c) => c.table)].flatMap((t) => t.columns);
  const transformers = [...new Set(columns.flatMap((c) => columnTransformer(c) ?? []))].sort();
  if (transformers.length > 0) imports.add('typeorm', 'ValueTransformer', { typeOnly: true });
  return {
    path: layout.entity,
    template: 'entity.ejs',
    source: model.aggregate.file,
    // The root first: a child's relation property names it in its emitted decorator metadata.
    // What each column stores, for the value checks both repositories run before writing.
    data: {
      columnChecks: columnChecksSource(model),
      imports: imports.add(specifiers.generated(layout.entity, layout.valueChecks), 'RowChecks', { typeOnly: true }).lines(),
      classes: [root, ...childClasses],
      transformers: transformers.map((kind) => TRANSFORMERS[kind]),
    },
  };
}

export function columnProperties(table: TableSpec, imports: ImportSet): Property[] {
  return table.columns.map((column) => {
    const decorators: string[] = [];
    const index = table.indexes.find((i) => i.columns.length === 1 && i.columns[0] === column.name);
    if (index) {
      imports.add('typeorm', 'Index');
      decorators.push(`@Index(${tsLiteral(index.name)}${index.unique ? ', { unique: true }' : ''})`);
    }
    if (column.generated === 'increment') {
      // The database's AUTOINCREMENT / SERIAL / AUTO_INCREMENT, which the migration declares too.
      imports.add('typeorm', 'PrimaryGeneratedColumn');
      decorators.push(`@PrimaryGeneratedColumn('increment', ${tsLiteral({ name: column.name, type: entityColumnType(column) })})`);
      return { decorators, property: column.property, declaration: `!: ${modelPropertyType(column)}` };
    }
    const decorator = table.primaryKey.includes(column.name) ? 'PrimaryColumn' : 'Column';
    imports.add('typeorm', decorator);
    decorators.push(`@${decorator}(${tsLiteral(columnOptions(column))})`);
    return { decorators, property: column.property, declaration: `!: ${modelPropertyType(column)}` };
  });
}

/** A column's options, as `@Column` and an EntitySchema's `columns` both take them. */
export function columnOptions(column: ColumnSpec): Record<string, unknown> {
  const transformer = columnTransformer(column);
  return {
    name: column.name,
    type: entityTypeIsClass(column) ? new TsSource(entityColumnType(column)) : entityColumnType(column),
    length: column.length,
    precision: column.precision,
    scale: column.scale,
    enum: column.enumValues,
    nullable: column.nullable || undefined,
    // As the migration declares it, so that TypeORM finds no drift.
    default: column.default,
    transformer: transformer && new TsSource(TRANSFORMERS[transformer].name),
  };
}

/**
 * What the drivers return for these columns is not what the domain holds, so the entity converts it back.
 * Kept in the entity file, beside the columns that use them.
 */
export const TRANSFORMERS = {
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
