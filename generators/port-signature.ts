import type { AggregateModel, PortMethod, PortModel, PortRef } from '../src/model/domain-model.js';
import type { ImportSet } from '../src/render/imports.js';
import type { ModuleSpecifiers } from '../src/render/module-specifiers.js';

/**
 * `async findById(id: OrderId): Promise<Order | null>`: a port method as its implementations declare it,
 * with the parameter and return types exactly as the port writes them.
 */
export function methodSignature(method: PortMethod, options: { unusedParameters?: boolean } = {}): string {
  // Written out: a generic method's text names its type parameter, and an inherited one's was read without it.
  const T = method.unitOfWork;
  if (T !== undefined)
    return `async ${method.name}<${T}>(${options.unusedParameters ? '_' : ''}${method.parameters[0].name}: () => Promise<${T}>): Promise<${T}>`;
  const parameters = method.signatureText.parameters.map((text, i) => {
    const { name, destructured } = method.parameters[i];
    // A stub does not read its parameters; `_` keeps noUnusedParameters quiet (a pattern is named instead).
    if (options.unusedParameters && destructured && text.startsWith(destructured.pattern))
      return `_${name}${text.slice(destructured.pattern.length)}`;
    return options.unusedParameters && text.startsWith(name) ? `_${text}` : text;
  });
  const typeParameters = method.signatureText.typeParameters ? `<${method.signatureText.typeParameters.join(', ')}>` : '';
  return `${method.async ? 'async ' : ''}${method.name}${typeParameters}(${parameters.join(', ')}): ${method.signatureText.returns}`;
}

/** Type-only imports of the project types that the methods' signatures name. */
export function addSignatureImports(
  imports: ImportSet,
  specifiers: ModuleSpecifiers,
  fromFile: string,
  methods: readonly PortMethod[],
): void {
  for (const method of methods) {
    for (const reference of method.typeReferences) {
      if (reference.package === 'namespace') imports.addNamespace(reference.file, reference.name);
      else if (reference.package)
        imports.add(reference.file, reference.name, { typeOnly: true, defaultExport: reference.package === 'default' });
      else
        imports.add(specifiers.source(fromFile, reference.file), reference.name, {
          typeOnly: true,
          defaultExport: reference.defaultExport,
        });
    }
  }
}

/** Imports of every port the repository implements (a default import where the port is its file's default export). */
export function addPortImports(
  imports: ImportSet,
  specifiers: ModuleSpecifiers,
  fromFile: string,
  port: PortModel,
  options: { extending?: boolean } = {},
): ImportSet {
  // A repository extends a partial abstract-class port, so imports it as a value.
  for (const ref of port.ports)
    imports.add(specifiers.source(fromFile, ref.file), ref.name, {
      typeOnly: !(options.extending && ref.partial),
      defaultExport: ref.defaultExport,
    });
  return imports;
}

/** The aggregate's import (a default import for `export default class`); an interface or type alias only as a type. */
export function addAggregateImport(
  imports: ImportSet,
  specifiers: ModuleSpecifiers,
  fromFile: string,
  aggregate: AggregateModel,
  options: { typeOnly?: boolean } = {},
): ImportSet {
  const typeOnly = options.typeOnly === true || aggregate.style === 'record';
  return imports.add(specifiers.source(fromFile, aggregate.file), aggregate.name, { typeOnly, defaultExport: aggregate.defaultExport });
}

/** `UserRepository, LoadUserPort`: what the repositories implement. */
export function implementedPorts(port: PortModel): string {
  return port.ports.map((p) => p.name).join(', ');
}

/** The abstract-class port the repositories extend, where it implements part of itself (PartialPort). */
export function extendedPort(port: PortModel): PortRef | undefined {
  return port.ports.find((p) => p.partial);
}

/** The ports the repositories name after `implements`: all but the one they extend. */
export function portsToImplement(port: PortModel): string {
  return port.ports
    .filter((p) => !p.partial)
    .map((p) => p.name)
    .join(', ');
}

/** `, () => undefined, 'name'`: the extended port's constructor arguments the generated tests and wiring pass after gen's own. */
export function portArguments(port: PortModel): { after: string; alone: string } {
  const samples = extendedPort(port)?.partial?.samples ?? [];
  return { after: samples.map((s) => `, ${s}`).join(''), alone: samples.join(', ') };
}

/** `protected readonly repositoryName = 'TypeOrmTaskRepository';`: the abstract string properties the port leaves to the class. */
export function abstractPropertyFields(port: PortModel, className: string): string[] {
  return (extendedPort(port)?.partial?.abstractProperties ?? []).map(
    (p) => `${p.scope === 'protected' ? 'protected ' : ''}${p.readonly ? 'readonly ' : ''}${p.name} = '${className}';`,
  );
}
