/** Append-only typed arrays for building the index without millions of small JS objects. */

type TypedArrayCtor<T> = { new (length: number): T };

/** A growable typed array; `view()` returns the filled part without copying. */
export class Growable<T extends Uint8Array | Uint16Array | Uint32Array | Float64Array> {
  private data: T;
  length = 0;
  constructor(
    private readonly ctor: TypedArrayCtor<T>,
    capacity = 1024,
  ) {
    this.data = new ctor(capacity);
  }

  /** Appends one value. */
  push(value: number): void {
    if (this.length === this.data.length) {
      const next = new this.ctor(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = value;
  }

  /** Appends many values at once. */
  pushAll(values: ArrayLike<number>): void {
    if (this.length + values.length > this.data.length) {
      const next = new this.ctor(Math.max(this.data.length * 2, this.length + values.length));
      next.set(this.data);
      this.data = next;
    }
    this.data.set(values, this.length);
    this.length += values.length;
  }

  /** Appends a copy of its own values `[from, to)`. */
  pushOwn(from: number, to: number): void {
    const n = to - from;
    if (this.length + n > this.data.length) {
      const next = new this.ctor(Math.max(this.data.length * 2, this.length + n));
      next.set(this.data);
      this.data = next;
    }
    this.data.copyWithin(this.length, from, to);
    this.length += n;
  }

  /** The value at `index` (below `length`). */
  at(index: number): number {
    return this.data[index]!;
  }

  /** Adds `delta` to the value at `index` (counters). */
  increment(index: number, delta = 1): void {
    this.data[index] = this.data[index]! + delta;
  }

  /** A trimmed copy (so the spare capacity is freed). */
  trimmed(): T {
    return this.data.slice(0, this.length) as T;
  }
}
