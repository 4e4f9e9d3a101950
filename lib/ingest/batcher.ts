/**
 * Cuts a stream of rows into batches of `size` rows. One batch is written as
 * one transaction per write lane: larger batches mean fewer round trips and
 * commits, smaller ones less memory, shorter lock holds and less work lost to
 * a crash. 5,000 measured best, also with two lanes (see docs/graph-model.md,
 * "Loading").
 */
export const defaultBatchSize = 5_000;

export class Batcher<T> {
  private rows: T[] = [];

  constructor(readonly size: number = defaultBatchSize) {
    if (!Number.isSafeInteger(size) || size < 1) throw new RangeError(`batch size must be a positive integer, got ${size}`);
  }

  /** Adds a row; returns the full batch when this row completes one. */
  add(row: T): T[] | undefined {
    this.rows.push(row);
    return this.rows.length >= this.size ? this.take() : undefined;
  }

  /** The rows not yet handed out (at the end of a file), or undefined when there are none. */
  flush(): T[] | undefined {
    return this.rows.length > 0 ? this.take() : undefined;
  }

  private take(): T[] {
    const batch = this.rows;
    this.rows = [];
    return batch;
  }
}
