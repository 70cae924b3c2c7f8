import { randomUUID } from 'node:crypto';
import { Entity } from '@libs/ddd/entity.base';
import { DomainError } from '@libs/ddd/domain-error';

export interface TrackProps {
  title: string;
  durationSeconds: number;
}

/** A track on a playlist: a child entity, stored with its playlist. */
export class TrackEntity extends Entity<TrackProps> {
  static create(props: TrackProps): TrackEntity {
    if (props.durationSeconds <= 0) throw new DomainError(`Track '${props.title}' has no duration`);
    return new TrackEntity({ id: randomUUID(), props });
  }

  get title(): string {
    return this.props.title;
  }

  get durationSeconds(): number {
    return this.props.durationSeconds;
  }
}
