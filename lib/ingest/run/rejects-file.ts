import { createWriteStream, type WriteStream } from "node:fs";
import { once } from "node:events";

/** One line of rejects.jsonl. */
export interface RejectLine {
  file: string;
  line: number;
  reason: string;
  raw: string;
}

/** rejects.jsonl, written as rejects arrive (never held in memory), honouring the stream's backpressure. */
export class RejectsFile {
  private readonly stream: WriteStream;
  private failure: Error | undefined;

  constructor(readonly path: string) {
    this.stream = createWriteStream(path, { encoding: "utf8" });
    this.stream.on("error", (error) => {
      this.failure = error;
    });
  }

  async write(reject: RejectLine): Promise<void> {
    if (this.failure) throw this.failure;
    const line = `${JSON.stringify({ file: reject.file, line: reject.line, reason: reject.reason, raw: reject.raw })}\n`;
    if (!this.stream.write(line)) await once(this.stream, "drain");
  }

  async close(): Promise<void> {
    if (this.failure) throw this.failure;
    await new Promise<void>((resolve, reject) => this.stream.end((error?: Error | null) => (error ? reject(error) : resolve())));
  }
}
