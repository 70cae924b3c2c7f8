import type { Artifact, GeneratorContext } from '../src/render/artifact.js';
import { ImportSet } from '../src/render/imports.js';
import { pascalCase } from '../src/map/naming.js';
import { GenError } from '../src/errors.js';

export interface NestModuleTemplate {
  imports: string[];
  moduleClass: string;
  feature: string;
  providers: { token: string; port: string; repositoryClass: string; inMemoryClass: string }[];
}

/**
 * In a NestJS project, the feature's persistence module: it provides the port's token as the TypeORM repository,
 * built from the DataSource that `TypeOrmModule.forRoot` (or `forRootAsync`) registers, so wiring the feature is
 * importing this module. Tests bind the in-memory twin with `overrideProvider(token)`. Left out where the port has no
 * token (an interface is no value at run time): generate.ts then says how to declare one. A feature of several
 * aggregates gets one module (named for the feature) providing every port that has a token: a Nest user imports one
 * module per bounded context.
 */
export function nestModule(context: GeneratorContext): Artifact<NestModuleTemplate> | undefined {
  const { framework, model, layout, specifiers } = context;
  const provided = (context.aggregates ?? [context]).flatMap(({ model: { port, names }, layout: own }) =>
    port.token ? [{ token: port.token, port: port.name, names, repository: own.repository }] : [],
  );
  if (framework !== 'nest' || provided.length === 0) return undefined;
  for (const { port, names } of (context.aggregates ?? [context]).map((c) => c.model)) {
    const extended = port.ports.find((p) => p.partial);
    // The tests' no-op and sample arguments are no production values: what to inject is the user's choice.
    if (extended && extended.partial!.samples.length > 0)
      throw new GenError(
        `cannot provide ${port.token?.name ?? port.name} in a Nest module: ${extended.name}'s constructor takes arguments, and what to inject for them is not gen's to say`,
        extended.location,
        `Give the constructor's parameters default values, or provide ${port.token?.name ?? port.name} in a module of your own with \`new ${names.typeOrmRepositoryClass}(dataSource, ...)\`.`,
      );
  }
  const path = layout.nestModule;
  const imports = new ImportSet().add('@nestjs/common', 'Module').add('typeorm', 'DataSource');
  for (const { token, names, repository } of provided) {
    imports
      .add(specifiers.source(path, token.location.file), token.name)
      .add(specifiers.generated(path, repository), names.typeOrmRepositoryClass);
  }
  const several = (context.aggregates?.length ?? 1) > 1;
  return {
    path,
    template: 'nest-module.ejs',
    source: several ? layout.manifest : model.port.file,
    data: {
      imports: imports.lines(),
      moduleClass: `${several ? pascalCase(model.feature) : model.names.aggregate}PersistenceModule`,
      feature: model.feature,
      providers: provided.map(({ token, port, names }) => ({
        token: token.name,
        port,
        repositoryClass: names.typeOrmRepositoryClass,
        inMemoryClass: names.inMemoryRepositoryClass,
      })),
    },
  };
}

export interface CliDataSourceTemplate {
  imports: string[];
}

/**
 * In a NestJS project, `data-source.ts` for the TypeORM CLI (`migration:run`, `migration:show`, `schema:log`): the
 * same options and preparation as the app's TypeOrmModule, so the CLI sees the schema the migrations make, no drift.
 */
export function cliDataSource({ framework, layout, specifiers }: GeneratorContext): Artifact<CliDataSourceTemplate> | undefined {
  if (framework !== 'nest') return undefined;
  const path = layout.dataSource;
  const imports = new ImportSet()
    .add('typeorm', 'DataSource')
    .add(specifiers.generated(path, layout.databaseConfig), 'dataSourceOptions')
    .add(specifiers.generated(path, layout.databaseConfig), 'prepareDataSource')
    .add(specifiers.generated(path, layout.databaseConfig), 'DatabaseOptions', { typeOnly: true });
  return { path, template: 'data-source.ejs', source: layout.manifest, data: { imports: imports.lines() } };
}
