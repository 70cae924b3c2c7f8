import type { PersistenceModel, RepositoryMethod } from '../src/map/persistence-model.js';

/**
 * Minutes per unit of work: a rule of thumb applied to the model's size, not a measurement.
 * Generated code is reviewed; hand-written code is written and tested.
 */
const MINUTES = { column: 3, crud: 5, derived: 10, handWritten: 60, wiring: 30 } as const;

export interface EffortRow {
  work: string;
  count: number;
  minutesEach: number;
  minutes: number;
}

export interface EffortEstimate {
  rows: EffortRow[];
  totalMinutes: number;
  /** The methods someone has to write by hand (none until the port has methods gen cannot derive). */
  handWrittenMethods: string[];
}

type MethodWork = 'crud' | 'derived' | 'hand-written';

/** New kinds of repository method (issue 4: hand-written ones) add a case here, and the estimate counts them. */
function methodWork(method: RepositoryMethod): MethodWork {
  switch (method.kind) {
    case 'derived':
      return 'derived';
    case 'hand-written':
      return 'hand-written';
    default:
      return 'crud';
  }
}

export function estimateEffort(model: PersistenceModel): EffortEstimate {
  const methodsOf = (work: MethodWork) => model.methods.filter((m) => methodWork(m) === work);
  const handWritten = methodsOf('hand-written');
  const row = (work: string, count: number, minutesEach: number): EffortRow => ({ work, count, minutesEach, minutes: count * minutesEach });
  const rows = [
    // The version column is gen's own: nothing of the domain to check against.
    row('Review a column (entity, migration and mapper)', model.table.columns.length - (model.version ? 1 : 0), MINUTES.column),
    row('Review a CRUD method', methodsOf('crud').length, MINUTES.crud),
    row('Review a derived query and its index', methodsOf('derived').length, MINUTES.derived),
    row('Write and test a hand-written method (by hand)', handWritten.length, MINUTES.handWritten),
    row('Wire the repository into the composition root (by hand)', 1, MINUTES.wiring),
  ];
  return {
    rows,
    totalMinutes: rows.reduce((sum, r) => sum + r.minutes, 0),
    handWrittenMethods: handWritten.map((m) => m.method.name),
  };
}

/** `1 h 15 min`, `45 min`. */
export function formatMinutes(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return [hours > 0 ? `${hours} h` : '', rest > 0 || hours === 0 ? `${rest} min` : ''].filter(Boolean).join(' ');
}
