/**
 * A seeded generator of small, complete domain projects (issue 18): one aggregate in one of the styles real
 * codebases use, its value objects, enums, unions, lists, inline types, child entities, and a port with CRUD
 * methods and random derived queries that issues 3, 4 and 11 say gen supports. The same seed writes the same
 * files, so a failing seed can be replayed and kept as a regression.
 */

export interface RandomDomainOptions {
  /** Value objects that validate their input as real ones do (UUID ids, e-mail rules, whole cents); lenient by default. */
  strictValidation?: boolean;
  /** Lists spelled `Set<T>` too (issue 18); on by default, off to reproduce a domain of an older seed. */
  setLists?: boolean;
}

export type AggregateStyle = 'public-constructor' | 'private-fields' | 'props-object' | 'primitives';

export interface RandomDomain {
  seed: number;
  feature: string;
  aggregate: string;
  style: AggregateStyle;
  /** Project files by path, domain only (no infrastructure). */
  files: Record<string, string>;
  /** One line naming the style, the fields and the derived queries, for failure reports. */
  summary: string;
}

/** mulberry32: small, fast, and the same sequence on every platform. */
export class SeededRandom {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  }

  shuffle<T>(items: readonly T[]): T[] {
    const copy = [...items];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [copy[i], copy[j]] = [copy[j], copy[i]];
    }
    return copy;
  }
}

type Scalar = 'string' | 'integer' | 'decimal' | 'boolean' | 'date' | 'bigint';

interface Part {
  name: string;
  type: Scalar | 'currency';
  optional?: boolean;
}

type Kind =
  | { kind: 'scalar'; scalar: Scalar }
  | { kind: 'enum'; name: string; file: string; numeric: boolean; members: string[] }
  | { kind: 'union'; name: string; file: string; members: string[] }
  | { kind: 'primitive-list'; element: 'string' | 'integer' }
  | { kind: 'union-list'; union: { name: string; file: string; members: string[] } }
  | { kind: 'enum-list'; enum: { name: string; file: string; numeric: boolean; members: string[] } }
  | { kind: 'single-vo'; vo: SingleVo }
  | { kind: 'multi-vo'; vo: MultiVo }
  | { kind: 'vo-list'; vo: ListVo }
  | { kind: 'inline'; parts: Part[] }
  | { kind: 'children'; child: ChildEntity };

interface Field {
  name: string;
  type: Kind;
  optional: boolean;
  nullable: boolean;
  /** How a list is spelled: `T[]`, `readonly T[]`, `ReadonlyArray<T>` or `Set<T>` (issue 18: all work where `T[]` does). */
  list?: 'array' | 'readonly' | 'ReadonlyArray' | 'Set';
}

interface SingleVo {
  name: string;
  file: string;
  inner: 'string' | 'integer';
  style: 'readonly' | 'getter' | 'primitives';
  lenient: string;
  strict: string;
}

interface MultiVo {
  name: string;
  file: string;
  parts: Part[];
  style: 'readonly' | 'factory';
  lenient: string;
  strict: string;
  extra: string;
}

interface ListVo {
  name: string;
  file: string;
  parts: Part[];
  style: 'readonly' | 'primitives';
}

interface ChildEntity {
  name: string;
  file: string;
  parts: Part[];
}

const FEATURES = [
  ['parcel', 'Parcel'],
  ['booking', 'Booking'],
  ['invoice', 'Invoice'],
  ['ticket', 'Ticket'],
  ['listing', 'Listing'],
  ['shipment', 'Shipment'],
  ['survey', 'Survey'],
  ['campaign', 'Campaign'],
  ['recipe', 'Recipe'],
  ['venue', 'Venue'],
] as const;

const SCALAR_NAMES: Record<Scalar, string[]> = {
  // SQL keywords and names that begin like the grammar's words (Or, Order, In, Is) are fields too.
  string: ['title', 'label', 'code', 'note', 'owner', 'region', 'reference', 'nickname', 'summary', 'origin', 'group', 'select', 'isbn'],
  integer: ['quantity', 'rank', 'capacity', 'priority', 'attempts', 'limit', 'order', 'interval'],
  decimal: ['weight', 'score', 'ratio'],
  boolean: ['active', 'archived', 'featured', 'verified'],
  date: ['openedAt', 'closedAt', 'dueAt', 'publishedAt', 'createdAt', 'orderedAt', 'from'],
  bigint: ['views', 'balance', 'checksum'],
};

const ENUMS = [
  { name: 'Status', field: 'status', plural: 'statuses', members: ['Draft', 'Open', 'Closed'] },
  { name: 'Stage', field: 'stage', plural: 'stages', members: ['Planned', 'Running', 'Done', 'Failed'] },
  { name: 'Tier', field: 'tier', plural: 'tiers', members: ['Bronze', 'Silver', 'Gold'] },
];

const UNIONS = [
  { name: 'Channel', field: 'channel', members: ['web', 'store', 'phone'] },
  { name: 'Visibility', field: 'visibility', members: ['public', 'private'] },
  { name: 'Role', field: 'role', members: ['reader', 'editor', 'admin'] },
];

const SINGLE_VOS: Omit<SingleVo, 'style'>[] = [
  {
    name: 'EmailAddress',
    file: 'email-address',
    inner: 'string',
    lenient: "if (value.length > 320) throw new Error('an e-mail address has at most 320 characters');",
    strict: 'if (!/^[^@\\s]+@[^@\\s]+\\.[a-z]{2,}$/.test(value)) throw new Error(`not an e-mail address: ${value}`);',
  },
  {
    name: 'Sku',
    file: 'sku',
    inner: 'string',
    lenient: "if (value.length > 64) throw new Error('a SKU has at most 64 characters');",
    strict: 'if (!/^[A-Z0-9-]{3,20}$/.test(value)) throw new Error(`not a SKU: ${value}`);',
  },
  {
    name: 'Percentage',
    file: 'percentage',
    inner: 'integer',
    lenient: "if (!Number.isFinite(value)) throw new Error('a percentage is a number');",
    strict: 'if (!Number.isInteger(value) || value < 0 || value > 100) throw new Error(`not a percentage: ${value}`);',
  },
];

const SINGLE_VO_FIELDS: Record<string, string[]> = {
  EmailAddress: ['email', 'contact'],
  Sku: ['sku', 'articleCode'],
  Percentage: ['discount', 'progress'],
};

const MULTI_VOS: Omit<MultiVo, 'style'>[] = [
  {
    name: 'Money',
    file: 'money',
    parts: [
      { name: 'amount', type: 'decimal' },
      { name: 'currency', type: 'currency' },
    ],
    lenient: "if (!Number.isFinite(amount)) throw new Error('an amount is a number');",
    strict:
      'if (!Number.isFinite(amount) || amount < 0 || Math.round(amount * 100) !== amount * 100) throw new Error(`not an amount in whole cents: ${amount}`);',
    extra: "export type Currency = 'EUR' | 'USD' | 'GBP';\n\n",
  },
  {
    name: 'Dimensions',
    file: 'dimensions',
    parts: [
      { name: 'width', type: 'decimal' },
      { name: 'height', type: 'decimal' },
      { name: 'unit', type: 'string', optional: true },
    ],
    lenient: "if (!Number.isFinite(width) || !Number.isFinite(height)) throw new Error('dimensions are numbers');",
    strict: "if (!(width > 0) || !(height > 0)) throw new Error('dimensions are positive');",
    extra: '',
  },
  {
    name: 'Period',
    file: 'period',
    parts: [
      { name: 'start', type: 'date' },
      { name: 'end', type: 'date' },
    ],
    lenient: "if (Number.isNaN(start.getTime())) throw new Error('a period starts at a date');",
    strict: "if (end.getTime() < start.getTime()) throw new Error('a period ends after it starts');",
    extra: '',
  },
];

const MULTI_VO_FIELDS: Record<string, string[]> = {
  Money: ['price', 'budget'],
  Dimensions: ['size', 'footprint'],
  Period: ['window', 'season'],
};

const LIST_VOS: Omit<ListVo, 'style'>[] = [
  {
    name: 'Attendee',
    file: 'attendee',
    parts: [
      { name: 'name', type: 'string' },
      { name: 'joinedAt', type: 'date' },
      { name: 'seat', type: 'integer', optional: true },
    ],
  },
  {
    name: 'Remark',
    file: 'remark',
    parts: [
      { name: 'author', type: 'string' },
      { name: 'text', type: 'string' },
      { name: 'stars', type: 'integer', optional: true },
    ],
  },
  {
    name: 'Measurement',
    file: 'measurement',
    parts: [
      { name: 'value', type: 'decimal' },
      { name: 'takenAt', type: 'date' },
      { name: 'exact', type: 'boolean' },
    ],
  },
];

const LIST_VO_FIELDS: Record<string, string[]> = {
  Attendee: ['attendees', 'guests'],
  Remark: ['remarks', 'reviews'],
  Measurement: ['measurements', 'readings'],
};

const INLINE_TYPES: { names: string[]; parts: Part[] }[] = [
  {
    names: ['address', 'origin'],
    parts: [
      { name: 'street', type: 'string' },
      { name: 'city', type: 'string' },
      { name: 'floor', type: 'integer', optional: true },
    ],
  },
  {
    names: ['location', 'spot'],
    parts: [
      { name: 'lat', type: 'decimal' },
      { name: 'lng', type: 'decimal' },
    ],
  },
];

const CHILDREN: { name: string; file: string; field: string; parts: Part[] }[] = [
  {
    name: 'Line',
    file: 'line',
    field: 'lines',
    parts: [
      { name: 'label', type: 'string' },
      { name: 'quantity', type: 'integer' },
      { name: 'addedAt', type: 'date' },
      { name: 'note', type: 'string', optional: true },
    ],
  },
  {
    name: 'Slot',
    file: 'slot',
    field: 'slots',
    parts: [
      { name: 'startsAt', type: 'date' },
      { name: 'seats', type: 'integer' },
      { name: 'reserved', type: 'boolean' },
    ],
  },
];

const cap = (name: string): string => name.charAt(0).toUpperCase() + name.slice(1);

function scalarType(type: Scalar | 'currency'): string {
  switch (type) {
    case 'string':
      return 'string';
    case 'integer':
    case 'decimal':
      return 'number';
    case 'boolean':
      return 'boolean';
    case 'date':
      return 'Date';
    case 'bigint':
      return 'bigint';
    case 'currency':
      return 'Currency';
  }
}

function partsType(parts: readonly Part[]): string {
  return `{ ${parts.map((p) => `${p.name}${p.optional ? '?' : ''}: ${scalarType(p.type)}${p.optional ? ' | undefined' : ''}`).join('; ')} }`;
}

/** Writes one random domain project for the seed. */
export function randomDomain(seed: number, options: RandomDomainOptions = {}): RandomDomain {
  const random = new SeededRandom(seed * 7919 + 17);
  const strict = options.strictValidation ?? false;
  const [feature, aggregate] = random.pick(FEATURES);
  const style = random.pick<AggregateStyle>(['public-constructor', 'private-fields', 'props-object', 'primitives']);
  const dir = `src/domain/aggregates/${feature}`;
  const files: Record<string, string> = {};
  const used = new Set<string>(['id']);
  const fields: Field[] = [];
  const name = (candidates: readonly string[]): string | undefined => {
    const free = candidates.find((c) => !used.has(c));
    if (free !== undefined) used.add(free);
    return free;
  };

  // The id: a value object over a string, or a plain string.
  const idVo = style === 'primitives' || random.chance(0.7);
  const idType = idVo ? `${aggregate}Id` : 'string';
  if (idVo) {
    const check = strict
      ? 'if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value)) throw new Error(`not a UUID: ${value}`);'
      : "if (value.length > 200) throw new Error('an id has at most 200 characters');";
    files[`${dir}/${feature}-id.ts`] = `export class ${aggregate}Id {
  constructor(readonly value: string) {
    ${check}
  }

  equals(other: ${aggregate}Id): boolean {
    return this.value === other.value;
  }
}
`;
  }

  const fieldCount = random.int(3, 8);
  for (let i = 0; i < fieldCount; i++) {
    const roll = random.pick([
      'scalar',
      'scalar',
      'scalar',
      'scalar',
      'enum',
      'union',
      'primitive-list',
      'union-list',
      'enum-list',
      'single-vo',
      'multi-vo',
      'vo-list',
      'inline',
      'children',
    ] as const);
    const optional = random.chance(0.15);
    const nullable = !optional && random.chance(0.15);
    let field: Field | undefined;
    switch (roll) {
      case 'scalar': {
        const scalar = random.pick<Scalar>(['string', 'string', 'integer', 'decimal', 'boolean', 'date', 'bigint']);
        const n = name(random.shuffle(SCALAR_NAMES[scalar]));
        if (n) field = { name: n, type: { kind: 'scalar', scalar }, optional, nullable };
        break;
      }
      case 'enum': {
        const e = random.pick(ENUMS);
        const n = name([e.field]);
        const listed = fields.find((f) => f.type.kind === 'enum-list' && f.type.enum.name === e.name);
        const numeric = listed?.type.kind === 'enum-list' ? listed.type.enum.numeric : random.chance(0.4);
        if (n) field = { name: n, type: { kind: 'enum', name: e.name, file: e.field, numeric, members: e.members }, optional, nullable };
        break;
      }
      case 'union': {
        const u = random.pick(UNIONS);
        const n = name([u.field]);
        if (n) field = { name: n, type: { kind: 'union', name: u.name, file: u.field, members: u.members }, optional, nullable };
        break;
      }
      case 'primitive-list': {
        const element = random.pick(['string', 'integer'] as const);
        const n = name(element === 'string' ? ['tags', 'keywords', 'aliases'] : ['ratings', 'codes']);
        if (n) field = { name: n, type: { kind: 'primitive-list', element }, optional: false, nullable: false };
        break;
      }
      case 'union-list': {
        const u = random.pick(UNIONS);
        const n = name([`${u.field}s`.replace(/ys$/, 'ies')]);
        if (
          n &&
          !fields.some(
            (f) =>
              (f.type.kind === 'union' || f.type.kind === 'union-list') &&
              unionOf(f.type)?.name === u.name &&
              unionOf(f.type)?.file !== u.field,
          )
        ) {
          field = {
            name: n,
            type: { kind: 'union-list', union: { name: u.name, file: u.field, members: u.members } },
            optional: false,
            nullable: false,
          };
        }
        break;
      }
      case 'enum-list': {
        const e = random.pick(ENUMS);
        const existing = fields.find(
          (f) => (f.type.kind === 'enum' && f.type.name === e.name) || (f.type.kind === 'enum-list' && f.type.enum.name === e.name),
        );
        const numeric =
          existing?.type.kind === 'enum'
            ? existing.type.numeric
            : existing?.type.kind === 'enum-list'
              ? existing.type.enum.numeric
              : random.chance(0.4);
        const n = name([e.plural, `${e.field}History`]);
        if (n)
          field = {
            name: n,
            type: { kind: 'enum-list', enum: { name: e.name, file: e.field, numeric, members: e.members } },
            optional: false,
            nullable: false,
          };
        break;
      }
      case 'single-vo': {
        const vo = random.pick(SINGLE_VOS);
        const existing = fields.find((f) => f.type.kind === 'single-vo' && f.type.vo.name === vo.name);
        const n = name(SINGLE_VO_FIELDS[vo.name] ?? []);
        const voStyle =
          existing?.type.kind === 'single-vo' ? existing.type.vo.style : random.pick(['readonly', 'getter', 'primitives'] as const);
        if (n) field = { name: n, type: { kind: 'single-vo', vo: { ...vo, style: voStyle } }, optional, nullable };
        break;
      }
      case 'multi-vo': {
        if (style === 'primitives') break;
        const vo = random.pick(MULTI_VOS);
        const existing = fields.find((f) => f.type.kind === 'multi-vo' && f.type.vo.name === vo.name);
        const n = name(MULTI_VO_FIELDS[vo.name] ?? []);
        const voStyle = existing?.type.kind === 'multi-vo' ? existing.type.vo.style : random.pick(['readonly', 'factory'] as const);
        if (n) field = { name: n, type: { kind: 'multi-vo', vo: { ...vo, style: voStyle } }, optional, nullable };
        break;
      }
      case 'vo-list': {
        const vo = random.pick(LIST_VOS);
        const existing = fields.find((f) => f.type.kind === 'vo-list' && f.type.vo.name === vo.name);
        const n = name(LIST_VO_FIELDS[vo.name] ?? []);
        const voStyle =
          existing?.type.kind === 'vo-list'
            ? existing.type.vo.style
            : style === 'primitives'
              ? 'primitives'
              : random.pick(['readonly', 'primitives'] as const);
        if (n) field = { name: n, type: { kind: 'vo-list', vo: { ...vo, style: voStyle } }, optional: false, nullable: random.chance(0.2) };
        break;
      }
      case 'inline': {
        const inline = random.pick(INLINE_TYPES);
        const n = name(inline.names);
        if (n) field = { name: n, type: { kind: 'inline', parts: inline.parts }, optional: false, nullable };
        break;
      }
      case 'children': {
        if (style === 'primitives' || fields.some((f) => f.type.kind === 'children')) break;
        const child = random.pick(CHILDREN);
        const n = name([child.field]);
        if (n)
          field = {
            name: n,
            type: { kind: 'children', child: { name: child.name, file: child.file, parts: child.parts } },
            optional: false,
            nullable: false,
          };
        break;
      }
    }
    if (field && ['primitive-list', 'union-list', 'enum-list', 'vo-list'].includes(field.type.kind)) {
      const setOk = (options.setLists ?? true) && style !== 'primitives' && field.type.kind !== 'vo-list' && !field.nullable;
      field.list = random.pick(
        setOk
          ? (['array', 'array', 'readonly', 'ReadonlyArray', 'Set'] as const)
          : style === 'primitives'
            ? (['array', 'readonly'] as const)
            : (['array', 'array', 'readonly', 'ReadonlyArray'] as const),
      );
    }
    if (field) fields.push(field);
  }
  if (!fields.some((f) => f.type.kind === 'scalar')) {
    const n = name(SCALAR_NAMES.string) ?? 'title';
    fields.unshift({ name: n, type: { kind: 'scalar', scalar: 'string' }, optional: false, nullable: false });
  }
  // Optional constructor parameters come last.
  const ordered = [...fields.filter((f) => !f.optional), ...fields.filter((f) => f.optional)];

  writeSupportingFiles(files, dir, ordered, strict);
  const aggregateSource = writeAggregate(style, aggregate, idType, ordered, random);
  files[`${dir}/${feature}.ts`] = aggregateSource;
  if (style === 'props-object') files['src/domain/shared/entity.ts'] = ENTITY_BASE;
  const queries = derivedQueries(random, ordered, aggregate, style);
  files[`${dir}/${feature}.repository.ts`] = writePort(aggregate, feature, idType, queries);
  files['package.json'] = PACKAGE_JSON;

  const summary = `seed ${seed}: ${aggregate} (${style}); fields ${ordered.map((f) => `${f.name}:${describeKind(f.type)}${f.list && f.list !== 'array' ? ` as ${f.list}` : ''}${f.optional ? '?' : ''}${f.nullable ? '|null' : ''}`).join(', ')}; queries ${queries.map((q) => q.name).join(', ')}`;
  return { seed, feature, aggregate, style, files, summary };
}

function unionOf(kind: Kind): { name: string; file: string } | undefined {
  if (kind.kind === 'union') return kind;
  if (kind.kind === 'union-list') return kind.union;
  return undefined;
}

function describeKind(kind: Kind): string {
  switch (kind.kind) {
    case 'scalar':
      return kind.scalar;
    case 'enum':
      return `${kind.numeric ? 'numeric ' : ''}enum ${kind.name}`;
    case 'union':
      return `union ${kind.name}`;
    case 'primitive-list':
      return `${kind.element}[]`;
    case 'union-list':
      return `${kind.union.name}[]`;
    case 'enum-list':
      return `${kind.enum.numeric ? 'numeric ' : ''}${kind.enum.name}[]`;
    case 'single-vo':
      return `${kind.vo.name}(${kind.vo.style})`;
    case 'multi-vo':
      return `${kind.vo.name}(${kind.vo.style})`;
    case 'vo-list':
      return `${kind.vo.name}[](${kind.vo.style})`;
    case 'inline':
      return partsType(kind.parts);
    case 'children':
      return `${kind.child.name}[] child`;
  }
}

const PACKAGE_JSON = `{
  "name": "random-domain",
  "private": true,
  "type": "module",
  "dependencies": {
    "reflect-metadata": "^0.2.2",
    "sqlite3": "^5.1.7",
    "typeorm": "^0.3.29"
  },
  "devDependencies": {
    "typescript": "~6.0.3",
    "vitest": "~4.1.12"
  }
}
`;

const ENTITY_BASE = `/** Base of the domain's entities: the identity, and the state as one props object behind getters. */
export abstract class Entity<TId, TProps extends object> {
  protected constructor(
    private readonly _id: TId,
    protected props: TProps,
  ) {}

  get id(): TId {
    return this._id;
  }
}

export abstract class AggregateRoot<TId, TProps extends object> extends Entity<TId, TProps> {
  private readonly events: string[] = [];

  protected record(event: string): void {
    this.events.push(event);
  }

  pullEvents(): string[] {
    return this.events.splice(0, this.events.length);
  }
}
`;

function writeSupportingFiles(files: Record<string, string>, dir: string, fields: readonly Field[], strict: boolean): void {
  for (const field of fields) {
    const kind = field.type;
    switch (kind.kind) {
      case 'enum': {
        const start = 1;
        const body = kind.members.map((m, i) => `  ${m} = ${kind.numeric ? String(start + i) : `'${m.toUpperCase()}'`},`).join('\n');
        files[`${dir}/${kind.file}.ts`] = `export enum ${kind.name} {\n${body}\n}\n`;
        break;
      }
      case 'enum-list': {
        const body = kind.enum.members.map((m, i) => `  ${m} = ${kind.enum.numeric ? String(1 + i) : `'${m.toUpperCase()}'`},`).join('\n');
        files[`${dir}/${kind.enum.file}.ts`] = `export enum ${kind.enum.name} {\n${body}\n}\n`;
        break;
      }
      case 'union':
        files[`${dir}/${kind.file}.ts`] = `export type ${kind.name} = ${kind.members.map((m) => `'${m}'`).join(' | ')};\n`;
        break;
      case 'union-list':
        files[`${dir}/${kind.union.file}.ts`] =
          `export type ${kind.union.name} = ${kind.union.members.map((m) => `'${m}'`).join(' | ')};\n`;
        break;
      case 'single-vo':
        files[`${dir}/${kind.vo.file}.ts`] = singleVoSource(kind.vo, strict);
        break;
      case 'multi-vo':
        files[`${dir}/${kind.vo.file}.ts`] = multiVoSource(kind.vo, strict);
        break;
      case 'vo-list':
        files[`${dir}/${kind.vo.file}.ts`] = listVoSource(kind.vo);
        break;
      case 'children':
        files[`${dir}/${kind.child.file}.ts`] = childSource(kind.child);
        break;
      default:
        break;
    }
  }
}

function singleVoSource(vo: SingleVo, strict: boolean): string {
  const inner = vo.inner === 'string' ? 'string' : 'number';
  const check = strict ? vo.strict : vo.lenient;
  switch (vo.style) {
    case 'readonly':
      return `export class ${vo.name} {
  constructor(readonly value: ${inner}) {
    ${check}
  }
}
`;
    case 'getter':
      return `export class ${vo.name} {
  private constructor(private readonly _value: ${inner}) {}

  static of(value: ${inner}): ${vo.name} {
    ${check}
    return new ${vo.name}(value);
  }

  get value(): ${inner} {
    return this._value;
  }
}
`;
    case 'primitives':
      return `export class ${vo.name} {
  private constructor(private readonly value: ${inner}) {}

  static fromPrimitives(value: ${inner}): ${vo.name} {
    ${check}
    return new ${vo.name}(value);
  }

  toPrimitives(): ${inner} {
    return this.value;
  }
}
`;
  }
}

function multiVoSource(vo: MultiVo, strict: boolean): string {
  const params = vo.parts.map((p) => `readonly ${p.name}${p.optional ? '?' : ''}: ${scalarType(p.type)}`).join(', ');
  const args = vo.parts.map((p) => `${p.name}${p.optional ? '?' : ''}: ${scalarType(p.type)}`).join(', ');
  const check = strict ? vo.strict : vo.lenient;
  const names = vo.parts.map((p) => p.name).join(', ');
  // A check that does not read every part would leave a parameter unused under noUnusedParameters.
  const touch = vo.parts
    .filter((p) => !check.includes(p.name))
    .map((p) => `    void ${p.name};\n`)
    .join('');
  if (vo.style === 'readonly') {
    return `${vo.extra}export class ${vo.name} {
  constructor(${params}) {
    ${check}
  }
}
`;
  }
  return `${vo.extra}export class ${vo.name} {
  private constructor(${params}) {}

  static of(${args}): ${vo.name} {
    ${check}
${touch}    return new ${vo.name}(${names});
  }
}
`;
}

function listVoSource(vo: ListVo): string {
  if (vo.style === 'readonly') {
    const params = vo.parts.map((p) => `    readonly ${p.name}${p.optional ? '?' : ''}: ${scalarType(p.type)},`).join('\n');
    return `export class ${vo.name} {
  constructor(
${params}
  ) {}
}
`;
  }
  const iface = vo.parts.map((p) => `  ${p.name}${p.optional ? '?' : ''}: ${scalarType(p.type)};`).join('\n');
  const params = vo.parts
    .map((p) => `    private readonly ${p.name}: ${scalarType(p.type)}${p.optional ? ' | undefined' : ''},`)
    .join('\n');
  const spread = vo.parts
    .map((p) => (p.optional ? `...(this.${p.name} === undefined ? {} : { ${p.name}: this.${p.name} })` : `${p.name}: this.${p.name}`))
    .join(', ');
  return `export interface ${vo.name}Primitives {
${iface}
}

export class ${vo.name} {
  private constructor(
${params}
  ) {}

  static fromPrimitives(primitives: ${vo.name}Primitives): ${vo.name} {
    return new ${vo.name}(${vo.parts.map((p) => `primitives.${p.name}`).join(', ')});
  }

  toPrimitives(): ${vo.name}Primitives {
    return { ${spread} };
  }
}
`;
}

function childSource(child: ChildEntity): string {
  const required = child.parts.filter((p) => !p.optional);
  const optional = child.parts.filter((p) => p.optional);
  const params = [...required, ...optional].map((p) => `    public ${p.name}${p.optional ? '?' : ''}: ${scalarType(p.type)},`).join('\n');
  return `export class ${child.name} {
  constructor(
    readonly id: string,
${params}
  ) {}
}
`;
}

function spellList(field: Field, element: string): string {
  switch (field.list ?? 'array') {
    case 'array':
      return `${element}[]`;
    case 'readonly':
      return `readonly ${element}[]`;
    case 'ReadonlyArray':
      return `ReadonlyArray<${element}>`;
    case 'Set':
      return `Set<${element}>`;
  }
}

/** The field's type as the aggregate holds it. */
function domainType(field: Field): string {
  const kind = field.type;
  let base: string;
  switch (kind.kind) {
    case 'scalar':
      base = scalarType(kind.scalar);
      break;
    case 'enum':
    case 'union':
      base = kind.name;
      break;
    case 'primitive-list':
      base = spellList(field, kind.element === 'string' ? 'string' : 'number');
      break;
    case 'union-list':
      base = spellList(field, kind.union.name);
      break;
    case 'enum-list':
      base = spellList(field, kind.enum.name);
      break;
    case 'single-vo':
    case 'multi-vo':
      base = kind.vo.name;
      break;
    case 'vo-list':
      base = spellList(field, kind.vo.name);
      break;
    case 'inline':
      base = partsType(kind.parts);
      break;
    case 'children':
      base = `${kind.child.name}[]`;
      break;
  }
  return field.nullable ? `${base} | null` : base;
}

/** The field's type in a primitives snapshot (primitives style only: no multi-field value objects, no children). */
function primitiveType(field: Field): string {
  const kind = field.type;
  let base: string;
  if (kind.kind === 'single-vo') base = kind.vo.inner === 'string' ? 'string' : 'number';
  else if (kind.kind === 'vo-list') base = spellList(field, `${kind.vo.name}Primitives`);
  else return domainType(field);
  return field.nullable ? `${base} | null` : base;
}

function voValue(vo: SingleVo, expr: string): string {
  return vo.style === 'primitives' ? `${expr}.toPrimitives()` : `${expr}.value`;
}

function voBuild(vo: SingleVo, expr: string): string {
  switch (vo.style) {
    case 'readonly':
      return `new ${vo.name}(${expr})`;
    case 'getter':
      return `${vo.name}.of(${expr})`;
    case 'primitives':
      return `${vo.name}.fromPrimitives(${expr})`;
  }
}

function toPrimitive(field: Field, expr: string): string {
  const kind = field.type;
  let convert: (e: string) => string;
  if (kind.kind === 'single-vo') convert = (e) => voValue(kind.vo, e);
  else if (kind.kind === 'vo-list') convert = (e) => `${e}.map((item) => item.toPrimitives())`;
  else if (kind.kind === 'primitive-list' || kind.kind === 'union-list' || kind.kind === 'enum-list') convert = (e) => `[...${e}]`;
  else return expr;
  if (field.nullable) return `${expr} === null ? null : ${convert(expr)}`;
  if (field.optional) return `${expr} === undefined ? undefined : ${convert(expr)}`;
  return convert(expr);
}

function fromPrimitive(field: Field, expr: string): string {
  const kind = field.type;
  let convert: (e: string) => string;
  if (kind.kind === 'single-vo') convert = (e) => voBuild(kind.vo, e);
  else if (kind.kind === 'vo-list') convert = (e) => `${e}.map((item) => ${kind.vo.name}.fromPrimitives(item))`;
  else if (kind.kind === 'primitive-list' || kind.kind === 'union-list' || kind.kind === 'enum-list') convert = (e) => `[...${e}]`;
  else return expr;
  if (field.nullable) return `${expr} === null ? null : ${convert(expr)}`;
  if (field.optional) return `${expr} === undefined ? undefined : ${convert(expr)}`;
  return convert(expr);
}

function importsFor(fields: readonly Field[], idType: string, feature: string, extra: string[] = [], primitives = false): string {
  const byFile = new Map<string, Set<string>>();
  const add = (file: string, name: string): void => {
    const names = byFile.get(file) ?? new Set<string>();
    names.add(name);
    byFile.set(file, names);
  };
  if (idType !== 'string') add(`./${feature}-id`, idType);
  for (const field of fields) {
    const kind = field.type;
    if (kind.kind === 'enum' || kind.kind === 'union') add(`./${kind.file}`, kind.name);
    if (kind.kind === 'union-list') add(`./${kind.union.file}`, kind.union.name);
    if (kind.kind === 'enum-list') add(`./${kind.enum.file}`, kind.enum.name);
    if (kind.kind === 'single-vo' || kind.kind === 'multi-vo' || kind.kind === 'vo-list') add(`./${kind.vo.file}`, kind.vo.name);
    if (primitives && kind.kind === 'vo-list') add(`./${kind.vo.file}`, `${kind.vo.name}Primitives`);
    if (kind.kind === 'children') add(`./${kind.child.file}`, kind.child.name);
  }
  for (const e of extra) {
    const [file, name] = e.split('#') as [string, string];
    add(file, name);
  }
  return [...byFile.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([file, names]) => `import { ${[...names].sort().join(', ')} } from '${file}';\n`)
    .join('');
}

function writeAggregate(style: AggregateStyle, aggregate: string, idType: string, fields: readonly Field[], random: SeededRandom): string {
  const feature = aggregate.toLowerCase();
  const typeOf = (f: Field): string => domainType(f);
  const firstString = fields.find((f) => f.type.kind === 'scalar' && f.type.scalar === 'string' && !f.optional && !f.nullable);
  switch (style) {
    case 'public-constructor': {
      const params = fields.map((f) => `    public ${f.name}${f.optional ? '?' : ''}: ${typeOf(f)},`).join('\n');
      const behaviour = firstString
        ? `\n  rename(${firstString.name}: string): void {\n    this.${firstString.name} = ${firstString.name}.trim();\n  }\n`
        : '';
      return `${importsFor(fields, idType, feature)}
export class ${aggregate} {
  constructor(
    readonly id: ${idType},
${params}
  ) {}
${behaviour}}
`;
    }
    case 'private-fields': {
      const params = fields.map((f) => `    private _${f.name}: ${typeOf(f)}${f.optional ? ' | undefined' : ''},`).join('\n');
      const getters = fields
        .map((f) => `  get ${f.name}(): ${typeOf(f)}${f.optional ? ' | undefined' : ''} {\n    return this._${f.name};\n  }\n`)
        .join('\n');
      const stateType = `{ id: ${idType}; ${fields.map((f) => `${f.name}${f.optional ? '?' : ''}: ${typeOf(f)}${f.optional ? ' | undefined' : ''}`).join('; ')} }`;
      const positional = random.chance(0.3);
      const rehydrate = positional
        ? `  static rehydrate(id: ${idType}, ${fields.map((f) => `${f.name}: ${typeOf(f)}${f.optional ? ' | undefined' : ''}`).join(', ')}): ${aggregate} {\n    return new ${aggregate}(id, ${fields.map((f) => f.name).join(', ')});\n  }\n`
        : `  static rehydrate(state: ${stateType}): ${aggregate} {\n    return new ${aggregate}(state.id, ${fields.map((f) => `state.${f.name}`).join(', ')});\n  }\n`;
      const required = fields.filter((f) => !f.optional);
      const createArgs = fields.map((f) => (f.optional ? 'undefined' : f.name)).join(', ');
      const behaviour = firstString
        ? `\n  rename(${firstString.name}: string): void {\n    this._${firstString.name} = ${firstString.name}.trim();\n  }\n`
        : '';
      return `${importsFor(fields, idType, feature)}
export class ${aggregate} {
  private constructor(
    private readonly _id: ${idType},
${params}
  ) {}

  static create(id: ${idType}, ${required.map((f) => `${f.name}: ${typeOf(f)}`).join(', ')}): ${aggregate} {
    return new ${aggregate}(id, ${createArgs});
  }

${rehydrate}
  get id(): ${idType} {
    return this._id;
  }

${getters}${behaviour}}
`;
    }
    case 'props-object': {
      const props = fields.map((f) => `  ${f.name}${f.optional ? '?' : ''}: ${typeOf(f)};`).join('\n');
      const getters = fields
        .map((f) => `  get ${f.name}(): ${typeOf(f)}${f.optional ? ' | undefined' : ''} {\n    return this.props.${f.name};\n  }\n`)
        .join('\n');
      const behaviour = firstString
        ? `\n  rename(${firstString.name}: string): void {\n    this.props.${firstString.name} = ${firstString.name}.trim();\n    this.record('${aggregate}Renamed');\n  }\n`
        : '';
      return `import { AggregateRoot } from '../../shared/entity';
${importsFor(fields, idType, feature)}
export interface ${aggregate}Props {
${props}
}

export class ${aggregate} extends AggregateRoot<${idType}, ${aggregate}Props> {
  private constructor(id: ${idType}, props: ${aggregate}Props) {
    super(id, props);
  }

  static create(id: ${idType}, props: ${aggregate}Props): ${aggregate} {
    const created = new ${aggregate}(id, props);
    created.record('${aggregate}Created');
    return created;
  }

  static reconstitute(props: ${aggregate}Props, id: ${idType}): ${aggregate} {
    return new ${aggregate}(id, props);
  }

${getters}${behaviour}}
`;
    }
    case 'primitives': {
      const iface = fields
        .map((f) => `  ${f.name}${f.optional ? '?' : ''}: ${primitiveType(f)}${f.optional ? ' | undefined' : ''};`)
        .join('\n');
      const params = fields.map((f) => `    private ${f.name}: ${typeOf(f)}${f.optional ? ' | undefined' : ''},`).join('\n');
      const toPrims = fields.map((f) => `      ${f.name}: ${toPrimitive(f, `this.${f.name}`)},`).join('\n');
      const fromPrims = fields.map((f) => `      ${fromPrimitive(f, `primitives.${f.name}`)},`).join('\n');
      const behaviour = firstString
        ? `\n  rename(${firstString.name}: string): void {\n    this.${firstString.name} = ${firstString.name}.trim();\n  }\n`
        : '';
      return `${importsFor(fields, idType, feature, [], true)}
export interface ${aggregate}Primitives {
  id: string;
${iface}
}

export class ${aggregate} {
  private constructor(
    private readonly id: ${idType},
${params}
  ) {}

  static fromPrimitives(primitives: ${aggregate}Primitives): ${aggregate} {
    return new ${aggregate}(
      new ${idType}(primitives.id),
${fromPrims}
    );
  }

  toPrimitives(): ${aggregate}Primitives {
    return {
      id: this.id.value,
${toPrims}
    };
  }
${behaviour}}
`;
    }
  }
}

interface DerivedQuery {
  name: string;
  params: string[];
  returns: string;
  /** Imports the parameters need, as `./file#Name`. */
  imports: string[];
}

type Operator =
  | ''
  | 'Not'
  | 'In'
  | 'NotIn'
  | 'LessThan'
  | 'LessThanEqual'
  | 'GreaterThan'
  | 'GreaterThanEqual'
  | 'Between'
  | 'Before'
  | 'After'
  | 'IsNull'
  | 'IsNotNull'
  | 'True'
  | 'False'
  | 'StartingWith'
  | 'EndingWith'
  | 'Containing'
  | 'IgnoreCase'
  | 'ContainingIgnoreCase';

function operatorsOf(field: Field): Operator[] {
  const kind = field.type;
  const nullOps: Operator[] = field.optional || field.nullable ? ['IsNull', 'IsNotNull'] : [];
  switch (kind.kind) {
    case 'scalar':
      switch (kind.scalar) {
        case 'string':
          return ['', 'Not', 'In', 'NotIn', 'StartingWith', 'EndingWith', 'Containing', 'IgnoreCase', 'ContainingIgnoreCase', ...nullOps];
        case 'integer':
        case 'decimal':
        case 'bigint':
          return ['', 'Not', 'LessThan', 'LessThanEqual', 'GreaterThan', 'GreaterThanEqual', 'Between', 'In', 'NotIn', ...nullOps];
        case 'boolean':
          return ['', 'True', 'False', ...nullOps];
        case 'date':
          return ['Before', 'After', 'Between', 'LessThan', 'GreaterThanEqual', ...nullOps];
      }
      break;
    case 'enum':
    case 'union':
      return ['', 'Not', 'In', 'NotIn', ...nullOps];
    case 'single-vo':
      return kind.vo.inner === 'string'
        ? ['', 'Not', 'In', 'NotIn', 'StartingWith', 'Containing', ...nullOps]
        : ['', 'LessThan', 'GreaterThanEqual', 'In', ...nullOps];
    default:
      return [];
  }
}

/** The type a parameter compared with the field takes: the value object itself where the field holds one (unwrapped), else the value. */
function paramType(field: Field, style: AggregateStyle): { type: string; imports: string[] } {
  const kind = field.type;
  switch (kind.kind) {
    case 'scalar':
      return { type: scalarType(kind.scalar), imports: [] };
    case 'enum':
    case 'union':
      return { type: kind.name, imports: [`./${kind.file}#${kind.name}`] };
    case 'single-vo':
      // In the primitives style the snapshot holds the plain value; the port may speak either.
      return style === 'primitives' || kind.vo.style === 'primitives'
        ? { type: kind.vo.inner === 'string' ? 'string' : 'number', imports: [] }
        : { type: kind.vo.name, imports: [`./${kind.vo.file}#${kind.vo.name}`] };
    default:
      throw new Error(`no parameter type for ${kind.kind}`);
  }
}

function derivedQueries(random: SeededRandom, fields: readonly Field[], aggregate: string, style: AggregateStyle): DerivedQuery[] {
  const queryable = fields.filter((f) => operatorsOf(f).length > 0);
  const orderable = fields.filter((f) => f.type.kind === 'scalar' && ['string', 'integer', 'decimal', 'date'].includes(f.type.scalar));
  const queries: DerivedQuery[] = [];
  const names = new Set<string>();
  const count = random.int(1, 5);
  for (let attempt = 0; attempt < count * 4 && queries.length < count && queryable.length > 0; attempt++) {
    const subject = random.pick(['find', 'find', 'find', 'count', 'exists', 'delete', 'findFirst', 'findTop3'] as const);
    const predicates = random.shuffle(queryable).slice(0, random.pick([1, 1, 2, 2, 3]));
    const joiner = predicates.length > 1 && random.chance(0.25) ? 'Or' : 'And';
    const params: string[] = [];
    const imports: string[] = [];
    const parts: string[] = [];
    for (const field of predicates) {
      const op = random.pick(operatorsOf(field));
      parts.push(`${cap(field.name)}${op}`);
      const needsValue = !['IsNull', 'IsNotNull', 'True', 'False'].includes(op);
      if (!needsValue) continue;
      const textOp = ['StartingWith', 'EndingWith', 'Containing', 'ContainingIgnoreCase', 'IgnoreCase'].includes(op);
      const { type, imports: needs } = textOp ? { type: 'string', imports: [] } : paramType(field, style);
      imports.push(...needs);
      if (op === 'In' || op === 'NotIn') params.push(`${field.name}List: ${type}[]`);
      else if (op === 'Between') params.push(`${field.name}From: ${type}`, `${field.name}To: ${type}`);
      else params.push(`${field.name}: ${type}`);
    }
    let orderBy = '';
    const ordered = subject === 'findFirst' || subject === 'findTop3' || (subject === 'find' && random.chance(0.4));
    if (ordered) {
      const by = orderable.filter((f) => !f.optional && !f.nullable);
      if (by.length === 0) continue;
      orderBy = `OrderBy${cap(random.pick(by).name)}${random.pick(['Asc', 'Desc'])}`;
    }
    const caseless =
      predicates.every((f) => f.type.kind === 'scalar' && f.type.scalar === 'string') &&
      parts.every((p, i) => ['', 'Not', 'StartingWith', 'EndingWith', 'Containing'].includes(p.slice(cap(predicates[i].name).length)));
    const allIgnoreCase = caseless && random.chance(0.4) ? 'AllIgnoreCase' : '';
    if (subject === 'find' && random.chance(0.25)) params.push('page: { limit: number; offset: number }');
    const name = `${subject}By${parts.join(joiner)}${allIgnoreCase}${orderBy}`;
    if (names.has(name)) continue;
    names.add(name);
    const returns =
      subject === 'count' || subject === 'delete'
        ? 'Promise<number>'
        : subject === 'exists'
          ? 'Promise<boolean>'
          : subject === 'findFirst'
            ? `Promise<${aggregate} | null>`
            : `Promise<${aggregate}[]>`;
    queries.push({ name, params, returns, imports });
  }
  return queries;
}

function writePort(aggregate: string, feature: string, idType: string, queries: readonly DerivedQuery[]): string {
  const extra = [`./${feature}#${aggregate}`, ...queries.flatMap((q) => q.imports)];
  const imports = importsFor([], idType, feature, extra);
  const lines = [
    `  save(${feature}: ${aggregate}): Promise<void>;`,
    `  findById(id: ${idType}): Promise<${aggregate} | null>;`,
    `  findAll(): Promise<${aggregate}[]>;`,
    `  delete(id: ${idType}): Promise<void>;`,
    ...queries.map((q) => `  ${q.name}(${q.params.join(', ')}): ${q.returns};`),
  ];
  return `${imports}
export interface ${aggregate}Repository {
${lines.join('\n')}
}
`;
}
