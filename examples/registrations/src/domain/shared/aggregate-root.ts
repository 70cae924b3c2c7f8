import { Entity } from './entity';

/** An entity that is a consistency boundary; it records what happened to it for the application to publish. */
export abstract class AggregateRoot<TId extends { equals(other: TId): boolean }, TProps extends object> extends Entity<TId, TProps> {
  private readonly events: string[] = [];

  protected record(event: string): void {
    this.events.push(event);
  }

  /** The events recorded since the last call, oldest first. */
  pullEvents(): string[] {
    return this.events.splice(0, this.events.length);
  }
}
