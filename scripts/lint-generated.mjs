#!/usr/bin/env node
// Lints the code gen generated in each example with typescript-eslint's recommendedTypeChecked, under the
// example's own tsconfig: teams that lint with it must not have to exclude gen's output (issue 21).
// Usage: node scripts/lint-generated.mjs [example-dir ...]   (default: every folder under examples/)
// Prints each error as file:line rule and exits 1 if there is any.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';

const root = resolve(fileURLToPath(import.meta.url), '../..');

/** The TypeScript files gen wrote in an example: its manifest lists them; user-owned files are not in it. */
function generatedFiles(exampleDir) {
  const manifest = JSON.parse(readFileSync(join(exampleDir, '.gen/manifest.json'), 'utf8'));
  return Object.keys(manifest.files).filter((file) => file.endsWith('.ts'));
}

export async function lintExample(exampleDir) {
  const eslint = new ESLint({
    cwd: exampleDir,
    // The examples have no eslint config of their own: the whole config is this one.
    overrideConfigFile: true,
    overrideConfig: [
      ...tseslint.configs.recommendedTypeChecked,
      { languageOptions: { parserOptions: { project: join(exampleDir, 'tsconfig.json'), tsconfigRootDir: exampleDir } } },
    ],
  });
  const results = await eslint.lintFiles(generatedFiles(exampleDir).map((file) => join(exampleDir, file)));
  return results.flatMap((result) =>
    result.messages
      .filter((message) => message.severity === 2)
      .map((message) => `${relative(root, result.filePath)}:${message.line} ${message.ruleId ?? message.message}`),
  );
}

async function main() {
  const args = process.argv.slice(2);
  const examples =
    args.length > 0
      ? args.map((dir) => resolve(dir))
      : readdirSync(join(root, 'examples'))
          .map((name) => join(root, 'examples', name))
          .filter((dir) => existsSync(join(dir, '.gen/manifest.json')));
  let errors = 0;
  for (const dir of examples) {
    const found = await lintExample(dir);
    errors += found.length;
    for (const line of found) console.log(line);
    console.error(`${relative(root, dir)}: ${found.length} error(s)`);
  }
  process.exitCode = errors > 0 ? 1 : 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
