/** A value: immutable props, equal to another with the same props. */
export abstract class ValueObject<Props extends object> {
  protected readonly props: Readonly<Props>;

  constructor(props: Props) {
    this.validate(props);
    this.props = Object.freeze({ ...props });
  }

  protected abstract validate(props: Props): void;

  equals(other: ValueObject<Props>): boolean {
    return JSON.stringify(this.props) === JSON.stringify(other.props);
  }
}
