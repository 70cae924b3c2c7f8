import { SAMPLE_COUNT } from '../test-samples.js';
import { contractCase } from './contract-cases.js';
import type { MethodEmitter, MethodOf } from './method-emitter.js';

/** `count()`: every root. */
export const countAll: MethodEmitter<MethodOf<'count-all'>> = {
  typeorm: () => ['return this.orm.count();'],
  memory: () => ['return this.rows.size;'],
  planRow: () => 'CRUD: `COUNT(*)`',
  testCases: (method, { plural }) => {
    const count = `await subject.repository.${method.method.name}()`;
    return [
      contractCase(
        `counts the stored ${plural}`,
        [`expect(${count}).toBe(0);`, 'await saveAll();', '', `expect(${count}).toBe(${SAMPLE_COUNT});`],
        ['saveAll'],
      ),
    ];
  },
};
