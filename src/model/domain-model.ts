import type { SourceLocation } from '../errors.js';
import type { DomainEventsAccess } from './domain-events.js';
import type { CriteriaShape, PageRequestShape, PageResultShape } from './dynamic-query-model.js';

/**
 * The plain model of a feature's domain layer, as the reader found it. No ts-morph types:
 * everything here is serialisable data that later stages map and render.
 */
export interface DomainModel {
  feature: string;
  aggregate: AggregateModel;
  port: PortModel;
}

export type PrimitiveKind = 'string' | 'number' | 'bigint' | 'boolean' | 'date';

export interface EnumMember {
  name: string;
  value: string | number;
}

/** A factory that returns a wrapper (`Result<T>`, `Either<E, T>`): how to take the instance out, failing loudly. */
export interface Unwrap {
  /** `.getValue()`, `.unwrap()`, `.value`. */
  accessor: string;
  /** A test that is true when the wrapper holds an error: `.isFailure`, `.isLeft()`. */
  failure?: string;
}

/** A type that a field or a port parameter can have. */
export type ValueType =
  | { kind: 'primitive'; primitive: PrimitiveKind }
  | {
      kind: 'enum';
      name: string;
      file: string;
      members: EnumMember[];
      valueKind: 'string' | 'number';
      /** Declared `export default enum`: imported with a default import. */
      defaultExport?: true;
    }
  /** `'draft' | 'published'`: stored like a string enum. */
  | { kind: 'literal-union'; values: string[] }
  /**
   * A class of several fields. Without `idField`, a value object (Money: amount, currency), stored as columns
   * with a prefix. With one, a child entity: a list of them is stored in a child table, one row each.
   */
  | {
      kind: 'composite';
      name: string;
      file: string;
      fields: FieldModel[];
      rehydration: Rehydration;
      /** Offers `toPrimitives()`: its fields are that call's members, written from one call. Read after a dot: `toPrimitives()`. */
      snapshot?: string;
      idField?: string;
      /** A plain object type, not a class: nothing to import, rebuilt as an object literal. */
      plain?: true;
      /** Regular expressions the class tests values with (`/^[A-Z]{3}$/`), for the sample stage. */
      patterns?: string[];
      /** Declared `export default class`: imported with a default import. */
      defaultExport?: true;
    }
  | {
      /**
       * A class wrapping one primitive (an id, an email): stored as that primitive. With `brand`, not a class but a
       * branded primitive (`type UserId = string & { __brand: 'UserId' }`): the value is the primitive itself
       * (`valueAccess` is empty), rebuilt with a cast (`value as UserId`) and imported as a type.
       */
      kind: 'value-object';
      name: string;
      file: string;
      /** How to read the value: `.value`, `.getValue()`. */
      valueAccess: string;
      primitive: PrimitiveKind;
      /** How to build one from its value (its single field is called `value`). */
      rehydration: Rehydration;
      /** The class or a base of it is named like `Uuid` (CodelyTV's `CourseId extends Uuid`): it may accept only UUIDs. */
      uuid?: true;
      /** A branded primitive type alias, no class: nothing to call at runtime. */
      brand?: true;
      /** A port's parameter gen cannot store, read through its `toString()` (TypeClassifier.textParameter): only as a string id. */
      textual?: true;
      /** Regular expressions the class tests values with (`/^[A-Z]{3}-\d{4}$/`), for the sample stage. */
      patterns?: string[];
      /** Declared `export default class`: imported with a default import. */
      defaultExport?: true;
      /**
       * A date class of a library (dayjs's `Dayjs`, luxon's `DateTime`): stored as the Date it converts to
       * (`valueAccess`), rebuilt by the library's own factory from a Date; `file` is the module's name.
       */
      library?: LibraryImport;
    }
  /** The feature's aggregate; with `reference`, another aggregate root of the project (read only to be refused). */
  | { kind: 'aggregate'; name: string; file: string; reference?: AggregateReference }
  /** A pagination parameter: an object type with `limit`/`take` and `offset`/`skip` numbers. */
  | { kind: 'page'; take: string; skip: string }
  /** Read at run time (dynamic-query-model.ts): a Criteria object, a page request, the project's page type. */
  | { kind: 'criteria'; name: string; file: string; shape: CriteriaShape }
  | { kind: 'page-request'; name: string; file: string; shape: PageRequestShape }
  | { kind: 'paginated'; name: string; file: string; shape: PageResultShape }
  | { kind: 'void' }
  /** A type gen cannot store or query (fine in a hand-written method); `reason` says why. */
  | { kind: 'unknown'; reason: string };

/**
 * What code that rebuilds a library's value imports: `binding` from `module`, as the module's default export
 * (`import dayjs from 'dayjs'`), the whole module (`import * as dayjs from 'dayjs'`, where the project cannot
 * default-import a CommonJS module) or by name (`import { DateTime } from 'luxon'`).
 */
export interface LibraryImport {
  module: string;
  binding: string;
  form: 'default' | 'namespace' | 'named';
}

/** Another aggregate root held by a member: the port that stores it, and how its id is typed. */
export interface AggregateReference {
  port: string;
  portLocation: SourceLocation;
  /** The text of the other aggregate's `id` type (`string`, `UserId`), when it has an `id` member. */
  idType?: string;
}

export interface FieldModel {
  name: string;
  type: ValueType;
  /** Declared with `?` or `| undefined`: absent values come back as `undefined`. */
  optional: boolean;
  /** Declared with `| null`: absent values come back as `null`. */
  nullable: boolean;
  /** An array of values (primitives, literals, single-value value objects): stored as JSON. */
  list: boolean;
  /** Assignable from outside the aggregate (a `public` parameter property without `readonly`). */
  mutable: boolean;
  /** How code outside the class reads it: `.status`, `.getStatus()`, `.isActive()`; for a wrapped collection, its items. */
  access: string;
  location: SourceLocation;
  /** A list kept in a class of its own (`comments: Comments`): `access` ends with its `itemsAccess`. */
  collection?: WrappedCollection;
  /** A member whose type lets the domain change the list in place (see TypeUse): the generated suite does so. */
  inPlace?: 'push' | 'add';
}

/**
 * A class that wraps a list (a watched list, an `XCollection`): stored like the plain list of its items,
 * read through `itemsAccess` and rebuilt from the items through its own factory or constructor.
 */
export interface WrappedCollection {
  className: string;
  /** Where the class is declared; absent for JavaScript's own `Set`, which needs no import. */
  file?: string;
  /** Its items are read by iterating it (`Set`, `ReadonlySet`): `Array.from(value)`, not `itemsAccess`. */
  iterable?: boolean;
  /** How to take the items out: `.getItems()`, `.toArray()`, `.items`. */
  itemsAccess: string;
  /** How to build one from its items: the call's one argument is the field `items`. */
  rehydration: Rehydration;
}

/**
 * One argument of the call that rebuilds a class: a field's value, or an object of several (a props object).
 * `omittable`: members the object type declares with `?`, left out when absent (what exactOptionalPropertyTypes needs).
 */
export type RehydrationArgument = { kind: 'field'; field: string } | ObjectArgument | WrappedArgument | UnwrappedArgument | ModeArgument;

/**
 * A stored value object handed to a parameter that takes its one primitive instead (`Product.from({ price: number })`
 * of a `price: Money`): the value object read through `access` (`.value`), as it gives its value everywhere else.
 */
export interface UnwrappedArgument {
  kind: 'unwrapped';
  field: string;
  access: string;
}

/**
 * A flag that tells a constructor or factory which of its modes to run (`type: 'create' | 'restore'`, `isNew: boolean`):
 * the one that rebuilds without side effects, as TypeScript source (`'restore'`, `false`).
 */
export interface ModeArgument {
  kind: 'mode';
  text: string;
}

/**
 * A stored primitive handed to a parameter that takes a value object built from it: `new Member(new MemberId(id), ...)`
 * of a class kept private behind `toPrimitives()`, whose constructor takes value objects. Built the way `type` says.
 */
export interface WrappedArgument {
  kind: 'wrapped';
  field: string;
  type: Extract<ValueType, { kind: 'value-object' }>;
  /** A list of primitives handed to a list of value objects (`productIds: string[]` to `ProductId[]`): each one built. */
  list?: true;
}

/**
 * An object of fields, in the order its type declares them. A member may itself be an object of fields: the
 * props of `new User({ id, props: { email, role }, createdAt })`, a constructor inherited from an Entity base.
 */
export interface ObjectArgument {
  kind: 'object';
  fields: (string | { member: string; object: ObjectArgument } | { member: string; mode: string } | WrappedArgument | UnwrappedArgument)[];
  omittable?: string[];
}

/** How the mapper rebuilds a class from its stored fields: `new X(...)` or `X.restore(...)`, maybe unwrapped. */
export interface Rehydration {
  /** `cast`: a branded primitive, its one argument cast to the type (`(value as UserId)`). */
  /** `literal`: a plain object type (`{ street: string; city: string }`), rebuilt as an object literal, its one argument. */
  /** `function`: a library's factory, called with the one argument (`dayjs(value)`, `DateTime.fromJSDate(value)`). */
  call:
    | { kind: 'constructor' }
    | { kind: 'static'; method: string }
    | { kind: 'literal' }
    | { kind: 'cast' }
    /** `as`: the field's type the result is cast to, when the factory returns a wider one (luxon's `DateTime<true>`). */
    | { kind: 'function'; callee: string; as?: string };
  arguments: RehydrationArgument[];
  unwrap?: Unwrap;
  /** Fields the constructor does not take, set on the new instance as public properties (an inherited `id?: number`). */
  assigned?: string[];
  /**
   * Fields the constructor or factory does not take, written straight onto the members that hold them on the new
   * instance (`_address`, a private field), bypassing the class's methods, as an ORM rehydrates: `Object.assign(new
   * Customer(id, name), { _address: ... })`. `taken`: a field the builder takes, written back over what it made of it.
   */
  written?: { field: string; member: string; taken?: true }[];
}

export interface AggregateModel {
  name: string;
  file: string;
  location: SourceLocation;
  /**
   * How the class keeps its state: constructor parameter properties, a props object, private fields, or
   * toPrimitives/fromPrimitives; `record`: not a class but an interface or object type alias of fields, rebuilt as an
   * object literal and imported as a type.
   */
  style: 'constructor-properties' | 'props-object' | 'private-fields' | 'primitives' | 'record';
  idField: string;
  /**
   * An id the database assigns on insert (`id?: number`, `id: string | null`): `increment` for a number, `uuid` for a
   * string. `writable`: a save can set it on the instance (a public, non-readonly property or setter); `accessor`:
   * through a `set` accessor, which `delete` cannot undo (a rollback sets it back to absent through the setter);
   * `guarded`: that setter may throw (set once, validating), so it may refuse to take the id back at a rollback.
   */
  generatedId?: { strategy: 'increment' | 'uuid'; writable: boolean; accessor?: boolean; guarded?: boolean };
  /**
   * The id is a natural key (the aggregate has no id field; gen.config.json's `ids` names it, or gen chose it):
   * the domain must give it, gen never makes one. `because`: why gen chose it, where (warned), unless configured.
   */
  naturalKey?: { because?: string; location: SourceLocation };
  fields: FieldModel[];
  rehydration: Rehydration;
  /** The primitives style: `toPrimitives()` (or a snapshot getter's `data`), read after a dot, whose one read gives every field (each field's access starts with it). */
  snapshot?: string;
  /** Declared `export default class`: imported with a default import. */
  defaultExport?: boolean;
  /** How it hands out the domain events it recorded (written to the outbox with --outbox). */
  domainEvents?: DomainEventsAccess;
}

/** A type as used in a port signature: the value type plus list and absence wrappers. */
export interface TypeUse {
  type: ValueType;
  list: boolean;
  /** `T | T[]` (a parameter of `insert`): one value or a list of them; `list` is false. */
  orList?: true;
  /** What stands for "nothing" in this position: `T | null`, `T | undefined`, an Option wrapper, or neither. */
  absent: 'null' | 'undefined' | 'option' | 'none';
  /** With absent `option`: the wrapper (`Option<T>` of oxide.ts, fp-ts, Effect, or the project's own). */
  option?: OptionEncoding;
  /** The type as the user wrote it, for messages. */
  text: string;
  /** The list is wrapped in a collection class (`list` is then true). */
  collection?: WrappedCollection;
  /** How its type lets code change the list in place: `push` for a `T[]`, `add` for a `Set<T>`; absent when read-only. */
  inPlace?: 'push' | 'add';
}

/**
 * An Option/Maybe wrapper in a port's return type, and how the generated code builds and reads it, imported
 * as the port imports it. `some` holds `$value`; `isSome` and `get` hold `$option` (`get` runs only after `isSome`).
 */
export interface OptionEncoding {
  library: 'oxide.ts' | 'fp-ts' | 'effect' | 'project';
  /** Where the port imports it from: a package specifier, or a project file. */
  module: { specifier: string } | { file: string };
  /** The binding the port's type names: `*` as `O`, `Option`, `Option` as `O`, `Maybe`. */
  binding: { imported: string; local: string };
  some: string;
  none: string;
  isSome: string;
  get: string;
  /** Named exports of the module that the expressions call, beside the binding: in the repositories, in the tests. */
  values: { repository: string[]; test: string[] };
}

export interface PortParameter {
  name: string;
  use: TypeUse;
  optional: boolean;
  /**
   * An object type gen does not store (`CreateTodoDto`, `Partial<Todo>`, `Omit<Todo, 'id'>`, `{ name: string }`):
   * its data members (methods left out), which a writer taking fields reads as the aggregate's (crud-vocabulary.ts).
   */
  members?: ParameterMember[];
  /**
   * Declared as a pattern (`{ id }: { id: string }`): `pattern` is its text; `member`, the one member it reads, which
   * `name` (the local it binds) and `use` stand for. Without `member` the pattern is not read (several members, nested).
   */
  destructured?: { pattern: string; member?: string };
}

/** A data member of an object-typed parameter; `optional`: declared with `?` (all of a `Partial<T>`'s are). */
export interface ParameterMember {
  name: string;
  use: TypeUse;
  optional: boolean;
}

export interface PortMethod {
  name: string;
  location: SourceLocation;
  parameters: PortParameter[];
  returns: TypeUse;
  async: boolean;
  /** The signature as written in the port, for hand-written stubs: `(since: Date): Promise<Order[]>`. */
  signatureText: {
    parameters: string[];
    returns: string;
    /** `T extends object`: the method's own type parameters. */ typeParameters?: string[];
  };
  /** Project types the signature names, with the file that declares them (and whether it is its default export). */
  typeReferences: {
    name: string;
    file: string;
    defaultExport?: boolean;
    /** A package's type (`file` is the module): imported from it as the port's file does. */
    package?: 'named' | 'default' | 'namespace';
  }[];
  /** `transaction<T>(work: () => Promise<T>): Promise<T>`: the shape of a unit of work, and its type parameter (`T`). */
  unitOfWork?: string;
  /**
   * Declared returning `void`, not a Promise (`save(user: User): void`): implemented async all the same (a method that
   * returns void may return a Promise), which callers of the port cannot await (the map stage sets it; gen warns).
   */
  declaredSync?: true;
}

/**
 * Every port of the aggregate, implemented by one repository class: `name`, `file`, `location` and `kind` are
 * those of the first (the one with `save`), `ports` lists them all, `methods` is their merged method list.
 */
export interface PortModel {
  name: string;
  file: string;
  location: SourceLocation;
  kind: 'interface' | 'abstract-class' | 'type-alias';
  methods: PortMethod[];
  ports: PortRef[];
  /** Declarations beside the ports that are not ports of this aggregate (event stores, use cases, tokens...), and why. */
  leftAlone: LeftAlone[];
  /** What a dependency-injection container provides the port under: its exported token, or the abstract class itself. */
  token?: PortToken;
}

/** `export const ORDER_REPOSITORY = Symbol('OrderRepository')` (or a string, an InjectionToken), or an abstract class port. */
export interface PortToken {
  name: string;
  location: SourceLocation;
}

export interface PortRef {
  name: string;
  file: string;
  location: SourceLocation;
  /** Declared `export default interface`: imported with a default import. */
  defaultExport?: boolean;
  /** An abstract class with members of its own (a constructor, fields, helpers, a base class): extended, not implemented. */
  partial?: PartialPort;
}

/**
 * What a repository that `extends` a partial abstract-class port owes it: the constructor's arguments (forwarded after
 * gen's own; the tests pass `samples`), and the abstract string properties it fills with its class name.
 */
export interface PartialPort {
  /** A sample argument for each of the constructor's parameters, as TypeScript (`() => undefined`, `'name'`). */
  samples: string[];
  abstractProperties: { name: string; scope: 'public' | 'protected'; readonly: boolean }[];
  /** The methods it (or a base) implements itself: the repositories inherit them, even where another port declares them. */
  implemented: string[];
}

export interface LeftAlone {
  name: string;
  location: SourceLocation;
  reason: string;
}

/** A type use as TypeScript: `Order[]`, `OrderId`, `Order | null`. */
export function typeUseText(use: TypeUse): string {
  const type = use.type;
  const base =
    type.kind === 'primitive'
      ? type.primitive === 'date'
        ? 'Date'
        : type.primitive
      : type.kind === 'literal-union'
        ? type.values.map((v) => `'${v}'`).join(' | ')
        : type.kind === 'page'
          ? `{ ${type.take}: number; ${type.skip}: number }`
          : type.kind === 'void' || type.kind === 'unknown'
            ? type.kind
            : type.kind === 'paginated'
              ? `${type.name}<${type.shape.item}>`
              : type.name;
  const list = use.list ? (base.includes(' ') ? `(${base})[]` : `${base}[]`) : base;
  if (use.absent === 'option') return use.text;
  return use.absent === 'none' ? list : `${list} | ${use.absent}`;
}
