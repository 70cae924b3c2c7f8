import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GenError } from '../../src/errors.js';
import { mapFeature } from '../../src/map/map-feature.js';
import type { PersistenceModel } from '../../src/map/persistence-model.js';
import { loadProjectContext } from '../../src/project-context.js';
import { readFeature } from '../../src/read/domain-reader.js';
import { acceptedSamples } from '../../src/samples/accepted-samples.js';
import { checkSampleKeys } from '../../src/samples/sample-keys.js';
import { seeded } from '../../src/samples/sample-candidates.js';
import { writeProject } from '../support/projects.js';

const DIR = 'src/domain/aggregates/bookings';
/** The only values the strict field takes: none of them a value gen would guess. */
const ALLOWED = ['k7-north', 'k7-south', 'k7-east', 'k7-west'];

const NAMES = ['zone', 'slot', 'badge', 'ticket', 'route', 'gate'];
const NESTS = ['details', 'venue', 'contact', 'extra', 'meta'];

interface Domain {
  files: Record<string, string>;
  /** The `samples` key that names the strict field. */
  key: string;
  shape: string;
}

/**
 * A Booking whose one strict field (it takes only ALLOWED) sits at depth 1 to 3 inside objects with no class: in a
 * class's constructor parameter, behind toPrimitives(), in a value object of several fields, or wrapped in a value
 * object of its own. The domain refuses other values quoting them or naming the field.
 */
function domain(seed: number): Domain {
  const next = seeded(seed);
  const pick = <T>(values: readonly T[]): T => values[Math.floor(next() * values.length)];
  const depth = 1 + Math.floor(next() * 3);
  const path = Array.from({ length: depth }, (_, i) => NESTS[(seed + i) % NESTS.length]);
  const leaf = pick(NAMES);
  const quoting = next() < 0.5;
  const refusal = (value: string) =>
    quoting ? `\`not a known code: '\${${value}}'\`` : `'the ${leaf} must be one of the codes the office issues'`;
  const rule = (value: string) => `if (!${JSON.stringify(ALLOWED)}.includes(${value})) throw new Error(${refusal(value)});`;
  // `{ venue: { zone: string; note: string } }`, innermost first.
  const objectType = (leafType: string) =>
    path.slice(1).reduceRight((inner, name) => `{ ${name}: ${inner}; note: string }`, `{ ${leaf}: ${leafType}; note: string }`);
  const access = `${path
    .slice(1)
    .map((name) => `.${name}`)
    .join('')}.${leaf}`;
  const repository = `${DIR}/booking.repository.ts`;
  const port = `import { Booking } from './booking';

export interface BookingRepository {
  save(booking: Booking): Promise<void>;
  findById(id: string): Promise<Booking | null>;
}
`;
  const shape = pick(['constructor', 'snapshot', 'value-object', 'wrapped'] as const);
  if (shape === 'constructor')
    return {
      shape,
      key: `Booking.${path.join('.')}.${leaf}`,
      files: {
        [repository]: port,
        [`${DIR}/booking.ts`]: `export class Booking {
  constructor(
    readonly id: string,
    readonly ${path[0]}: ${objectType('string')},
  ) {
    ${rule(`${path[0]}${access}`)}
  }
}
`,
      },
    };
  if (shape === 'snapshot')
    return {
      shape,
      key: `Booking.${path.join('.')}.${leaf}`,
      files: {
        [repository]: port,
        [`${DIR}/booking.ts`]: `export type BookingPrimitives = {
  id: string;
  ${path[0]}: ${objectType('string')};
};

export class Booking {
  private constructor(private readonly state: BookingPrimitives) {}

  static fromPrimitives(primitives: BookingPrimitives): Booking {
    ${rule(`primitives.${path[0]}${access}`)}
    return new Booking(primitives);
  }

  toPrimitives(): BookingPrimitives {
    return this.state;
  }
}
`,
      },
    };
  if (shape === 'value-object')
    return {
      shape,
      key: `Place.${path.join('.')}.${leaf}`,
      files: {
        [repository]: port,
        [`${DIR}/place.ts`]: `export class Place {
  constructor(
    readonly city: string,
    readonly ${path[0]}: ${objectType('string')},
  ) {
    ${rule(`${path[0]}${access}`)}
  }
}
`,
        [`${DIR}/booking.ts`]: `import { Place } from './place';

export class Booking {
  constructor(
    readonly id: string,
    readonly place: Place,
  ) {}
}
`,
      },
    };
  return {
    shape,
    key: `Booking.${path.join('.')}.${leaf}`,
    files: {
      [repository]: port,
      [`${DIR}/code.ts`]: `export class Code {
  constructor(readonly value: string) {
    ${rule('value')}
  }
}
`,
      [`${DIR}/booking.ts`]: `import { Code } from './code';

export class Booking {
  constructor(
    readonly id: string,
    readonly ${path[0]}: ${objectType('Code')},
  ) {}
}
`,
    },
  };
}

/** Reads the feature, checks its `samples` keys, and gives the sample stage to run. */
function attempt(dir: string): { model: PersistenceModel; run: () => ReturnType<typeof acceptedSamples> } {
  const context = loadProjectContext(dir);
  const { domain: read } = readFeature(context, context.config, 'bookings', {});
  const model = mapFeature(read, context.config.columns, context.config.concurrency);
  checkSampleKeys([model], context.config, context);
  return { model, run: () => acceptedSamples(model, context.config.samples, dir) };
}

/** The GenError an action throws or rejects with. */
async function refusal(action: () => unknown): Promise<GenError> {
  try {
    await action();
  } catch (error) {
    if (error instanceof GenError) return error;
    throw error;
  }
  throw new Error('expected a GenError');
}

describe('"samples" keys of nested fields (property over seeded domains)', () => {
  // Every shape, each with a refusal that quotes the value and one that names the field, at depths 1 to 3.
  const seeds = [1, 2, 3, 6, 7, 9, 14, 15];

  it.each(seeds)(
    'seed %i: the refusal advises a key that parses, applies, and ends the refusal',
    async (seed) => {
      const { files, key, shape } = domain(seed);
      const dir = writeProject(files);
      const error = await refusal(() => attempt(dir).run());
      const advised = /"samples": \{ "([^"]+)"/.exec(error.hint ?? '')?.[1];
      expect(advised, `${shape}: ${error.message}`).toBe(key);

      writeFileSync(join(dir, 'gen.config.json'), JSON.stringify({ samples: { [advised!]: ALLOWED } }, null, 2));
      const { choices } = await attempt(dir).run();
      expect(Object.values(choices[key]).every((value) => ALLOWED.includes(String(value)))).toBe(true);
      expect(new Set(Object.values(choices[key])).size).toBe(4);
    },
    60_000,
  );

  it('refuses a key naming no sampled field at its line, with the closest keys', async () => {
    const { files, key } = domain(3);
    const misspelt = key.slice(0, -1);
    const dir = writeProject({
      ...files,
      'gen.config.json': `{\n  "samples": {\n    "Booking.id": ["b-1"],\n    "${misspelt}": ["x"]\n  }\n}\n`,
    });
    const error = await refusal(() => attempt(dir));
    expect(error.message).toContain(`samples key '${misspelt}' names no field gen samples: ${key.split('.')[0]} has no sampled field`);
    expect(error.location).toEqual({ file: 'gen.config.json', line: 4 });
    expect(error.hint).toContain(`did you mean "${key}"?`);
  });

  it("refuses a key whose class the project does not declare, and leaves another feature's class alone", async () => {
    const { files } = domain(3);
    const other = { 'src/domain/aggregates/rooms/room.ts': 'export class Room {\n  constructor(readonly id: string) {}\n}\n' };
    const dir = writeProject({ ...files, ...other, 'gen.config.json': '{ "samples": { "Room.floor.code": ["1"] } }' });
    expect(() => attempt(dir)).not.toThrow();
    writeFileSync(join(dir, 'gen.config.json'), '{ "samples": { "Boking.id": ["1"] } }');
    expect((await refusal(() => attempt(dir))).message).toMatch(/no class or type of the project is named 'Boking' \(closest: Booking\./);
  });
});
