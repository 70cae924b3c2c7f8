import { Project, ts, type SourceFile } from 'ts-morph';
import { GenError, type SourceLocation } from '../errors.js';
import type { CompilerSetup } from './project-sources.js';
import { shareDeclarations } from './shared-declarations.js';
import { relativeFile } from './source-location.js';

/** How many of tsc's errors the refusal shows; the first is its location. */
const SHOWN = 5;

/**
 * Errors gen does not stop for (the project's tsc still reports them): unused declarations and imports
 * (noUnusedLocals, noUnusedParameters), unreachable code and unused labels say nothing about the types gen reads;
 * a module that cannot be found (2307, 2792; 2591 for `node:crypto` without @types/node in the types) may be the
 * infrastructure gen is about to write, which the isolation check refuses by name, or a package not installed yet.
 */
const IGNORED = new Set([2307, 2591, 2792, 6133, 6138, 6192, 6196, 6198, 6199, 6205, 7027, 7028]);

/**
 * Refuses a feature whose domain files do not type-check, with tsc's first errors (file:line), before anything is
 * read into the model: what gen would generate from a broken domain is guesswork. Only the feature's own files are
 * checked (its ports and aggregates and the project files they import, transitively: a broken file no feature
 * imports is the project's tsc's business, not this feature's), under the project's own
 * compiler options: where they do not already check null and errors are found, a second program is built without
 * gen's forced strictNullChecks, so that gen never reports an error the project's tsc does not.
 */
export function checkDomainTypes(
  files: readonly SourceFile[],
  project: Project,
  projectRoot: string,
  setup: CompilerSetup,
  ambient: readonly string[],
): void {
  if (files.length === 0) return;
  // Checking null adds errors, never removes them: a domain clean under gen's reading project is clean under the
  // project's own options, and only one that is not is checked again as configured (a second program: seconds).
  const found = errorsOf(files);
  if (found.length === 0) return;
  const errors = sameNullChecks(project, setup) ? found : errorsOf(projectAsConfigured(setup, files, ambient));
  if (errors.length === 0) return;
  const shown = errors.slice(0, SHOWN).map((d) => describe(d, projectRoot));
  const [first] = shown;
  throw new GenError(
    `the domain does not type-check (${errors.length} error${errors.length === 1 ? '' : 's'}): ${first.text}`,
    first.location,
    [
      ...shown.slice(1).map((d) => `${d.location ? `${d.location.file}:${d.location.line}: ` : ''}${d.text}`),
      `Fix ${errors.length === 1 ? 'it' : 'them'} (npx tsc --noEmit shows the same) and run gen again: gen reads the domain as tsc types it.`,
    ].join('\n  '),
  );
}

/**
 * The files' own syntax and type errors only: not the options' diagnostics (a tsconfig option this TypeScript
 * deprecates is the project's toolchain, not its domain) nor the global ones, which belong to no file.
 */
function errorsOf(files: readonly SourceFile[]): ts.Diagnostic[] {
  return files
    .flatMap((file) => {
      const program = file.getProject().getProgram().compilerObject;
      return [...program.getSyntacticDiagnostics(file.compilerNode), ...program.getSemanticDiagnostics(file.compilerNode)];
    })
    .filter((d) => d.category === ts.DiagnosticCategory.Error && !IGNORED.has(d.code));
}

function describe(diagnostic: ts.Diagnostic, projectRoot: string): { text: string; location?: SourceLocation } {
  const text = `TS${diagnostic.code}: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ')}`;
  const { file, start } = diagnostic;
  if (!file || start === undefined) return { text };
  return {
    text,
    location: {
      file: relativeFile(file.fileName, projectRoot),
      line: file.getLineAndCharacterOfPosition(start).line + 1,
    },
  };
}

/** Whether the project's own options check null as gen's reading project does (strictNullChecks forced on). */
function sameNullChecks(project: Project, setup: CompilerSetup): boolean {
  if (!setup.tsconfig) return true;
  const own = { ...setup.tsconfig.options, ...setup.defaults };
  // Unset, strict is off before TypeScript 6 (ownCompilerDefaults says so) and on since.
  const checksNull = own.strictNullChecks ?? own.strict ?? true;
  return checksNull === (project.getCompilerOptions().strictNullChecks ?? false);
}

function projectAsConfigured(setup: CompilerSetup, files: readonly SourceFile[], ambient: readonly string[]): SourceFile[] {
  const project = shareDeclarations(
    new Project({
      compilerOptions: { ...setup.tsconfig?.options, ...setup.defaults },
    }),
  );
  project.addSourceFilesAtPaths([...ambient]);
  return files.map((file) => project.addSourceFileAtPath(file.getFilePath()));
}
