import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COURSES, WALLETS } from '../fixtures/module-systems.js';
import { generateAndRun, read } from '../support/projects.js';

const INFRA = 'src/infrastructure/persistence';

describe('an ESM project under NodeNext with PascalCase files (courses)', () => {
  it('gets PascalCase files with .js imports that compile under its own tsconfig and pass their tests', async () => {
    const { dir, output } = await generateAndRun(COURSES, 'courses');

    expect(readdirSync(join(dir, INFRA, 'models'))).toEqual(['CourseModel.ts']);
    expect(readdirSync(join(dir, INFRA, 'mappers'))).toEqual(['CourseMapper.ts']);
    expect(readdirSync(join(dir, INFRA, 'repositories')).sort()).toEqual(['TypeOrmCourseRepository.ts', 'TypeOrmCourseRepositoryCustom.ts']);
    expect(readdirSync(join(dir, INFRA, 'in-memory')).sort()).toEqual(['InMemoryCourseRepository.ts', 'InMemoryCourseRepositoryCustom.ts']);
    expect(output).toContain('CourseRepository.test.ts');

    const mapper = read(dir, `${INFRA}/mappers/CourseMapper.ts`);
    expect(mapper).toContain("from '../../../domain/aggregates/courses/Course.js';");
    expect(mapper).toContain("from '../models/CourseModel.js';");
    expect(read(dir, 'tests/integration/infrastructure/support/test-database.ts')).toContain("from '../../../../src/infrastructure/config/database.js';");
    // Every relative specifier of every generated file names a .js file.
    const repository = read(dir, `${INFRA}/repositories/TypeOrmCourseRepository.ts`);
    expect([...repository.matchAll(/from '(\.[^']*)'/g)].map((m) => m[1]).filter((s) => !s!.endsWith('.js'))).toEqual([]);
  });
});

describe('a CommonJS project whose code imports its domain through a path alias (wallets)', () => {
  it('gets imports of the domain through the alias that compile under its own tsconfig and pass their tests', async () => {
    const { dir } = await generateAndRun(WALLETS, 'wallet');

    const mapper = read(dir, `${INFRA}/mappers/wallet.mapper.ts`);
    expect(mapper).toContain("import { Money } from '@domain/wallet/money';");
    expect(mapper).toContain("import { Wallet } from '@domain/wallet/wallet';");
    expect(mapper).toContain("import { WalletModel } from '../models/wallet.model';");
    expect(read(dir, `${INFRA}/repositories/wallet.repository.ts`)).toContain("import type { WalletRepository } from '@domain/wallet/wallet.repository';");
    // The use case was found through the alias, for the plan.
    expect(read(dir, 'documentation/plans/wallet/003-infrastructure-layer.md')).toContain('FreezeWallet');
  });
});
