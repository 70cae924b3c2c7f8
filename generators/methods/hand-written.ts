import type { ArtifactLayout } from '../../src/layout.js';
import type { ContractCase } from './contract-cases.js';
import type { MethodOf } from './method-emitter.js';

/** A method gen cannot derive: a stub that throws, in each repository's custom class, for the user to write. */
export const handWritten = {
  stub: (method: MethodOf<'hand-written'>): string[] => [`throw new Error('not implemented: ${method.method.name}');`],
  planRow: (method: MethodOf<'hand-written'>, layout: ArtifactLayout): string =>
    method.written
      ? `hand-written: yours, in ${method.written.map((at) => `\`${at}\``).join(' and ')}; gen can implement it, and does once you delete it there`
      : `hand-written${method.reason ? ` (${method.reason})` : ''}: a stub in \`${layout.repositoryCustom}\` and \`${layout.inMemoryRepositoryCustom}\`, yours to write`,
  testCases: (method: MethodOf<'hand-written'>): ContractCase[] => [
    { lines: [`it.todo('${method.method.name} is hand-written: test it in your own suite');`], uses: [] },
  ],
};
