import { modelPropertyType } from '../src/map/column-types.js';
import { camelCase, pluralize } from '../src/map/naming.js';
import type { ChildCollection, FieldMapping } from '../src/map/persistence-model.js';
import type { Rehydration, Unwrap, ValueType } from '../src/model/domain-model.js';
import type { DomainEventsAccess } from '../src/model/domain-events.js';
import type { Artifact, GeneratorContext } from '../src/render/artifact.js';
import {
  columnAssignments,
  fromColumns,
  intoCollection,
  memberFromColumns,
  eventsRecordedByRebuild,
  rehydrationCall,
  wrappedTypes,
  type MapperLocal,
  type MemberValue,
} from '../src/render/conversions.js';
import { ImportSet } from '../src/render/imports.js';
import { addCollectionImports, addDomainTypeImports } from './domain-imports.js';
import { addAggregateImport } from './port-signature.js';

/** One class the mapper converts both ways: the aggregate root, or one child entity. */
interface Conversion {
  modifier: string;
  className: string;
  entityClass: string;
  toDomain: string;
  toModel: string;
  /** The call that rebuilds the class from `model`, before unwrapping. */
  build: string;
  unwrap?: Unwrap;
  /**
   * A root rebuilt through `create()`, which records its events again: the call that drops them (`pullDomainEvents()`),
   * since a loaded aggregate has none pending (an outbox would publish them on its next save).
   */
  discardEvents?: string;
  idText: string;
  /** toModel's parameters: the domain object, and for a child its root's id and its position. */
  parameters: string;
  /** Values toModel computes once (a `toPrimitives()` call) before its assignments. */
  locals: MapperLocal[];
  /** `when`: set only if this holds (an id the database assigns, absent until the first save). */
  assignments: { property: string; value: string; when?: string }[];
}

/**
 * The mapper: `toDomain` rebuilds the aggregate (and its child entities) the way it is meant to be rebuilt,
 * `toModel` flattens it to rows.
 */
export function mapper({ model, layout, specifiers }: GeneratorContext): Artifact {
  const { names, aggregate, fields, children } = model;
  const imports = addAggregateImport(new ImportSet(), specifiers, layout.mapper, aggregate).add(
    specifiers.generated(layout.mapper, layout.entity),
    names.entityClass,
  );
  for (const child of children) {
    imports
      // A record of fields (record-state-reader.ts) is only a type.
      .add(specifiers.source(layout.mapper, child.file), child.className, {
        typeOnly: child.field.type.kind === 'composite' && child.field.type.plain === true,
        defaultExport: child.field.type.kind === 'composite' && child.field.type.defaultExport === true,
      })
      .add(specifiers.generated(layout.mapper, layout.entity), child.entityClass);
  }
  addDomainTypeImports(imports, specifiers, layout.mapper, nestedTypes([...fields, ...children.flatMap((c) => c.fields)]), {
    valueObjects: 'value',
    enums: 'type',
  });
  addDomainTypeImports(imports, specifiers, layout.mapper, wrappedTypes(aggregate.rehydration), { valueObjects: 'value', enums: 'type' });
  addCollectionImports(imports, specifiers, layout.mapper, aggregate.fields);
  const variable = names.variable;
  const id = fields.find((f) => f.column.primary)!;
  const byName = new Map(fields.map((f) => [f.field.name, f]));
  const childByName = new Map(children.map((c) => [c.field.name, c]));
  // The primitives style: one toPrimitives() call gives every field; props behind getProps(): one call gives them.
  const propsCall = aggregate.snapshot ? undefined : sharedCall(fields.map((f) => f.field.access));
  const propsLocal = propsCall && (propsCall.local === variable ? `${propsCall.local}Value` : propsCall.local);
  const rootLocals: MapperLocal[] = aggregate.snapshot
    ? [{ name: 'primitives', value: `${variable}.${aggregate.snapshot}` }]
    : propsCall && propsLocal
      ? [{ name: propsLocal, value: `${variable}${propsCall.call}` }]
      : [];
  const read = (f: FieldMapping) =>
    aggregate.snapshot
      ? `primitives.${f.field.name}`
      : propsCall && f.field.access.startsWith(`${propsCall.call}.`)
        ? `${propsLocal}${f.field.access.slice(propsCall.call.length)}`
        : `${variable}${f.field.access}`;
  const root: Conversion = {
    modifier: 'static',
    className: aggregate.name,
    entityClass: names.entityClass,
    toDomain: 'toDomain',
    toModel: 'toModel',
    ...rebuild(
      aggregate.name,
      aggregate.rehydration,
      (field) => {
        const child = childByName.get(field);
        return child ? childrenFromRows(child, names.mapperClass) : fromColumns('model', byName.get(field)!);
      },
      (field) => {
        const child = childByName.get(field);
        return child ? childrenFromRows(child, names.mapperClass) : memberFromColumns('model', byName.get(field)!);
      },
    ),
    ...optionalDiscard(aggregate),
    idText: `model.${id.column.property}`,
    parameters: `${variable}: ${aggregate.name}`,
    locals: rootLocals,
    assignments: [
      ...fields.flatMap((f) =>
        f === id && id.column.generated ? [assignedId(read(f), id, rootLocals)] : columnAssignments(read(f), f, rootLocals),
      ),
      ...children.map((child) => {
        const item = childVariable(child, variable);
        return {
          property: child.field.name,
          value: `${variable}${child.field.access}.map((${item}, ${child.positionColumn.property}) => ${names.mapperClass}.${child.toModel}(${item}, model.${id.column.property}, ${child.positionColumn.property}))`,
        };
      }),
    ],
  };
  const childConversions = children.map((child): Conversion => {
    const item = childVariable(child, variable);
    const childFields = new Map(child.fields.map((f) => [f.field.name, f]));
    const childId = child.fields.find((f) => f.column.primary)!;
    const locals: MapperLocal[] = [];
    return {
      modifier: 'private static',
      className: child.className,
      entityClass: child.entityClass,
      toDomain: child.toDomain,
      toModel: child.toModel,
      ...rebuild(
        child.className,
        child.rehydration,
        (field) => fromColumns('model', childFields.get(field)!),
        (field) => memberFromColumns('model', childFields.get(field)!),
      ),
      idText: `model.${childId.column.property}`,
      parameters: `${item}: ${child.className}, ${child.parentColumn.property}: ${idType(child)}, ${child.positionColumn.property}: number`,
      locals,
      assignments: [
        { property: child.parentColumn.property, value: child.parentColumn.property },
        ...child.fields.flatMap((f) => columnAssignments(`${item}${f.field.access}`, f, locals)),
        { property: child.positionColumn.property, value: child.positionColumn.property },
      ],
    };
  });
  return {
    path: layout.mapper,
    template: 'mapper.ejs',
    source: aggregate.file,
    data: { imports: imports.lines(), className: names.mapperClass, aggregate: names.aggregate, conversions: [root, ...childConversions] },
  };
}

/** An id the database assigns: copied when the aggregate has one, left out of the INSERT until then. */
function assignedId(expression: string, id: FieldMapping, locals: MapperLocal[]): { property: string; value: string; when: string } {
  const local = { name: id.column.property === 'model' ? 'modelId' : id.column.property, value: expression };
  locals.push(local);
  const absent = [...(id.field.optional ? ['undefined'] : []), ...(id.field.nullable ? ['null'] : [])];
  return { property: id.column.property, value: local.name, when: absent.map((a) => `${local.name} !== ${a}`).join(' && ') };
}

function optionalDiscard(aggregate: { rehydration: Rehydration; domainEvents?: DomainEventsAccess }): { discardEvents?: string } {
  const discard = eventsRecordedByRebuild(aggregate);
  return discard === undefined ? {} : { discardEvents: discard };
}

function rebuild(
  className: string,
  rehydration: Rehydration,
  valueOf: (field: string) => string,
  memberOf: (field: string) => MemberValue,
): { build: string; unwrap?: Unwrap } {
  const build = rehydrationCall(className, { ...rehydration, unwrap: undefined }, valueOf, memberOf);
  return rehydration.unwrap ? { build, unwrap: rehydration.unwrap } : { build };
}

/** The children of a root row, in list order, rebuilt one by one (and into their collection class, if any). */
function childrenFromRows(child: ChildCollection, mapperClass: string): string {
  const position = child.positionColumn.property;
  return intoCollection(
    child.field,
    `[...model.${child.field.name}].sort((a, b) => a.${position} - b.${position}).map((row) => ${mapperClass}.${child.toDomain}(row))`,
  );
}

/**
 * A call that several fields are read through (`.getProps().email`, `.getProps().role`): the mapper makes it
 * once, into a local named for what it returns (`props`).
 */
function sharedCall(accesses: readonly string[]): { call: string; local: string } | undefined {
  const calls = accesses.map((access) => /^(\.(\w+)\(\))\./.exec(access)).filter((match) => match !== null);
  const call = calls.find((match) => calls.filter((other) => other[1] === match[1]).length > 1);
  if (!call) return undefined;
  const method = call[2];
  return { call: call[1], local: /^getProps/.test(method) ? 'props' : camelCase(method.replace(/^get/, '')) };
}

/** `line` for `lines`; never the root's own variable. */
function childVariable(child: ChildCollection, rootVariable: string): string {
  const name = camelCase(pluralize.singular(child.field.name));
  return name === rootVariable || name === child.field.name ? `${name}Item` : name;
}

function idType(child: ChildCollection): string {
  return modelPropertyType(child.parentColumn);
}

/** The value types of the fields, and of the parts of composite value objects. */
function nestedTypes(fields: readonly FieldMapping[]): ValueType[] {
  return fields.flatMap((f) =>
    f.conversion.kind === 'composite' || f.conversion.kind === 'composite-list'
      ? [f.field.type, ...nestedTypes(f.conversion.parts)]
      : [f.field.type],
  );
}
