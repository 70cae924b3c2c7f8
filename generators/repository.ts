import { importPath } from '../src/layout.js';
import type { Artifact, GeneratorContext } from '../src/render/artifact.js';
import { ImportSet } from '../src/render/imports.js';
import { addDomainTypeImports } from './domain-imports.js';
import { methodSignature } from './port-signature.js';
import { planMethod, type MethodPlan } from './repository-queries.js';

/** The TypeORM implementation of the port: it only translates between the port and the ORM. */
export function repository({ model, layout }: GeneratorContext): Artifact {
  const { names, aggregate, port, table } = model;
  const imports = new ImportSet()
    .add('typeorm', 'DataSource', { typeOnly: true })
    .add('typeorm', 'Repository', { typeOnly: true })
    .add(importPath(layout.repository, aggregate.file), aggregate.name, { typeOnly: true })
    .add(importPath(layout.repository, port.file), port.name, { typeOnly: true })
    .add(importPath(layout.repository, layout.model), names.modelClass)
    .add(importPath(layout.repository, layout.mapper), names.mapperClass);
  addDomainTypeImports(imports, layout.repository, port.methods.flatMap((m) => m.parameters.map((p) => p.use.type)), { valueObjects: 'type', enums: 'type' });
  const id = model.fields.find((f) => f.column.primary)!;
  return {
    path: layout.repository,
    template: 'repository.ejs',
    source: port.file,
    data: {
      imports: imports.lines(),
      className: names.typeOrmRepositoryClass,
      port: port.name,
      aggregate: names.aggregate,
      modelClass: names.modelClass,
      mapper: names.mapperClass,
      idProperty: id.column.property,
      orderById: `{ ${id.column.property}: 'ASC' }`,
      table: table.name,
      methods: model.methods.map((m) => {
        const plan = planMethod(m, model);
        return { ...plan, signature: methodSignature(m.method), whereLiteral: whereLiteral(plan) };
      }),
    },
  };
}

/** `{ status }`, or `[{ status }, { email }]` for OR: TypeORM's find-options form of the conditions. */
function whereLiteral(plan: MethodPlan): string {
  const groups = plan.where.map((group) => `{ ${group.map((c) => (c.property === c.value ? c.property : `${c.property}: ${c.value}`)).join(', ')} }`);
  return groups.length === 1 ? groups[0]! : `[${groups.join(', ')}]`;
}
