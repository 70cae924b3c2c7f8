/**
 * Runs in a child process under tsx (see domain-probe.ts): imports the domain's modules and evaluates each
 * expression the parent sends, answering whether the domain accepted it or the message it threw.
 */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import type { ProbeAnswer, ProbeRequest, ProbeResult, ReadValue } from './domain-probe.js';

const loaded = new Map<string, Record<string, unknown>>();

/**
 * tsx (esbuild) emits no decorator metadata, and TypeORM's `@Column()` with no type reads it when the class is defined:
 * a domain class that is also an entity (allowed with "allowDomainImports") threw "Column type ... cannot be guessed"
 * here though it runs under the project's tsc or ts-jest. The probe only runs constructors, so a design type nobody
 * emitted reads as `Object`, what TypeScript itself emits for a type it cannot name. reflect-metadata (the project's)
 * is loaded first and wrapped; a later copy keeps the wrapper, as it never replaces an installed function.
 */
function designTypesAsObject(): void {
  let install: ((id: string) => unknown) | undefined;
  try {
    install = createRequire(`${process.cwd()}/package.json`);
    install('reflect-metadata');
  } catch {
    return;
  }
  const reflect = Reflect as unknown as { getMetadata?: (key: unknown, target: unknown, property?: unknown) => unknown };
  const read = reflect.getMetadata;
  if (typeof read !== 'function') return;
  reflect.getMetadata = (key, target, property) => {
    const value = read(key, target, property);
    return value === undefined && key === 'design:type' && property !== undefined ? Object : value;
  };
}

designTypesAsObject();

async function answer(request: ProbeRequest): Promise<ProbeAnswer> {
  const names: string[] = [];
  const values: unknown[] = [];
  for (const module of request.modules) {
    let exports = loaded.get(module.file);
    if (!exports) {
      try {
        exports = (await import(pathToFileURL(module.file).href)) as Record<string, unknown>;
      } catch (error) {
        return { error: `cannot import ${module.file}: ${message(error)}` };
      }
      loaded.set(module.file, exports);
    }
    for (const binding of module.bindings) {
      const value = exported(exports, binding.exported);
      if (value === undefined) return { error: `${module.file} has no export ${binding.exported}` };
      names.push(binding.local);
      values.push(value);
    }
  }
  const results = request.thunks.map((typed): ProbeResult => {
    try {
      const expression = javascript(typed);
      // The probe evaluates the expressions gen wrote, in this child process that holds nothing else.
      // eslint-disable-next-line @typescript-eslint/no-implied-eval, @typescript-eslint/no-unsafe-call
      const value: unknown = new Function(...names, `return (${expression});`)(...values);
      if (value === undefined || value === null) return { accepted: false, message: `returned ${String(value)}` };
      return request.read ? { accepted: true, value: readValue(value) } : { accepted: true };
    } catch (error) {
      return { accepted: false, message: message(error) };
    }
  });
  return { results };
}

/** A value read back as the parent can receive it (IPC carries JSON: no bigints, no Dates). */
function readValue(value: unknown): ReadValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : { other: true };
  if (typeof value === 'bigint') return { bigint: value.toString() };
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? { other: true } : value.toISOString();
  if (Array.isArray(value)) return value.map(readValue);
  return { other: true };
}

/**
 * The expression as JavaScript: a sample of a branded primitive is cast to its type (`('u-1' as UserId)`), and a
 * rebuild that writes members names its type arguments (`Object.assign<Customer, object>(...)`), which `new Function`
 * cannot parse; TypeScript drops them. Loaded only when an expression may have one.
 */
function javascript(expression: string): string {
  if (!/\bas\b|</.test(expression)) return expression;
  typescript ??= createRequire(import.meta.url)('typescript') as typeof import('typescript');
  const output = typescript
    .transpile(`const value = (${expression});`, { target: typescript.ScriptTarget.ES2022, module: typescript.ModuleKind.ESNext })
    .trim();
  const assigned = /^(?:"use strict";\s*)?const value = ([\s\S]*);$/.exec(output);
  if (!assigned) throw new Error(`cannot read ${expression} as JavaScript`);
  return assigned[1];
}

let typescript: typeof import('typescript') | undefined;

/** A named export; from ESM, a CommonJS module may keep it under `default`, and a default-exported class is its own name. */
function exported(exports: Record<string, unknown>, name: string): unknown {
  if (exports[name] !== undefined) return exports[name];
  const fallback = exports['default'];
  if (typeof fallback === 'function' && fallback.name === name) return fallback;
  return typeof fallback === 'object' && fallback !== null ? (fallback as Record<string, unknown>)[name] : undefined;
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

process.on('message', (request: ProbeRequest) => {
  void answer(request).then((reply) => process.send?.(reply));
});
