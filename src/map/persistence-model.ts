import type { AggregateModel, FieldModel, PortMethod, PortModel, Rehydration, ValueType } from '../model/domain-model.js';
import type { Operator, QueryAction } from './derived-query-parser.js';
import type { DomainEventsAccess } from '../model/domain-events.js';
import type { CriteriaMethod, PageMethod } from './dynamic-query-methods.js';

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
  /** The aggregate's collections of child entities, each in a table of its own. */
  children: ChildCollection[];
  methods: RepositoryMethod[];
  /** With --outbox: the domain events a save pulls are written to the outbox table (map/outbox.ts). */
  outbox?: { events: DomainEventsAccess };
  /**
   * The root table's version column (the last of `table.columns`), which the repositories own for optimistic
   * concurrency: not a field, so the mapper, queries and test samples never see it. Absent with
   * `"concurrency": "none"`.
   */
  version?: { property: string; column: string };
  /** Page numbers in the project's page requests count from 1 (gen.config.json `"firstPage": 1`); absent: from 0. */
  firstPage?: 1;
}

/**
 * A list of child entities (`order.lines`): rows of a child table keyed by the root's id and the child's
 * own id, with a foreign key to the root (ON DELETE CASCADE) and a position that keeps the list's order.
 */
export interface ChildCollection {
  /** The aggregate's list field. */
  field: FieldModel;
  className: string;
  file: string;
  rehydration: Rehydration;
  /** The ORM model of one row (`OrderLineModel`), declared in the root's model file. */
  entityClass: string;
  /** The child model's property that holds the relation to the root model (`order`). */
  parentRelation: string;
  table: TableSpec;
  /** The child's own fields; its id is part of the primary key. */
  fields: FieldMapping[];
  /** The root's id in each row (`order_id`), first column of the primary key. */
  parentColumn: ColumnSpec;
  /** The child's index in the list. */
  positionColumn: ColumnSpec;
  /** Mapper method names: `lineToDomain`, `lineToModel`. */
  toDomain: string;
  toModel: string;
}

export interface NameSet {
  aggregate: string;
  /** kebab-case aggregate name, the stem of every generated file. */
  kebab: string;
  /** camelCase aggregate name, for variables. */
  variable: string;
  entityClass: string;
  mapperClass: string;
  typeOrmRepositoryClass: string;
  inMemoryRepositoryClass: string;
}

/** A portable column kind; column-types.ts spells it per artifact. */
export type ColumnKind = 'string' | 'double' | 'integer' | 'decimal' | 'bigint' | 'boolean' | 'timestamp' | 'enum' | 'json';

export interface ColumnSpec {
  name: string;
  /** The ORM model's property for this column. */
  property: string;
  kind: ColumnKind;
  length?: number;
  /** A decimal column's digits in all, and after the point (`decimal(12,2)`). */
  precision?: number;
  scale?: number;
  enumValues?: string[];
  /** For a JSON list column: the type of its elements; `bigint` ones are kept as decimal strings (JSON has no 64-bit integers). */
  jsonElement?: 'string' | 'number' | 'bigint' | 'boolean' | 'object';
  /** For a JSON list of objects (a list of multi-field value objects): the TypeScript type of one element as stored. */
  jsonItem?: string;
  nullable: boolean;
  primary: boolean;
  /** What the database stores when an INSERT leaves the column out (the version column's 1). */
  default?: number;
  /** A primary key the database assigns on insert: an auto-incremented integer, or a UUID. */
  generated?: 'increment' | 'uuid';
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
  /** Spelled out: MySQL and MariaDB report an unspecified one as RESTRICT, TypeORM's default is NO ACTION. */
  onUpdate?: 'CASCADE' | 'RESTRICT' | 'SET NULL' | 'NO ACTION';
}

export interface TableSpec {
  name: string;
  columns: ColumnSpec[];
  primaryKey: string[];
  indexes: IndexSpec[];
  /** A child table's key to its aggregate root's table. */
  foreignKeys?: ForeignKeySpec[];
}

/** How a domain value becomes a column value and back. */
export type FieldConversion =
  | { kind: 'plain' }
  /** Stored as is, typed back as the enum or literal union (`OrderStatus`, `'draft' | 'live'`). */
  | { kind: 'cast'; type: string }
  | { kind: 'value-object'; className: string; valueAccess: string; rehydration: Rehydration }
  /** A multi-field value object: one column per part, named `<field>_<part>`; `snapshot`: its parts come from one `toPrimitives()` call. */
  | { kind: 'composite'; className: string; rehydration: Rehydration; parts: FieldMapping[]; snapshot?: string }
  /**
   * A list of multi-field value objects: one JSON column holding an object per element, keyed by the parts' names
   * (`parts[i].column.property`); Dates in it are ISO strings, bigints decimal strings.
   */
  | { kind: 'composite-list'; className: string; rehydration: Rehydration; parts: FieldMapping[]; snapshot?: string };

export interface FieldMapping {
  field: FieldModel;
  /** The field's column; for a composite, its first part's (which tells whether the value is there). */
  column: ColumnSpec;
  /** For a list field (stored as JSON), the conversion applies to each element. */
  conversion: FieldConversion;
  /** The aggregate this field refers to by id (`customerId` -> `Customer`): a plain, indexed column, no join. */
  reference?: string;
}

export type RepositoryMethod =
  /**
   * `save`, `save<Something>`, `upsert`: insert or replace; `returnsAggregate`: resolves to the aggregate it took;
   * `returnsId`: resolves to that aggregate's id, read through this access (`.id`, `.getId()`).
   * `inPort: false`: gen's own `save`, added where no port method stores a new aggregate (a read-only port, or one
   * that only updates): a public method of both repository classes that the port does not declare, which the
   * generated tests (and a seeder) store samples with.
   */
  | { kind: 'save'; method: PortMethod; returnsAggregate?: true; returnsId?: string; inPort?: false }
  /** `create`/`insert` (the id must be new) or `update` (it must be stored): see crud-vocabulary.ts. */
  | {
      kind: 'write';
      method: PortMethod;
      mode: 'create' | 'update';
      list: 'no' | 'yes' | 'either';
      /** `id` (create of one only): resolves to the id it wrote, read through `returnsId` (`.id`, `.id.value`). */
      result: 'void' | 'aggregate' | 'boolean' | 'id';
      returnsId?: string;
    }
  | FieldWriteMethod
  | { kind: 'save-all'; method: PortMethod }
  /** absent `throw`: the port returns a plain Promise<T>, so a missing id rejects. */
  | { kind: 'find-by-id'; method: PortMethod; absent: Absent }
  | { kind: 'find-by-ids'; method: PortMethod }
  | { kind: 'find-all'; method: PortMethod; page?: PageParameter }
  | { kind: 'count-all'; method: PortMethod }
  /** `argument: 'aggregate'`: `exists(order)`, whether the aggregate's id is stored (white-label's generic IRepo<T>). */
  | { kind: 'exists-by-id'; method: PortMethod; argument?: 'aggregate' }
  /** `reports`: resolves to whether it deleted something, where a missing one otherwise rejects. */
  | { kind: 'delete-by-id'; method: PortMethod; argument: 'id' | 'aggregate'; reports?: true }
  | { kind: 'next-id'; method: PortMethod }
  /**
   * `unlessAbsent`: `findAll(status?: Status)`, a filter on its one parameter that restricts nothing when it is not
   * given (every aggregate, as findAll()).
   */
  | { kind: 'derived'; method: PortMethod; query: DerivedQuery; unlessAbsent?: true }
  /** `transaction<T>(work: () => Promise<T>): Promise<T>`: `work` in one transaction (see map/transaction-method.ts). */
  | { kind: 'transaction'; method: PortMethod; typeParameter: string }
  /** Queries read at run time (dynamic-query-methods.ts): a Criteria object, or a page request returning a page. */
  | CriteriaMethod
  | PageMethod
  /**
   * Not derivable: the user writes it in the repository's custom part, which gen creates once. `reason`: why a name
   * that reads as something gen implements is not, for the plan. `decision`: for a writer that takes fields rather
   * than the aggregate (`create(title)`), what the user decides; gen warns with it (fieldWriterWarnings). `written`:
   * a method gen implements that the user wrote in a custom file, which (one or both custom files): it stays
   * theirs (src/map/user-methods.ts).
   */
  | { kind: 'hand-written'; method: PortMethod; reason?: string; decision?: string; written?: string[] };

/**
 * A writer that takes fields rather than the aggregate (crud-vocabulary.ts `fieldWriter`): `create(title)`,
 * `create(dto: CreateTodoDto)`, `update(id, changes: Partial<Todo>)`, `updateTodo(todo: Partial<Todo>)`.
 * `given`: each field the parameters give, as an expression over them (`title`, `dto.title`), `optional` when it may
 * be absent (a member declared with `?`). create: `id` says where the id comes from; update: `id` is the expression of
 * the id to load (`id`, `todo.id`), `idOptional` when it may be absent; `absent` what an id not stored gives.
 * result: what it resolves to.
 */
export interface FieldWriteMethod {
  kind: 'field-write';
  method: PortMethod;
  mode: 'create' | 'update';
  given: { field: string; value: string; optional: boolean }[];
  id:
    { from: 'database' } | { from: 'uuid' } | { from: 'given' } | { from: 'parameter'; value: string; type: ValueType; optional: boolean };
  result: 'void' | 'aggregate' | 'id';
  absent: 'null' | 'undefined' | 'throw';
}

/**
 * What a single-result lookup gives when nothing matches: null, undefined, a rejection (a plain Promise<T>), or an
 * Option's None (the method's `returns.option` says which wrapper).
 */
export type Absent = 'null' | 'undefined' | 'throw' | 'option';

/** The trailing pagination parameter of a method: its index and the names of its two members. */
export interface PageParameter {
  parameter: number;
  take: string;
  skip: string;
  /** `skip` names a page number, as in page requests (`{ page, perPage }`): (skip − the model's first page) × take rows are skipped. */
  skipsPages?: true;
}

/** A query read from a method name (`findTop3ByStatusInOrderByTotalDesc`), bound to fields and parameters. */
export interface DerivedQuery {
  action: QueryAction;
  /** one: `T | null`; many: `T[]`; count: rows found or deleted; exists: boolean; void: delete returning nothing. */
  result: 'one' | 'many' | 'count' | 'exists' | 'void';
  absent: Absent;
  limit?: number;
  /** OR of AND-groups of conditions. */
  where: Condition[][];
  orderBy: { field: string; direction: 'asc' | 'desc' }[];
  page?: PageParameter;
}

export interface Condition {
  field: string;
  operator: Operator;
  ignoreCase: boolean;
  /** Indexes of the port parameters bound to this condition (none, one, or two for Between). */
  parameters: number[];
}
