import { DomainEvent } from './domain-event.base';
import { Entity } from './entity.base';

/** An entity that is the unit of consistency and records the domain events it raises. */
export abstract class AggregateRoot<Props extends object> extends Entity<Props> {
  private domainEvents: DomainEvent[] = [];

  protected addEvent(event: DomainEvent): void {
    this.domainEvents.push(event);
  }

  /** Hands over the recorded events and forgets them. */
  pullDomainEvents(): DomainEvent[] {
    const events = this.domainEvents;
    this.domainEvents = [];
    return events;
  }
}
