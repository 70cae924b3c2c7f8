import type { PortMethod, TypeUse } from '../src/model/domain-model.js';

/** `async findById(id: OrderId): Promise<Order | null>`: a port method as its implementations declare it. */
export function methodSignature(method: PortMethod): string {
  const parameters = method.parameters.map((p) => `${p.name}${p.optional ? '?' : ''}: ${typeUseText(p.use)}`).join(', ');
  return `async ${method.name}(${parameters}): Promise<${typeUseText(method.returns)}>`;
}

export function typeUseText(use: TypeUse): string {
  const base = use.type.kind === 'primitive' ? (use.type.primitive === 'date' ? 'Date' : use.type.primitive) : use.type.kind === 'void' ? 'void' : use.type.name;
  const list = use.list ? `${base}[]` : base;
  return use.absent === 'none' ? list : `${list} | ${use.absent}`;
}
