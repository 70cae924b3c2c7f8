import type { ArtifactLayout } from './layout.js';
import type { Manifest } from './manifest.js';

/**
 * The files the project owns rather than one feature: its database config, persistence index, migrations test,
 * test database and the support code the repositories import. Any feature's run that needs one writes it (with a
 * header naming no feature); it is deleted only when no feature needs it any more.
 */
export function projectFiles(layout: ArtifactLayout): ReadonlySet<string> {
  return new Set([
    layout.databaseConfig,
    layout.dataSource,
    layout.persistenceIndex,
    layout.migrationsTest,
    layout.testDatabase,
    layout.testApi,
    layout.querySupport,
    layout.dynamicQuerySupport,
    layout.aggregateRows,
    layout.transactions,
    layout.persistenceErrors,
    layout.aggregateStore,
    layout.valueChecks,
    layout.outbox,
  ]);
}

/**
 * The project files gen wrote that neither this run (`written`) nor any other feature needs, as each feature's entry
 * in the manifest records (`projectFiles`). A feature recorded before gen kept that record may need any of them,
 * so then none is deleted.
 */
export function unneededProjectFiles(layout: ArtifactLayout, previous: Manifest, feature: string, written: readonly string[]): string[] {
  const others = Object.entries(previous.features).filter(([name]) => name !== feature);
  if (others.some(([, entry]) => entry.projectFiles === undefined)) return [];
  const needed = new Set([...written, ...others.flatMap(([, entry]) => entry.projectFiles ?? [])]);
  return [...projectFiles(layout)].filter((path) => path in previous.files && !needed.has(path));
}
