import { posix } from 'node:path';
import type { ModuleSettings, PathAlias } from '../model/module-settings.js';

/**
 * The specifier with which one project file imports another (both project-relative POSIX paths), as the project's
 * module system and habits want it: `.js` on relative imports under Node's ESM resolution, and the project's
 * path alias for its own code when its source imports that way.
 */
export class ModuleSpecifiers {
  private readonly aliases: PathAlias[];

  constructor(private readonly settings: ModuleSettings) {
    // Only aliases the project uses, most used first: an alias it declares but never imports through is not its habit.
    this.aliases = settings.usedAliases.flatMap((pattern) => settings.aliases.filter((a) => a.pattern === pattern));
  }

  /** One generated file importing another: always relative, so the infrastructure moves as one folder. */
  generated(from: string, to: string): string {
    return relativeSpecifier(from, to) + this.settings.extension;
  }

  /** A generated file importing the project's own code (the domain, a shared kernel): through an alias when the project does. */
  source(from: string, to: string): string {
    for (const alias of this.aliases) {
      const specifier = aliasSpecifier(alias, to);
      if (specifier !== undefined) return specifier + (specifier === alias.pattern ? '' : this.settings.extension);
    }
    return this.generated(from, to);
  }
}

function relativeSpecifier(from: string, to: string): string {
  const relative = posix.relative(posix.dirname(from), stripExtension(to));
  return relative.startsWith('.') ? relative : `./${relative}`;
}

/** `@modules/wallet/domain/wallet` for src/modules/wallet/domain/wallet.ts under `"@modules/*": ["src/modules/*"]`. */
function aliasSpecifier(alias: PathAlias, file: string): string | undefined {
  const stem = stripExtension(file);
  for (const target of alias.targets.map((t) => posix.normalize(t))) {
    const star = target.indexOf('*');
    if (star < 0) {
      if (stripExtension(target) === stem || (posix.basename(stem) === 'index' && target === posix.dirname(stem))) return alias.pattern;
      continue;
    }
    const prefix = target.slice(0, star);
    const suffix = stripExtension(target.slice(star + 1));
    if (!stem.startsWith(prefix) || !stem.endsWith(suffix) || stem.length < prefix.length + suffix.length) continue;
    const middle = stem.slice(prefix.length, stem.length - suffix.length);
    const patternStar = alias.pattern.indexOf('*');
    return `${alias.pattern.slice(0, patternStar)}${middle}${alias.pattern.slice(patternStar + 1)}`;
  }
  return undefined;
}

function stripExtension(path: string): string {
  return path.replace(/\.(d\.)?[cm]?tsx?$/, '');
}
