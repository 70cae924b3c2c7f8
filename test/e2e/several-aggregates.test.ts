import { existsSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseManifest } from '../../src/manifest.js';
import { STRICT_COMPILER_OPTIONS, read, runGen, runTool, writeProject } from '../support/projects.js';

/**
 * A bounded context laid out `src/billing/{domain,infrastructure}` with two aggregates (issue 20): Invoice with a
 * child entity, and Payment, each with its port and injection token. `gen infra billing` generates both.
 */
const DOMAIN = 'src/billing/domain';
const PERSISTENCE = 'src/billing/infrastructure/persistence';
const MIGRATIONS = 'src/infrastructure/persistence/migrations';

const BILLING: Record<string, string> = {
  [`${DOMAIN}/invoice.ts`]: `export class InvoiceLine {
  constructor(
    readonly id: string,
    readonly description: string,
    readonly quantity: number,
  ) {}
}

export class Invoice {
  constructor(
    readonly id: string,
    public customerId: string,
    public issuedAt: Date,
    public lines: InvoiceLine[],
  ) {}
}
`,
  [`${DOMAIN}/invoice.repository.ts`]: `import { Invoice } from './invoice';

export const INVOICE_REPOSITORY = Symbol('InvoiceRepository');

export interface InvoiceRepository {
  save(invoice: Invoice): Promise<void>;
  findById(id: string): Promise<Invoice | null>;
  findByCustomerId(customerId: string): Promise<Invoice[]>;
}
`,
  [`${DOMAIN}/payment.ts`]: `export class Payment {
  constructor(
    readonly id: string,
    public invoiceId: string,
    public paidAt: Date,
  ) {}
}
`,
  [`${DOMAIN}/payment.repository.ts`]: `import { Payment } from './payment';

export const PAYMENT_REPOSITORY = Symbol('PaymentRepository');

export interface PaymentRepository {
  save(payment: Payment): Promise<void>;
  findById(id: string): Promise<Payment | null>;
  findByInvoiceId(invoiceId: string): Promise<Payment[]>;
}
`,
  // Nest: one persistence module for the feature, providing both tokens.
  'gen.config.json': '{ "framework": "nest" }',
  'tsconfig.json': JSON.stringify({
    compilerOptions: { ...STRICT_COMPILER_OPTIONS, module: 'ESNext', moduleResolution: 'bundler' },
    include: ['src', 'test'],
  }),
  'vitest.config.ts':
    "import { defineConfig } from 'vitest/config';\nexport default defineConfig({ test: { include: ['test/**/*.test.ts'] } });\n",
};

/** The migration the first run writes. */
const created = `${Date.parse('2030-01-01T00:00:00Z')}-CreateInvoicesAndPaymentsAndInvoiceLines.ts`;

const at = (day: number) => ['--now', `2030-01-0${day}T00:00:00Z`];

/** Every file of the project (node_modules aside), to check that a run changed nothing or only some. */
function tree(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (folder: string) => {
    for (const name of readdirSync(folder)) {
      const path = join(folder, name);
      if (name === 'node_modules') continue;
      if (statSync(path).isDirectory()) walk(path);
      else files[relative(dir, path)] = readFileSync(path, 'utf8');
    }
  };
  walk(dir);
  return files;
}

function changedPaths(before: Record<string, string>, after: Record<string, string>): string[] {
  return [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((p) => before[p] !== after[p]).sort();
}

function expectGreen(dir: string): void {
  const tsc = runTool('tsc', ['-p', 'tsconfig.json', '--noEmit'], dir);
  expect(tsc.output).toBe('');
  const tests = runTool('vitest', ['run'], dir);
  expect(tests.status, tests.output).toBe(0);
  expect(tests.output).toMatch(/Test Files\s+3 passed/);
}

async function generate(dir: string, feature: string, ...args: string[]) {
  const run = await runGen(['infra', feature, '--cwd', dir, ...args]);
  // Warnings about the plan method's prerequisites and the money-like column are expected here.
  return { ...run, errors: run.err.split('\n').filter((line) => line !== '' && !line.startsWith('gen: warning:')) };
}

describe('a feature of several aggregates', () => {
  /** The project the first two tests generate and then change, in order. */
  let dir = '';

  it('generates each aggregate with one migration, one plan, one manifest entry and one Nest module, compiles and passes; a second run writes nothing', async () => {
    dir = writeProject(BILLING, { compiled: true });

    const run = await generate(dir, 'billing', ...at(1));

    expect(run.errors).toEqual([]);
    expect(run.code).toBe(0);
    for (const aggregate of ['invoice', 'payment']) {
      for (const path of ['models', 'mappers', 'repositories', 'in-memory'])
        expect(
          existsSync(
            join(
              dir,
              `${PERSISTENCE}/${path}/${aggregate}.${path === 'models' ? 'model' : path === 'mappers' ? 'mapper' : 'repository'}.ts`,
            ),
          ),
        ).toBe(true);
      expect(existsSync(join(dir, `test/billing/${aggregate}.repository.test.ts`))).toBe(true);
    }
    expect(readdirSync(join(dir, MIGRATIONS))).toEqual([created]);
    expect(read(dir, `${MIGRATIONS}/${created}`)).toContain('the tables of the Invoice and Payment aggregates');

    const manifest = parseManifest(read(dir, '.gen/manifest.json'), '.gen/manifest.json');
    expect(Object.keys(manifest.features)).toEqual(['billing']);
    expect(manifest.features['billing'].entities.map((e) => e.className)).toEqual(['InvoiceModel', 'InvoiceLineModel', 'PaymentModel']);
    expect(manifest.features['billing'].migrations.map((m) => m.className)).toEqual([
      `CreateInvoicesAndPaymentsAndInvoiceLines${Date.parse('2030-01-01T00:00:00Z')}`,
    ]);
    const index = read(dir, 'src/infrastructure/persistence/index.ts');
    expect(index).toContain('export const entities = [InvoiceLineModel, InvoiceModel, PaymentModel];');

    const plan = read(dir, 'documentation/plans/billing/003-infrastructure-layer.md');
    expect(plan.match(/^#{1,2} .*$/gm)).toEqual(['# billing - Infrastructure Layer Plan', '## Invoice', '## Payment']);

    const nest = read(dir, `${PERSISTENCE}/billing-persistence.module.ts`);
    expect(nest).toContain('export class BillingPersistenceModule {}');
    expect(nest).toContain('exports: [INVOICE_REPOSITORY, PAYMENT_REPOSITORY],');
    expect(readdirSync(join(dir, PERSISTENCE)).filter((name) => name.endsWith('.module.ts'))).toEqual(['billing-persistence.module.ts']);

    expectGreen(dir);

    const before = tree(dir);
    const again = await generate(dir, 'billing', ...at(2));
    expect(again.errors).toEqual([]);
    expect(again.out).toContain('Nothing to change.');
    expect(tree(dir)).toEqual(before);
  });

  it("regenerates a change to one aggregate alone, refuses naming one aggregate of the feature, and drops a removed port's files and tables only with --allow-data-loss", async () => {
    expect(dir, 'the project the test above generated').not.toBe('');
    // A new field of Payment: one migration, touching payments only, and none of Invoice's files.
    const payment = `${DOMAIN}/payment.ts`;
    writeFileSync(
      join(dir, payment),
      read(dir, payment).replace('    public paidAt: Date,\n', '    public paidAt: Date,\n    public note?: string,\n'),
    );
    const edited = tree(dir);
    const added = await generate(dir, 'billing', ...at(3));
    expect(added.errors).toEqual([]);
    expect(added.code).toBe(0);
    const addNote = `${Date.parse('2030-01-03T00:00:00Z')}-AddNoteToPayments.ts`;
    expect(readdirSync(join(dir, MIGRATIONS))).toEqual([created, addNote]);
    const migration = read(dir, `${MIGRATIONS}/${addNote}`);
    expect(migration).toMatch(/queryRunner\.addColumn\(\s*'payments'/);
    expect(migration).toContain('Changes the tables of the Payment aggregate:');
    expect(migration).not.toMatch(/invoice/i);
    expect(changedPaths(edited, tree(dir))).toEqual([
      '.gen/manifest.json',
      '.gen/schema.json',
      'documentation/plans/billing/003-infrastructure-layer.md',
      `${PERSISTENCE}/mappers/payment.mapper.ts`,
      `${PERSISTENCE}/models/payment.model.ts`,
      'src/infrastructure/persistence/index.ts',
      `${MIGRATIONS}/${addNote}`,
      'test/billing/payment.repository.test.ts',
    ]);
    // Its suites ran above; the changed files still compile.
    expect(runTool('tsc', ['-p', 'tsconfig.json', '--noEmit'], dir).output).toBe('');

    // Naming one of its aggregates is refused, naming the feature that generates it; nothing is written.
    const settled = tree(dir);
    const invoice = await generate(dir, 'invoice', ...at(4));
    expect(invoice.code).not.toBe(0);
    expect(invoice.err).toContain(
      `${DOMAIN}/invoice.ts:9: Invoice is already generated by feature 'billing' (InvoiceModel in ${PERSISTENCE}/models/invoice.model.ts)`,
    );
    expect(tree(dir)).toEqual(settled);

    // A field of Payment removed: the refusal names Payment's file, not the feature's first aggregate.
    const withNote = read(dir, payment);
    writeFileSync(join(dir, payment), withNote.replace('    public note?: string,\n', ''));
    const lossy = await generate(dir, 'billing', ...at(5));
    expect(lossy.code).not.toBe(0);
    expect(lossy.err).toContain(`gen: ${payment}:1: the domain change loses data`);
    expect(lossy.err).toContain('drops column payments.note');
    writeFileSync(join(dir, payment), withNote);

    // Payment's port removed: its tables go only with --allow-data-loss, its files with them.
    renameSync(join(dir, `${DOMAIN}/payment.repository.ts`), join(dir, 'payment.repository.ts.removed'));
    const refused = await generate(dir, 'billing', ...at(5));
    expect(refused.code).not.toBe(0);
    expect(refused.err).toContain('drops table payments and all its rows');
    const dropped = await generate(dir, 'billing', ...at(5), '--allow-data-loss');
    expect(dropped.errors).toEqual([]);
    expect(dropped.code).toBe(0);
    expect(readdirSync(join(dir, MIGRATIONS))).toEqual([created, addNote, `${Date.parse('2030-01-05T00:00:00Z')}-DropPayments.ts`]);
    expect(readdirSync(join(dir, `${PERSISTENCE}/models`))).toEqual(['invoice.model.ts']);
    expect(existsSync(join(dir, 'test/billing/payment.repository.test.ts'))).toBe(false);
    const tsc = runTool('tsc', ['-p', 'tsconfig.json', '--noEmit'], dir);
    expect(tsc.output).toBe('');
  });

  it('refuses the feature when one of its aggregates is generated by another, naming that feature', async () => {
    const dir = writeProject(BILLING);
    const invoice = await generate(dir, 'invoice', ...at(1));
    expect(invoice.errors).toEqual([]);
    expect(invoice.code).toBe(0);
    const before = tree(dir);

    const billing = await generate(dir, 'billing', ...at(2));

    expect(billing.code).not.toBe(0);
    expect(billing.err).toContain("Invoice is already generated by feature 'invoice'");
    expect(billing.err).toContain('Run npx --no gen infra invoice');
    expect(tree(dir)).toEqual(before);
  });

  it("lists every aggregate's ports, in the output and in --json", async () => {
    const dir = writeProject(BILLING);

    const text = await generate(dir, 'billing', ...at(1), '--dry-run');
    const json = await generate(dir, 'billing', ...at(1), '--dry-run', '--json');

    expect(text.errors).toEqual([]);
    expect(text.out.split('\n').filter((line) => /^(Ports|Left alone):/.test(line))).toEqual([
      'Ports: InvoiceRepository (implemented by TypeOrmInvoiceRepository and InMemoryInvoiceRepository)',
      'Ports: PaymentRepository (implemented by TypeOrmPaymentRepository and InMemoryPaymentRepository)',
      `Left alone: INVOICE_REPOSITORY (${DOMAIN}/invoice.repository.ts:3): a dependency-injection token, not a type`,
      `Left alone: PAYMENT_REPOSITORY (${DOMAIN}/payment.repository.ts:3): a dependency-injection token, not a type`,
    ]);
    const plan = JSON.parse(json.out) as { ports: { implemented: { name: string }[]; leftAlone: { name: string }[] } };
    expect(plan.ports.implemented.map((p) => p.name)).toEqual(['InvoiceRepository', 'PaymentRepository']);
    expect(plan.ports.leftAlone.map((p) => p.name)).toEqual(['INVOICE_REPOSITORY', 'PAYMENT_REPOSITORY']);
  });

  it('refuses two aggregates whose entity classes would share a name, naming both, and writes nothing', async () => {
    const sales = 'src/sales/domain';
    const aggregate = (name: string) => ({
      [`${sales}/${name.toLowerCase()}.ts`]: `import { Line } from './line';\n\nexport class ${name} {\n  constructor(\n    readonly id: string,\n    public lines: Line[],\n  ) {}\n}\n`,
      [`${sales}/${name.toLowerCase()}.repository.ts`]: `import { ${name} } from './${name.toLowerCase()}';\n\nexport interface ${name}Repository {\n  save(${name.toLowerCase()}: ${name}): Promise<void>;\n}\n`,
    });
    const dir = writeProject({
      [`${sales}/line.ts`]: 'export class Line {\n  constructor(\n    readonly id: string,\n    readonly quantity: number,\n  ) {}\n}\n',
      ...aggregate('Invoice'),
      ...aggregate('Quote'),
    });
    const before = tree(dir);

    const run = await generate(dir, 'sales', ...at(1));

    expect(run.code).toBe(2);
    expect(run.errors[0]).toBe(
      `gen: ${sales}/quote.ts:3: Invoice and Quote both map to LineModel: the feature's aggregates need tables and entity classes of their own`,
    );
    expect(tree(dir)).toEqual(before);
  });
});
