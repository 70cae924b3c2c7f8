import { createHash } from 'node:crypto';
import { compareText } from './compare.js';
import { GenError } from './errors.js';
import type { EntityStyle } from './config/entity-style.js';
import type { ArtifactLayout } from './layout.js';
import { entityExports } from './map/naming.js';
import type { PersistenceModel } from './map/persistence-model.js';
import type { PortMethod } from './model/domain-model.js';

/** A class that a generated file exports, for database.ts to register. */
export interface ClassRef {
  className: string;
  file: string;
}

export interface FeatureEntry {
  aggregate: string;
  entities: ClassRef[];
  /** Oldest first: every migration the feature's schema changes produced. */
  migrations: ClassRef[];
  /** The files generated for this feature alone (not the shared ones), so one the model no longer needs can be deleted. */
  files?: string[];
  /** The project's own files (support code, config) this feature's code needs, so none is deleted while a feature needs it. */
  projectFiles?: string[];
  /** The port's methods as declared (see methodSignature), so the next run's review summary can say what changed. */
  methods?: string[];
  /** The bounded context (`--context`, a layout's `{context}`) the feature was generated from, when it has one. */
  context?: string;
}

/**
 * The context another run of this feature name was generated from, when it is not `context`: gen keys features by
 * name, so generating the second would take over (and delete) the first's files and tables. Recorded by newer runs;
 * for an entry without it, read from its entity file's path (a `/<context>/` folder that is not this run's).
 */
export function otherContext(entry: FeatureEntry | undefined, context: string | undefined, entityFile: string): string | undefined {
  if (!entry || context === undefined) return undefined;
  if (entry.context !== undefined) return entry.context === context ? undefined : entry.context;
  const previousFile = entry.entities[0]?.file;
  if (previousFile === undefined || previousFile === entityFile) return undefined;
  const segment = `/${context}/`;
  if (!`/${entityFile}`.includes(segment) || `/${previousFile}`.includes(segment)) return undefined;
  return previousFile;
}

/**
 * What gen last wrote in this project: every feature's registered classes (database.ts lists all of
 * them) and the hash of every file, so a hand-edited file is seen as a conflict, not overwritten.
 */
export interface Manifest {
  version: 1;
  features: Record<string, FeatureEntry>;
  files: Record<string, string>;
  /** The date (YYYY-MM-DD) in each feature's plan: the day it was first generated, so regeneration never changes it. */
  planDates?: Record<string, string>;
  /**
   * Per generated file, the key of what was formatted into it (see render/format-cache.ts): while the file is as
   * gen wrote it, the same key gives the same bytes without running prettier again.
   */
  formatted?: Record<string, string>;
}

export function emptyManifest(): Manifest {
  return { version: 1, features: {}, files: {} };
}

export function parseManifest(text: string, path: string): Manifest {
  let raw: Partial<Manifest>;
  try {
    raw = JSON.parse(text) as Partial<Manifest>;
  } catch (error) {
    throw new GenError(
      `${path} is not valid JSON: ${(error as Error).message}`,
      { file: path, line: 1 },
      'Restore it from version control; gen keeps it in step with the generated files.',
    );
  }
  if (raw.version !== 1 || typeof raw.features !== 'object' || typeof raw.files !== 'object') {
    throw new GenError(`${path} is not a gen manifest (version 1)`, { file: path, line: 1 }, 'Restore it from version control.');
  }
  const planDates = typeof raw.planDates === 'object' && raw.planDates !== null ? { planDates: raw.planDates } : {};
  const formatted = typeof raw.formatted === 'object' && raw.formatted !== null ? { formatted: raw.formatted } : {};
  return { version: 1, features: raw.features ?? {}, files: raw.files ?? {}, ...planDates, ...formatted };
}

/** Keys sorted at every level, so the file is byte-stable. */
export function serializeManifest(manifest: Manifest): string {
  return `${JSON.stringify(sortKeys(manifest), null, 2)}\n`;
}

export function contentHash(content: string): string {
  return `sha256:${createHash('sha256').update(content).digest('hex')}`;
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .sort(([a], [b]) => compareText(a, b))
        .map(([k, v]) => [k, sortKeys(v)]),
    );
  }
  return value;
}

/** `findByName(name: string): Promise<Product[]>`: a port method as its port declares it. */
export function methodSignature(method: PortMethod): string {
  const { parameters, returns, typeParameters } = method.signatureText;
  return `${method.name}${typeParameters?.length ? `<${typeParameters.join(', ')}>` : ''}(${parameters.join(', ')}): ${returns}`;
}

/** The feature's port methods as declared; with several aggregates, each named with its port (`PaymentRepository.save(...)`). */
export function portMethods(models: readonly PersistenceModel[]): string[] {
  if (models.length === 1) return models[0].port.methods.map(methodSignature);
  return models.flatMap((m) => m.port.methods.map((method) => `${m.port.name}.${methodSignature(method)}`));
}

/** What this feature registers in database.ts; recorded in the manifest so later runs of other features keep it. */
export function featureEntry(model: PersistenceModel, layout: ArtifactLayout, style: EntityStyle, migrations: ClassRef[]): FeatureEntry {
  return {
    aggregate: model.names.aggregate,
    entities: entityExports(style, [model.names.entityClass, ...model.children.map((c) => c.entityClass)]).map((className) => ({
      className,
      file: layout.entity,
    })),
    migrations,
  };
}

/** A feature of several aggregates registers every one's entities, in aggregate order, and names them all (`Invoice, Payment`). */
export function featureEntryOf(
  aggregates: readonly { model: PersistenceModel; layout: ArtifactLayout }[],
  style: EntityStyle,
  migrations: ClassRef[],
): FeatureEntry {
  const entries = aggregates.map(({ model, layout }) => featureEntry(model, layout, style, migrations));
  if (entries.length === 1) return entries[0];
  return { aggregate: entries.map((e) => e.aggregate).join(', '), entities: entries.flatMap((e) => e.entities), migrations };
}

const DATE_LINE = /^\*\*Date\*\*: (\d{4}-\d{2}-\d{2})\s*$/m;

/** The plan's date is the day of its first generation: kept in the manifest (or, without one, in the plan itself). */
export function planDate(manifest: Manifest, feature: string, plan: string | undefined, now: number): string {
  const fromPlan = DATE_LINE.exec(plan ?? '')?.[1];
  return manifest.planDates?.[feature] ?? fromPlan ?? new Date(now).toISOString().slice(0, 10);
}
