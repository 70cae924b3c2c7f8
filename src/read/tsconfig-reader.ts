import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ts } from 'ts-morph';
import { GenError } from '../errors.js';
import { toPosix } from '../paths.js';

export const TSCONFIG = 'tsconfig.json';

/**
 * The project's tsconfig.json as tsc reads it: with TypeScript's own parser (comments and trailing commas are
 * fine, as they are to tsc) and its `extends` chains, packages such as `@tsconfig/node20` included. Undefined
 * when the project has none.
 */
export function readTsconfig(projectRoot: string, folder = ''): ts.ParsedCommandLine | undefined {
  const dir = folder === '' ? projectRoot : join(projectRoot, folder);
  const configPath = join(dir, TSCONFIG);
  if (!existsSync(configPath)) return undefined;
  const name = folder === '' ? TSCONFIG : `${folder}/${TSCONFIG}`;
  const read = ts.readConfigFile(configPath, (path) => ts.sys.readFile(path));
  if (read.error) throw configError(read.error, projectRoot, `Fix ${name} so that tsc can read it.`, name);
  const parsed = ts.parseJsonConfigFileContent(read.config, ts.sys, dir, undefined, configPath);
  // A missing `extends` target changes every option after it; anything else tsc reports is the project's business.
  const unreadable = parsed.errors.find((e) => e.code === 5083 || e.code === 6053 || e.code === 18001);
  if (unreadable)
    throw configError(
      unreadable,
      projectRoot,
      `Install the package ${name} extends (npm install), or fix the path in its 'extends'.`,
      name,
    );
  return parsed;
}

/** Located in the file tsc read it from: tsconfig.json, or a config it extends. */
function configError(diagnostic: ts.Diagnostic, projectRoot: string, hint: string, name = TSCONFIG): GenError {
  const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ');
  const line =
    diagnostic.file && diagnostic.start !== undefined ? diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start).line + 1 : 1;
  const file = diagnostic.file ? toPosix(relative(projectRoot, diagnostic.file.fileName)) : name;
  return new GenError(`${file}: ${message}`, { file, line }, hint);
}
