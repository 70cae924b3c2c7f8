import { describe, expect, it } from 'vitest';
import { MEMBERS } from '../fixtures/port-shapes.js';
import { ProjectBatch, read, runGen, writeProject } from '../support/projects.js';

const batch = new ProjectBatch();
const REPOSITORY = 'src/infrastructure/members/persistence/repositories/member.repository.ts';

describe('port shapes public projects use', () => {
  it('implements creates resolving to the id, enum filters and destructured lookups, stubs the rest with why; the suite passes', async () => {
    const dir = await batch.generate('members', MEMBERS, 'members');
    const run = await runGen(['infra', 'members', '--cwd', dir, '--dry-run']);
    expect(run.code).toBe(0);

    const repository = read(dir, REPOSITORY);
    expect(repository).toContain('async createMember(member: Member): Promise<MemberId> {');
    expect(repository).toMatch(/await this\.store\.insert\(\[member\]\);\s+return member\.id;/);
    expect(repository).toContain('return member.id.value;');
    expect(repository).toContain('async findOne({ id }: { id: MemberId }): Promise<Member | null> {');
    expect(repository).toContain("async findBy({ email }: Pick<Member, 'email'>): Promise<Member | null> {");
    expect(repository).toMatch(
      /async findAll\(status\?: MemberStatus\): Promise<Member\[\]> \{\s+if \(status === undefined \|\| status === null\) \{/,
    );
    const custom = read(dir, REPOSITORY.replace('.ts', '.custom.ts'));
    expect(custom).toContain('async updateMember(_member: Member, _changedBy: string): Promise<void> {');
    expect(custom).toContain("async list(_role?: Role | 'all'): Promise<Member[]> {");
    expect(custom).toContain('async search(_arg0: { status: MemberStatus; role: Role }): Promise<Member[]> {');

    batch.typecheck();
    const suites = batch.runSuites();
    const suite = read(dir, 'tests/members/member.repository.test.ts');
    expect(suite).toContain('findOne({ id: ');
    expect(suite).toContain('findBy({ email: ');
    expect(suite).toMatch(/it\('findAll without its argument, or given null \(as a DTO may carry\), finds every Member'/);
    expect(suite).toMatch(/expect\(await subject\.repository\.createMember\((\w+)\[0\]\)\)\.toStrictEqual\(\1\[0\]\.id\);/);
    expect(suites.get('members')!.passed).toBeGreaterThan(15);
    // The three stubs (updateMember, list, search), todo in both repositories' suites.
    expect(suites.get('members')!.todo).toBe(6);
  }, 600_000);

  it('warns at each stub with what stopped gen and the signature it would implement', async () => {
    const run = await runGen(['infra', 'members', '--cwd', writeProject(MEMBERS), '--dry-run']);
    expect(run.code).toBe(0);
    expect(run.err).toContain(
      'member.repository.ts:10: MemberRepository.updateMember is hand-written: its name reads as update, but it takes member: Member, changedBy: string',
    );
    expect(run.err).toContain(
      "member.repository.ts:15: MemberRepository.list is hand-written: it filters on 'role', but 'all' is no value",
    );
  });
});
