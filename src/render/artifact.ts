import type { SampleChoices } from '../../generators/test-samples.js';
import type { EntityStyle } from '../config/entity-style.js';
import type { Framework } from '../config/project-config.js';
import type { TestRunner } from '../config/test-runner.js';
import type { TypeOrmLine } from '../config/typeorm-line.js';
import type { ArtifactLayout } from '../layout.js';
import type { PersistenceModel } from '../map/persistence-model.js';
import type { ApplicationModel } from '../model/application-model.js';
import type { DomainImports } from '../model/domain-imports.js';
import type { MigrationPlan } from '../migrate/migration-plan.js';
import type { ProjectState } from '../project-state.js';
import type { ModuleSpecifiers } from './module-specifiers.js';

/** Everything a generator may look at: the mapped feature, where files go, and what the project already has. */
export interface GeneratorContext {
  model: PersistenceModel;
  /**
   * What each repository class (and its custom file, when gen creates it) is generated from, where it differs from
   * `model`: a port method the user wrote in only one of the custom files is hand-written in that repository only
   * (src/map/user-methods.ts). Absent: both are generated from `model`.
   */
  repositories?: { typeorm: PersistenceModel; inMemory: PersistenceModel };
  layout: ArtifactLayout;
  project: ProjectState;
  /** The use cases that call the port (for the plan). */
  application: ApplicationModel;
  /** What the domain files import (for the plan's checklist; generation already stopped if it imports infrastructure). */
  domainImports: DomainImports;
  /** The feature's migrations, and the new one this run writes if the schema changed. */
  migrations: MigrationPlan;
  /** The command that regenerates the feature, for file headers. */
  command: string;
  /** Decorated entity classes, or EntitySchemas for a project without experimentalDecorators. */
  entityStyle: EntityStyle;
  /** `nest`: a NestJS project (`@nestjs/typeorm` in package.json, or gen.config.json's "framework"). */
  framework: Framework;
  /** The TypeORM line the project uses: what the generated code may rely on. */
  typeorm: TypeOrmLine;
  /** How generated files import each other and the project's code (extensions, path aliases). */
  specifiers: ModuleSpecifiers;
  /** The runner the project's tests use (vitest, or jest): what the generated tests import and how they are run. */
  testRunner: TestRunner;
  /** The project's tsconfig has noUncheckedIndexedAccess: an index needs `!` where it is known to hold (elsewhere `!` is an unnecessary assertion to linters). */
  uncheckedIndexedAccess: boolean;
  /** A `lib` the generated files reference because the project's options do not give it (see lib-reference.ts). */
  libReference?: string;
  /** Node's types are out of the project's options though installed: the generated files reference them (lib-reference.ts). */
  nodeTypesReference?: true;
  /** Sample values the domain accepted where gen's guesses were refused (empty when every guess was accepted). */
  samples?: SampleChoices;
  /** The child collections the domain builds an aggregate with thousands of children in (src/samples/accepted-samples.ts). */
  largeCollections?: readonly string[];
  /** The list fields whose accessor hands out the aggregate's own list (src/samples/accepted-samples.ts). */
  liveLists?: readonly string[];
  /**
   * Every aggregate of the feature, this one's context first, when the feature holds several: the feature-wide
   * artifacts (FEATURE_GENERATORS: its migration, plan and Nest module) are rendered once, from all of them.
   */
  aggregates?: readonly GeneratorContext[] | undefined;
  /** The Dates the domain accepts moved by a day, in place, and which way (+1 or -1 day; src/samples/accepted-samples.ts). */
  dateShifts?: Readonly<Record<string, number>>;
}

/** One file to render: a generator's output, handed to its template; `Data` is what the template receives. */
export interface Artifact<Data extends object = object> {
  path: string;
  template: string;
  /** The domain file (or other source) this artifact is generated from, for its header. */
  source: string;
  data: Data;
  /** `user`: written once for the user to complete (hand-written methods), never overwritten afterwards. */
  owner?: 'gen' | 'user';
}

/** Returns undefined when the feature does not need the artifact this run (no hand-written method, no schema change). */
export interface ArtifactGenerator {
  (context: GeneratorContext): Artifact | undefined;
}

export interface GeneratedFile {
  path: string;
  content: string;
  owner?: 'gen' | 'user';
  /** What was formatted into `content` (render/format-cache.ts), recorded in the manifest. */
  formatKey?: string;
}
