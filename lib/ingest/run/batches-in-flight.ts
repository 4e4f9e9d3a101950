/**
 * Runs batch writes while the caller keeps reading: up to `limit` writes are
 * in flight at once, so the next batch is parsed while the database writes
 * the ones before it. Each write's result is recorded (counts, rejects) in
 * submission order, after the results of every batch before it, so reports
 * and rejects stay in file order whatever order the writes finish in.
 * Writes themselves must keep whatever order they need (sessions need the
 * accounts before them; the database sink's lanes see to that, and sinks
 * that cannot overlap batches keep a limit of one).
 */
export class BatchesInFlight {
  private readonly inFlight: Promise<void>[] = [];
  private lastRecorded: Promise<void> = Promise.resolve();
  private failure: { error: unknown } | undefined;

  constructor(private readonly limit: number) {}

  /** Waits until fewer than `limit` writes are in flight, then starts `write` without waiting for it. */
  async submit<Result>(write: () => Promise<Result>, record: (result: Result) => Promise<void>): Promise<void> {
    while (this.inFlight.length >= this.limit) await this.inFlight.shift();
    this.throwIfFailed();
    const written = write();
    // Catch now, rethrow on the next submit/drain: an unobserved rejection would crash the process.
    const done = Promise.all([written, this.lastRecorded])
      .then(([result]) => record(result))
      .catch((error: unknown) => {
        this.failure ??= { error };
      });
    this.lastRecorded = done;
    this.inFlight.push(done);
  }

  /** Waits for every write in flight; throws the first error, if one failed. */
  async drain(): Promise<void> {
    await Promise.all(this.inFlight.splice(0));
    this.throwIfFailed();
  }

  private throwIfFailed(): void {
    if (this.failure) throw this.failure.error;
  }
}
