import { compareText } from '../compare.js';

/** Collects named imports per module and prints them in a stable order, so generated files never churn. */
export class ImportSet {
  private readonly named = new Map<string, { names: Set<string>; typeOnly: Set<string> }>();
  private readonly sideEffects = new Set<string>();
  /** `import User from './user'`: per module, the default import's name and whether it is only a type. */
  private readonly defaults = new Map<string, { name: string; typeOnly: boolean }>();
  private readonly namespaces = new Map<string, string>();

  /** `defaultExport`: the module's default export, imported under `name` (on a line of its own). */
  add(from: string, name: string, options: { typeOnly?: boolean; defaultExport?: boolean | undefined } = {}): this {
    if (options.defaultExport) {
      const seen = this.defaults.get(from);
      this.defaults.set(from, { name, typeOnly: (seen?.typeOnly ?? true) && options.typeOnly === true });
      return this;
    }
    const entry = this.named.get(from) ?? { names: new Set(), typeOnly: new Set() };
    if (options.typeOnly) {
      if (!entry.names.has(name)) entry.typeOnly.add(name);
    } else {
      entry.names.add(name);
      entry.typeOnly.delete(name);
    }
    this.named.set(from, entry);
    return this;
  }

  /** `import * as O from 'fp-ts/Option'`. */
  addNamespace(from: string, local: string): this {
    this.namespaces.set(from, local);
    return this;
  }

  addSideEffect(from: string): this {
    this.sideEffects.add(from);
    return this;
  }

  /** Side-effect imports first, then packages, then relative paths; each group sorted. */
  lines(): string[] {
    const order = (a: string, b: string) => Number(a.startsWith('.')) - Number(b.startsWith('.')) || compareText(a, b);
    const side = [...this.sideEffects].sort(order).map((from) => `import '${from}';`);
    const namespaces = [...this.namespaces.keys()].map((from) => ({
      from,
      line: `import * as ${this.namespaces.get(from)} from '${from}';`,
    }));
    const defaults = [...this.defaults.keys()].map((from) => {
      const { name, typeOnly } = this.defaults.get(from)!;
      return { from, line: `import ${typeOnly ? 'type ' : ''}${name} from '${from}';` };
    });
    const named = [...this.named.keys()].map((from) => {
      const { names, typeOnly } = this.named.get(from)!;
      const all = [...names].sort(compareText);
      if (all.length === 0) return { from, line: `import type { ${[...typeOnly].sort(compareText).join(', ')} } from '${from}';` };
      const specifiers = [...all, ...[...typeOnly].map((n) => `type ${n}`)].sort((a, b) => compareText(stripType(a), stripType(b)));
      return { from, line: `import { ${specifiers.join(', ')} } from '${from}';` };
    });
    // A module's default import comes before its named imports (`import type X from` cannot also take `{ ... }`).
    const lines = [...namespaces, ...defaults, ...named].sort((a, b) => order(a.from, b.from));
    return [...side, ...lines.map((l) => l.line)];
  }
}

function stripType(specifier: string): string {
  return specifier.replace(/^type /, '');
}
