/** Where in the user's project something is: a path relative to the project root, and a 1-based line. */
export interface SourceLocation {
  file: string;
  line: number;
}

/**
 * The one user-facing error type: what went wrong, where, and what to do about it.
 * Every stage throws it for bad input; the CLI prints it and exits 2.
 */
export class GenError extends Error {
  constructor(
    message: string,
    readonly location?: SourceLocation,
    readonly hint?: string,
  ) {
    super(message);
    this.name = 'GenError';
  }
}

export function formatError(error: GenError): string {
  const where = error.location ? `${error.location.file}:${error.location.line}: ` : '';
  const hint = error.hint ? `\n  ${error.hint}` : '';
  return `${where}${error.message}${hint}`;
}

/**
 * A fact read when the run starts (src/project-context.ts), or the error reading it gave: the error is raised by
 * the stage that first needs the fact, so a run reports problems in the order its stages meet them.
 */
export type Loaded<T> = { value: T } | { error: GenError };

/** Runs `read` now; a GenError it throws is kept for later, anything else (a bug) is thrown at once. */
export function loaded<T>(read: () => T): Loaded<T> {
  try {
    return { value: read() };
  } catch (error) {
    if (error instanceof GenError) return { error };
    throw error;
  }
}

/** The fact, or its error thrown now. */
export function need<T>(fact: Loaded<T>): T {
  if ('error' in fact) throw fact.error;
  return fact.value;
}
