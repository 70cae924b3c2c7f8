/** Every module the domain layer's files import, for the check that the domain knows nothing of infrastructure. */
export interface DomainImports {
  /** The files scanned: the feature's domain folder and the project files it imports, transitively. Sorted. */
  files: string[];
  imports: ModuleImport[];
  /** The feature's own files, where the scan started: an import chain to a file starts at one of them. Sorted. */
  roots?: string[];
}

export interface ModuleImport {
  file: string;
  line: number;
  /** The module specifier as written. */
  specifier: string;
  /** The project-relative path it points to, when it is a file of the project (resolved, or a relative path). */
  target?: string;
}
