import type { AggregateModel, FieldModel, PortMethod, PortModel, ValueConstruction } from '../model/domain-model.js';

/**
 * What the domain becomes in the database, and how each port method is implemented.
 * Built from the DomainModel by map-feature.ts; every generator renders from this.
 */
export interface PersistenceModel {
  feature: string;
  aggregate: AggregateModel;
  port: PortModel;
  names: NameSet;
  table: TableSpec;
  fields: FieldMapping[];
  methods: RepositoryMethod[];
}

export interface NameSet {
  aggregate: string;
  /** kebab-case aggregate name, the stem of every generated file. */
  kebab: string;
  /** camelCase aggregate name, for variables. */
  variable: string;
  modelClass: string;
  mapperClass: string;
  typeOrmRepositoryClass: string;
  inMemoryRepositoryClass: string;
  /** `CreateOrders`: the migration's name without its timestamp. */
  migrationName: string;
}

/** A portable column kind; column-types.ts spells it per artifact. */
export type ColumnKind = 'string' | 'double' | 'boolean' | 'timestamp' | 'enum';

export interface ColumnSpec {
  name: string;
  /** The ORM model's property for this column. */
  property: string;
  kind: ColumnKind;
  length?: number;
  enumValues?: string[];
  nullable: boolean;
  primary: boolean;
}

export interface IndexSpec {
  name: string;
  columns: string[];
  unique: boolean;
}

/** A foreign key with an explicit name, so migrations and entities agree on it. */
export interface ForeignKeySpec {
  name: string;
  columns: string[];
  referencedTable: string;
  referencedColumns: string[];
  onDelete?: 'CASCADE' | 'RESTRICT' | 'SET NULL' | 'NO ACTION';
}

export interface TableSpec {
  name: string;
  columns: ColumnSpec[];
  primaryKey: string[];
  indexes: IndexSpec[];
  /** None yet: the aggregate maps to one table. The schema diff already handles them. */
  foreignKeys?: ForeignKeySpec[];
}

/** How a domain value becomes a column value and back. */
export type FieldConversion =
  | { kind: 'plain' }
  | { kind: 'enum'; enumName: string }
  | { kind: 'value-object'; className: string; valueProperty: string; construction: ValueConstruction };

export interface FieldMapping {
  field: FieldModel;
  column: ColumnSpec;
  conversion: FieldConversion;
}

export type RepositoryMethod =
  | { kind: 'save'; method: PortMethod }
  | { kind: 'find-by-id'; method: PortMethod; absent: 'null' | 'undefined' }
  | { kind: 'find-all'; method: PortMethod }
  | { kind: 'delete-by-id'; method: PortMethod; argument: 'id' | 'aggregate' }
  | { kind: 'derived'; method: PortMethod; query: DerivedQuery };

/** A query read from a method name (`findByStatusAndEmail`), bound to fields and parameters. */
export interface DerivedQuery {
  action: 'find';
  result: 'one' | 'many';
  absent: 'null' | 'undefined';
  /** OR of AND-groups of conditions. */
  where: Condition[][];
}

export interface Condition {
  field: string;
  operator: 'equals';
  /** Index of the port parameter bound to this condition. */
  parameter: number;
}
