/** Something that happened to an aggregate, recorded until it is pulled at save time. */
export abstract class DomainEvent {
  readonly occurredAt: Date = new Date();

  protected constructor(readonly aggregateId: string) {}
}
