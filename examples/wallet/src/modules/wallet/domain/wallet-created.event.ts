import { DomainEvent } from '@libs/ddd/domain-event.base';

export class WalletCreatedEvent extends DomainEvent {
  constructor(
    aggregateId: string,
    readonly ownerId: string,
  ) {
    super(aggregateId);
  }
}
