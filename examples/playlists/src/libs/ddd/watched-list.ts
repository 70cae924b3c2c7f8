/** A list that knows what was added and removed since it was loaded. */
export abstract class WatchedList<T> {
  private current: T[];
  private added: T[] = [];
  private removed: T[] = [];

  constructor(initial: T[] = []) {
    this.current = [...initial];
  }

  abstract compareItems(a: T, b: T): boolean;

  getItems(): T[] {
    return [...this.current];
  }

  getNewItems(): T[] {
    return [...this.added];
  }

  getRemovedItems(): T[] {
    return [...this.removed];
  }

  exists(item: T): boolean {
    return this.current.some((c) => this.compareItems(c, item));
  }

  add(item: T): void {
    if (this.exists(item)) return;
    this.current.push(item);
    this.added.push(item);
  }

  remove(item: T): void {
    this.current = this.current.filter((c) => !this.compareItems(c, item));
    this.removed.push(item);
  }
}
