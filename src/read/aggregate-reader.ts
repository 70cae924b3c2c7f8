import { Node } from 'ts-morph';
import { GenError } from '../errors.js';
import type { AggregateModel, FieldModel, Rehydration } from '../model/domain-model.js';
import { ID_NAMES, readClassState } from './class-state-reader.js';
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
  if (id.optional || id.nullable) {
    // `id?: number` that the database fills in on insert: gen's repositories store the id the aggregate already has.
    throw new GenError(
      `the id '${id.name}' of aggregate ${name} is optional: gen stores ids the domain assigns, not ones the database generates on insert`,
      id.location,
      `Make it required and assign it when ${name} is created (\`readonly ${id.name}: string\` from randomUUID(), or an id value object).`,
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
    fields: state.fields,
    rehydration: state.rehydration,
    ...(state.snapshot ? { snapshot: state.snapshot } : {}),
    ...(domainEvents ? { domainEvents } : {}),
  };
}
