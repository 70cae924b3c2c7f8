import { Node, ts, type ClassDeclaration, type InterfaceDeclaration, type Type, type TypeAliasDeclaration } from 'ts-morph';
import { GenError } from '../errors.js';
import type { FieldModel, Rehydration, TypeUse, ValueType } from '../model/domain-model.js';
import { heldAggregatesError, isHeldAggregate, type HeldReference } from './aggregate-reference.js';
import { locate, relativeFile } from './source-location.js';
import { libraryAliased } from './type-shapes.js';
import type { TypeClassifier } from './type-classifier.js';

/** An aggregate typed as plain data: `interface User { ... }`, `type User = { ... }` or `type User = Base & { ... }`. */
export type RecordDeclaration = InterfaceDeclaration | TypeAliasDeclaration;

/** What a port stores: a class, or a record of fields when the port names no class. */
export type AggregateDeclaration = ClassDeclaration | RecordDeclaration;

/** A port's type seen as a record: the declaration to store, one that is not a record of fields (and why), or neither. */
export type RecordVerdict = { kind: 'record'; declaration: RecordDeclaration } | { kind: 'refused'; reason: string; decision: string };

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/**
 * The interface or object type alias of the project that a port's type names, when it is a record of fields: object
 * types only (intersections of them too), no methods, no type parameters. A union of records and a generic record are
 * refused with the decision they need; anything else (a primitive, a library type, a class) is not a record.
 */
export function recordOf(type: Type, excluded: RegExp): RecordVerdict | undefined {
  const parts = type.isUnion() && !type.isBoolean() ? type.getUnionTypes().filter((t) => !t.isNull() && !t.isUndefined()) : [type];
  if (parts.length > 1) {
    const named = parts.map((t) => declarationOf(t)).filter((d) => d !== undefined);
    if (named.length === 0 || !parts.every((t) => isFieldRecord(t))) return undefined;
    return {
      kind: 'refused',
      reason: `a union of records (${parts.map((t) => declarationOf(t)?.getName() ?? t.getText()).join(' | ')})`,
      decision:
        'Store one type per repository: give each record its own port, or merge them into one type with a field that tells them apart.',
    };
  }
  const [one] = parts;
  const element = one.isArray() ? one.getArrayElementTypeOrThrow() : one;
  const declaration = declarationOf(element);
  if (!declaration || excluded.test(declaration.getName())) return undefined;
  if (declaration.getTypeParameters().length > 0) {
    return {
      kind: 'refused',
      reason: `generic (${declaration.getName()}<${declaration
        .getTypeParameters()
        .map((p) => p.getName())
        .join(', ')}>)`,
      decision: `Declare the stored type without type parameters (\`interface ${declaration.getName()} { ... }\` with its fields' own types).`,
    };
  }
  return isFieldRecord(element) ? { kind: 'record', declaration } : undefined;
}

/** The project's own interface or type alias that names a type (not a library's, not a declaration file's). */
function declarationOf(type: Type): RecordDeclaration | undefined {
  const symbol = type.getAliasSymbol() ?? type.getSymbol();
  const declaration = symbol?.getDeclarations().find((d) => Node.isInterfaceDeclaration(d) || Node.isTypeAliasDeclaration(d));
  if (!declaration || declaration.getSourceFile().isInNodeModules() || declaration.getSourceFile().isDeclarationFile())
    return libraryAliased(type);
  return declaration;
}

/**
 * The members of a record made readonly by the way its alias is spelled: every member of a `Readonly<...>` part
 * (`type Task = Readonly<TaskProps> & { note: string }`); a member declared `readonly` is told by its own declaration.
 */
function readonlyBySpelling(declaration: RecordDeclaration): Set<string> {
  const found = new Set<string>();
  const visit = (node: Node | undefined): void => {
    if (!node) return;
    if (Node.isIntersectionTypeNode(node)) node.getTypeNodes().forEach(visit);
    else if (Node.isParenthesizedTypeNode(node)) visit(node.getTypeNode());
    else if (Node.isTypeReference(node) && node.getTypeName().getText() === 'Readonly')
      node
        .getType()
        .getProperties()
        .forEach((p) => found.add(p.getName()));
  };
  if (Node.isTypeAliasDeclaration(declaration)) visit(declaration.getTypeNode());
  return found;
}

/** An object type of fields: no call signatures, no methods, at least one property; an intersection of such types. */
function isFieldRecord(type: Type): boolean {
  if (type.isIntersection()) return type.getIntersectionTypes().every((t) => isFieldRecord(t));
  if (
    !type.isObject() ||
    type.isArray() ||
    type.isClass() ||
    type.getCallSignatures().length > 0 ||
    type.getConstructSignatures().length > 0
  )
    return false;
  const properties = type.getProperties();
  return (
    properties.length > 0 &&
    properties.every((p) => !p.getDeclarations().some((d) => Node.isMethodSignature(d) || Node.isMethodDeclaration(d)))
  );
}

/** A member's type, or the classifier's refusal told as the member's (an inherited one is declared elsewhere). */
function classifyMember(classifier: TypeClassifier, type: Type, node: Node, member: string): TypeUse {
  try {
    return classifier.classifyUse(type, node);
  } catch (error) {
    if (!(error instanceof GenError)) throw error;
    throw new GenError(`${member}: ${error.message}`, error.location, error.hint);
  }
}

/**
 * A list of a named record with a required `id` (`tasks: TaskItem[]`) holds child entities: one row each in a child
 * table, as a class's list of entities is stored. Anonymous objects (`{ id; text }[]`) stay a JSON list: no name to type them by.
 */
function childRecord(type: ValueType, listType: Type, projectRoot: string): ValueType | undefined {
  if (type.kind !== 'composite' || !type.plain) return undefined;
  const id = type.fields.find((f) => f.name === 'id');
  if (!id || id.optional || id.nullable || id.list || (id.type.kind !== 'primitive' && id.type.kind !== 'value-object')) return undefined;
  const element = listType.isArray() ? listType.getArrayElementType() : listType.getTypeArguments()[0];
  const declaration = element && declarationOf(element);
  if (!declaration || declaration.getName() !== type.name) return undefined;
  if (type.fields.some((f) => f.type.kind === 'composite')) return undefined;
  return {
    ...type,
    idField: 'id',
    file: relativeFile(declaration.getSourceFile().getFilePath(), projectRoot),
  };
}

/**
 * The stored fields of an aggregate typed as a record, in the order its type lists them (inherited and intersected
 * members included), and its rebuild as an object literal. Each member is classified as a class's field is: enums,
 * literal unions, Dates, nested objects as prefixed columns, lists as JSON. A member gen cannot store is refused by name.
 */
export function readRecordState(
  declaration: RecordDeclaration,
  classifier: TypeClassifier,
  projectRoot: string,
): { fields: FieldModel[]; rehydration: Rehydration } {
  const name = declaration.getName();
  const type = declaration.getType();
  const readonlyMembers = readonlyBySpelling(declaration);
  // Every member holding another aggregate, refused together: one decision for all of them.
  const held: HeldReference[] = [];
  const fields: FieldModel[] = type.getProperties().flatMap((property): FieldModel[] => {
    const node = property.getValueDeclaration() ?? property.getDeclarations()[0] ?? declaration;
    const location = locate(node, projectRoot);
    const memberName = property.getName();
    if (!IDENTIFIER.test(memberName))
      throw new GenError(
        `member '${memberName}' of ${name} is not an identifier, so no column or mapper can name it`,
        location,
        `Rename it to a plain identifier (\`${memberName.replace(/\W+(\w)/g, (_, c: string) => c.toUpperCase()).replace(/\W/g, '')}\`).`,
      );
    const use = classifyMember(classifier, property.getTypeAtLocation(declaration), node, `member '${memberName}' of ${name}`);
    if (isHeldAggregate(use)) {
      held.push({ member: memberName, use, location });
      return [];
    }
    const kind = use.type.kind;
    if (
      kind === 'void' ||
      kind === 'aggregate' ||
      kind === 'unknown' ||
      kind === 'page' ||
      kind === 'criteria' ||
      kind === 'page-request' ||
      kind === 'paginated'
    ) {
      throw new GenError(
        `member '${memberName}' of ${name} is of type '${use.text}', which gen does not store`,
        location,
        `Type it as a string, number, boolean, Date, enum, literal union, value object or object of them; or store a reference by id (\`${memberName}Id: string\`).`,
      );
    }
    const child = use.list ? childRecord(use.type, property.getTypeAtLocation(declaration), projectRoot) : undefined;
    if (child) use.type = child;
    else if (use.list && use.type.kind === 'composite' && use.type.idField) {
      throw new GenError(
        `member '${memberName}' of ${name} is a list of entities (${use.type.name}), which gen stores only inside an aggregate class`,
        location,
        `Decide how to store it: a list of plain objects without an id is stored as JSON; a list of entities needs ${name} to be a class, or a repository of its own.`,
      );
    }
    const readonly = (Node.isPropertySignature(node) && node.isReadonly()) || readonlyMembers.has(memberName);
    return [
      {
        name: memberName,
        type: use.type,
        optional: property.hasFlags(ts.SymbolFlags.Optional) || use.absent === 'undefined',
        nullable: use.absent === 'null',
        list: use.list,
        mutable: !readonly,
        access: `.${memberName}`,
        location,
        ...(use.collection ? { collection: use.collection } : {}),
        ...(use.inPlace && !readonly ? { inPlace: use.inPlace } : {}),
      },
    ];
  });
  if (held.length > 0)
    throw heldAggregatesError(
      name,
      held,
      type.getProperties().map((p) => p.getName()),
    );
  const omittable = fields.filter((f) => f.optional && !f.nullable).map((f) => f.name);
  return {
    fields,
    rehydration: {
      call: { kind: 'literal' },
      arguments: [
        {
          kind: 'object',
          fields: fields.map((f) => f.name),
          ...(omittable.length > 0 ? { omittable } : {}),
        },
      ],
    },
  };
}
