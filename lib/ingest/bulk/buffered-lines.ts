import { once } from "node:events";
import type { Writable } from "node:stream";

const flushChars = 1 << 16;

/**
 * Lines to a stream in 64 KiB writes (one write per line would cost more than
 * the lines), waiting for `drain` when the reader falls behind so memory stays flat.
 */
export class BufferedLines {
  private pending: string[] = [];
  private pendingChars = 0;

  constructor(private readonly stream: Writable) {}

  async write(line: string): Promise<void> {
    this.pending.push(line);
    this.pendingChars += line.length + 1;
    if (this.pendingChars >= flushChars) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.pending.length === 0) return;
    const chunk = `${this.pending.join("\n")}\n`;
    this.pending = [];
    this.pendingChars = 0;
    if (!this.stream.write(chunk)) await this.drained();
  }

  /** A stream that closes (a reader that died) never drains: its error is reported by its owner. */
  private async drained(): Promise<void> {
    const done = new AbortController();
    const waits = [once(this.stream, "drain", { signal: done.signal }), once(this.stream, "close", { signal: done.signal })];
    try {
      await Promise.race(waits);
    } finally {
      done.abort(); // removes the listener that lost the race
      await Promise.allSettled(waits);
    }
  }

  /** Flushes and ends the stream; resolves when everything is written. */
  async end(): Promise<void> {
    await this.flush();
    await new Promise<void>((resolve, reject) => this.stream.end((error?: Error | null) => (error ? reject(error) : resolve())));
  }
}
