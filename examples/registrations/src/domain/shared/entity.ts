/**
 * Base of the domain's entities: the identity, and the state as one props object that subclasses
 * expose through getters. Two entities are the same when their ids are.
 */
export abstract class Entity<TId extends { equals(other: TId): boolean }, TProps extends object> {
  protected constructor(
    private readonly _id: TId,
    protected props: TProps,
  ) {}

  get id(): TId {
    return this._id;
  }

  equals(other: Entity<TId, TProps>): boolean {
    return this._id.equals(other._id);
  }
}
