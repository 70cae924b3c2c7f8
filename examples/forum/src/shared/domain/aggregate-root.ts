/**
 * Shared kernel: the base of every module's aggregates. The identity, and the state as one props object
 * that subclasses expose through getters.
 */
export abstract class AggregateRoot<TId extends { equals(other: TId): boolean }, TProps extends object> {
  protected constructor(
    private readonly _id: TId,
    protected props: TProps,
  ) {}

  get id(): TId {
    return this._id;
  }

  equals(other: AggregateRoot<TId, TProps>): boolean {
    return this._id.equals(other._id);
  }
}
