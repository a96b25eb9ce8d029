/**
 * Results arrive as files finish, in any order; a person reads them in the order of the files
 * given. This passes each result on as soon as every result before it has arrived, so output stays
 * in input order and still streams.
 */
export class InOrder<T> {
  private readonly waiting = new Map<number, T>();
  private next = 0;

  constructor(private readonly emit: (value: T, index: number) => void) {}

  add(index: number, value: T): void {
    this.waiting.set(index, value);
    for (let v = this.waiting.get(this.next); v !== undefined; v = this.waiting.get(this.next)) {
      this.waiting.delete(this.next);
      this.emit(v, this.next++);
    }
  }
}
