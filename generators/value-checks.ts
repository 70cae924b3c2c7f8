import type { ColumnSpec, PersistenceModel, TableSpec } from '../src/map/persistence-model.js';
import type { Artifact, GeneratorContext } from '../src/render/artifact.js';
import { ImportSet } from '../src/render/imports.js';
import type { ArtifactLayout } from '../src/layout.js';
import type { ModuleSpecifiers } from '../src/render/module-specifiers.js';
import { tsLiteral } from '../src/render/ts-literal.js';

/** The checks both repositories run before a value reaches SQL (NUL, lengths, NaN, ranges, enums, pages): one file per project. */
export function valueChecks({ layout, specifiers }: GeneratorContext): Artifact {
  const path = layout.valueChecks;
  const imports = new ImportSet().add(specifiers.generated(path, layout.persistenceErrors), 'InvalidValueError');
  return { path, template: 'value-checks.ejs', source: layout.manifest, data: { imports: imports.lines() } };
}

/** One column as support/value-checks.ts checks it: data, printed into the feature's model file. */
export function columnCheck(column: ColumnSpec): Record<string, unknown> {
  return {
    kind: column.kind,
    length: column.kind === 'string' ? column.length : undefined,
    members: column.kind === 'enum' ? column.enumValues : undefined,
    element: column.kind === 'json' ? column.jsonElement : undefined,
  };
}

function tableChecks(table: TableSpec, exclude: readonly string[] = []): Record<string, unknown> {
  return Object.fromEntries(table.columns.filter((c) => !exclude.includes(c.property)).map((c) => [c.property, columnCheck(c)]));
}

/** The name of a feature's column checks, exported by its model file: `productColumns`. */
export function columnChecksName(model: PersistenceModel): string {
  return `${model.names.variable}Columns`;
}

/** `export const productColumns: RowChecks = { columns: {…}, children: {…} };`, the version column left out (the repository owns it). */
export function columnChecksSource(model: PersistenceModel): string {
  const checks: Record<string, unknown> = { columns: tableChecks(model.table, model.version ? [model.version.property] : []) };
  if (model.children.length > 0) {
    checks['children'] = Object.fromEntries(model.children.map((child) => [child.field.name, { columns: tableChecks(child.table) }]));
  }
  return `/** What each column of the ${model.names.aggregate} aggregate's tables stores, for the checks both repositories run before a write (support/value-checks.ts). */\nexport const ${columnChecksName(model)}: RowChecks = ${tsLiteral(checks)};`;
}

/** A repository's imports for its save check (checkRow, the feature's column checks) and its methods' argument checks. */
export function addValueCheckImports(
  imports: ImportSet,
  specifiers: ModuleSpecifiers,
  path: string,
  layout: ArtifactLayout,
  model: PersistenceModel,
  plans: readonly { checkImports: string[] }[],
): void {
  const support = specifiers.generated(path, layout.valueChecks);
  imports.add(support, 'checkRow').add(specifiers.generated(path, layout.entity), columnChecksName(model));
  for (const name of new Set(plans.flatMap((p) => p.checkImports))) imports.add(support, name);
}
