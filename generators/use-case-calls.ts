import type { ApplicationModel, PortCall } from '../src/model/application-model.js';
import type { PortModel } from '../src/model/domain-model.js';

/** The use cases that call one port method, with the lines of the calls. */
export interface MethodCallers {
  useCase: string;
  file: string;
  lines: number[];
}

export function callersOf(method: string, application: ApplicationModel): MethodCallers[] {
  return application.useCases
    .map((u) => ({ useCase: u.name, file: u.file, lines: u.calls.filter((c) => c.method === method).map((c) => c.location.line) }))
    .filter((c) => c.lines.length > 0);
}

/** The port's methods that no use case calls, in the port's order. */
export function uncalledMethods(port: PortModel, application: ApplicationModel): string[] {
  return port.methods.map((m) => m.name).filter((name) => callersOf(name, application).length === 0);
}

/** The port methods one use case calls, in the order of their first call, each with the lines of its calls. */
export function callsByMethod(calls: readonly PortCall[]): { method: string; lines: number[]; inLoop: boolean }[] {
  const byMethod = new Map<string, { method: string; lines: number[]; inLoop: boolean }>();
  for (const call of calls) {
    const entry = byMethod.get(call.method) ?? { method: call.method, lines: [], inLoop: false };
    entry.lines.push(call.location.line);
    entry.inLoop ||= call.inLoop;
    byMethod.set(call.method, entry);
  }
  return [...byMethod.values()];
}
