/**
 * Runs write jobs one after another while the caller keeps reading: at most
 * one job is in flight, so the next batch is parsed while the database writes
 * the current one, and batches still commit in order (sessions need the
 * accounts before them; counters need the sessions before them).
 */
export class OneInFlight {
  private inFlight: Promise<void> = Promise.resolve();
  private failure: { error: unknown } | undefined;

  /** Waits for the previous job, then starts `job` without waiting for it. */
  async submit(job: () => Promise<void>): Promise<void> {
    await this.drain();
    // Catch now, rethrow on the next submit/drain: an unobserved rejection would crash the process.
    this.inFlight = job().catch((error: unknown) => {
      this.failure = { error };
    });
  }

  /** Waits for the job in flight; throws its error, if it failed. */
  async drain(): Promise<void> {
    await this.inFlight;
    if (this.failure) throw this.failure.error;
  }
}
