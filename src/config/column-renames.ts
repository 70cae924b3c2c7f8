import { GenError } from '../errors.js';

/** A column the user says was renamed (`--rename orders.note=comment`); without one, a rename is drop + add. */
export interface ColumnRename {
  table: string;
  from: string;
  to: string;
}

/** `orders.note=comment`, as --rename and gen.config.json's `renames` spell it. */
export function parseRename(text: string, where: string): ColumnRename {
  const match = /^([A-Za-z_][\w]*)\.([A-Za-z_][\w]*)=([A-Za-z_][\w]*)$/.exec(text.trim());
  if (!match)
    throw new GenError(
      `${where}: '${text}' is not a rename`,
      undefined,
      'Write it as <table>.<old column>=<new column>, e.g. orders.note=comment.',
    );
  return { table: match[1], from: match[2], to: match[3] };
}
