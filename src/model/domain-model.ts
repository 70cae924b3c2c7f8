import type { SourceLocation } from '../errors.js';

/**
 * The plain model of a feature's domain layer, as the reader found it. No ts-morph types:
 * everything here is serialisable data that later stages map and render.
 */
export interface DomainModel {
  feature: string;
  aggregate: AggregateModel;
  port: PortModel;
}

export type PrimitiveKind = 'string' | 'number' | 'boolean' | 'date';

export interface EnumMember {
  name: string;
  value: string | number;
}

/** How code outside a class builds one from a single value: `new X(v)` or `X.of(v)`. */
export type ValueConstruction = { kind: 'constructor' } | { kind: 'static'; method: string };

/** A type that a field or a port parameter can have. */
export type ValueType =
  | { kind: 'primitive'; primitive: PrimitiveKind }
  | { kind: 'enum'; name: string; file: string; members: EnumMember[] }
  | {
      /** A class wrapping one primitive (an id, an email): stored as that primitive. */
      kind: 'value-object';
      name: string;
      file: string;
      valueProperty: string;
      primitive: PrimitiveKind;
      construction: ValueConstruction;
    }
  | { kind: 'aggregate'; name: string }
  /** A pagination parameter: an object type with `limit`/`take` and `offset`/`skip` numbers. */
  | { kind: 'page'; take: string; skip: string }
  | { kind: 'void' }
  /** A type gen cannot store or query (fine in a hand-written method); `reason` says why. */
  | { kind: 'unknown'; reason: string };

export interface FieldModel {
  name: string;
  type: ValueType;
  /** Declared with `?` or `| undefined`: absent values come back as `undefined`. */
  optional: boolean;
  /** Declared with `| null`: absent values come back as `null`. */
  nullable: boolean;
  /** Assignable from outside the aggregate (a `public` parameter property without `readonly`). */
  mutable: boolean;
  location: SourceLocation;
}

/** How the mapper rebuilds the aggregate from its stored fields. */
export type Rehydration = { kind: 'constructor'; parameters: string[] };

export interface AggregateModel {
  name: string;
  file: string;
  location: SourceLocation;
  idField: string;
  fields: FieldModel[];
  rehydration: Rehydration;
}

/** A type as used in a port signature: the value type plus list and absence wrappers. */
export interface TypeUse {
  type: ValueType;
  list: boolean;
  /** What stands for "nothing" in this position: `T | null`, `T | undefined`, or neither. */
  absent: 'null' | 'undefined' | 'none';
  /** The type as the user wrote it, for messages. */
  text: string;
}

export interface PortParameter {
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
  signatureText: { parameters: string[]; returns: string };
  /** Project types the signature names, with the file that declares them. */
  typeReferences: { name: string; file: string }[];
}

export interface PortModel {
  name: string;
  file: string;
  location: SourceLocation;
  kind: 'interface' | 'abstract-class';
  methods: PortMethod[];
}
