import { columnTransformer, modelPropertyType } from '../src/map/column-types.js';
import { schemaName } from '../src/map/naming.js';
import type { TableSpec } from '../src/map/persistence-model.js';
import type { EntityStyle } from '../src/config/entity-style.js';
import type { Artifact, GeneratorContext } from '../src/render/artifact.js';
import { ImportSet } from '../src/render/imports.js';
import { columnChecksSource } from './value-checks.js';
import { TsSource, tsLiteral } from '../src/render/ts-literal.js';
import { columnOptions, TRANSFORMERS } from './entity.js';

/** One table: its row class (plain, no decorators) and the EntitySchema that maps it. */
interface SchemaTable {
  className: string;
  schemaName: string;
  doc: string;
  /** `id!: string`, `variants!: VariantModel[]`, `product?: ProductModel`. */
  properties: string[];
  /** The EntitySchema's options, printed as TypeScript. */
  options: string;
}

/**
 * The entities of one aggregate for a project without decorators: a plain class per table (the rows the mapper
 * builds and TypeORM loads) and an `EntitySchema` bound to it (`target`), so `getRepository(OrderModel)` and
 * the rest of the generated code work as with decorated classes. Names, types, indexes and foreign keys are the
 * decorated entities' own, so the migrations and the schema TypeORM derives agree the same way.
 */
export function entitySchema({ model, layout, specifiers }: GeneratorContext): Artifact {
  const { table, names, children } = model;
  const imports = new ImportSet().add('typeorm', 'EntitySchema');
  const root: SchemaTable = {
    className: names.entityClass,
    schemaName: schemaName(names.entityClass),
    doc: `Persistence model of the ${names.aggregate} aggregate: one row of \`${table.name}\`. The domain never sees this class.`,
    properties: [...columnProperties(table), ...children.map((child) => `${child.field.name}!: ${child.entityClass}[]`)],
    options: schemaOptions(names.entityClass, table, {
      // Declared for the foreign key and for loading the children with their root in one query.
      ...Object.fromEntries(
        children.map((child) => [child.field.name, { type: 'one-to-many', target: child.entityClass, inverseSide: child.parentRelation }]),
      ),
    }),
  };
  const childTables = children.map((child): SchemaTable => {
    const foreignKey = child.table.foreignKeys![0];
    return {
      className: child.entityClass,
      schemaName: schemaName(child.entityClass),
      doc: `One ${child.className} in \`${child.field.name}\` of the ${names.aggregate} aggregate: a row of \`${child.table.name}\`, keyed by its root and its own id, in list order by \`${child.positionColumn.name}\`.`,
      properties: [...columnProperties(child.table), `${child.parentRelation}?: ${names.entityClass}`],
      options: schemaOptions(child.entityClass, child.table, {
        [child.parentRelation]: {
          type: 'many-to-one',
          target: names.entityClass,
          inverseSide: child.field.name,
          onDelete: foreignKey.onDelete,
          onUpdate: foreignKey.onUpdate,
          joinColumn: { name: child.parentColumn.name, foreignKeyConstraintName: foreignKey.name },
        },
      }),
    };
  });
  const columns = [table, ...children.map((c) => c.table)].flatMap((t) => t.columns);
  const transformers = [...new Set(columns.flatMap((c) => columnTransformer(c) ?? []))].sort();
  if (transformers.length > 0) imports.add('typeorm', 'ValueTransformer', { typeOnly: true });
  return {
    path: layout.entity,
    template: 'entity-schema.ejs',
    source: model.aggregate.file,
    // What each column stores, for the value checks both repositories run before writing.
    data: {
      columnChecks: columnChecksSource(model),
      imports: imports.add(specifiers.generated(layout.entity, layout.valueChecks), 'RowChecks', { typeOnly: true }).lines(),
      tables: [root, ...childTables],
      transformers: transformers.map((kind) => TRANSFORMERS[kind]),
    },
  };
}

function columnProperties(table: TableSpec): string[] {
  return table.columns.map((column) => `${column.property}!: ${modelPropertyType(column)}`);
}

/**
 * `name` is the class's name, as TypeORM names a decorated entity; relations name their target entity by it
 * (a class there would be called as a type thunk). Only single-column indexes, as the decorated entity declares them.
 */
function schemaOptions(className: string, table: TableSpec, relations: Record<string, Record<string, unknown>>): string {
  const columns = Object.fromEntries(
    table.columns.map((column) => [
      column.property,
      {
        ...columnOptions(column),
        primary: table.primaryKey.includes(column.name) || undefined,
        // What @PrimaryGeneratedColumn('increment') declares: the database's auto-increment.
        generated: column.generated === 'increment' ? 'increment' : undefined,
      },
    ]),
  );
  const indices = table.indexes
    .filter((index) => index.columns.length === 1)
    .map((index) => ({
      name: index.name,
      columns: [table.columns.find((c) => c.name === index.columns[0])!.property],
      unique: index.unique || undefined,
    }));
  return tsLiteral({
    name: className,
    target: new TsSource(className),
    tableName: table.name,
    columns,
    indices: indices.length > 0 ? indices : undefined,
    relations: Object.keys(relations).length > 0 ? relations : undefined,
  });
}

/** The imports of a file that loads the entities: decorated classes want `reflect-metadata` loaded first, EntitySchemas nothing. */
export function entityLoadingImports(style: EntityStyle): ImportSet {
  const imports = new ImportSet();
  return style === 'class' ? imports.addSideEffect('reflect-metadata') : imports;
}
