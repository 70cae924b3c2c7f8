import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { BillingModule } from './billing/billing.module';
import {
  type DatabaseOptions,
  dataSourceOptions,
  prepareDataSource,
} from './infrastructure/config/database';

/**
 * Where the app keeps its data, from the environment the TypeORM CLI's data-source.ts reads too: DATABASE_TYPE
 * (sqlite by default here), DATABASE_URL, DATABASE_NAME (SQLite: a file, in memory by default), DATABASE_SCHEMA.
 */
export function databaseFromEnvironment(
  env: NodeJS.ProcessEnv = process.env,
): DatabaseOptions {
  const type = env['DATABASE_TYPE'] ?? 'sqlite';
  if (
    type !== 'sqlite' &&
    type !== 'postgres' &&
    type !== 'mysql' &&
    type !== 'mariadb'
  ) {
    throw new Error(
      `DATABASE_TYPE must be sqlite, postgres, mysql or mariadb, not '${type}'`,
    );
  }
  return {
    type,
    ...(env['DATABASE_URL'] !== undefined && { url: env['DATABASE_URL'] }),
    ...(env['DATABASE_NAME'] !== undefined && {
      database: env['DATABASE_NAME'],
    }),
    ...(env['DATABASE_SCHEMA'] !== undefined && {
      schema: env['DATABASE_SCHEMA'],
    }),
  };
}

@Module({
  imports: [
    // gen's options (entities, migrations, what keeps the schema drift-free) under the app's own; the DataSource
    // goes through prepareDataSource() before it connects.
    TypeOrmModule.forRootAsync({
      useFactory: () => ({
        ...dataSourceOptions(databaseFromEnvironment()),
        migrationsRun: true,
      }),
      dataSourceFactory: async (options) => {
        if (options === undefined)
          throw new Error('TypeOrmModule gave no options');
        return prepareDataSource(new DataSource(options)).initialize();
      },
    }),
    BillingModule,
  ],
})
export class AppModule {}
