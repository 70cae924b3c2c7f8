import { existsSync } from 'node:fs';
import { join, posix } from 'node:path';
import { describe, expect, it } from 'vitest';
import { USERS } from './fixtures/ports.js';
import { orderDomainIn } from './support/layouts.js';
import { read, runGen, writeProject } from './support/projects.js';

const NOW = ['--now', '2024-06-01T00:00:00Z'];

/** A small aggregate `name` (a class with an id and a name) and its port `<Name>Repo`. */
function aggregateIn(domainDir: string, portFile: string, name: string): Record<string, string> {
  const file = `${domainDir}/${name.toLowerCase()}.ts`;
  const from = posix.relative(posix.dirname(portFile), file).replace(/\.ts$/, '');
  return {
    [file]: `export class ${name} {\n  constructor(\n    readonly id: string,\n    public name: string,\n  ) {}\n}\n`,
    [portFile]: `import { ${name} } from '${from.startsWith('.') ? from : `./${from}`}';\n\nexport interface ${name}Repo {\n  save(${name.toLowerCase()}: ${name}): Promise<void>;\n  findById(id: string): Promise<${name} | null>;\n}\n`,
  };
}

const FORUM = {
  ...aggregateIn('src/modules/forum/domain', 'src/modules/forum/repos/post-repo.ts', 'Post'),
  ...aggregateIn('src/modules/forum/domain', 'src/modules/forum/repos/member-repo.ts', 'Member'),
};

describe('the feature the user names', () => {
  it('may be a module holding its aggregate under another name: users holds User', async () => {
    const dir = writeProject(USERS);

    const run = await runGen(['infra', 'users', '--cwd', dir, ...NOW]);

    expect(run.code).toBe(0);
    expect(run.out).toMatch(/^CREATE {4}src\/infrastructure\/persistence\/models\/user.model.ts$/m);
    expect(read(dir, 'src/infrastructure/persistence/models/user.model.ts')).toContain("@Entity({ name: 'users' })");
  });

  it('may be a folder holding a differently named aggregate: checkout holds Order', async () => {
    const dir = writeProject(orderDomainIn('src/domain/aggregates/checkout', 'src/domain/aggregates/checkout/order.repository.ts'));

    const run = await runGen(['infra', 'checkout', '--cwd', dir, ...NOW]);

    expect(run.code).toBe(0);
    expect(run.out).toMatch(/^CREATE {4}src\/infrastructure\/persistence\/models\/order.model.ts$/m);
    expect(run.out).toMatch(/^CREATE {4}documentation\/plans\/checkout\/003-infrastructure-layer.md$/m);
  });

  it("may name an aggregate inside a bigger module: member in forum, written in the module's folders, its plan its own", async () => {
    const dir = writeProject(FORUM);

    const run = await runGen(['infra', 'member', '--cwd', dir, ...NOW]);

    expect(run.err).not.toMatch(/^gen: (?!warning)/m);
    expect(run.code).toBe(0);
    expect(run.out.split('\n').slice(0, 4)).toEqual([
      'Layout: repos (detected; write it down with: npx --no gen init)',
      "Module: forum ('member' names an aggregate in src/modules/forum/domain/)",
      'Ports: MemberRepo (implemented by TypeOrmMemberRepository and InMemoryMemberRepository)',
      'Left alone: PostRepo (src/modules/forum/repos/post-repo.ts:3): a port of another aggregate (Post)',
    ]);
    expect(run.out).toMatch(/^CREATE {4}src\/modules\/forum\/infra\/persistence\/repositories\/member.repository.ts$/m);
    expect(run.out).toMatch(/^CREATE {4}tests\/forum\/member.repository.test.ts$/m);
    expect(run.out).toMatch(/^CREATE {4}documentation\/plans\/member\/003-infrastructure-layer.md$/m);
    expect(read(dir, 'src/modules/forum/infra/persistence/models/member.model.ts')).toContain("@Entity({ name: 'members' })");
    const json = await runGen(['infra', 'member', '--cwd', dir, ...NOW, '--dry-run', '--json']);
    expect(JSON.parse(json.out)).toMatchObject({
      layout: { preset: 'repos', module: 'forum' },
      ports: {
        implemented: [{ name: 'MemberRepo', file: 'src/modules/forum/repos/member-repo.ts' }],
        leftAlone: [{ name: 'PostRepo', line: 3, reason: 'a port of another aggregate (Post)' }],
      },
    });
  });

  it('finds the aggregate inside a module of the layout gen.config.json names too', async () => {
    const dir = writeProject({ ...FORUM, 'gen.config.json': '{ "layout": "repos" }\n' });

    const run = await runGen(['infra', 'post', '--cwd', dir, ...NOW]);

    expect(run.code).toBe(0);
    expect(run.out.split('\n')[0]).toBe("Module: forum ('post' names an aggregate in src/modules/forum/domain/)");
    expect(run.out).toMatch(/^CREATE {4}src\/modules\/forum\/infra\/persistence\/models\/post.model.ts$/m);
  });

  it('stops when two modules hold the named aggregate, listing them and the flag that picks one, which then works', async () => {
    const dir = writeProject({ ...FORUM, ...aggregateIn('src/modules/admin/domain', 'src/modules/admin/repos/member-repo.ts', 'Member') });

    const run = await runGen(['infra', 'member', '--cwd', dir, ...NOW]);
    const wroteNothing = !existsSync(join(dir, '.gen'));
    const picked = await runGen(['infra', 'member', '--cwd', dir, ...NOW, '--module', 'admin']);

    expect(run.code).toBe(2);
    expect(run.err.split('\n')).toEqual([
      "gen: 'member' names an aggregate in 2 modules: src/modules/admin/domain/ (layout repos), src/modules/forum/domain/ (layout repos)",
      '  Pick one with --module admin (npx --no gen infra member --module admin).',
      'Nothing was written.',
    ]);
    expect(wroteNothing).toBe(true);
    expect(picked.code).toBe(0);
    expect(picked.out).toMatch(/^CREATE {4}src\/modules\/admin\/infra\/persistence\/models\/member.model.ts$/m);
  });

  it('stops when one module name is in two bounded contexts, naming --context, which then picks one', async () => {
    const dir = writeProject({
      ...orderDomainIn('src/contexts/sales/ordering/domain', 'src/contexts/sales/ordering/domain/order.repository.ts'),
      ...orderDomainIn('src/contexts/backoffice/ordering/domain', 'src/contexts/backoffice/ordering/domain/order.repository.ts'),
    });

    const run = await runGen(['infra', 'ordering', '--cwd', dir, ...NOW]);
    const picked = await runGen(['infra', 'ordering', '--cwd', dir, ...NOW, '--context', 'sales']);

    expect(run.code).toBe(2);
    expect(run.err).toContain(
      "gen: feature 'ordering' is in 2 contexts: src/contexts/backoffice/ordering/domain/, src/contexts/sales/ordering/domain/",
    );
    expect(run.err).toContain('Pick one with --context backoffice (npx --no gen infra ordering --context backoffice)');
    expect(picked.code).toBe(0);
    expect(picked.out).toMatch(/^CREATE {4}src\/contexts\/sales\/ordering\/infrastructure\/persistence\/models\/order.model.ts$/m);
  });
});
