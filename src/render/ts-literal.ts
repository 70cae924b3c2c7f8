/** TypeScript source that tsLiteral prints as it is (a class such as `Date`, a spread of a local). */
export class TsSource {
  constructor(readonly text: string) {}
}

/** Prints a value as a TypeScript literal with single quotes, the way the generated code is formatted. */
export function tsLiteral(value: unknown): string {
  if (value instanceof TsSource) return value.text;
  if (typeof value === 'string') return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n')}'`;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  // `BigInt('…')`, not `…n`: the project's tsconfig may target below ES2020, where bigint literals do not compile.
  if (typeof value === 'bigint') return `BigInt('${value}')`;
  if (value === null) return 'null';
  if (Array.isArray(value)) return `[${value.map(tsLiteral).join(', ')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    return `{ ${entries.map(([k, v]) => `${/^[A-Za-z_$][\w$]*$/.test(k) ? k : tsLiteral(k)}: ${tsLiteral(v)}`).join(', ')} }`;
  }
  throw new Error(`tsLiteral: cannot print ${typeof value}`);
}
