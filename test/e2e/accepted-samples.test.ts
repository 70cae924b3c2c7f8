import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { databaseServers } from '../support/databases.js';
import { generateAndRun, runGen, runTool, writeProject } from '../support/projects.js';

const servers = await databaseServers();

// Value objects that validate what they wrap, as issue 18 found gen's guessed samples refused: an id that must be
// a UUID (not named like Uuid), ISO currency with an amount in whole cents, an e-mail on allowed providers, a name
// of at most 10 characters, a code matching a pattern; and an aggregate that refuses a % in its note.
const DIR = 'src/domain/aggregates/invoices';
const INVOICES: Record<string, string> = {
  [`${DIR}/invoice-id.ts`]: `const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

export class InvoiceId {
  constructor(readonly value: string) {
    if (!UUID.test(value)) throw new Error(\`InvoiceId must be a UUID, got '\${value}'\`);
  }
}
`,
  [`${DIR}/money.ts`]: `const CURRENCIES = ['EUR', 'USD', 'GBP', 'JPY', 'CHF'];

export class Money {
  constructor(
    readonly amount: number,
    readonly currency: string,
  ) {
    if (!Number.isInteger(amount) || amount < 0) throw new Error(\`Money.amount is whole cents, got \${amount}\`);
    if (!CURRENCIES.includes(currency)) throw new Error(\`Money.currency must be an ISO 4217 code, got '\${currency}'\`);
  }
}
`,
  [`${DIR}/email.ts`]: `export class Email {
  private constructor(readonly value: string) {}

  static create(value: string): Email {
    const domain = value.split('@')[1];
    if (domain !== 'gmail.com' && domain !== 'outlook.com') throw new Error(\`Email must be on gmail.com or outlook.com, got '\${value}'\`);
    return new Email(value);
  }
}
`,
  [`${DIR}/customer-name.ts`]: `export class CustomerName {
  constructor(readonly value: string) {
    if (value.trim() === '' || value.length > 10) throw new Error(\`CustomerName takes 1 to 10 characters, got '\${value}'\`);
  }
}
`,
  [`${DIR}/invoice-code.ts`]: `export class InvoiceCode {
  constructor(readonly value: string) {
    if (!/^[A-Z]{3}-\\d{4}$/.test(value)) throw new Error(\`InvoiceCode looks like ABC-1234, got '\${value}'\`);
  }
}
`,
  [`${DIR}/reference.ts`]: `export class Reference {
  constructor(readonly value: string) {
    if (!/^REF\\d{3}$/.test(value)) throw new Error(\`Reference looks like REF123, got '\${value}'\`);
  }
}
`,
  [`${DIR}/invoice.ts`]: `import { CustomerName } from './customer-name';
import { Email } from './email';
import { InvoiceCode } from './invoice-code';
import { InvoiceId } from './invoice-id';
import { Money } from './money';

export class Invoice {
  constructor(
    readonly id: InvoiceId,
    public email: Email,
    public customer: CustomerName,
    readonly code: InvoiceCode,
    public total: Money,
    readonly issuedAt: Date,
    readonly reference: string,
    public note?: string,
  ) {
    if (note?.includes('%')) throw new Error('Invoice.note takes no %');
  }
}
`,
  [`${DIR}/invoice.repository.ts`]: `import { Email } from './email';
import { Invoice } from './invoice';
import { InvoiceCode } from './invoice-code';
import { InvoiceId } from './invoice-id';
import { Reference } from './reference';

export interface InvoiceRepository {
  save(invoice: Invoice): Promise<void>;
  findById(id: InvoiceId): Promise<Invoice | null>;
  findAll(): Promise<Invoice[]>;
  delete(id: InvoiceId): Promise<void>;
  findByCode(code: InvoiceCode): Promise<Invoice | null>;
  findByEmail(email: Email): Promise<Invoice[]>;
  countByIssuedAtBefore(date: Date): Promise<number>;
  findByReference(reference: Reference): Promise<Invoice[]>;
}
`,
};

function generatedTest(dir: string): string {
  const found = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter(
    (path) =>
      !path.startsWith('node_modules/') && (path.endsWith('invoice.repository.test.ts') || path.endsWith('invoice-repository.test.ts')),
  );
  expect(found).toHaveLength(1);
  return join(dir, found[0]);
}

it('samples are values the domain accepts: the generated suite builds them and passes on every database', async () => {
  const { dir } = await generateAndRun(INVOICES, 'invoices');
  const test = readFileSync(generatedTest(dir), 'utf8');
  // UUIDs for the id, allowed providers, a name of at most 10 characters, a code that matches, whole cents.
  expect(test).toContain("new InvoiceId('");
  expect(test).not.toContain("new InvoiceId('invoice-1')");
  expect(test).toMatch(/Email\.create\('[a-z]+@gmail\.com'\)/);
  expect(test).toMatch(/new InvoiceCode\('[A-Z]{3}-\d{4}'\)/);
  expect(test).not.toContain("'name alpha_%'");
  // The aggregate's own rule refuses one probe (a % in the note): only that one is replaced.
  expect(test).toContain("'Note Alpha'");
  expect(test).toContain("'NOTE ALPHA'");
  expect(test).not.toContain("'note alpha_%'");
  expect(test).not.toMatch(/new Money\(\d+\.\d+/);
  // A plain field the port takes wrapped in a value object: its samples suit the wrapper.
  expect(test).toMatch(/findByReference\(new Reference\('REF\d{3}'\)\)/);

  for (const server of servers) {
    if (!server.run) continue;
    const tests = runTool('vitest', ['run'], dir, { GEN_TEST_DATABASE_URL: server.url });
    expect(tests.status, `${server.name}: ${tests.output}`).toBe(0);
  }
});

it('a samples entry in gen.config.json comes first', async () => {
  const dir = writeProject({
    ...INVOICES,
    'gen.config.json': JSON.stringify({
      samples: { 'Money.currency': ['CHF', 'GBP', 'USD', 'EUR'], 'Invoice.code': ['XYZ-0001', 'XYZ-0002', 'XYZ-0003', 'XYZ-0004'] },
    }),
  });
  const run = await runGen(['infra', 'invoices', '--cwd', dir, '--now', '2024-06-01T00:00:00Z']);
  expect(run.code, run.err).toBe(0);
  const test = readFileSync(generatedTest(dir), 'utf8');
  expect(test).toMatch(/new Money\(\d+, 'CHF'\)/);
  expect(test).toContain("new InvoiceCode('XYZ-0001')");
});

it('a value object that accepts nothing stops gen with exit 2, its own message and the samples entry that fixes it; nothing is written', async () => {
  const files = {
    ...INVOICES,
    [`${DIR}/invoice-code.ts`]: `export class InvoiceCode {
  constructor(readonly value: string) {
    throw new Error(\`InvoiceCode is never valid: '\${value}'\`);
  }
}
`,
  };
  const dir = writeProject(files);
  // The project's own files: node_modules links to this repository's, where other test files write at the same time.
  const listing = () =>
    readdirSync(dir, { recursive: true, encoding: 'utf8' })
      .filter((path) => path !== 'node_modules' && !path.startsWith('node_modules/'))
      .sort();
  const before = listing();
  const run = await runGen(['infra', 'invoices', '--cwd', dir, '--now', '2024-06-01T00:00:00Z']);
  expect(run.code).toBe(2);
  expect(run.err).toContain(`${DIR}/invoice.ts`);
  expect(run.err).toContain('Invoice.code: InvoiceCode accepts none of the sample values gen tried');
  expect(run.err).toContain("it says: InvoiceCode is never valid: '");
  expect(run.err).toContain('"samples": { "Invoice.code": [');
  expect(listing()).toEqual(before);
});
