import { SeededRandom } from './random-domain.js';

/**
 * A seeded generator of small domains that normalise what they store, as real ones do (an email lower-cased, a code
 * upper-cased, a name trimmed): an id value object, two single-value objects, a plain string the aggregate itself
 * normalises, and a child entity whose label its constructor normalises, each with a normalisation drawn from
 * NORMALISATIONS; a value object normalises in its constructor or in the getter the mapper reads (d4nicoder's
 * EmailValueObject). The port looks each of them up, so the generated suite compares what it wrote with what comes back.
 */

/** A normalisation as JavaScript applied to `value`, and the same as a function for the tests to check fixed points with. */
export interface Normalisation {
  name: string;
  source: (value: string) => string;
  apply: (value: string) => string;
}

export const NORMALISATIONS: readonly Normalisation[] = [
  { name: 'lowercase', source: (v) => `${v}.toLowerCase()`, apply: (v) => v.toLowerCase() },
  { name: 'uppercase', source: (v) => `${v}.toUpperCase()`, apply: (v) => v.toUpperCase() },
  { name: 'trim', source: (v) => `${v}.trim()`, apply: (v) => v.trim() },
  { name: 'collapse spaces', source: (v) => `${v}.trim().replace(/\\s+/g, ' ')`, apply: (v) => v.trim().replace(/\s+/g, ' ') },
  { name: 'trim and lowercase', source: (v) => `${v}.trim().toLowerCase()`, apply: (v) => v.trim().toLowerCase() },
];

export interface NormalisingDomain {
  seed: number;
  feature: string;
  files: Record<string, string>;
  /** `Class.field` (the `samples` key) -> its normalisation. */
  normalisations: Record<string, Normalisation>;
  summary: string;
}

const DIR = 'src/domain/aggregates/members';

function valueObject(name: string, normalise: Normalisation, inGetter: boolean): string {
  if (inGetter)
    return `export class ${name} {
  constructor(private readonly raw: string) {
    if (raw.trim() === '') throw new Error('${name} is empty');
  }

  get value(): string {
    return ${normalise.source('this.raw')};
  }
}
`;
  return `export class ${name} {
  readonly value: string;

  constructor(value: string) {
    if (value.trim() === '') throw new Error('${name} is empty');
    this.value = ${normalise.source('value')};
  }
}
`;
}

/** What a domain normalises, and whether each value object (id, email, code) does it in the getter the mapper reads. */
export interface NormalisingChoices {
  id: Normalisation;
  email: Normalisation;
  code: Normalisation;
  nickname: Normalisation;
  label: Normalisation;
  getters: [boolean, boolean, boolean];
}

/** The domain of a seed: each normalisation drawn at random. */
export function normalisingDomain(seed: number): NormalisingDomain {
  const random = new SeededRandom(seed * 104729 + 3);
  const pick = () => random.pick(NORMALISATIONS);
  return normalisingDomainOf(seed, {
    id: pick(),
    email: pick(),
    code: pick(),
    nickname: pick(),
    label: pick(),
    getters: [random.chance(0.5), random.chance(0.5), random.chance(0.5)],
  });
}

export const normalisation = (name: string): Normalisation => NORMALISATIONS.find((n) => n.name === name)!;

/** The domain that normalises as `choices` says. */
export function normalisingDomainOf(seed: number, { id, email, code, nickname, label, getters }: NormalisingChoices): NormalisingDomain {
  const files: Record<string, string> = {
    [`${DIR}/member-id.ts`]: valueObject('MemberId', id, getters[0]),
    [`${DIR}/email.ts`]: valueObject('Email', email, getters[1]),
    [`${DIR}/member-code.ts`]: valueObject('MemberCode', code, getters[2]),
    [`${DIR}/badge.ts`]: `export class Badge {
  readonly label: string;

  constructor(
    readonly id: string,
    label: string,
  ) {
    this.label = ${label.source('label')};
  }
}
`,
    [`${DIR}/member.ts`]: `import { Badge } from './badge';
import { Email } from './email';
import { MemberCode } from './member-code';
import { MemberId } from './member-id';

export class Member {
  public nickname: string;

  constructor(
    readonly id: MemberId,
    public email: Email,
    readonly code: MemberCode,
    nickname: string,
    public badges: Badge[],
  ) {
    this.nickname = ${nickname.source('nickname')};
  }
}
`,
    [`${DIR}/member.repository.ts`]: `import { Email } from './email';
import { Member } from './member';
import { MemberCode } from './member-code';
import { MemberId } from './member-id';

export interface MemberRepository {
  save(member: Member): Promise<void>;
  findById(id: MemberId): Promise<Member | null>;
  findAll(): Promise<Member[]>;
  delete(id: MemberId): Promise<void>;
  findByCode(code: MemberCode): Promise<Member | null>;
  findByEmail(email: Email): Promise<Member[]>;
  findByNickname(nickname: string): Promise<Member[]>;
}
`,
  };
  const normalisations = { 'Member.id': id, 'Member.email': email, 'Member.code': code, 'Member.nickname': nickname, 'Badge.label': label };
  const where = (inGetter: boolean) => (inGetter ? ' (getter)' : '');
  return {
    seed,
    feature: 'members',
    files,
    normalisations,
    summary: `seed ${seed}: id ${id.name}${where(getters[0])}, email ${email.name}${where(getters[1])}, code ${code.name}${where(getters[2])}, nickname ${nickname.name}, badge label ${label.name}`,
  };
}
