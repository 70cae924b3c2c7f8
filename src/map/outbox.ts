import { GenError } from '../errors.js';
import type { AggregateModel } from '../model/domain-model.js';
import type { DomainEventsAccess } from '../model/domain-events.js';
import type { ColumnSpec, TableSpec } from './persistence-model.js';

/** Who owns the outbox table in .gen/schema.json and the manifest: every feature writes to it, none owns it. */
export const OUTBOX_OWNER = '@outbox';

const text = (name: string, property: string, length = 255): ColumnSpec => ({
  name,
  property,
  kind: 'string',
  length,
  nullable: false,
  primary: false,
});

/** One row per domain event a save pulled: read and relayed by the project's own publisher. */
export const OUTBOX_TABLE: TableSpec = {
  name: 'outbox',
  columns: [
    { ...text('id', 'id', 36), primary: true },
    text('aggregate_type', 'aggregateType'),
    text('aggregate_id', 'aggregateId'),
    text('event_type', 'eventType'),
    // JSON text, TEXT on every database: as long as the event needs.
    { name: 'payload', property: 'payload', kind: 'json', nullable: false, primary: false },
    { name: 'occurred_at', property: 'occurredAt', kind: 'timestamp', nullable: false, primary: false },
  ],
  primaryKey: ['id'],
  indexes: [{ name: 'idx_outbox_occurred_at', columns: ['occurred_at'], unique: false }],
};

/** With --outbox: how the repository takes the aggregate's events, or a GenError that says what it looked for. */
export function outboxEvents(aggregate: AggregateModel): DomainEventsAccess {
  if (aggregate.generatedId) {
    // The outbox rows are made before the INSERT that assigns the id: they would name no aggregate.
    const id = aggregate.fields.find((f) => f.name === aggregate.idField)!;
    throw new GenError(
      `--outbox: the id '${id.name}' of aggregate ${aggregate.name} is assigned by the database on insert, so the events a first save writes to the outbox could not name their aggregate`,
      id.location,
      `Assign the id when ${aggregate.name} is created (\`readonly ${id.name}: string\` from randomUUID()), or generate without --outbox.`,
    );
  }
  if (aggregate.domainEvents) return aggregate.domainEvents;
  throw new GenError(
    `--outbox: aggregate ${aggregate.name} offers no domain events to write to the outbox`,
    aggregate.location,
    'Give it (or its base class) a public pullDomainEvents(): DomainEvent[] that returns the recorded events and forgets them, or a domainEvents getter and a clearEvents() method; or generate without --outbox.',
  );
}
