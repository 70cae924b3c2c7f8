import type { ClassDeclaration } from 'ts-morph';
import { GenError } from '../errors.js';
import type { AggregateModel, FieldModel } from '../model/domain-model.js';
import { locate, relativeFile } from './source-location.js';
import type { TypeClassifier } from './type-classifier.js';

/**
 * Reads an aggregate whose state is its constructor parameter properties
 * (`constructor(readonly id: OrderId, public status: OrderStatus)`): the fields are the
 * parameters, and the mapper rebuilds it through the same constructor.
 */
export function readAggregate(declaration: ClassDeclaration, classifier: TypeClassifier, projectRoot: string): AggregateModel {
  const name = declaration.getName() ?? 'default';
  const location = locate(declaration, projectRoot);
  const constructors = declaration.getConstructors();
  const ctor = constructors.find((c) => c.isImplementation()) ?? constructors[0];
  if (!ctor || ctor.getParameters().length === 0) {
    throw new GenError(`aggregate ${name} has no constructor parameters to read its state from`, location, `Declare its state as constructor parameter properties, e.g. \`constructor(readonly id: ${name}Id, public status: ${name}Status) {}\`.`);
  }
  if (ctor.getScope() === 'private' || ctor.getScope() === 'protected') {
    throw new GenError(`the constructor of aggregate ${name} is ${ctor.getScope()}, so the mapper cannot rebuild it`, locate(ctor, projectRoot), 'Make the constructor public.');
  }
  const fields: FieldModel[] = ctor.getParameters().map((parameter) => {
    const fieldLocation = locate(parameter, projectRoot);
    if (!parameter.isParameterProperty()) {
      throw new GenError(`constructor parameter '${parameter.getName()}' of ${name} is not a parameter property, so its value is not part of the aggregate's readable state`, fieldLocation, `Declare it as \`public ${parameter.getName()}\` or \`readonly ${parameter.getName()}\`.`);
    }
    if (parameter.getScope() === 'private' || parameter.getScope() === 'protected') {
      throw new GenError(`field '${parameter.getName()}' of ${name} is ${parameter.getScope()}, so the mapper cannot read it`, fieldLocation, `Make it public (\`readonly ${parameter.getName()}\`).`);
    }
    const use = classifier.classifyUse(parameter.getType(), parameter);
    if (use.list) throw new GenError(`field '${parameter.getName()}' of ${name} is a list, which is not supported yet`, fieldLocation, 'Use a single value.');
    if (use.type.kind === 'void' || use.type.kind === 'aggregate') {
      throw new GenError(`field '${parameter.getName()}' of ${name} has unsupported type '${use.text}'`, fieldLocation);
    }
    return {
      name: parameter.getName(),
      type: use.type,
      optional: parameter.hasQuestionToken() || use.absent === 'undefined',
      nullable: use.absent === 'null',
      mutable: !parameter.isReadonly(),
      location: fieldLocation,
    };
  });
  const id = fields.find((f) => f.name === 'id');
  if (!id) {
    throw new GenError(`aggregate ${name} has no 'id' field`, location, `Add \`readonly id: ${name}Id\` as its first constructor parameter (fields: ${fields.map((f) => f.name).join(', ')}).`);
  }
  if (id.optional || id.nullable) throw new GenError(`the id of aggregate ${name} must not be optional`, id.location);
  return {
    name,
    file: relativeFile(declaration.getSourceFile().getFilePath(), projectRoot),
    location,
    idField: 'id',
    fields,
    rehydration: { kind: 'constructor', parameters: fields.map((f) => f.name) },
  };
}
