import type { MethodEmitter, MethodOf } from './method-emitter.js';

/** `count()`: every root. */
export const countAll: MethodEmitter<MethodOf<'count-all'>> = {
  typeorm: () => ['return this.orm.count();'],
  memory: () => ['return this.rows.size;'],
  planRow: () => 'CRUD: `COUNT(*)`',
};
