import { describe, expect, it } from 'vitest';
import { mapFeature } from '../../src/map/map-feature.js';
import { moneyColumnWarnings } from '../../src/map/money-columns.js';
import { loadProjectContext } from '../../src/project-context.js';
import { readFeature } from '../../src/read/domain-reader.js';
import { writeProject } from '../support/projects.js';

const DIR = 'src/domain/aggregates/invoices';
const INVOICES: Record<string, string> = {
  [`${DIR}/money.ts`]: 'export class Money {\n  constructor(\n    readonly amount: number,\n    readonly currency: string,\n  ) {}\n}\n',
  [`${DIR}/line.ts`]:
    'export class Line {\n  constructor(\n    readonly id: string,\n    readonly unitPrice: number,\n    readonly quantity: number,\n  ) {}\n}\n',
  [`${DIR}/invoice.ts`]: `import { Line } from './line';
import { Money } from './money';

export class Invoice {
  constructor(
    readonly id: string,
    public total: number,
    public discount: Money,
    public weight: number,
    public lines: Line[],
  ) {}
}
`,
  [`${DIR}/invoice.repository.ts`]:
    "import { Invoice } from './invoice';\n\nexport interface InvoiceRepository {\n  save(invoice: Invoice): Promise<void>;\n}\n",
};

function warningsOf(config?: object, files = INVOICES): string[] {
  const dir = writeProject({ ...files, ...(config ? { 'gen.config.json': JSON.stringify(config) } : {}) });
  const context = loadProjectContext(dir);
  const loaded = context.config;
  const { domain } = readFeature(context, loaded, 'invoices', {});
  return moneyColumnWarnings(mapFeature(domain, loaded.columns, loaded.concurrency), loaded.columns);
}

describe('money stored as a double', () => {
  it('is named with its file:line and the columns entry that stores it exactly: amounts, prices, a Money class', () => {
    const warnings = warningsOf();
    expect(warnings).toHaveLength(3);
    expect(warnings[0]).toMatch(
      /^src\/domain\/aggregates\/invoices\/invoice\.ts:7: Invoice\.total looks like money .* "columns": \{ "invoices\.total": "decimal\(12,2\)" \}/,
    );
    expect(warnings[1]).toMatch(
      /^src\/domain\/aggregates\/invoices\/money\.ts:3: Money\.amount looks like money .* "invoices\.discount_amount"/,
    );
    expect(warnings[2]).toMatch(/^src\/domain\/aggregates\/invoices\/line\.ts:4: Line\.unitPrice looks like money/);
    expect(warnings.join('\n')).not.toMatch(/weight|quantity|currency/);
  });

  it('proposes an integer column for an amount in minor units: cents are whole numbers, decimal(12,2) would invite fractions', () => {
    const cents = { ...INVOICES, [`${DIR}/money.ts`]: INVOICES[`${DIR}/money.ts`].replace('amount', 'cents') };
    const warnings = warningsOf(undefined, cents);
    expect(warnings).toHaveLength(3);
    expect(warnings[1]).toMatch(
      /^src\/domain\/aggregates\/invoices\/money\.ts:3: Money\.cents looks like money .* "columns": \{ "invoices\.discount_cents": "integer" \}/,
    );
    expect(warnings[0]).toContain('"invoices.total": "decimal(12,2)"');
  });

  it('says nothing once gen.config.json decides the column, either way', () => {
    const warnings = warningsOf({ columns: { 'invoices.total': 'decimal(12,2)', 'invoices.discount_amount': 'double' } });
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('Line.unitPrice');
  });

  it('reads a class name as money only for a value object: a child entity named PriceLine keeps its quantity', () => {
    const renamed = Object.fromEntries(Object.entries(INVOICES).map(([path, text]) => [path, text.replaceAll('Line', 'PriceLine')]));
    const warnings = warningsOf(undefined, renamed);
    expect(warnings).toHaveLength(3);
    expect(warnings[2]).toContain('PriceLine.unitPrice');
    expect(warnings.join('\n')).not.toContain('quantity');
  });
});
