/** Something that happened to an aggregate, recorded until the caller publishes it. */
export abstract class DomainEvent {
  readonly occurredAt: Date = new Date();

  protected constructor(readonly aggregateId: string) {}
}
