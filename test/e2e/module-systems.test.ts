import { spawnSync } from 'node:child_process';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COURSES, WALLETS } from '../fixtures/module-systems.js';
import { generateAndRun, read, runTool } from '../support/projects.js';

const INFRA = 'src/infrastructure/persistence';

describe('an ESM project under NodeNext with PascalCase files (courses)', () => {
  it('gets PascalCase files with .js imports that compile under its own tsconfig and pass their tests', async () => {
    const { dir, output } = await generateAndRun(COURSES, 'courses');

    expect(readdirSync(join(dir, INFRA, 'models'))).toEqual(['CourseModel.ts']);
    expect(readdirSync(join(dir, INFRA, 'mappers'))).toEqual(['CourseMapper.ts']);
    expect(readdirSync(join(dir, INFRA, 'repositories')).sort()).toEqual([
      'TypeOrmCourseRepository.ts',
      'TypeOrmCourseRepositoryCustom.ts',
    ]);
    expect(readdirSync(join(dir, INFRA, 'in-memory')).sort()).toEqual(['InMemoryCourseRepository.ts', 'InMemoryCourseRepositoryCustom.ts']);
    expect(output).toContain('CourseRepository.test.ts');

    const mapper = read(dir, `${INFRA}/mappers/CourseMapper.ts`);
    expect(mapper).toContain("from '../../../domain/aggregates/courses/Course.js';");
    expect(mapper).toContain("from '../models/CourseModel.js';");
    expect(read(dir, 'tests/integration/infrastructure/support/test-database.ts')).toContain(
      "from '../../../../src/infrastructure/config/database.js';",
    );
    // Every relative specifier of every generated file names a .js file.
    const repository = read(dir, `${INFRA}/repositories/TypeOrmCourseRepository.ts`);
    expect([...repository.matchAll(/from '(\.[^']*)'/g)].map((m) => m[1]).filter((s) => !s.endsWith('.js'))).toEqual([]);

    // A DataSource of the project's own takes the persistence index's arrays, and TypeORM's CLI runs the migrations with it.
    writeFileSync(
      join(dir, 'src/data-source.ts'),
      `import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { entities, migrations } from './infrastructure/persistence/index.js';

export default new DataSource({ type: 'sqlite', database: 'app.sqlite', entities: [...entities], migrations: [...migrations] });
`,
    );
    const build = runTool('tsc', ['-p', 'tsconfig.json', '--noEmit', 'false', '--outDir', 'build'], dir);
    expect(build.output).toBe('');
    const typeorm = (command: string) =>
      spawnSync('node', ['node_modules/typeorm/cli.js', command, '-d', 'build/src/data-source.js'], {
        cwd: dir,
        encoding: 'utf8',
        timeout: 60_000,
      });
    const migrate = typeorm('migration:run');
    expect(migrate.status, migrate.stderr + migrate.stdout).toBe(0);
    expect(migrate.stdout).toContain('Migration CreateCoursesAndCourseLessons1717200000000 has been executed successfully.');
    expect(typeorm('schema:log').stdout).toContain('Your schema is up to date');
  });
});

describe('a CommonJS project whose code imports its domain through a path alias (wallets)', () => {
  it('gets imports of the domain through the alias that compile under its own tsconfig and pass their tests', async () => {
    const { dir } = await generateAndRun(WALLETS, 'wallet');

    const mapper = read(dir, `${INFRA}/mappers/wallet.mapper.ts`);
    expect(mapper).toContain("import { Money } from '@domain/wallet/money';");
    expect(mapper).toContain("import { Wallet } from '@domain/wallet/wallet';");
    expect(mapper).toContain("import { WalletModel } from '../models/wallet.model';");
    expect(read(dir, `${INFRA}/repositories/wallet.repository.ts`)).toContain(
      "import type { WalletRepository } from '@domain/wallet/wallet.repository';",
    );
    // The use case was found through the alias, for the plan.
    expect(read(dir, 'documentation/plans/wallet/003-infrastructure-layer.md')).toContain('FreezeWallet');
  });
});
