import { DomainEvent } from '@libs/ddd/domain-event.base';

export class PlaylistCreatedEvent extends DomainEvent {
  constructor(aggregateId: string, readonly name: string) {
    super(aggregateId);
  }
}

export class TrackAddedEvent extends DomainEvent {
  constructor(aggregateId: string, readonly trackId: string) {
    super(aggregateId);
  }
}
