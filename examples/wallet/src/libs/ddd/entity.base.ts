export type EntityId = string;

/** How an entity is built: a new one from its id and props, a stored one with its timestamps too. */
export interface CreateEntityProps<Props> {
  id: EntityId;
  props: Props;
  createdAt?: Date;
  updatedAt?: Date;
}

/** Identity, timestamps and props of every entity; the props are read through getProps() or the subclass's getters. */
export abstract class Entity<Props extends object> {
  protected readonly props: Props;
  readonly #id: EntityId;
  readonly #createdAt: Date;
  #updatedAt: Date;

  constructor({ id, props, createdAt, updatedAt }: CreateEntityProps<Props>) {
    const now = new Date();
    this.#id = id;
    this.props = { ...props };
    this.#createdAt = createdAt ?? now;
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

  /** The props as a frozen copy: the entity changes only through its own methods. */
  getProps(): Readonly<Props> {
    return Object.freeze({ ...this.props });
  }

  equals(other: Entity<Props>): boolean {
    return other.#id === this.#id;
  }

  /** Records that the entity changed now. */
  protected markUpdated(): void {
    this.#updatedAt = new Date();
  }
}
