import { GenError, type SourceLocation } from '../errors.js';
import type { LibraryDateRule } from '../read/library-dates.js';

const EXAMPLE = '"dateTypes": [{ "module": "my-dates", "type": "Instant", "fromDate": "Instant.fromDate", "import": "named" }]';
const KEYS = ['module', 'type', 'fromDate', 'toDate', 'import'];
const NAME = /^[A-Za-z_$][\w$]*$/;
/** A bare package name (`luxon`, `@js-joda/core`), not a path. */
const PACKAGE = /^(@[a-z0-9][\w.-]*\/)?[a-z0-9][\w.-]*$/i;

/**
 * gen.config.json `"dateTypes"`: date classes of libraries gen does not know (it knows dayjs, moment and luxon), each
 * stored as a Date: `toDate` (default: `toDate` or `toJSDate`, whichever it has) gives the Date, `fromDate(date)` builds
 * one back, its first name imported from `module` as `import` says (default: "named").
 */
export function parseDateTypes(value: unknown, at: SourceLocation): LibraryDateRule[] {
  const fail = (message: string) => new GenError(`gen.config.json: 'dateTypes' ${message}`, at, `For example: ${EXAMPLE}.`);
  if (!Array.isArray(value)) throw fail('must be a list of objects');
  const seen = new Map<string, number>();
  return value.map((entry: unknown, index) => {
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) throw fail(`[${index}] must be an object`);
    const fields = entry as Record<string, unknown>;
    for (const key of Object.keys(fields))
      if (!KEYS.includes(key)) throw fail(`[${index}] has an unknown key '${key}' (keys: ${KEYS.join(', ')})`);
    const text = (key: string, required: boolean): string | undefined => {
      const v = fields[key];
      if (v === undefined && !required) return undefined;
      if (typeof v !== 'string' || v.trim() === '') throw fail(`[${index}] needs '${key}', a non-empty string`);
      return v.trim();
    };
    const module = text('module', true)!;
    const type = text('type', true)!;
    const fromDate = text('fromDate', true)!;
    const toDate = text('toDate', false);
    const form = 'import' in fields ? fields['import'] : 'named';
    if (!PACKAGE.test(module)) throw fail(`[${index}].module must be a package's name, like "luxon" or "@js-joda/core"`);
    if (!NAME.test(type)) throw fail(`[${index}].type must be the type's name, like "Instant"`);
    if (!/^[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*)?$/.test(fromDate))
      throw fail(`[${index}].fromDate must name a function or a static method that takes a Date, like "dayjs" or "Instant.fromDate"`);
    if (toDate !== undefined && !NAME.test(toDate))
      throw fail(`[${index}].toDate must be the name of a method that returns a Date, like "toDate"`);
    if (form !== 'named' && form !== 'default') throw fail(`[${index}].import must be "named" or "default"`);
    const first = seen.get(`${module} ${type}`);
    if (first !== undefined) throw fail(`[${index}] repeats [${first}] (${module}'s ${type}): keep one of them`);
    seen.set(`${module} ${type}`, index);
    return { module, type, fromDate, ...(toDate === undefined ? {} : { toDate }), import: form };
  });
}
