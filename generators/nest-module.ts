import type { Artifact, GeneratorContext } from '../src/render/artifact.js';
import { ImportSet } from '../src/render/imports.js';

export interface NestModuleTemplate {
  imports: string[];
  moduleClass: string;
  token: string;
  port: string;
  repositoryClass: string;
  inMemoryClass: string;
}

/**
 * In a NestJS project, the feature's persistence module: it provides the port's token as the TypeORM repository,
 * built from the DataSource that `TypeOrmModule.forRoot` (or `forRootAsync`) registers, so wiring the feature is
 * importing this module. Tests bind the in-memory twin with `overrideProvider(token)`. Left out where the port has no
 * token (an interface is no value at run time): generate.ts then says how to declare one.
 */
export function nestModule({ framework, model, layout, specifiers }: GeneratorContext): Artifact<NestModuleTemplate> | undefined {
  const token = model.port.token;
  if (framework !== 'nest' || !token) return undefined;
  const path = layout.nestModule;
  const { names } = model;
  const imports = new ImportSet()
    .add('@nestjs/common', 'Module')
    .add('typeorm', 'DataSource')
    .add(specifiers.source(path, token.location.file), token.name)
    .add(specifiers.generated(path, layout.repository), names.typeOrmRepositoryClass);
  return {
    path,
    template: 'nest-module.ejs',
    source: model.port.file,
    data: {
      imports: imports.lines(),
      moduleClass: `${names.aggregate}PersistenceModule`,
      token: token.name,
      port: model.port.name,
      repositoryClass: names.typeOrmRepositoryClass,
      inMemoryClass: names.inMemoryRepositoryClass,
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
