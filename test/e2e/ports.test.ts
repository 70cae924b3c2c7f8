import { describe, expect, it } from 'vitest';
import { USERS } from '../fixtures/ports.js';
import { generateAndRun, read } from '../support/projects.js';

const INFRA = 'src/infrastructure/persistence';

describe('an aggregate with several ports and decoys beside them (users)', () => {
  it('gets one repository implementing every port, which type-checks under strict and passes its generated suites', async () => {
    const { dir } = await generateAndRun(USERS, 'users');

    const repository = read(dir, `${INFRA}/repositories/user.repository.ts`);
    const implementsAll = /implements\s+UserWriteRepository,\s+DeleteUserPort,\s+LoadUserPort,\s+UserReadRepository\s*\{/;
    expect(repository).toMatch(implementsAll);
    // Default exports are imported as default imports; the decoys are not imported at all.
    expect(repository).toContain("import type User from '../../../domain/aggregates/users/user';");
    expect(repository).toContain("import type UserWriteRepository from '../../../domain/aggregates/users/user-write.repository';");
    expect(repository).not.toMatch(/EventStore|RegisterUser|UserDirectory|USER_REPOSITORY/);
    expect(read(dir, `${INFRA}/in-memory/user.repository.ts`)).toMatch(implementsAll);
    expect(read(dir, `${INFRA}/mappers/user.mapper.ts`)).toContain("import User from '../../../domain/aggregates/users/user';");
    // findById is declared by two ports and implemented once; emailOf returns no aggregate and is a stub.
    expect(repository.match(/async findById\(/g)).toHaveLength(1);
    expect(read(dir, `${INFRA}/repositories/user.repository.custom.ts`)).toContain('emailOf(');

    const plan = read(dir, 'documentation/plans/users/003-infrastructure-layer.md');
    expect(plan).toContain(
      'implements the domain ports `UserWriteRepository` (`src/domain/aggregates/users/user-write.repository.ts`), `DeleteUserPort`',
    );
    expect(plan).toContain('- `UserEventStorePort` (`src/domain/aggregates/users/user-event-store.port.ts:4`): an event-store port');
    expect(plan).toContain('- `RegisterUserUseCase` (`src/domain/aggregates/users/register-user.use-case.ts:7`): an inbound port');
    expect(plan).toContain(
      '- `UserDirectoryPort` (`src/domain/aggregates/users/user-directory.port.ts:6`): a read-model port: it returns UserSummary, not User',
    );
    expect(plan).toContain('- `USER_REPOSITORY` (`src/domain/aggregates/users/tokens.ts:1`): a dependency-injection token');
  });
});
