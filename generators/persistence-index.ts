import { compareText } from '../src/compare.js';
import type { Artifact, GeneratorContext } from '../src/render/artifact.js';
import { ImportSet } from '../src/render/imports.js';
import { registeredFeatures } from './database-config.js';

/**
 * `entities` and `migrations`: every generated feature's (this run's, plus those the manifest records), so that
 * createDataSource() and a DataSource the project already has register them in one line each.
 */
export function persistenceIndex(context: GeneratorContext): Artifact {
  const path = context.layout.persistenceIndex;
  const features = Object.values(registeredFeatures(context));
  const entities = features.flatMap((f) => f.entities).sort((a, b) => compareText(a.className, b.className));
  // Migrations run in timestamp order, so list them that way.
  const migrations = features.flatMap((f) => f.migrations).sort((a, b) => compareText(a.file.split('/').pop()!, b.file.split('/').pop()!));
  const imports = new ImportSet();
  for (const ref of [...entities, ...migrations]) imports.add(context.specifiers.generated(path, ref.file), ref.className);
  return {
    path,
    template: 'persistence-index.ejs',
    source: context.layout.manifest,
    data: { imports: imports.lines(), entities: entities.map((e) => e.className), migrations: migrations.map((m) => m.className) },
  };
}
