import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/config/project-config.js';
import { GenError } from '../../src/errors.js';
import type { FieldModel } from '../../src/model/domain-model.js';
import { loadProjectContext } from '../../src/project-context.js';
import { readDomain } from '../../src/read/domain-reader.js';
import { writeProject } from '../support/projects.js';

const DIR = 'src/domain/aggregates/teams';

/** A Team whose constructor declares `members` (parameter properties), and a port declaring `methods`. */
function team(members: string, methods = ''): Record<string, string> {
  return {
    [`${DIR}/team.ts`]: `export type Role = 'reader' | 'admin';\n\nexport class Team {\n  constructor(\n    readonly id: string,\n${members}\n  ) {}\n}\n`,
    [`${DIR}/team.repository.ts`]: `import { Team } from './team';\n\nexport interface TeamRepository {\n  save(team: Team): Promise<void>;\n  findById(id: string): Promise<Team | null>;\n${methods}}\n`,
  };
}

function fields(members: string): Map<string, FieldModel> {
  return new Map(
    readDomain(loadProjectContext(writeProject(team(members))), DEFAULT_CONFIG, 'teams').aggregate.fields.map((f) => [f.name, f]),
  );
}

describe('lists as domains spell them (issue 18)', () => {
  it('reads a Set or ReadonlySet as a list of its items, rebuilt with new Set, and says which lists change in place', () => {
    const read = fields(
      '    public roles: Set<Role>,\n    public tags: ReadonlySet<string>,\n    public names: string[],\n    public scores: readonly number[],\n    public codes: ReadonlyArray<string>,',
    );

    expect(read.get('roles')).toMatchObject({
      list: true,
      type: { kind: 'literal-union', values: ['admin', 'reader'] },
      collection: { className: 'Set', iterable: true },
      inPlace: 'add',
    });
    expect(read.get('roles')!.collection!.file).toBeUndefined();
    expect(read.get('tags')).toMatchObject({
      list: true,
      type: { kind: 'primitive', primitive: 'string' },
      collection: { className: 'Set', iterable: true },
    });
    expect(read.get('tags')!.inPlace).toBeUndefined();
    expect(read.get('names')!.inPlace).toBe('push');
    expect(read.get('scores')!.inPlace).toBeUndefined();
    expect(read.get('codes')!.inPlace).toBeUndefined();
  });

  it('changes a list in place only through an accessor typed to allow it: a readonly getter over a mutable props member is not', () => {
    const props = {
      [`${DIR}/team.ts`]: [
        'interface TeamProps {\n  names: string[];\n  codes: string[];\n  roles: Set<string>;\n  labels: Set<string>;\n  scores: number[];\n}\n',
        'export class Team {\n  private constructor(readonly id: string, private readonly props: TeamProps) {}\n',
        '  static reconstitute(props: TeamProps, id: string): Team {\n    return new Team(id, props);\n  }\n',
        '  get names(): string[] {\n    return this.props.names;\n  }\n',
        '  get codes(): readonly string[] {\n    return this.props.codes;\n  }\n',
        '  get roles(): Set<string> {\n    return this.props.roles;\n  }\n',
        '  get labels(): ReadonlySet<string> {\n    return this.props.labels;\n  }\n',
        '  getScores(): readonly number[] {\n    return this.props.scores;\n  }\n}\n',
      ].join(''),
      [`${DIR}/team.repository.ts`]: team('')[`${DIR}/team.repository.ts`],
    };
    const read = new Map(
      readDomain(loadProjectContext(writeProject(props)), DEFAULT_CONFIG, 'teams').aggregate.fields.map((f) => [f.name, f]),
    );

    expect(read.get('names')!.inPlace).toBe('push');
    expect(read.get('roles')!.inPlace).toBe('add');
    // The generated suite would `push`/`add` through these, which tsc refuses (issue 18's registrations example).
    expect(read.get('codes')!.inPlace).toBeUndefined();
    expect(read.get('labels')!.inPlace).toBeUndefined();
    expect(read.get('scores')).toMatchObject({ access: '.getScores()' });
    expect(read.get('scores')!.inPlace).toBeUndefined();
  });

  it('refuses a Set that may be absent, naming the field and the way out', () => {
    let error: unknown;
    try {
      fields('    public roles?: Set<Role>,');
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(GenError);
    expect((error as GenError).message).toContain("collection 'roles' of Team may be absent");
    expect((error as GenError).location?.file).toBe(`${DIR}/team.ts`);
  });
});
