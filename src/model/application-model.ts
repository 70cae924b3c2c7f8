import type { SourceLocation } from '../errors.js';

/** The use cases of the application layer that use a feature's port, as the reader found them. Plain data. */
export interface ApplicationModel {
  /** The folder searched, relative to the project root. */
  dir: string;
  /** Whether that folder exists at all. */
  dirExists: boolean;
  /** Sorted by file, then name. */
  useCases: UseCaseModel[];
}

export interface UseCaseModel {
  /** The class (or function, or variable) that holds the port references; the file's name if none. */
  name: string;
  file: string;
  location: SourceLocation;
  /** Every call of a port method, sorted by line. Empty when the use case only names the port. */
  calls: PortCall[];
}

export interface PortCall {
  method: string;
  location: SourceLocation;
  /** Inside a loop (`for`, `while`, `do`) of the use case: the call may run many times. */
  inLoop: boolean;
}
