/** gen.config.json's `concurrency`: a version column per aggregate root (the default), or last write wins. */
export type Concurrency = 'optimistic' | 'none';
export const CONCURRENCY_MODES: readonly Concurrency[] = ['optimistic', 'none'];
