export type EntityId = string;

/** How an entity is built: a new one from its id and props, a stored one with its timestamps too. */
export interface CreateEntityProps<Props> {
  id: EntityId;
  props: Props;
  createdAt?: Date;
  updatedAt?: Date;
}

/** Identity, timestamps and props of every entity. */
export abstract class Entity<Props extends object> {
  protected readonly props: Props;
  readonly #id: EntityId;
  readonly #createdAt: Date;
  #updatedAt: Date;

  constructor({ id, props, createdAt, updatedAt }: CreateEntityProps<Props>) {
    this.#id = id;
    this.props = { ...props };
    this.#createdAt = createdAt ?? new Date();
    this.#updatedAt = updatedAt ?? this.#createdAt;
  }

  get id(): EntityId {
    return this.#id;
  }

  get createdAt(): Date {
    return this.#createdAt;
  }

  get updatedAt(): Date {
    return this.#updatedAt;
  }

  getProps(): Readonly<Props> {
    return Object.freeze({ ...this.props });
  }

  protected markUpdated(): void {
    this.#updatedAt = new Date();
  }
}
