import { Node } from 'ts-morph';
import { GenError } from '../errors.js';
import type { AggregateModel, FieldModel, Rehydration } from '../model/domain-model.js';
import { hasSetter, ID_NAMES, isSettable, readClassState } from './class-state-reader.js';
import { readDomainEvents } from './domain-events-reader.js';
import { readRecordState, type AggregateDeclaration } from './record-state-reader.js';
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

/**
 * Reads the aggregate root: its stored fields (whatever style it is written in), its id, and how to rebuild it. An
 * interface or type alias of fields (a port that names no class) is a record: its properties, rebuilt as a literal.
 */
export function readAggregate(
  declaration: AggregateDeclaration,
  classifier: TypeClassifier,
  projectRoot: string,
  rehydrators: readonly string[],
): AggregateModel {
  const name = declaration.getName() ?? 'default';
  const location = locate(declaration, projectRoot);
  const state: { style: AggregateModel['style']; fields: FieldModel[]; rehydration: Rehydration; snapshot?: string } =
    Node.isClassDeclaration(declaration)
      ? readClassState(declaration, classifier, projectRoot, rehydrators)
      : { style: 'record', ...readRecordState(declaration, classifier, projectRoot) };
  const candidates = idCandidates(name);
  const id = candidates.map((candidate) => state.fields.find((f) => f.name === candidate)).find((f) => f !== undefined);
  if (!id) {
    throw new GenError(
      `aggregate ${name} has no id: gen looked for a field, getter or getX() method named ${candidates.map((c) => `'${c}'`).join(', ')}, also inherited from a base class (\`_id\` with \`get id()\` or \`getId()\`)`,
      location,
      `Give it one of these (e.g. \`readonly id: ${name}Id\`); fields found: ${state.fields.map((f) => f.name).join(', ')}.`,
    );
  }
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
          },
        }
      : {}),
    fields: state.fields,
    rehydration: state.rehydration,
    ...(state.snapshot ? { snapshot: state.snapshot } : {}),
    ...(domainEvents ? { domainEvents } : {}),
  };
}

/** A record's member declared `readonly` (its own or an inherited one): not settable on a saved object. */
function isReadonlyMember(declaration: AggregateDeclaration, name: string): boolean {
  const symbol = declaration.getType().getProperty(name);
  return (symbol?.getDeclarations() ?? []).some((d) => (Node.isPropertySignature(d) || Node.isPropertyDeclaration(d)) && d.isReadonly());
}
