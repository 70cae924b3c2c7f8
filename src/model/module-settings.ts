/** A `paths` entry of the project's tsconfig, its targets made project-relative (POSIX). */
export interface PathAlias {
  /** As written: `@modules/*`, `@shared`. */
  pattern: string;
  /** Where it points, relative to the project root, in the order TypeScript tries them: `src/modules/*`. */
  targets: string[];
}

/** How the project's modules import each other: what generated imports must look like to compile there. */
export interface ModuleSettings {
  /** The tsconfig read (project-relative), or undefined when the project has none. */
  tsconfig: string | undefined;
  /** `.js` when relative imports need an extension (ESM under Node16/NodeNext resolution), else empty. */
  extension: '' | '.js';
  /** For messages and the plan: `ESM (NodeNext)`, `CommonJS`, `bundler resolution`... */
  description: string;
  aliases: PathAlias[];
  /** The aliases the project's own source imports through, most used first (empty: it imports relatively). */
  usedAliases: string[];
}

/** The settings of a project without tsconfig or package.json: bundler-style, relative imports without extension. */
export const DEFAULT_MODULE_SETTINGS: ModuleSettings = {
  tsconfig: undefined,
  extension: '',
  description: 'bundler resolution',
  aliases: [],
  usedAliases: [],
};
