import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { createInterface } from "node:readline";
import { BufferedLines } from "./buffered-lines";

/**
 * GNU sort as a streaming external sort: lines go in (tab-separated, keys
 * first), sorted lines come out; the data spills to `tempDir`, never to this
 * process's heap. `-s` keeps lines with equal keys in the order they were
 * written, which is how the bulk path keeps "later rows win". Keys must not
 * contain a tab or a line break (callers write them as JSON text).
 */
export interface ExternalSortOptions {
  /** Fields 1..keyFields are the key, compared as bytes (LC_ALL=C). */
  keyFields: number;
  tempDir: string;
  /** sort's buffer (`-S`), e.g. "256M": it is a separate process, outside the ingest's own memory. */
  memory: string;
  /** Compare the key fields numerically (`-n`), for zero-free integer keys. */
  isNumeric?: boolean;
}

export class ExternalSort {
  private readonly child: ChildProcessWithoutNullStreams;
  private readonly exited: Promise<void>;
  private readonly input: BufferedLines;

  constructor(options: ExternalSortOptions) {
    const keys = Array.from({ length: options.keyFields }, (_, i) => `-k${i + 1},${i + 1}${options.isNumeric ? "n" : ""}`);
    const args = ["-s", "-t", "\t", ...keys, "-S", options.memory, "--parallel=2", "-T", options.tempDir];
    this.child = spawn("sort", args, { env: { ...process.env, LC_ALL: "C" }, stdio: ["pipe", "pipe", "pipe"] });
    this.exited = waitForExit(this.child);
    this.exited.catch(() => undefined); // awaited in sorted(); an aborted sort's failure is expected
    // An early exit surfaces through `exited`; without a listener an EPIPE would crash the process.
    this.child.stdin.on("error", () => undefined);
    this.input = new BufferedLines(this.child.stdin);
  }

  /** One line, without its newline. */
  write(line: string): Promise<void> {
    return this.input.write(line);
  }

  /** Ends the input and yields the sorted lines; throws if sort failed. */
  async *sorted(): AsyncGenerator<string> {
    await this.input.flush();
    this.child.stdin.end();
    const lines = createInterface({ input: this.child.stdout, crlfDelay: Infinity });
    for await (const line of lines) yield line;
    await this.exited;
  }

  /** Stops sort early (a failed run); its temp files go with its temp folder. */
  abort(): void {
    if (this.child.exitCode === null) this.child.kill("SIGTERM");
  }
}

function waitForExit(child: ChildProcessWithoutNullStreams): Promise<void> {
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.on("error", (error) => reject(new Error(`Could not run sort (GNU coreutils): ${error.message}`)));
    child.on("close", (code, signal) => {
      if (code === 0) resolve();
      else reject(new Error(`sort failed (${signal ?? `exit ${code}`}): ${stderr.trim()}`));
    });
  });
}
