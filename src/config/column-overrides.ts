import { GenError, type SourceLocation } from '../errors.js';

/** A column type the project sets in gen.config.json's `columns`: `"orders.quantity": "integer"`. */
export interface ColumnOverride {
  table: string;
  column: string;
  type: { kind: 'integer' } | { kind: 'double' } | { kind: 'decimal'; precision: number; scale: number };
  /** The entry as written, for messages: `"orders.quantity": "integer"`. */
  text: string;
  location: SourceLocation;
}

/** The widest decimal every supported database takes: MySQL/MariaDB allow 65 digits, 30 after the point. */
const MAX_PRECISION = 65;
const MAX_SCALE = 30;

/** The column types `columns` takes, as messages spell them. */
export const OVERRIDE_SPELLINGS = 'integer, double or decimal(P,S) (e.g. decimal(12,2))';

/** One `columns` entry: a `table.column` key and a number column type. */
export function parseColumnOverride(key: string, value: unknown, location: SourceLocation): ColumnOverride {
  const text = `${JSON.stringify(key)}: ${JSON.stringify(value)}`;
  const fail = (why: string, hint: string) => new GenError(`columns: ${text}: ${why}`, location, hint);
  const name = /^([A-Za-z_]\w*)\.([A-Za-z_]\w*)$/.exec(key);
  if (!name) throw fail('the key is not <table>.<column>', 'Name the column as the migrations do, e.g. "orders.quantity".');
  const spelled = typeof value === 'string' ? value.replace(/\s+/g, '').toLowerCase() : '';
  const decimal = /^decimal\((\d+),(\d+)\)$/.exec(spelled);
  let type: ColumnOverride['type'];
  if (spelled === 'integer' || spelled === 'double') type = { kind: spelled };
  else if (decimal) {
    const precision = Number(decimal[1]);
    const scale = Number(decimal[2]);
    if (precision < 1 || precision > MAX_PRECISION || scale > Math.min(precision, MAX_SCALE)) {
      throw fail(
        `decimal(${precision},${scale}) is out of range`,
        `Use 1 to ${MAX_PRECISION} digits, of which at most ${MAX_SCALE} (and no more than all of them) after the point.`,
      );
    }
    type = { kind: 'decimal', precision, scale };
  } else throw fail('unknown column type', `Use ${OVERRIDE_SPELLINGS}.`);
  return { table: name[1], column: name[2], type, text, location };
}
