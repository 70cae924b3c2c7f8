import { OUTBOX_TABLE } from '../src/map/outbox.js';
import type { Artifact, GeneratorContext } from '../src/render/artifact.js';
import { ImportSet } from '../src/render/imports.js';
import { columnProperties } from './entity.js';

/** With --outbox: the outbox table's entity and the rows of pulled events, one file per project. */
export function outbox({ model, layout }: GeneratorContext): Artifact | undefined {
  if (!model.outbox) return undefined;
  const imports = new ImportSet().add('node:crypto', 'randomUUID').add('typeorm', 'Entity');
  // The payload is JSON text the rows make themselves: a `text` column holding a string.
  const properties = columnProperties(OUTBOX_TABLE, imports).map((p) =>
    p.property === 'payload' ? { ...p, decorators: ["@Column({ name: 'payload', type: 'text' })"], declaration: '!: string' } : p,
  );
  return { path: layout.outbox, template: 'outbox.ejs', source: layout.manifest, data: { imports: imports.lines(), properties } };
}
