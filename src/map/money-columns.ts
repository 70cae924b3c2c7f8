import type { ColumnOverride } from '../config/column-overrides.js';
import type { FieldMapping, PersistenceModel } from './persistence-model.js';

/** Field names that hold money, as projects name them; a class named like Money or Price holds money in all its number parts. */
const MONEY_FIELD = /(amount|price|total|cost|cents|balance|fee)$/i;
const MONEY_CLASS = /(money|price|amount|cost)/i;
/** A count of the currency's minor unit (`cents`, `amountInCents`, `priceMinor`): whole numbers, so an integer column. */
const MINOR_UNITS = /(cents|pennies|minor|minorunits)$/i;

/**
 * Warnings for money stored as a double (binary floating point, where 0.1 + 0.2 is not 0.3): a number column of a
 * field named like an amount, or of a value object named like Money, that gen.config.json's `columns` does not set.
 * Each names the field's file:line and the one `columns` entry that stores it exactly (or keeps the double, silently).
 */
export function moneyColumnWarnings(model: PersistenceModel, overrides: readonly ColumnOverride[]): string[] {
  const set = new Set(overrides.map((o) => `${o.table}.${o.column}`));
  const warnings: string[] = [];
  // `valueObject`: the owner is a value object (whose class name may say it is money), not the aggregate or a child.
  const visit = (table: string, mappings: readonly FieldMapping[], owner: string, valueObject: boolean) => {
    for (const mapping of mappings) {
      const { field, column, conversion } = mapping;
      if (conversion.kind === 'composite') {
        visit(table, conversion.parts, conversion.className, true);
        continue;
      }
      if (column.kind !== 'double' || field.list || set.has(`${table}.${column.name}`)) continue;
      if (!MONEY_FIELD.test(field.name) && !(valueObject && MONEY_CLASS.test(owner))) continue;
      const key = `${table}.${column.name}`;
      const exact = MINOR_UNITS.test(field.name) ? 'integer' : 'decimal(12,2)';
      warnings.push(
        `${field.location.file}:${field.location.line}: ${owner}.${field.name} looks like money and is stored as a double (binary floating point: 0.1 + 0.2 is not 0.3); ` +
          `to store it exactly, add to gen.config.json "columns": { "${key}": "${exact}" } (or "double" to keep it and silence this)`,
      );
    }
  };
  visit(model.table.name, model.fields, model.aggregate.name, false);
  for (const child of model.children) visit(child.table.name, child.fields, child.className, false);
  return warnings;
}
