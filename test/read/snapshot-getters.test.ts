import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/config/project-config.js';
import { GenError } from '../../src/errors.js';
import type { DomainModel } from '../../src/model/domain-model.js';
import { loadProjectContext } from '../../src/project-context.js';
import { readDomain } from '../../src/read/domain-reader.js';
import { rehydrationCall } from '../../src/render/conversions.js';
import { writeProject } from '../support/projects.js';

function read(files: Record<string, string>, feature: string): DomainModel {
  return readDomain(loadProjectContext(writeProject(files)), DEFAULT_CONFIG, feature);
}

function refusal(files: Record<string, string>, feature: string): GenError {
  try {
    read(files, feature);
  } catch (error) {
    if (error instanceof GenError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

const BASE = `export abstract class Entity<T extends { id: string }> {
  protected constructor(protected _props: T) {}
  get id(): string {
    return this._props.id;
  }
}
`;

const PORT = `import { Odds } from './odds';

export interface OddsRepository {
  findById(id: string): Promise<Odds | undefined>;
  save(odds: Odds): Promise<void>;
}
`;

/** An Odds kept in a base class's protected `_props`, its props declared by `props`, read back by `members`. */
function odds(props: string, members: string): Record<string, string> {
  return {
    'src/domain/odds/entity.ts': BASE,
    'src/domain/odds/odds.repository.ts': PORT,
    'src/domain/odds/odds.ts': `import { Entity } from './entity';

${props}

export class Odds extends Entity<OddsProps> {
  constructor(props: OddsProps) {
    super(props);
  }
${members}}
`,
  };
}

const INTERFACE = 'export interface OddsProps {\n  id: string;\n  teamOne: number;\n  draw: number;\n}';
const ALIAS = 'export type OddsProps = { id: string; teamOne: number; draw: number };';

describe('a snapshot getter', () => {
  it.each([
    { getter: 'data', rebuild: 'fromData', props: INTERFACE },
    { getter: 'snapshot', rebuild: 'fromSnapshot', props: ALIAS },
    { getter: 'state', rebuild: 'fromState', props: INTERFACE },
    { getter: 'values', rebuild: 'fromValues', props: ALIAS },
  ])('get $getter() with static $rebuild() is read like toJSON()', ({ getter, rebuild, props }) => {
    const { aggregate } = read(
      odds(
        props,
        `  get ${getter}(): OddsProps {
    return { id: this._props.id, teamOne: this._props.teamOne, draw: this._props.draw };
  }
  static ${rebuild}(data: OddsProps): Odds {
    return new Odds(data);
  }
`,
      ),
      'odds',
    );
    expect(aggregate.snapshot).toBe(getter);
    expect(aggregate.fields.map((f) => [f.name, f.access])).toEqual([
      ['id', `.${getter}.id`],
      ['teamOne', `.${getter}.teamOne`],
      ['draw', `.${getter}.draw`],
    ]);
    expect(rehydrationCall(aggregate.name, aggregate.rehydration, (f) => `r.${f}`)).toBe(
      `Odds.${rebuild}({ id: r.id, teamOne: r.teamOne, draw: r.draw })`,
    );
  });

  it('typed by z.infer of a schema (a type computed from a value) is read through the checker as its object type', () => {
    const files = odds(
      'const OddsSchema = z.object({ id: z.string(), teamOne: z.number(), draw: z.number().optional() });\nexport type OddsProps = z.infer<typeof OddsSchema>;',
      `  get data(): OddsProps {
    return { ...this._props };
  }
  static fromData(data: OddsProps): Odds {
    return new Odds(OddsSchema.parse(data));
  }
`,
    );
    files['src/domain/odds/odds.ts'] = `import { z } from './schema';\n${files['src/domain/odds/odds.ts']}`;
    // zod's typing in small (gen's own dependencies have no zod): the props exist only as `z.infer<typeof OddsSchema>`.
    files['src/domain/odds/schema.ts'] = `interface Schema<T> {
  readonly _output: T;
  parse(value: unknown): T;
  optional(): Schema<T | undefined>;
}
type Shape = Record<string, Schema<unknown>>;
type Optionals<S extends Shape> = { [K in keyof S]: undefined extends S[K]['_output'] ? K : never }[keyof S];
type Out<S extends Shape> = { [K in Exclude<keyof S, Optionals<S>>]: S[K]['_output'] } & {
  [K in Optionals<S>]?: S[K]['_output'];
};
declare function object<S extends Shape>(shape: S): Schema<{ [K in keyof Out<S>]: Out<S>[K] }>;
declare function string(): Schema<string>;
declare function number(): Schema<number>;
export const z = { object, string, number };
// eslint-disable-next-line @typescript-eslint/no-namespace
export declare namespace z {
  type infer<T extends Schema<unknown>> = T['_output'];
}
`;
    const { aggregate } = read(files, 'odds');
    expect(aggregate.fields.map((f) => [f.name, f.type.kind, f.optional])).toEqual([
      ['id', 'primitive', false],
      ['teamOne', 'primitive', false],
      ['draw', 'primitive', true],
    ]);
    expect(aggregate.rehydration.call).toEqual({ kind: 'static', method: 'fromData' });
  });

  it('a constructor taking the props is the rebuild when there is no fromData()', () => {
    const { aggregate } = read(odds(ALIAS, '  get data(): OddsProps {\n    return { ...this._props };\n  }\n'), 'odds');
    expect(rehydrationCall(aggregate.name, aggregate.rehydration, (f) => `r.${f}`)).toBe(
      'new Odds({ id: r.id, teamOne: r.teamOne, draw: r.draw })',
    );
  });
});

describe('state kept in a base class field that nothing reads', () => {
  it.each([
    { shape: 'an interface', props: INTERFACE },
    { shape: 'an object type alias', props: ALIAS },
  ])('typed as $shape is refused at the aggregate, naming the real field and the snapshot to add', ({ props }) => {
    const files = odds(props, '');
    const line = files['src/domain/odds/odds.ts'].split('\n').indexOf('export class Odds extends Entity<OddsProps> {') + 1;
    const error = refusal(files, 'odds');
    expect(error.location).toEqual({ file: 'src/domain/odds/odds.ts', line });
    expect(error.message).toContain('declared by its base class Entity at src/domain/odds/entity.ts:2');
    expect(error.message).toContain("'_props'");
    expect(error.message).not.toContain('unsupported type');
    expect(error.hint).toContain('get data()');
    expect(error.hint).toContain('fromData');
  });
});
