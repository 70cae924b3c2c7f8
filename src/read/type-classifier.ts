import { Node, ts, type ClassDeclaration, type Type } from 'ts-morph';
import { GenError } from '../errors.js';
import { compareText } from '../compare.js';
import type {
  EnumMember,
  FieldModel,
  PrimitiveKind,
  Rehydration,
  RehydrationArgument,
  TypeUse,
  ValueType,
  WrappedCollection,
} from '../model/domain-model.js';
import { readDynamicQueryType } from './dynamic-query-reader.js';
import { DEFAULT_REHYDRATORS } from '../config/project-config.js';
import { ID_NAMES, VALUE_FACTORIES, readClassState } from './class-state-reader.js';
import { readWrappedCollection } from './collection-reader.js';
import { libraryAliased } from './type-shapes.js';
import { readLibraryDate, type LibraryDateRule } from './library-dates.js';
import { locate, relativeFile } from './source-location.js';
import {
  heldAggregateInPort,
  heldAggregatesError,
  isHeldAggregate,
  plainTypeName,
  type AggregateRoots,
  type HeldReference,
} from './aggregate-reference.js';

/** Turns ts-morph types into the plain ValueType of the domain model. The only place that inspects types. */
export class TypeClassifier {
  /** Value objects being read, to catch one that contains itself. */
  private readonly reading = new Set<string>();

  constructor(
    private readonly projectRoot: string,
    private readonly aggregateName: string | undefined,
    private readonly rehydrators: readonly string[] = DEFAULT_REHYDRATORS,
    /** The project's other aggregate roots: a member holding one is a reference, refused by the state readers. */
    private readonly roots?: AggregateRoots,
    /** gen.config.json's `dateTypes`: library date classes gen is told how to build from a Date. */
    private readonly dateTypes: readonly LibraryDateRule[] = [],
  ) {}

  /**
   * Classify a type in a signature: strips `null`/`undefined` and one array level. `plainObjects`: whether an object
   * type may be a stored value (in the domain's state, not in a port's signature).
   */
  classifyUse(type: Type, at: Node, plainObjects = true): TypeUse {
    const text = type.getText(at);
    let absent: TypeUse['absent'] = 'none';
    const parts = (type.isUnion() ? type.getUnionTypes() : [type]).filter((part) => {
      if (part.isNull()) absent = 'null';
      else if (part.isUndefined()) absent = absent === 'null' ? 'null' : 'undefined';
      else return true;
      return false;
    });
    if (parts.length === 0) return { type: { kind: 'void' }, list: false, absent, text };
    if (parts.every((p) => p.isBooleanLiteral())) return { type: primitive('boolean'), list: false, absent, text };
    const union = parts.length > 1 ? literalUnion(parts) : undefined;
    if (union) return { type: union, list: false, absent, text };
    const single = this.joinUnion(parts, at, text);
    const element = single.isArray()
      ? single.getArrayElementTypeOrThrow()
      : single.getSymbol()?.getName() === 'ReadonlyArray'
        ? single.getTypeArguments()[0]
        : undefined;
    if (element)
      return {
        type: literalUnion(element) ?? this.classify(element, at, text, plainObjects),
        list: true,
        absent,
        text,
        ...(single.getSymbol()?.getName() === 'Array' ? { inPlace: 'push' as const } : {}),
      };
    // A Set in the domain's state is stored as the list of its items, in insertion order, and rebuilt with `new Set`.
    const setOf = plainObjects ? setElement(single) : undefined;
    if (setOf)
      return {
        type: literalUnion(setOf) ?? this.classify(setOf, at, text, plainObjects),
        list: true,
        absent,
        text,
        collection: SET_COLLECTION,
        ...(single.getSymbol()?.getName() === 'Set' ? { inPlace: 'add' as const } : {}),
      };
    const wrapped = this.wrappedCollection(single, at);
    if (wrapped)
      return {
        type: this.classify(wrapped.element, at, text, plainObjects),
        list: true,
        absent,
        text,
        collection: wrapped.collection,
      };
    return {
      type: this.classify(single, at, text, plainObjects),
      list: false,
      absent,
      text,
    };
  }

  /** A class of the project that wraps a list (a watched list, an `XCollection`): see collection-reader. */
  private wrappedCollection(type: Type, at: Node): ReturnType<typeof readWrappedCollection> {
    const declaration = type.getSymbol()?.getDeclarations().find(Node.isClassDeclaration);
    if (
      !declaration ||
      declaration.getSourceFile().isInNodeModules() ||
      declaration.getSourceFile().isDeclarationFile() ||
      declaration.getName() === this.aggregateName
    )
      return undefined;
    // A page of aggregates (items and a total) is a page, not a collection.
    if (readDynamicQueryType(type, at, this.aggregateName, this.projectRoot)?.kind === 'paginated') return undefined;
    return readWrappedCollection(type, declaration, at, this.projectRoot);
  }

  /** The literal members of one enum come back from TypeScript as a union of them. */
  private joinUnion(parts: Type[], at: Node, text: string): Type {
    if (parts.length === 1) return parts[0];
    if (parts.every((p) => p.isEnumLiteral())) {
      const enums = new Set(parts.map((p) => p.getBaseTypeOfLiteralType().getText()));
      if (enums.size === 1) return parts[0].getBaseTypeOfLiteralType();
    }
    throw unsupported(text, at, this.projectRoot, 'unions other than `T | null` or `T | undefined` are not supported yet');
  }

  classify(type: Type, at: Node, text = type.getText(at), plainObjects = true): ValueType {
    if (type.isVoid() || type.isUndefined()) return { kind: 'void' };
    if (type.isString() || type.isStringLiteral()) return primitive('string');
    if (type.isNumber() || type.isNumberLiteral()) return primitive('number');
    if (type.isBigInt() || type.isBigIntLiteral()) return primitive('bigint');
    if (type.isBoolean() || type.isBooleanLiteral()) return primitive('boolean');
    const branded = this.brandedPrimitive(type);
    if (branded) return branded;
    if (type.isEnum() || type.isEnumLiteral())
      return this.enumType(type.isEnumLiteral() ? type.getBaseTypeOfLiteralType() : type, at, text);
    const symbol = type.getSymbol();
    if (symbol?.getName() === 'Date' && type.getProperty('getTime')) return primitive('date');
    const page = pageType(type);
    if (page) return page;
    const dynamic = readDynamicQueryType(type, at, this.aggregateName, this.projectRoot);
    if (dynamic) return dynamic;
    const record = this.recordAggregate(type);
    if (record) return record;
    const declaration = symbol?.getDeclarations().find(Node.isClassDeclaration);
    if (declaration && !declaration.getSourceFile().isInNodeModules() && !declaration.getSourceFile().isDeclarationFile()) {
      const name = declaration.getName();
      if (name !== undefined && name === this.aggregateName)
        return {
          kind: 'aggregate',
          name,
          file: relativeFile(declaration.getSourceFile().getFilePath(), this.projectRoot),
        };
      const reference = name !== undefined ? this.roots?.referenceTo(declaration) : undefined;
      if (name !== undefined && reference) {
        // In a port's signature it is a parameter to look up by, which only a hand-written method can do.
        if (!plainObjects) throw heldAggregateInPort(name, reference);
        return { kind: 'aggregate', name, file: relativeFile(declaration.getSourceFile().getFilePath(), this.projectRoot), reference };
      }
      return this.valueObject(declaration, text);
    }
    const plain = plainObjects ? this.plainObject(type, at, text) : undefined;
    if (plain) return plain;
    const libraryDate = readLibraryDate(type, at, text, this.projectRoot, this.dateTypes);
    if (libraryDate) return libraryDate;
    throw unsupported(
      text,
      at,
      this.projectRoot,
      "supported field types: string, number, bigint, boolean, Date (and dayjs, moment and luxon dates), enums, string-literal unions, value objects, plain object types, and lists of them (`T[]`, `readonly T[]`, `ReadonlyArray<T>`, and `Set<T>` in a class's state)",
    );
  }

  /**
   * A class of the project that a port only takes, which gen cannot store (its one value is a library's class:
   * `ReservationUUID` over uuidv7's `UUID`) but which says what it is as text: it declares `toString(): string`, and
   * a public static factory (or constructor) takes that one string. As a parameter it is only read, so it is read as
   * a string value object through `toString()`; the generated tests build it through that factory from the stored
   * string, so a `toString()` that does not give back what the factory took fails them.
   */
  textParameter(type: Type): ValueType | undefined {
    const declaration = type.getSymbol()?.getDeclarations().find(Node.isClassDeclaration);
    if (!declaration || declaration.getSourceFile().isInNodeModules() || declaration.getSourceFile().isDeclarationFile()) return undefined;
    const name = declaration.getName();
    if (name === undefined || name === this.aggregateName || declaration.isAbstract() || declaration.getTypeParameters().length > 0)
      return undefined;
    const toString = declaration.getInstanceMethod('toString');
    if (!toString || toString.getParameters().length > 0 || !toString.getReturnType().isString()) return undefined;
    if (toString.hasModifier(ts.SyntaxKind.PrivateKeyword) || toString.hasModifier(ts.SyntaxKind.ProtectedKeyword)) return undefined;
    const takesOneString = (parameters: { getType(): Type; isOptional(): boolean; isRestParameter(): boolean }[]) =>
      parameters.length === 1 && parameters[0].getType().isString() && !parameters[0].isOptional() && !parameters[0].isRestParameter();
    const factory = [...this.rehydrators, ...VALUE_FACTORIES, 'create']
      .map((method) => declaration.getStaticMethod(method))
      .find(
        (method) =>
          method !== undefined &&
          !method.hasModifier(ts.SyntaxKind.PrivateKeyword) &&
          !method.hasModifier(ts.SyntaxKind.ProtectedKeyword) &&
          takesOneString(method.getParameters()) &&
          method.getReturnType().getSymbol()?.getDeclarations().includes(declaration),
      );
    const constructor = declaration
      .getConstructors()
      .find(
        (c) =>
          !c.hasModifier(ts.SyntaxKind.PrivateKeyword) &&
          !c.hasModifier(ts.SyntaxKind.ProtectedKeyword) &&
          takesOneString(c.getParameters()),
      );
    if (!factory && !constructor) return undefined;
    const patterns = classPatterns(declaration);
    return {
      kind: 'value-object',
      name,
      file: relativeFile(declaration.getSourceFile().getFilePath(), this.projectRoot),
      valueAccess: '.toString()',
      primitive: 'string',
      textual: true,
      rehydration: {
        call: factory ? { kind: 'static', method: factory.getName() } : { kind: 'constructor' },
        arguments: [{ kind: 'field', field: 'value' }],
      },
      ...(namedLikeUuid(declaration) ? { uuid: true as const } : {}),
      ...(patterns.length > 0 ? { patterns } : {}),
      ...(declaration.isDefaultExport() ? { defaultExport: true as const } : {}),
    };
  }

  /**
   * A branded primitive (`type UserId = Branded<string, 'UserId'>`, `type Email = string & { readonly __brand: 'Email' }`):
   * a named alias of the project whose type is one primitive joined with object types that only tag it. Stored as the
   * primitive, rebuilt by casting the stored value to the alias. An unnamed one (`string & { __tag: 'x' }`) has no
   * name to cast to: left to the refusal below.
   */
  private brandedPrimitive(type: Type): ValueType | undefined {
    if (!type.isIntersection()) return undefined;
    const parts = type.getIntersectionTypes();
    const primitives = parts.filter((p) => p.isString() || p.isNumber() || p.isBigInt());
    const tags = parts.filter((p) => !primitives.includes(p));
    if (primitives.length !== 1 || tags.length === 0) return undefined;
    if (!tags.every((p) => p.isObject() && !p.isClass() && !p.isArray() && p.getCallSignatures().length === 0)) return undefined;
    const alias = type.getAliasSymbol();
    const declaration = alias?.getDeclarations().find(Node.isTypeAliasDeclaration);
    if (!alias || !declaration || declaration.getSourceFile().isInNodeModules() || !declaration.isExported()) return undefined;
    const base = primitives[0];
    const kind: PrimitiveKind = base.isString() ? 'string' : base.isNumber() ? 'number' : 'bigint';
    return {
      kind: 'value-object',
      name: alias.getName(),
      file: relativeFile(declaration.getSourceFile().getFilePath(), this.projectRoot),
      valueAccess: '',
      primitive: kind,
      rehydration: { call: { kind: 'cast' }, arguments: [{ kind: 'field', field: 'value' }] },
      brand: true,
      ...(declaration.isDefaultExport() ? { defaultExport: true as const } : {}),
    };
  }

  /** The aggregate when it is typed as an interface or a type alias of fields (record-state-reader.ts), as a port names it. */
  private recordAggregate(type: Type): ValueType | undefined {
    const symbol = type.getAliasSymbol() ?? type.getSymbol();
    const aliased = libraryAliased(type);
    if (aliased && aliased.getName() === this.aggregateName)
      return { kind: 'aggregate', name: aliased.getName(), file: relativeFile(aliased.getSourceFile().getFilePath(), this.projectRoot) };
    if (this.aggregateName === undefined || symbol?.getName() !== this.aggregateName) return undefined;
    const declaration = symbol.getDeclarations().find((d) => Node.isInterfaceDeclaration(d) || Node.isTypeAliasDeclaration(d));
    if (!declaration || declaration.getSourceFile().isInNodeModules()) return undefined;
    return {
      kind: 'aggregate',
      name: this.aggregateName,
      file: relativeFile(declaration.getSourceFile().getFilePath(), this.projectRoot),
    };
  }

  /**
   * A plain object type of the project (`address: { street: string; city: string }`, an `AttendeePrimitives`
   * interface): stored like a value object of several fields, rebuilt as an object literal. An object inside it
   * (`price: { amount; currency: { code; decimals } }`) is stored the same way, its columns prefixed by both names.
   */
  private plainObject(type: Type, at: Node, text: string): ValueType | undefined {
    if (
      !type.isObject() ||
      type.isArray() ||
      type.isClass() ||
      type.getCallSignatures().length > 0 ||
      type.getConstructSignatures().length > 0
    )
      return undefined;
    const symbol = type.getAliasSymbol() ?? type.getSymbol();
    const declarations = symbol?.getDeclarations() ?? [];
    if (declarations.some((d) => d.getSourceFile().isInNodeModules() || d.getSourceFile().isDeclarationFile())) return undefined;
    const properties = type.getProperties();
    if (properties.length === 0) return undefined;
    // Every member holding another aggregate, refused together and named as the aggregate's (`Bet` in its `BetProps`).
    const held: HeldReference[] = [];
    const fields: FieldModel[] = properties.flatMap((property): FieldModel[] => {
      const node = property.getDeclarations()[0] ?? at;
      const use = this.classifyUse(property.getTypeAtLocation(at), node);
      const location = locate(node, this.projectRoot);
      if (isHeldAggregate(use)) {
        held.push({ member: property.getName(), use, location });
        return [];
      }
      const entity = use.type.kind === 'composite' && use.type.idField !== undefined;
      if (entity || use.type.kind === 'void' || use.type.kind === 'aggregate' || use.type.kind === 'unknown' || use.type.kind === 'page') {
        throw new GenError(
          `member '${property.getName()}' of ${text} is ${entity ? `${use.list ? 'a list of' : 'a'} child entit${use.list ? 'ies' : 'y'} (it has an id)` : `of type '${use.text}'`}, which gen does not store inside an object`,
          location,
          entity
            ? 'Keep child entities on the aggregate root, or drop the id from the nested object (then it is stored with its owner).'
            : 'Keep stored objects to values: primitives, enums, value objects, objects of them and lists of those.',
        );
      }
      const optional = property.hasFlags(ts.SymbolFlags.Optional) || use.absent === 'undefined';
      return [
        {
          name: property.getName(),
          type: use.type,
          optional,
          nullable: use.absent === 'null',
          list: use.list,
          mutable: false,
          access: `.${property.getName()}`,
          location,
          ...(use.collection ? { collection: use.collection } : {}),
        },
      ];
    });
    if (held.length > 0) {
      const plain = plainTypeName(text);
      throw heldAggregatesError(
        this.aggregateName ?? plain,
        held,
        properties.map((p) => p.getName()),
        plain,
      );
    }
    const name = symbol && symbol.getName() !== '__type' && symbol.getName() !== '__object' ? symbol.getName() : text;
    const omittable = fields.filter((f) => f.optional && !f.nullable).map((f) => f.name);
    return {
      kind: 'composite',
      name,
      file: '',
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
      plain: true,
    };
  }

  private enumType(type: Type, at: Node, text: string): ValueType {
    const declaration = type.getSymbol()?.getDeclarations().find(Node.isEnumDeclaration);
    if (!declaration) throw unsupported(text, at, this.projectRoot, 'the enum declaration could not be found');
    const members: EnumMember[] = declaration.getMembers().map((member) => {
      const value = member.getValue();
      if (value === undefined)
        throw new GenError(
          `enum member ${declaration.getName()}.${member.getName()} has no constant value`,
          locate(member, this.projectRoot),
          'Give every enum member a literal value.',
        );
      return { name: member.getName(), value };
    });
    const kinds = new Set(members.map((m) => typeof m.value));
    if (kinds.size !== 1) {
      throw new GenError(
        `enum ${declaration.getName()} mixes string and numeric members`,
        locate(declaration, this.projectRoot),
        'Give every member a string value, or every member a number.',
      );
    }
    const valueKind = kinds.has('string') ? 'string' : 'number';
    return {
      kind: 'enum',
      name: declaration.getName(),
      file: relativeFile(declaration.getSourceFile().getFilePath(), this.projectRoot),
      members,
      valueKind,
      ...(declaration.isDefaultExport() ? { defaultExport: true as const } : {}),
    };
  }

  /**
   * A value object: read like any class (class-state-reader). One primitive field called `value` makes a
   * single-value object stored as that primitive, a branded one (`private constructor(private readonly value: Email)`)
   * too, its stored value cast back to the brand where the rebuild hands it on; several fields make a composite stored as several columns.
   */
  private valueObject(declaration: ClassDeclaration, text: string): ValueType {
    const name = declaration.getName() ?? text;
    if (this.reading.has(name))
      throw new GenError(
        `value object ${name} contains itself`,
        locate(declaration, this.projectRoot),
        'Value objects must be trees of values; store a reference by id instead.',
      );
    this.reading.add(name);
    try {
      const state = readClassState(declaration, this, this.projectRoot, [...this.rehydrators, ...VALUE_FACTORIES]);
      const file = relativeFile(declaration.getSourceFile().getFilePath(), this.projectRoot);
      const [only] = state.fields;
      if (
        state.fields.length === 1 &&
        only &&
        (only.name === 'value' || only.access === '.value' || only.access === '.getValue()' || namedIdentity(name, only.name)) &&
        (only.type.kind === 'primitive' || (only.type.kind === 'value-object' && only.type.brand === true)) &&
        !only.list
      ) {
        const patterns = classPatterns(declaration);
        return {
          kind: 'value-object',
          name,
          file,
          valueAccess: only.access,
          primitive: only.type.primitive,
          rehydration: only.type.kind === 'value-object' ? castToBrand(state.rehydration, only.name, only.type) : state.rehydration,
          ...(namedLikeUuid(declaration) ? { uuid: true as const } : {}),
          ...(patterns.length > 0 ? { patterns } : {}),
          ...(declaration.isDefaultExport() ? { defaultExport: true as const } : {}),
        };
      }
      // A class with an `id` is an entity: inside an aggregate's list, each one is a row of a child table.
      const idField = state.fields.some((f) => f.name === 'id') ? 'id' : undefined;
      for (const field of state.fields) {
        if (idField && field.list && field.type.kind === 'composite' && field.type.idField) {
          throw new GenError(
            `field '${field.name}' of ${name} is a collection of entities inside a child entity, which gen does not store yet`,
            field.location,
            'Keep child entities one level deep: move the collection to the aggregate root, or make its elements value objects.',
          );
        }
        // Inside a value object, another value object is stored as more prefixed columns, and a list as a JSON column;
        // a child entity has a table of its own, which only the aggregate root can own.
        if (!idField && field.type.kind === 'composite' && field.type.idField) {
          throw new GenError(
            `field '${field.name}' of value object ${name} holds ${field.list ? 'a list of child entities' : 'a child entity'} (${field.type.name} has an id), which gen does not store inside a value`,
            field.location,
            `Move it to the aggregate root, or drop the id from ${field.type.name} (then it is stored as part of ${name}).`,
          );
        }
      }
      const patterns = classPatterns(declaration);
      return {
        kind: 'composite',
        name,
        file,
        fields: state.fields,
        rehydration: state.rehydration,
        ...(state.snapshot ? { snapshot: state.snapshot } : {}),
        ...(idField ? { idField } : {}),
        ...(patterns.length > 0 ? { patterns } : {}),
        ...(declaration.isDefaultExport() ? { defaultExport: true as const } : {}),
      };
    } finally {
      this.reading.delete(name);
    }
  }
}

/**
 * A class named for an identity whose one value is named for it too (`UlidUid { uid }`, `OrderId { id }`,
 * `UserUuid { uuid }`): an id wrapper, stored as its primitive like one whose value is called `value`.
 */
function namedIdentity(className: string, field: string): boolean {
  const word = `${field.charAt(0).toUpperCase()}${field.slice(1)}`;
  return (
    ID_NAMES.includes(field) && className.length > field.length && (className.endsWith(word) || className.endsWith(field.toUpperCase()))
  );
}

/**
 * The rebuild of a value object whose one value is a branded primitive: the stored primitive is handed on cast to the
 * brand (`new EmailVo(value as Email)`), which a constructor taking the brand needs and a factory taking the primitive
 * accepts.
 */
function castToBrand(rehydration: Rehydration, field: string, brand: Extract<ValueType, { kind: 'value-object' }>): Rehydration {
  const cast = (arg: RehydrationArgument): RehydrationArgument =>
    arg.kind === 'field' && arg.field === field
      ? { kind: 'wrapped', field, type: brand }
      : arg.kind === 'object'
        ? { ...arg, fields: arg.fields.map((f) => (f === field ? { kind: 'wrapped' as const, field, type: brand } : f)) }
        : arg;
  return { ...rehydration, arguments: rehydration.arguments.map(cast) };
}

/** `{ limit: number; offset?: number }` or `{ take; skip }`: the shapes of a pagination parameter. */
function pageType(type: Type): ValueType | undefined {
  if (!type.isObject() || type.isArray() || type.getCallSignatures().length > 0 || type.isClass()) return undefined;
  const names = type.getProperties().map((p) => p.getName());
  const take = names.find((n) => n === 'limit' || n === 'take');
  const skip = names.find((n) => n === 'offset' || n === 'skip');
  if (!take || !skip || names.length !== 2) return undefined;
  return { kind: 'page', take, skip };
}

/** A union of string literals (`'reader' | 'editor'`, not an enum's members): given as its parts, or as one type. */
function literalUnion(type: Type | Type[]): ValueType | undefined {
  const parts = Array.isArray(type) ? type : type.isUnion() ? type.getUnionTypes() : [];
  if (parts.length < 2 || !parts.every((p) => p.isStringLiteral() && !p.isEnumLiteral())) return undefined;
  return {
    kind: 'literal-union',
    values: parts.map((p) => p.getLiteralValue() as string).sort(compareText),
  };
}

function primitive(kind: PrimitiveKind): ValueType {
  return { kind: 'primitive', primitive: kind };
}

function unsupported(text: string, at: Node, projectRoot: string, hint: string): GenError {
  return new GenError(`unsupported type '${text}'`, locate(at, projectRoot), hint);
}

/** The class or one of its bases is named like `Uuid`/`UUID` (`UserId extends Uuid`): its value may have to be a UUID. */
/**
 * The regular expressions a class and its bases test values with (`/^[A-Z]{3}$/`, `new RegExp('^\\d+$')`), as
 * `/source/flags`: gen's sample stage tries strings that match them.
 */
function classPatterns(declaration: ClassDeclaration): string[] {
  const patterns = new Set<string>();
  for (let current: ClassDeclaration | undefined = declaration; current; current = current.getBaseClass()) {
    for (const node of current.getDescendants()) {
      if (Node.isRegularExpressionLiteral(node)) patterns.add(node.getLiteralText());
      if (Node.isNewExpression(node) && node.getExpression().getText() === 'RegExp') {
        const [source, flags] = node.getArguments();
        if (source && Node.isStringLiteral(source))
          patterns.add(`/${source.getLiteralValue()}/${flags && Node.isStringLiteral(flags) ? flags.getLiteralValue() : ''}`);
      }
    }
  }
  return [...patterns];
}

function namedLikeUuid(declaration: ClassDeclaration): boolean {
  for (let current: ClassDeclaration | undefined = declaration; current; current = current.getBaseClass()) {
    if (/uuid/i.test(current.getName() ?? '')) return true;
  }
  return false;
}

/** JavaScript's Set as a collection: read by iterating it, rebuilt with `new Set(items)`. */
const SET_COLLECTION: WrappedCollection = {
  className: 'Set',
  itemsAccess: '',
  iterable: true,
  rehydration: {
    call: { kind: 'constructor' },
    arguments: [{ kind: 'field', field: 'items' }],
  },
};

/** The element type of the standard library's `Set<T>` or `ReadonlySet<T>` (not a project class of that name). */
function setElement(type: Type): Type | undefined {
  const symbol = type.getSymbol();
  const name = symbol?.getName();
  if (name !== 'Set' && name !== 'ReadonlySet') return undefined;
  if (!symbol!.getDeclarations().every((d) => d.getSourceFile().isDeclarationFile())) return undefined;
  return type.getTypeArguments()[0];
}
