import { compareText } from '../compare.js';

/** Collects named imports per module and prints them in a stable order, so generated files never churn. */
export class ImportSet {
  private readonly named = new Map<string, { names: Set<string>; typeOnly: Set<string> }>();
  private readonly sideEffects = new Set<string>();

  add(from: string, name: string, options: { typeOnly?: boolean } = {}): this {
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

  addSideEffect(from: string): this {
    this.sideEffects.add(from);
    return this;
  }

  /** Side-effect imports first, then packages, then relative paths; each group sorted. */
  lines(): string[] {
    const order = (a: string, b: string) => Number(a.startsWith('.')) - Number(b.startsWith('.')) || compareText(a, b);
    const side = [...this.sideEffects].sort(order).map((from) => `import '${from}';`);
    const named = [...this.named.keys()].sort(order).map((from) => {
      const { names, typeOnly } = this.named.get(from)!;
      const all = [...names].sort(compareText);
      if (all.length === 0) return `import type { ${[...typeOnly].sort(compareText).join(', ')} } from '${from}';`;
      const specifiers = [...all, ...[...typeOnly].map((n) => `type ${n}`)].sort((a, b) => compareText(stripType(a), stripType(b)));
      return `import { ${specifiers.join(', ')} } from '${from}';`;
    });
    return [...side, ...named];
  }
}

function stripType(specifier: string): string {
  return specifier.replace(/^type /, '');
}
