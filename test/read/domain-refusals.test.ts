import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/config/project-config.js';
import { GenError, formatError } from '../../src/errors.js';
import { readDomain } from '../../src/read/domain-reader.js';
import { ORDER_DOMAIN, PORT_FILE, withPortMethods } from '../support/fixtures.js';
import { writeProject } from '../support/projects.js';
import { loadProjectContext } from '../../src/project-context.js';

const ORDER_FILE = 'src/domain/aggregates/ordering/order.ts';

function readError(files: Record<string, string>): GenError {
  try {
    readDomain(loadProjectContext(writeProject(files)), DEFAULT_CONFIG, 'ordering');
  } catch (error) {
    if (error instanceof GenError) return error;
    throw error;
  }
  throw new Error('expected a GenError');
}

/** Order with a getter declared `string` that returns a number. */
const MISTYPED_GETTER = {
  ...ORDER_DOMAIN,
  [ORDER_FILE]: `${ORDER_DOMAIN[ORDER_FILE].trimEnd()}

export class Receipt {
  get number(): string {
    return 42;
  }
}
`,
};

describe('a domain that does not type-check (issue 19)', () => {
  it("is refused with tsc's first error at its file and line", () => {
    const error = readError(MISTYPED_GETTER);
    const line = MISTYPED_GETTER[ORDER_FILE].split('\n').indexOf('    return 42;') + 1;

    expect(formatError(error)).toBe(
      `${ORDER_FILE}:${line}: the domain does not type-check (1 error): TS2322: Type 'number' is not assignable to type 'string'.\n` +
        '  Fix it (npx tsc --noEmit shows the same) and run gen again: gen reads the domain as tsc types it.',
    );
  });

  it('lists the next errors too, each with its place', () => {
    const files = {
      ...MISTYPED_GETTER,
      'src/domain/aggregates/ordering/order-id.ts':
        'export class OrderId {\n  constructor(readonly value: string) {}\n}\n\nexport const broken: number = "text";\n',
    };
    const error = readError(files);

    expect(formatError(error)).toMatch(
      /^src\/domain\/aggregates\/ordering\/order-id.ts:5: the domain does not type-check \(2 errors\): TS2322: Type 'string' is not assignable to type 'number'./,
    );
    expect(error.hint).toContain(`${ORDER_FILE}:18: TS2322: Type 'number' is not assignable to type 'string'.`);
  });

  it('is judged by the project’s own options: without strict, null is no error, though gen reads types with strictNullChecks; deprecated options are no error', () => {
    // Options this TypeScript deprecates (node10 resolution, baseUrl) are the project's toolchain, not its domain: no refusal either.
    const loose = JSON.stringify({
      compilerOptions: {
        target: 'ES2022',
        strict: false,
        module: 'CommonJS',
        moduleResolution: 'node',
        baseUrl: '.',
        skipLibCheck: true,
        noEmit: true,
      },
      include: ['src'],
    });
    const files = {
      ...ORDER_DOMAIN,
      'tsconfig.json': loose,
      'src/domain/aggregates/ordering/order-id.ts':
        'export class OrderId {\n  constructor(readonly value: string) {}\n}\n\nexport const NONE: string = null;\n',
    };

    expect(readDomain(loadProjectContext(writeProject(files)), DEFAULT_CONFIG, 'ordering').aggregate.name).toBe('Order');
  });

  it("is judged by the defaults of the project's own TypeScript: before 6, a strict left unset is off", () => {
    const unset = JSON.stringify({
      compilerOptions: { target: 'ES2022', module: 'CommonJS', skipLibCheck: true, noEmit: true },
      include: ['src'],
    });
    const files = {
      ...ORDER_DOMAIN,
      'tsconfig.json': unset,
      'src/domain/aggregates/ordering/order-id.ts':
        'export class OrderId {\n  constructor(readonly value: string) {}\n}\n\nexport function same(x) {\n  return x;\n}\n',
    };
    const onTypeScript5 = writeProject(files);
    rmSync(join(onTypeScript5, 'node_modules'));
    mkdirSync(join(onTypeScript5, 'node_modules', 'typescript'), { recursive: true });
    writeFileSync(
      join(onTypeScript5, 'node_modules', 'typescript', 'package.json'),
      JSON.stringify({ name: 'typescript', version: '5.4.5' }),
    );

    expect(readDomain(loadProjectContext(onTypeScript5), DEFAULT_CONFIG, 'ordering').aggregate.name).toBe('Order');
    // On TypeScript 6 (gen's own, installed here), strict is on unless set: x implicitly has an 'any' type.
    expect(formatError(readError(files))).toContain('TS7006');
  });
});

describe('the type check of a shared domain folder (several aggregates, one folder)', () => {
  // A flat domain folder: the ordering feature's files beside an invoice aggregate no ordering file imports.
  const shared = {
    ...ORDER_DOMAIN,
    'src/domain/aggregates/ordering/invoice.ts':
      'export class Invoice {\n  constructor(readonly id: string) {}\n}\n\nexport const due: number = "soon";\n',
    'src/domain/aggregates/ordering/refund.ts': 'export class Refund {\n  readonly amount: number = (\n}\n',
  };

  it("leaves a broken file the feature does not import to the project's tsc, and reads the feature as without it", () => {
    const read = readDomain(loadProjectContext(writeProject(shared)), DEFAULT_CONFIG, 'ordering');

    expect(read).toEqual(readDomain(loadProjectContext(writeProject(ORDER_DOMAIN)), DEFAULT_CONFIG, 'ordering'));
  });

  it('still refuses a broken file the feature imports, even through another file, at its file and line', () => {
    const files = {
      ...shared,
      'src/domain/aggregates/ordering/order-id.ts':
        "import { Currency } from '../../shared/currency';\n\nexport class OrderId {\n  constructor(readonly value: string, readonly currency?: Currency) {}\n}\n",
      'src/domain/shared/currency.ts': "export type Currency = 'EUR' | 'USD';\n\nexport const DEFAULT: Currency = 'GBP';\n",
    };
    const error = readError(files);

    expect(formatError(error)).toMatch(
      /^src\/domain\/shared\/currency.ts:3: the domain does not type-check \(1 error\): TS2322: Type '"GBP"' is not assignable to type 'Currency'./,
    );
  });
});

describe('an empty port (issue 19)', () => {
  it('is refused at its file and line', () => {
    const error = readError(withPortMethods(''));

    expect(error.location).toEqual({ file: PORT_FILE, line: 5 });
    expect(error.message).toBe('port OrderRepository declares no methods, so there is nothing to implement and no aggregate to store');
  });
});

describe("a port that stores a persistence library's own type", () => {
  it("names the type and its library, not a missing save (an Express service's port returning Prisma's Activity)", () => {
    const error = readError({
      // @prisma/client is not installed here: its generated types are unresolved, as before `prisma generate`.
      'src/domain/aggregates/ordering/activity.repository.ts': `import { Activity } from '@prisma/client';

export interface IActivityRepository {
  all(): Promise<Activity[]>;
  create(type: string, content: string): Promise<void>;
}
`,
    });
    expect(formatError(error)).toBe(
      "src/domain/aggregates/ordering/activity.repository.ts:3: port IActivityRepository takes or returns Activity from @prisma/client, a persistence library's own type, not an aggregate of the domain: gen generates the persistence of a domain class or record\n" +
        '  Declare Activity in the domain (a class, or an interface of its fields) and have IActivityRepository take and return it; or keep this repository hand-written.',
    );
  });
});

/** mapeveri's `abstract class Term` stored as Word or Expression, each adding its own terms. */
const TERMS: Record<string, string> = {
  'src/domain/aggregates/terms/term.ts': `export abstract class Term {
  constructor(
    protected readonly id: string,
    protected readonly languageId: string,
  ) {}

  getId(): string {
    return this.id;
  }

  static restore(id: string, languageId: string): Term {
    return new Word(id, languageId, []);
  }
}

export class Word extends Term {
  constructor(
    id: string,
    languageId: string,
    private readonly terms: string[],
  ) {
    super(id, languageId);
  }
}

export class Expression extends Term {
  private readonly phrase: string = '';
}
`,
  'src/domain/aggregates/terms/term.repository.ts': `import type { Term } from './term';

export interface TermRepository {
  save(term: Term): Promise<void>;
  findById(id: string): Promise<Term | null>;
}
`,
};

describe('an abstract aggregate with subclasses', () => {
  it('is refused at its file and line, naming each subclass with what it adds, though a factory of the base would rebuild some', () => {
    let error: unknown;
    try {
      readDomain(loadProjectContext(writeProject(TERMS)), DEFAULT_CONFIG, 'terms');
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(GenError);
    const { message, location, hint } = error as GenError;
    expect(location).toEqual({ file: 'src/domain/aggregates/terms/term.ts', line: 1 });
    expect(message).toBe(
      'cannot store Term: it is abstract, and what is stored is one of its subclasses Word (src/domain/aggregates/terms/term.ts:16, adding terms), Expression (src/domain/aggregates/terms/term.ts:26, adding phrase); gen stores one concrete class per table and does not map a class hierarchy (single-table inheritance) yet',
    );
    expect(hint).toContain('give each its own port taking it (`WordRepository` with `save(word: Word)`)');
  });
});
