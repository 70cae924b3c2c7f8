import type { Project, ts } from 'ts-morph';

/**
 * Declaration files from node_modules (TypeScript's libs, @types/node, a package's typings), parsed once per process
 * and shared by every Project gen builds in it, as TypeScript's own language service shares them between programs.
 * Parsing @types/node alone costs about a second per read; a process that reads more than once (the test suite,
 * a library caller, a run over several aggregates) pays it once. Keyed by path and target, and used
 * only while the file's text is the same.
 */
const parsed = new Map<string, { text: string; file: ts.SourceFile }>();

type Registry = {
  createOrUpdateSourceFile(
    fileName: string,
    settings: ts.CompilerOptions,
    snapshot: ts.IScriptSnapshot,
    kind?: ts.ScriptKind,
  ): ts.SourceFile;
  acquireDocument(
    fileName: string,
    settings: ts.CompilerOptions,
    snapshot: ts.IScriptSnapshot,
    version: string,
    kind?: ts.ScriptKind,
  ): ts.SourceFile;
};

const DECLARATION = /[\\/]node_modules[\\/].*\.d\.[cm]?ts$/;

export function shareDeclarations(project: Project): Project {
  // ts-morph keeps its registry on an internal context: without it (another ts-morph), gen parses as before.
  const registry = (
    project as unknown as {
      _context?: { compilerFactory?: { documentRegistry?: Registry } };
    }
  )._context?.compilerFactory?.documentRegistry;
  if (!registry) return project;
  const create = registry.createOrUpdateSourceFile.bind(registry);
  registry.createOrUpdateSourceFile = (fileName, settings, snapshot, kind) => {
    if (!DECLARATION.test(fileName)) return create(fileName, settings, snapshot, kind);
    const text = snapshot.getText(0, snapshot.getLength());
    const hit = parsed.get(key(fileName, settings));
    if (hit?.text === text) return hit.file;
    const file = create(fileName, settings, snapshot, kind);
    parsed.set(key(fileName, settings), { text, file });
    return file;
  };
  // The language service (find references) asks for the same files by version: the shared one is version "0".
  const acquire = registry.acquireDocument.bind(registry);
  registry.acquireDocument = (fileName, settings, snapshot, version, kind) => {
    if (!DECLARATION.test(fileName) || version !== '0') return acquire(fileName, settings, snapshot, version, kind);
    const text = snapshot.getText(0, snapshot.getLength());
    const hit = parsed.get(key(fileName, settings));
    if (hit?.text === text) return hit.file;
    const file = acquire(fileName, settings, snapshot, version, kind);
    parsed.set(key(fileName, settings), { text, file });
    return file;
  };
  return project;
}

/** A declaration file is parsed alike whatever script kind is asked for; its target decides its syntax. */
function key(fileName: string, settings: ts.CompilerOptions): string {
  return `${fileName}\0${settings.target ?? ''}`;
}
