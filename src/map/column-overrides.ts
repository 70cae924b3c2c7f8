import { OVERRIDE_SPELLINGS, type ColumnOverride } from '../config/column-overrides.js';
import { GenError } from '../errors.js';
import type { FieldModel } from '../model/domain-model.js';
import type { ColumnSpec, TableSpec } from './persistence-model.js';

/**
 * Sets a field's column to the type the project asked for. Only number columns take one: a JS number fits
 * a double exactly; `integer` and `decimal(P,S)` are the project's word that its values fit those.
 */
export function applyColumnOverride(column: ColumnSpec, field: FieldModel, override: ColumnOverride): void {
  if (column.kind !== 'double' || field.list) {
    const type = field.type;
    const kind =
      type.kind === 'primitive' || type.kind === 'value-object'
        ? type.primitive
        : type.kind === 'enum' || type.kind === 'literal-union'
          ? 'enum'
          : type.kind;
    const what = field.list ? 'a list, stored as JSON' : `${/^[aeiou]/.test(kind) ? 'an' : 'a'} ${kind} column`;
    throw new GenError(
      `columns: ${override.text}: ${override.table}.${override.column} is ${what}`,
      override.location,
      `Only the columns of number fields take ${OVERRIDE_SPELLINGS}.`,
    );
  }
  column.kind = override.type.kind;
  if (override.type.kind === 'decimal') Object.assign(column, { precision: override.type.precision, scale: override.type.scale });
}

/** Entries for this table that name no column of it. */
export function checkOwnOverrides(overrides: readonly ColumnOverride[], table: TableSpec): void {
  for (const override of overrides) {
    if (override.table === table.name && !table.columns.some((c) => c.name === override.column)) {
      throw new GenError(
        `columns: ${override.text} names no column of ${table.name}`,
        override.location,
        `Columns of ${table.name}: ${table.columns.map((c) => c.name).join(', ')}.`,
      );
    }
  }
}

/**
 * Entries for other tables, checked against the tables gen has generated (the schema snapshot), so a typo in
 * a column does not pass silently; each is applied when its own feature is generated. A table gen has not
 * generated yet may belong to a feature still to come: a warning, not an error, so features can be generated
 * in any order.
 */
export function checkOtherOverrides(
  overrides: readonly ColumnOverride[],
  ownTables: readonly string[],
  tables: readonly { name: string; columns: readonly { name: string }[] }[],
): string[] {
  const warnings: string[] = [];
  const ownTable = ownTables[0];
  for (const override of overrides.filter((o) => !ownTables.includes(o.table))) {
    const table = tables.find((t) => t.name === override.table);
    if (!table) {
      const known = [ownTable, ...tables.map((t) => t.name).filter((name) => name !== ownTable)];
      warnings.push(
        `${override.location.file}:${override.location.line}: columns: ${override.text} names table ${override.table}, which gen has not generated (tables: ${known.join(', ')}); it applies once its feature is generated`,
      );
    } else if (!table.columns.some((c) => c.name === override.column)) {
      throw new GenError(
        `columns: ${override.text} names no column of ${table.name}`,
        override.location,
        `Columns of ${table.name}: ${table.columns.map((c) => c.name).join(', ')}.`,
      );
    }
  }
  return warnings;
}
