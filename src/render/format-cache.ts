import * as prettier from 'prettier';
import { contentHash } from '../manifest.js';

/**
 * Formatting is most of what rendering costs, and a regeneration mostly renders what it rendered before. The key
 * of a formatting is everything prettier's output depends on: its version, the options, the parser and the text
 * given to it. A file whose key is recorded in the manifest and which is still as gen wrote it holds prettier's
 * output for that key, byte for byte: it is reused, and the output is the same as formatting again.
 */
export function formatKey(text: string, options: prettier.Options): string {
  return contentHash(`${prettier.version}\n${JSON.stringify(options)}\n${text}`);
}

/** What a run may reuse: the keys the manifest records and the files still as gen wrote them. */
export interface FormatCache {
  keys: Readonly<Record<string, string>>;
  unchanged: Readonly<Record<string, string>>;
}

/** The content formatted for `key` at `path` in an earlier run, if the file still holds it. */
export function reusable(cache: FormatCache | undefined, path: string, key: string): string | undefined {
  return cache?.keys[path] === key ? cache.unchanged[path] : undefined;
}
