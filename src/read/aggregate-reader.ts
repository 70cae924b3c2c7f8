import { Node, type ClassDeclaration } from 'ts-morph';
import { GenError } from '../errors.js';
import type { SourceLocation } from '../errors.js';
import type { AggregateModel, FieldModel, PortMethod, Rehydration } from '../model/domain-model.js';
import { hasGuardedSetter, hasSetter, ID_NAMES, isSettable, readClassState } from './class-state-reader.js';
import { readDomainEvents } from './domain-events-reader.js';
import { readRecordState, type AggregateDeclaration } from './record-state-reader.js';
import { keyNames, naturalKey } from './natural-key.js';
import { locate, relativeFile } from './source-location.js';
import type { TypeClassifier } from './type-classifier.js';

/**
 * What an aggregate's id may be called, first found wins: `id` (a field, getter or `getId()`, own or inherited),
 * `<aggregate>Id` (`userId` on User), `guid`, `uuid`.
 */
export function idCandidates(aggregate: string): string[] {
  const [first, ...rest] = ID_NAMES;
  return [first, `${aggregate.charAt(0).toLowerCase()}${aggregate.slice(1)}Id`, ...rest];
}

/** Where an aggregate with no id finds its key: the field gen.config.json's `ids` names, else its port's methods. */
export interface KeySources {
  /** `"ids": { "Staff": "staffCode" }`, with the line of that entry. */
  configured?: { field: string; location: SourceLocation };
  /** The methods of the aggregate's ports, read only when the aggregate has no id. */
  portMethods?: () => PortMethod[];
}

/**
 * Reads the aggregate root: its stored fields (whatever style it is written in), its id, and how to rebuild it. An
 * interface or type alias of fields (a port that names no class) is a record: its properties, rebuilt as a literal.
 */
/**
 * An abstract aggregate with subclasses (mapeveri's `abstract class Term` of `Word` and `Expression`): what is stored
 * is one of the subclasses, each with fields of its own (Word's terms), which the base's state does not have and no
 * rebuild of the base could give back. gen maps one concrete class to one table; a hierarchy (single-table
 * inheritance: the union of the columns and a discriminator naming the class) is not read yet, so it is refused
 * before anything is read from the base.
 */
function refuseHierarchy(declaration: ClassDeclaration, name: string, projectRoot: string): void {
  if (!declaration.isAbstract()) return;
  const subclasses = declaration.getDerivedClasses().filter((c) => !c.getSourceFile().isInNodeModules());
  if (subclasses.length === 0) return;
  const named = subclasses.map((c) => {
    const at = locate(c, projectRoot);
    const own = [
      ...c.getInstanceProperties().map((p) => p.getName()),
      ...c.getConstructors().flatMap((k) =>
        k
          .getParameters()
          .filter((p) => p.isParameterProperty())
          .map((p) => p.getName()),
      ),
    ];
    return `${c.getName() ?? 'default'} (${at.file}:${at.line}${own.length > 0 ? `, adding ${[...new Set(own)].join(', ')}` : ''})`;
  });
  const first = subclasses[0].getName() ?? 'Subclass';
  throw new GenError(
    `cannot store ${name}: it is abstract, and what is stored is one of its subclasses ${named.join(', ')}; gen stores one concrete class per table and does not map a class hierarchy (single-table inheritance) yet`,
    locate(declaration, projectRoot),
    `Decide how the subclasses are stored: give each its own port taking it (\`${first}Repository\` with \`save(${first.charAt(0).toLowerCase()}${first.slice(1)}: ${first})\`) so that gen generates each as an aggregate with a table of its own, or keep ${name}'s repository hand-written.`,
  );
}

export function readAggregate(
  declaration: AggregateDeclaration,
  classifier: TypeClassifier,
  projectRoot: string,
  rehydrators: readonly string[],
  keys: KeySources = {},
): AggregateModel {
  const name = declaration.getName() ?? 'default';
  const location = locate(declaration, projectRoot);
  if (Node.isClassDeclaration(declaration)) refuseHierarchy(declaration, name, projectRoot);
  const state: {
    style: AggregateModel['style'];
    fields: FieldModel[];
    rehydration: Rehydration;
    snapshot?: string;
  } = Node.isClassDeclaration(declaration)
    ? readClassState(declaration, classifier, projectRoot, rehydrators)
    : {
        style: 'record',
        ...readRecordState(declaration, classifier, projectRoot),
      };
  const { id, natural } = findId(declaration, state.fields, location, keys);
  // `id?: number`, `id: string | null`: the database assigns it on insert (a TypeORM @PrimaryGeneratedColumn).
  const generated = id.optional || id.nullable;
  if (generated && (id.list || id.type.kind !== 'primitive' || (id.type.primitive !== 'number' && id.type.primitive !== 'string'))) {
    throw new GenError(
      `the id '${id.name}' of aggregate ${name} may be absent, so the database would assign it, but it is not a number or a string`,
      id.location,
      `Type it \`${id.name}?: number\` (an auto-incremented id) or \`${id.name}?: string\` (a UUID) for the database to assign it, or make it required and assign it when ${name} is created.`,
    );
  }
  if (id.list || (id.type.kind !== 'primitive' && id.type.kind !== 'value-object')) {
    throw new GenError(
      `the id '${id.name}' of aggregate ${name} must be a required string, number or single-value object`,
      id.location,
      `Type it as a string, a number or a value object of one of them (\`readonly ${id.name}: ${name}Id\`).`,
    );
  }
  const domainEvents = Node.isClassDeclaration(declaration) ? readDomainEvents(declaration) : undefined;
  return {
    name,
    file: relativeFile(declaration.getSourceFile().getFilePath(), projectRoot),
    location,
    style: state.style,
    idField: id.name,
    ...(generated && id.type.kind === 'primitive'
      ? {
          generatedId: {
            strategy: id.type.primitive === 'number' ? ('increment' as const) : ('uuid' as const),
            writable: Node.isClassDeclaration(declaration)
              ? isSettable(declaration, id.name) || (state.rehydration.assigned ?? []).includes(id.name)
              : !isReadonlyMember(declaration, id.name),
            ...(Node.isClassDeclaration(declaration) && hasSetter(declaration, id.name) ? { accessor: true } : {}),
            ...(Node.isClassDeclaration(declaration) && hasGuardedSetter(declaration, id.name) ? { guarded: true } : {}),
          },
        }
      : {}),
    ...(natural ? { naturalKey: natural } : {}),
    fields: state.fields,
    rehydration: state.rehydration,
    ...(state.snapshot ? { snapshot: state.snapshot } : {}),
    ...(domainEvents ? { domainEvents } : {}),
  };
}

/**
 * The field that is the aggregate's identity: the one gen.config.json's `ids` names, else the first id candidate
 * (idCandidates), else its natural key (natural-key.ts), which must be a required string, number or single-value object.
 */
function findId(
  declaration: AggregateDeclaration,
  fields: FieldModel[],
  location: SourceLocation,
  keys: KeySources,
): { id: FieldModel; natural?: NonNullable<AggregateModel['naturalKey']> } {
  const name = declaration.getName() ?? 'default';
  const hint = `or name it in gen.config.json: "ids": { "${name}": "<field>" }`;
  if (keys.configured) {
    const field = fields.find((f) => f.name === keys.configured!.field);
    if (!field) {
      throw new GenError(
        `gen.config.json names '${keys.configured.field}' as the key of ${name}, which has no such field`,
        keys.configured.location,
        `Fields of ${name}: ${fields.map((f) => f.name).join(', ')}.`,
      );
    }
    return { id: naturalField(declaration, field), natural: { location: keys.configured.location } };
  }
  const candidates = idCandidates(name);
  const id = candidates.map((candidate) => fields.find((f) => f.name === candidate)).find((f) => f !== undefined);
  if (id) return { id };
  const key = naturalKey(name, fields, keys.portMethods?.() ?? []);
  if ('field' in key) {
    const field = fields.find((f) => f.name === key.field)!;
    return { id: naturalField(declaration, field), natural: { because: key.because, location: key.location ?? field.location } };
  }
  const scalar = fields.filter((f) => !f.list && (f.type.kind === 'primitive' || f.type.kind === 'value-object')).map((f) => f.name);
  if ('undecided' in key) {
    throw new GenError(
      `aggregate ${name} has no id, and gen cannot tell which field is its key: ${key.because} ${key.undecided.map((f) => `'${f}'`).join(' and ')}`,
      location,
      `Add an id to ${name} (\`readonly id: string\`), ${hint.replace('<field>', key.undecided[0])} (a key of several fields is not supported).`,
    );
  }
  throw new GenError(
    `aggregate ${name} has no id: gen looked for a field, getter or getX() method named ${candidates.map((c) => `'${c}'`).join(', ')}, also inherited from a base class (\`_id\` with \`get id()\` or \`getId()\`), then for a natural key (a field the port looks one ${name} up or deletes one by, or named ${keyNames(
      name,
    )
      .map((n) => `'${n}'`)
      .join(', ')})${'candidate' in key && key.candidate ? `; '${key.candidate}' may be its key, but nothing says it is unique` : ''}`,
    location,
    `Give it an id (e.g. \`readonly id: ${name}Id\`), ${hint.replace('<field>', ('candidate' in key && key.candidate) || scalar[0] || 'field')} if that field is unique; fields found: ${fields.map((f) => f.name).join(', ')}.`,
  );
}

/** A natural key is the primary key as the domain assigns it: required, one string or number (or an object of one). */
function naturalField(declaration: AggregateDeclaration, field: FieldModel): FieldModel {
  const name = declaration.getName() ?? 'default';
  // `key: SettingKey` where `type SettingKey = 'FILE_IMPORT_PATH'`: one value keys one row at most.
  const type = declaration.getType().getProperty(field.name)?.getTypeAtLocation(declaration);
  if (type?.isLiteral()) {
    throw new GenError(
      `the key '${field.name}' of aggregate ${name} can hold one value only (${type.getText(declaration)}), so at most one ${name} could be stored`,
      field.location,
      `Widen its type to the values it may take (a string, or a union of them), or add an id to ${name} (\`readonly id: string\`), or name another key in gen.config.json: "ids": { "${name}": "<field>" }.`,
    );
  }
  const scalar =
    (field.type.kind === 'primitive' || field.type.kind === 'value-object') &&
    (field.type.primitive === 'string' || field.type.primitive === 'number');
  if (field.list || field.optional || field.nullable || !scalar) {
    throw new GenError(
      `the key '${field.name}' of aggregate ${name} must be a required string, number or single-value object to be its primary key`,
      field.location,
      `Type it as a required string or number, or add an id to ${name} (\`readonly id: string\`), or name another key in gen.config.json: "ids": { "${name}": "<field>" }.`,
    );
  }
  return field;
}

/** A record's member declared `readonly` (its own or an inherited one): not settable on a saved object. */
function isReadonlyMember(declaration: AggregateDeclaration, name: string): boolean {
  const symbol = declaration.getType().getProperty(name);
  return (symbol?.getDeclarations() ?? []).some((d) => (Node.isPropertySignature(d) || Node.isPropertyDeclaration(d)) && d.isReadonly());
}
