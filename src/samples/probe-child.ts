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
      // A CommonJS module imported from ESM may keep its exports under `default`.
      const fallback = exports['default'] as Record<string, unknown> | undefined;
      names.push(binding.local);
      values.push(binding.exported in exports ? exports[binding.exported] : fallback?.[binding.exported]);
    }
  }
  const results = request.thunks.map((expression): ProbeResult => {
    try {
      const value: unknown = new Function(...names, `return (${expression});`)(...values);
      return value === undefined || value === null ? { accepted: false, message: `returned ${String(value)}` } : { accepted: true };
    } catch (error) {
      return { accepted: false, message: message(error) };
    }
  });
  return { results };
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

process.on('message', (request: ProbeRequest) => {
  void answer(request).then((reply) => process.send?.(reply));
});
