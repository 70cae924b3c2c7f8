import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Node, ts, type Type } from 'ts-morph';
import { GenError } from '../errors.js';
import type { LibraryImport, ValueType } from '../model/domain-model.js';
import { locate } from './source-location.js';

/**
 * How gen stores a date class of a library: as the Date its `toDate` method gives, rebuilt by calling `fromDate` with
 * a Date. `import`: how the module exports the first name of `fromDate` (`dayjs` is its module's default export,
 * `DateTime` a named one).
 */
export interface LibraryDateRule {
  module: string;
  type: string;
  /** Unset: whichever of toDate and toJSDate the class has. */
  toDate?: string;
  fromDate: string;
  import: 'default' | 'named';
}

/** The libraries gen knows; gen.config.json's `dateTypes` adds others (and wins over these). */
export const KNOWN_LIBRARY_DATES: readonly LibraryDateRule[] = [
  { module: 'dayjs', type: 'Dayjs', toDate: 'toDate', fromDate: 'dayjs', import: 'default' },
  { module: 'moment', type: 'Moment', toDate: 'toDate', fromDate: 'moment', import: 'default' },
  { module: 'luxon', type: 'DateTime', toDate: 'toJSDate', fromDate: 'DateTime.fromJSDate', import: 'named' },
];

/** The methods by which a library's date class is recognised: one of them takes nothing and returns a Date. */
const TO_DATE_METHODS = ['toDate', 'toJSDate'];

/**
 * A class or interface of a package (not of the project) that converts itself to a Date: stored as that Date (a
 * timestamp column, like a Date field), rebuilt with the library's own factory. One whose factory gen does not know is
 * refused at `at`, naming the gen.config.json entry that tells it. Undefined: not such a type.
 */
export function readLibraryDate(
  type: Type,
  at: Node,
  text: string,
  projectRoot: string,
  configured: readonly LibraryDateRule[],
): ValueType | undefined {
  const symbol = type.getSymbol();
  const declarations = symbol?.getDeclarations() ?? [];
  if (!symbol || declarations.length === 0) return undefined;
  if (!declarations.every((d) => (Node.isClassDeclaration(d) || Node.isInterfaceDeclaration(d)) && d.getSourceFile().isInNodeModules()))
    return undefined;
  const module = packageOf(declarations[0].getSourceFile().getFilePath());
  if (module === undefined) return undefined;
  const name = symbol.getName();
  const index = configured.findIndex((r) => r.module === module && r.type === name);
  const configuredToDate = index >= 0 ? configured[index].toDate : undefined;
  if (configuredToDate !== undefined && !returnsDate(type, configuredToDate, at))
    throw new GenError(
      `field type '${text}' is ${module}'s ${name}, which gen.config.json's dateTypes[${index}] stores through ${configuredToDate}(), but ${name} has no method ${configuredToDate}() that takes nothing and returns a Date`,
      locate(at, projectRoot),
      `Fix dateTypes[${index}].toDate in gen.config.json: the name of ${name}'s method that returns its Date (or leave it out for toDate/toJSDate).`,
    );
  const rule = index >= 0 ? configured[index] : KNOWN_LIBRARY_DATES.find((r) => r.module === module && r.type === name);
  const toDate = [...(rule?.toDate ? [rule.toDate] : []), ...TO_DATE_METHODS].find((method) => returnsDate(type, method, at));
  if (!toDate) return undefined;
  if (!rule)
    throw new GenError(
      `field type '${text}' is ${module}'s ${name}, a date (it has ${toDate}(): Date), but gen does not know how to build ${/^[AEIOU]/i.test(name) ? 'an' : 'a'} ${name} from a Date`,
      locate(at, projectRoot),
      `Tell gen in gen.config.json, e.g. "dateTypes": [{ "module": "${module}", "type": "${name}", "fromDate": "${name}.fromDate", "import": "named" }] ` +
        `(fromDate: the function or static method that takes a Date; import: how ${module} exports its first name, "named" or "default"). ` +
        'Or store a Date in the domain.',
    );
  return {
    kind: 'value-object',
    name,
    file: module,
    valueAccess: `.${toDate}()`,
    primitive: 'date',
    rehydration: {
      call: { kind: 'function', callee: rule.fromDate, ...castTo(type, at, text, projectRoot, rule) },
      arguments: [{ kind: 'field', field: 'value' }],
    },
    library: libraryImport(rule, at, declarations[0], projectRoot),
  };
}

/**
 * A date type with type arguments (luxon's `DateTime<true>`, which `DateTime.fromJSDate` does not return as such): the
 * rebuilt date is cast to it, by the class's name as the generated code imports it (the factory's first name).
 * Refused at the field when the generated code imports no such name.
 */
function castTo(type: Type, at: Node, text: string, projectRoot: string, rule: LibraryDateRule): { as?: string } {
  const args = type.getTypeArguments();
  if (args.length === 0) return {};
  const binding = rule.fromDate.split('.')[0];
  if (rule.import !== 'named' || binding !== rule.type)
    throw new GenError(
      `field type '${text}' is ${rule.module}'s ${rule.type} with type arguments, which gen cannot name in the generated code (it imports only ${binding} from ${rule.module})`,
      locate(at, projectRoot),
      `Declare the field as plain ${rule.type}, or store a Date in the domain.`,
    );
  return { as: `${rule.type}<${args.map((arg) => arg.getText(at, ts.TypeFormatFlags.UseFullyQualifiedType)).join(', ')}>` };
}

/** `node_modules/dayjs/index.d.ts` -> `dayjs`; `node_modules/@types/luxon/...` -> `luxon`; the last node_modules wins (pnpm). */
export function packageOf(path: string): string | undefined {
  const parts = path.split(/[\\/]/);
  const at = parts.lastIndexOf('node_modules');
  if (at < 0 || at + 1 >= parts.length) return undefined;
  const scoped = parts[at + 1].startsWith('@');
  const name = scoped ? `${parts[at + 1]}/${parts[at + 2]}` : parts[at + 1];
  if (name.startsWith('@types/')) {
    const typed = name.slice('@types/'.length);
    return typed.includes('__') ? `@${typed.replace('__', '/')}` : typed;
  }
  return name;
}

/** Whether `type` has a method `method()` that takes nothing and returns a Date. */
function returnsDate(type: Type, method: string, at: Node): boolean {
  const property = type.getProperty(method);
  if (!property) return false;
  return property
    .getTypeAtLocation(at)
    .getCallSignatures()
    .some((signature) => {
      const required = signature.getParameters().filter((p) => {
        const declaration = p.getValueDeclaration();
        return !(Node.isParameterDeclaration(declaration) && (declaration.isOptional() || declaration.hasInitializer()));
      });
      return required.length === 0 && signature.getReturnType().getSymbol()?.getName() === 'Date';
    });
}

/**
 * How generated code imports the factory: a named export by name; a module's default export as a default import,
 * unless the module is a CommonJS `export =` function (dayjs, moment) and the compiler options allow no default import
 * of it: then as the whole module (`import * as dayjs`), which is callable exactly there. Decided by the compiler
 * options and the module's declaration alone, never by how some file of the project happens to import it.
 */
function libraryImport(rule: LibraryDateRule, at: Node, declaration: Node, projectRoot: string): LibraryImport {
  const binding = rule.fromDate.split('.')[0];
  if (rule.import === 'named') return { module: rule.module, binding, form: 'named' };
  const exportEquals = declaration
    .getSourceFile()
    .getExportAssignments()
    .some((assignment) => assignment.isExportEquals());
  const defaultImport = !exportEquals || syntheticDefaults(at.getProject().getCompilerOptions(), typescriptMajor(projectRoot));
  return { module: rule.module, binding, form: defaultImport ? 'default' : 'namespace' };
}

/**
 * Whether a default import of a CommonJS `export =` module compiles and runs in the project: always unless
 * allowSyntheticDefaultImports is set false since TypeScript 6; before, under esModuleInterop (set, or implied by the
 * node16/nodenext/preserve module kinds), or with ES output where allowSyntheticDefaultImports (set, or implied by
 * system modules or bundler resolution) lets it compile.
 */
export function syntheticDefaults(options: ts.CompilerOptions, major: number): boolean {
  if (major >= 6) return options.allowSyntheticDefaultImports ?? true;
  const module = options.module;
  const implied =
    (module !== undefined && module >= ts.ModuleKind.Node16 && module <= ts.ModuleKind.NodeNext) || module === ts.ModuleKind.Preserve;
  const interop = options.esModuleInterop ?? implied;
  if (interop) return options.allowSyntheticDefaultImports ?? true;
  // Without esModuleInterop, CommonJS output (the default module kind, and ts-jest's) reads `dayjs_1.default`, which
  // a CommonJS `export =` module does not have: allowSyntheticDefaultImports makes it compile, not run.
  const commonJsOutput = module === undefined || module <= ts.ModuleKind.UMD;
  if (commonJsOutput) return false;
  return (
    options.allowSyntheticDefaultImports ??
    (module === ts.ModuleKind.System || options.moduleResolution === ts.ModuleResolutionKind.Bundler)
  );
}

/** The major version of the project's TypeScript (node_modules/typescript in its folder or one above it); 6, gen's own, when none is found. */
function typescriptMajor(projectRoot: string): number {
  for (let folder = projectRoot; ; folder = dirname(folder)) {
    const manifest = join(folder, 'node_modules', 'typescript', 'package.json');
    if (existsSync(manifest)) {
      const version = (JSON.parse(readFileSync(manifest, 'utf8')) as { version?: string }).version ?? '6';
      return Number(/^(\d+)/.exec(version)?.[1] ?? 6);
    }
    if (dirname(folder) === folder) return 6;
  }
}
