/**
 * Runs in a child process under tsx (see domain-probe.ts): imports the domain's modules and evaluates each
 * expression the parent sends, answering whether the domain accepted it or the message it threw.
 */
import { pathToFileURL } from 'node:url';
import type { ProbeAnswer, ProbeRequest, ProbeResult } from './domain-probe.js';

const loaded = new Map<string, Record<string, unknown>>();

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
  const results = request.thunks.map((expression): ProbeResult => {
    try {
      // The probe evaluates the expressions gen wrote, in this child process that holds nothing else.
      // eslint-disable-next-line @typescript-eslint/no-implied-eval, @typescript-eslint/no-unsafe-call
      const value: unknown = new Function(...names, `return (${expression});`)(...values);
      return value === undefined || value === null ? { accepted: false, message: `returned ${String(value)}` } : { accepted: true };
    } catch (error) {
      return { accepted: false, message: message(error) };
    }
  });
  return { results };
}

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
