import type { ClassDeclaration } from 'ts-morph';
import { GenError } from '../errors.js';
import type { AggregateModel } from '../model/domain-model.js';
import { readClassState } from './class-state-reader.js';
import { readDomainEvents } from './domain-events-reader.js';
import { locate, relativeFile } from './source-location.js';
import type { TypeClassifier } from './type-classifier.js';

/** Reads the aggregate root: its stored fields (whatever style it is written in), its id, and how to rebuild it. */
export function readAggregate(declaration: ClassDeclaration, classifier: TypeClassifier, projectRoot: string, rehydrators: readonly string[]): AggregateModel {
  const name = declaration.getName() ?? 'default';
  const location = locate(declaration, projectRoot);
  const state = readClassState(declaration, classifier, projectRoot, rehydrators);
  const id = state.fields.find((f) => f.name === 'id');
  if (!id) {
    throw new GenError(`aggregate ${name} has no 'id' field`, location, `Give it an id (e.g. \`readonly id: ${name}Id\`); fields found: ${state.fields.map((f) => f.name).join(', ')}.`);
  }
  if (id.optional || id.nullable || id.list || (id.type.kind !== 'primitive' && id.type.kind !== 'value-object')) {
    throw new GenError(`the id of aggregate ${name} must be a required string, number or single-value object`, id.location);
  }
  const domainEvents = readDomainEvents(declaration);
  return {
    name,
    file: relativeFile(declaration.getSourceFile().getFilePath(), projectRoot),
    location,
    style: state.style,
    idField: 'id',
    fields: state.fields,
    rehydration: state.rehydration,
    ...(state.snapshot ? { snapshot: state.snapshot } : {}),
    ...(domainEvents ? { domainEvents } : {}),
  };
}
