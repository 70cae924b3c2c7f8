import { join } from 'node:path';
import * as prettier from 'prettier';

/** gen's own style, for projects without a prettier config. */
export const GEN_STYLE: prettier.Options = { singleQuote: true, printWidth: 120, trailingComma: 'all', proseWrap: 'preserve' };

/**
 * The prettier options a generated file is formatted with: the project's own prettier config for that file
 * (`.prettierrc*`, `prettier.config.*`, a `prettier` key in package.json, overrides included) when it has one,
 * so generated code reads like the rest of the project, else gen's style. `.editorconfig` is not read: it
 * would make the output depend on editor settings outside prettier's config.
 */
export async function formatOptions(projectRoot: string | undefined, path: string): Promise<prettier.Options> {
  if (projectRoot === undefined) return GEN_STYLE;
  const own = await prettier.resolveConfig(join(projectRoot, path), { editorconfig: false });
  return own ?? GEN_STYLE;
}
