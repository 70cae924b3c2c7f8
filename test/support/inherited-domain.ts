import { SeededRandom } from './random-domain.js';

/**
 * A seeded domain whose aggregate holds state in project base classes (1 or 2 levels, as toky-back's DomainEntity):
 * each field sits in a base or in the aggregate, is read through a getter over a private/protected field, is a public
 * field, or (now and then) is hidden (read only by the class's own methods), and its port is an interface, or extends
 * a generic abstract Repository<T> as an interface or an abstract class. Every field is real state: a method writes it.
 */
export type FieldPlace = 'base1' | 'base2' | 'own';
export type FieldSpelling = 'getter' | 'public' | 'hidden';

export interface InheritedField {
  name: string;
  place: FieldPlace;
  spelling: FieldSpelling;
  type: 'Date' | 'string' | 'number';
}

export interface InheritedDomain {
  feature: string;
  aggregate: string;
  fields: InheritedField[];
  port: 'interface' | 'abstract-class' | 'interface-extends';
  files: Record<string, string>;
  summary: string;
}

const FEATURES = [
  ['parcels', 'Parcel'],
  ['badges', 'Badge'],
  ['crates', 'Crate'],
  ['drones', 'Drone'],
  ['tokens', 'Token'],
  ['wagons', 'Wagon'],
] as const;
const NAMES = ['createdAt', 'updatedAt', 'deletedAt', 'label', 'note', 'score', 'weight', 'checkedAt', 'owner', 'rank'];
const DEFAULTS = { Date: 'new Date(0)', string: "''", number: '0' };
const EXAMPLE = { Date: "new Date('2020-01-01T00:00:00.000Z')", string: "'x'", number: '7' };

export function inheritedDomain(seed: number, options: { hidden?: boolean } = {}): InheritedDomain {
  const random = new SeededRandom(seed * 7919 + 13);
  const [feature, aggregate] = FEATURES[seed % FEATURES.length];
  const levels = random.int(1, 2);
  const places: FieldPlace[] = levels === 2 ? ['base1', 'base2', 'own'] : ['base1', 'own'];
  const names = random.shuffle(NAMES).slice(0, random.int(3, 6));
  const fields: InheritedField[] = names.map((name) => ({
    name,
    place: random.pick(places),
    spelling: random.chance(0.3) ? 'public' : 'getter',
    type: /At$/.test(name) ? 'Date' : random.pick(['Date', 'string', 'number'] as const),
  }));
  // One field of a base is always there, so each domain holds inherited state; one hidden when asked.
  if (!fields.some((f) => f.place !== 'own')) fields[0].place = 'base1';
  if (options.hidden) random.pick(fields).spelling = 'hidden';
  const port = random.pick(['interface', 'abstract-class', 'interface-extends'] as const);

  const member = (f: InheritedField): string => {
    const visibility = f.place === 'own' ? 'private' : random.pick(['private', 'protected']);
    if (f.spelling === 'public') return `  ${f.name}: ${f.type} = ${DEFAULTS[f.type]};\n`;
    const getter = f.spelling === 'getter' ? `  get ${f.name}(): ${f.type} {\n    return this._${f.name};\n  }\n` : '';
    const reader = f.spelling === 'hidden' ? `  has${cap(f.name)}(): boolean {\n    return Boolean(this._${f.name});\n  }\n` : '';
    return `  ${visibility} _${f.name}: ${f.type} = ${DEFAULTS[f.type]};\n${getter}${reader}`;
  };
  const writer = (f: InheritedField): string =>
    `  change${cap(f.name)}(value: ${f.type}): void {\n    this.${f.spelling === 'public' ? '' : '_'}${f.name} = value;\n  }\n`;
  const body = (place: FieldPlace) =>
    fields
      .filter((f) => f.place === place)
      .map((f) => `${member(f)}${writer(f)}`)
      .join('');

  const dir = `src/domain/aggregates/${feature}`;
  const files: Record<string, string> = {};
  const top = levels === 2 ? 'TrackedEntity' : 'DomainEntity';
  files['src/domain/shared/domain-entity.ts'] =
    `export abstract class DomainEntity {\n  protected constructor(readonly id: string) {}\n${body('base1')}}\n` +
    (levels === 2 ? `\nexport abstract class TrackedEntity extends DomainEntity {\n${body('base2')}}\n` : '');
  files['src/domain/shared/repository.ts'] =
    `export abstract class Repository<T> {\n  abstract save(aggregate: T): Promise<void>;\n  abstract saveAll(aggregates: T[]): Promise<void>;\n` +
    `  abstract findById(id: string): Promise<T | null>;\n  abstract findAll(): Promise<T[]>;\n}\n`;
  files[`${dir}/${feature.slice(0, -1)}.ts`] =
    `import { ${top} } from '../../shared/domain-entity';\n\nexport class ${aggregate} extends ${top} {\n` +
    `  private constructor(id: string) {\n    super(id);\n  }\n\n  static create(id: string): ${aggregate} {\n    return new ${aggregate}(id);\n  }\n${body('own')}}\n`;
  const entity = `import { ${aggregate} } from './${feature.slice(0, -1)}';\n`;
  files[`${dir}/${feature.slice(0, -1)}.repository.ts`] =
    port === 'interface'
      ? `${entity}\nexport interface ${aggregate}Repository {\n  save(item: ${aggregate}): Promise<void>;\n  findById(id: string): Promise<${aggregate} | null>;\n  findAll(): Promise<${aggregate}[]>;\n}\n`
      : `import { Repository } from '../../shared/repository';\n${entity}\nexport ${port === 'abstract-class' ? `abstract class ${aggregate}Repository extends Repository<${aggregate}> {}` : `interface ${aggregate}Repository extends Repository<${aggregate}> {}`}\n`;
  const summary = `seed ${seed}: ${aggregate}, ${levels} base level(s), port ${port}, fields ${fields.map((f) => `${f.name}:${f.type}@${f.place}/${f.spelling}`).join(', ')}`;
  return { feature, aggregate, fields, port, files, summary };
}

/** An example of a non-default value of the field's type, for tests writing it themselves. */
export function exampleValue(field: InheritedField): string {
  return EXAMPLE[field.type];
}

function cap(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1);
}
