/** One timed repeat of one subject: time per 1,000 operations, and what else was counted. */
export interface Sample {
  msPer1000: number;
  /** Statements sent to the database per operation, where counted. */
  statements?: number;
  /** Peak resident set size of the process that ran it, in bytes, where measured. */
  peakRss?: number;
  /**
   * CPU time of the process that ran it (user + system), in ms, per run or per 1,000 operations as `msPer1000`,
   * where measured: steadier than wall time on a busy machine.
   */
  cpuMs?: number;
}

export interface Spread {
  median: number;
  min: number;
  max: number;
}

/** The middle value (the mean of the two middle ones for an even count). */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error('median of no values');
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

export function spread(values: readonly number[]): Spread {
  return { median: median(values), min: Math.min(...values), max: Math.max(...values) };
}

/**
 * The order in which subjects run, repeat by repeat: as given on even repeats, reversed on odd ones, so that
 * on a shared, noisy machine no subject always runs first (colder) or last (after the others' garbage).
 */
export function interleavedOrder<S>(subjects: readonly S[], repeats: number): S[][] {
  return Array.from({ length: repeats }, (_, repeat) => (repeat % 2 === 0 ? [...subjects] : [...subjects].reverse()));
}

/** Measures every subject `repeats` times, interleaved; samples are returned per subject, in repeat order. */
export async function interleave<S extends string>(
  subjects: readonly S[],
  repeats: number,
  measure: (subject: S, repeat: number) => Promise<Sample>,
): Promise<Record<S, Sample[]>> {
  const samples = Object.fromEntries(subjects.map((s) => [s, [] as Sample[]])) as Record<S, Sample[]>;
  for (const [repeat, order] of interleavedOrder(subjects, repeats).entries()) {
    for (const subject of order) samples[subject].push(await measure(subject, repeat));
  }
  return samples;
}

/** How many repeats at a scale: `full` at 1, at least one. */
export function repeatsAt(scale: number, full: number): number {
  return Math.max(1, Math.round(full * scale));
}
