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
