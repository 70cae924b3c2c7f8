/**
 * How every message, header and document spells a run of gen. The registry's `gen` is an unrelated package:
 * a bare `npx gen` where gen is not installed downloads and runs it. `npx --no` runs the project's installed
 * binary or fails, never fetching anything.
 */
export const GEN = 'npx --no gen';
