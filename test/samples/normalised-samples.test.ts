import { describe, expect, it } from 'vitest';
import { formatError, GenError } from '../../src/errors.js';
import { mapFeature } from '../../src/map/map-feature.js';
import { readFeature } from '../../src/read/domain-reader.js';
import { acceptedSamples, sampledValues } from '../../src/samples/accepted-samples.js';
import { loadProjectContext } from '../../src/project-context.js';
import { normalisingDomain } from '../support/normalising-domain.js';
import { writeProject } from '../support/projects.js';

const DIR = 'src/domain/aggregates/parcels';

/** A Parcel whose TrackingCode stores `tracking` of its `value`, and which stores `label` of its label and `id` of its id. */
function parcels(
  normalise: { tracking?: string; label?: string; id?: string },
  extra: Record<string, string> = {},
): Record<string, string> {
  return {
    [`${DIR}/tracking-code.ts`]: `export class TrackingCode {
  readonly value: string;

  constructor(value: string) {
    this.value = ${normalise.tracking ?? 'value'};
  }
}
`,
    [`${DIR}/parcel.ts`]: `import { TrackingCode } from './tracking-code';

export class Parcel {
  readonly id: string;
  public label: string;

  constructor(
    id: string,
    readonly tracking: TrackingCode,
    label: string,
  ) {
    this.id = ${normalise.id ?? 'id'};
    this.label = ${normalise.label ?? 'label'};
  }
}
`,
    [`${DIR}/parcel.repository.ts`]: `import { Parcel } from './parcel';

export interface ParcelRepository {
  save(parcel: Parcel): Promise<void>;
  findById(id: string): Promise<Parcel | null>;
  findByLabel(label: string): Promise<Parcel[]>;
}
`,
    ...extra,
  };
}

async function samplesOf(files: Record<string, string>, feature = 'parcels') {
  const dir = writeProject(files);
  const config = loadProjectContext(dir).config;
  const { domain } = readFeature(loadProjectContext(dir), config, feature, {});
  const model = mapFeature(domain, config.columns, config.concurrency);
  const accepted = await acceptedSamples(model, config.samples, dir);
  return { ...accepted, values: sampledValues(model, accepted.choices) };
}

describe('samples of a domain that normalises what it stores', () => {
  it('are written in the form the domain stores them, distinct per variant: the tests compare what comes back with it', async () => {
    const { choices } = await samplesOf(parcels({ tracking: 'value.toUpperCase()', label: 'label.toLowerCase()', id: 'id.toUpperCase()' }));
    // The code's guesses (`trackingcode alpha`) upper-cased; the label's case variants (`Label Alpha`, `LABEL ALPHA`)
    // lower-cased where that leaves them distinct, another accepted value where not; the ids, the missing one too.
    expect(choices['Parcel.tracking']).toEqual({
      0: 'TRACKINGCODE ALPHA',
      1: 'TRACKINGCODE ALPHA_%',
      2: 'TRACKINGCODE GAMMA',
      3: 'TRACKINGCODE DELTA',
    });
    const labels = Object.values({ 0: 'label alpha', 1: 'label alpha_%', 2: 'label gamma', ...choices['Parcel.label'] });
    for (const label of labels) expect(label).toBe(label.toLowerCase());
    expect(new Set(labels).size).toBe(4);
    expect(choices['Parcel.id']).toEqual({ 0: 'PARCEL-1', 1: 'PARCEL-2', 2: 'PARCEL-3', 3: 'PARCEL-4', 998: 'PARCEL-999' });
  });

  it("leaves a domain that stores every guess as written with gen's guesses (no choices)", async () => {
    expect((await samplesOf(parcels({ tracking: 'value.trim()', label: "label.replace(/\\s+/g, ' ')" }))).choices).toEqual({});
  });

  it('writes the configured samples as the domain stores them (trimmed)', async () => {
    const { choices } = await samplesOf(
      parcels(
        { label: 'label.trim()' },
        { 'gen.config.json': JSON.stringify({ samples: { 'Parcel.label': ['  one ', ' two', 'three  ', ' four '] } }) },
      ),
    );
    expect(choices['Parcel.label']).toEqual({ 0: 'one', 1: 'two', 2: 'three', 3: 'four' });
  });

  it('refuses at the field, naming the samples entry, where the domain stores no value as it is given', async () => {
    const error: unknown = await samplesOf(parcels({ tracking: "value + '!'" })).then(
      () => undefined,
      (thrown: unknown) => thrown,
    );
    expect(error).toBeInstanceOf(GenError);
    const message = formatError(error as GenError);
    expect(message).toContain(`${DIR}/parcel.ts:`);
    expect(message).toContain('Parcel.tracking: TrackingCode stores the sample');
    expect(message).toContain('"samples": { "Parcel.tracking": [');
  });

  it.each([
    ['bigint[]', 'readonly counts: bigint[]', 'counts'],
    ['Set<bigint>', 'readonly counts: Set<bigint>', 'counts'],
  ])(
    'reads a %s back through its JSON element type: the decimal strings the mapper writes are the bigints, not a normalisation',
    async (_, declaration) => {
      const { choices, values } = await samplesOf(
        parcels(
          {},
          {
            [`${DIR}/parcel.ts`]: `export class Parcel {\n  constructor(\n    readonly id: string,\n    ${declaration},\n  ) {}\n}\n`,
            [`${DIR}/parcel.repository.ts`]: `import { Parcel } from './parcel';\n\nexport interface ParcelRepository {\n  save(parcel: Parcel): Promise<void>;\n  findById(id: string): Promise<Parcel | null>;\n}\n`,
          },
        ),
      );
      // Stored as written: no choice replaces gen's guesses, and every sample stays a bigint the tests can write.
      expect(choices['Parcel.counts']).toBeUndefined();
      expect(Object.values(values['Parcel.counts']).map((v) => typeof v)).toEqual(['bigint', 'bigint', 'bigint', 'bigint']);
    },
  );

  it.each([
    [
      'a clock',
      'readonly id: string;\n  readonly label: string;\n  readonly createdAt: Date;',
      'id: string, label: string, createdAt: Date',
      'this.id = id;\n    this.label = label;\n    this.createdAt = new Date();',
      'createdAt',
      4,
    ],
    [
      'a random id',
      'readonly label: string;\n  readonly id: string;',
      'id: string, label: string',
      'this.id = `parcel-${Math.random()}`;\n    this.label = label;',
      'id',
      3,
    ],
  ])(
    'refuses a field that stores %s instead of the value it is given at its line, the same words each run',
    async (_, members, parameters, body, field, line) => {
      const files = parcels(
        {},
        {
          [`${DIR}/parcel.ts`]: `export class Parcel {\n  ${members}\n\n  constructor(${parameters}) {\n    ${body}\n  }\n}\n`,
          [`${DIR}/parcel.repository.ts`]: `import { Parcel } from './parcel';\n\nexport interface ParcelRepository {\n  save(parcel: Parcel): Promise<void>;\n  findById(id: string): Promise<Parcel | null>;\n}\n`,
        },
      );
      const refusal = () =>
        samplesOf(files).then(
          () => undefined,
          (thrown: unknown) => thrown,
        );
      const [first, second] = [await refusal(), await refusal()];
      expect(first).toBeInstanceOf(GenError);
      // Nothing of what the probe read (the clock, the random value) is in it: two runs give the same words.
      const message = formatError(first as GenError);
      expect(message).toBe(formatError(second as GenError));
      expect(message).toContain(`${DIR}/parcel.ts:${line}: Parcel.${field}: Parcel stores a value of its own for '${field}'`);
      expect(message).toContain(`must keep the ${field} it is given`);
      expect(message).not.toContain('Give the generated tests values');
    },
  );

  // Seeded random normalisations (lower/upper case, trim, collapsed spaces) of ids, value objects (in the constructor
  // or the getter the mapper reads), a plain field the aggregate normalises and a child's field: every value gen
  // samples (chosen or guessed) is one the normalisation keeps, and the variants of a key stay distinct.
  it.each([1, 2, 3, 6])('chooses fixed points of seeded random normalisations (seed %i)', async (seed) => {
    const domain = normalisingDomain(seed);
    const { values: sampled } = await samplesOf(domain.files, domain.feature);
    for (const [key, normalise] of Object.entries(domain.normalisations)) {
      expect(sampled[key], key).toBeDefined();
      const values = Object.values(sampled[key]).map(String);
      for (const value of values) expect(normalise.apply(value), `${domain.summary}: ${key}`).toBe(value);
      expect(new Set(values).size, `${domain.summary}: ${key}`).toBe(values.length);
    }
  });
});
