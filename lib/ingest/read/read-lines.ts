import { createReadStream } from "node:fs";
import { pipeline } from "node:stream";
import type { Readable } from "node:stream";
import { createGunzip } from "node:zlib";
import { errorMessage } from "@/lib/errors/app-error";

/**
 * One physical line, without its `\n` or `\r\n`. `bytes` may be a view into a
 * read buffer: decode it, don't keep it.
 */
export interface LineBytes {
  kind: "line";
  /** 1-based. */
  line: number;
  bytes: Buffer;
}

/** A line longer than `maxLineBytes`: only its first KiB is kept, so one bad file cannot exhaust memory. */
export interface OverlongLine {
  kind: "too-long";
  line: number;
  byteLength: number;
  head: Buffer;
}

/** The file could not be read to its end (truncated or corrupt gzip, I/O error). Nothing follows it. */
export interface FileError {
  kind: "file-error";
  /** The line being read when the stream broke; lines before it were yielded complete. */
  line: number;
  reason: string;
}

export type LineItem = LineBytes | OverlongLine | FileError;

export interface ReadLinesOptions {
  gzip: boolean;
  /** Lines above this are reported as `too-long` instead of being buffered. Default 1 MiB. */
  maxLineBytes?: number;
  /** Read size, which is also the size of a batch of lines. Default 64 KiB. */
  chunkBytes?: number;
}

const NEWLINE = 0x0a;
const CARRIAGE_RETURN = 0x0d;
const defaultMaxLineBytes = 1 << 20;
// 64 KiB: big enough that awaits per line are rare, small enough that a batch of rows
// dies young (1 MiB batches survived into the old generation and doubled GC time).
const defaultChunkBytes = 64 * 1024;
const overlongHeadBytes = 1024;

/**
 * Splits a byte stream on `\n` (dropping a `\r` before it). Works on Buffers,
 * not strings, so each line can be UTF-8-checked on its own and one bad byte
 * rejects one row instead of being silently replaced.
 */
export class LineSplitter {
  private nextLine = 1;
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  private isOverlong = false;

  private readonly headBytes: number;

  constructor(private readonly maxLineBytes: number = defaultMaxLineBytes) {
    this.headBytes = Math.min(overlongHeadBytes, maxLineBytes);
  }

  /** The number the next line would get: where a broken stream broke. */
  get currentLine(): number {
    return this.nextLine;
  }

  /** Complete lines found in `chunk`; an unfinished tail is kept for the next call. */
  push(chunk: Buffer): LineItem[] {
    const items: LineItem[] = [];
    let start = 0;
    let end = chunk.indexOf(NEWLINE, start);
    while (end !== -1) {
      items.push(this.finishLine(chunk.subarray(start, end)));
      start = end + 1;
      end = chunk.indexOf(NEWLINE, start);
    }
    if (start < chunk.length) this.keepPending(chunk.subarray(start));
    return items;
  }

  /** At a clean end of input, a last line without a trailing newline is still a line. */
  end(): LineItem[] {
    const hasTail = this.pendingBytes > 0 || this.isOverlong;
    return hasTail ? [this.finishLine(Buffer.alloc(0))] : [];
  }

  private finishLine(lastPiece: Buffer): LineItem {
    const line = this.nextLine++;
    const byteLength = this.pendingBytes + lastPiece.length;
    if (this.isOverlong || byteLength > this.maxLineBytes) {
      const head = Buffer.concat([...this.pending, lastPiece.subarray(0, this.headBytes)]).subarray(0, this.headBytes);
      this.resetPending();
      return { kind: "too-long", line, byteLength, head };
    }
    const whole = this.pending.length === 0 ? lastPiece : Buffer.concat([...this.pending, lastPiece]);
    this.resetPending();
    return { kind: "line", line, bytes: withoutTrailingCarriageReturn(whole) };
  }

  private keepPending(piece: Buffer): void {
    this.pendingBytes += piece.length;
    if (this.isOverlong) return;
    if (this.pendingBytes > this.maxLineBytes) {
      // Keep only the head for the report; drop the rest as it streams past.
      this.isOverlong = true;
      this.pending = [Buffer.concat([...this.pending, piece]).subarray(0, this.headBytes)];
      return;
    }
    // Copy: the tail outlives the chunk it came from.
    this.pending.push(Buffer.from(piece));
  }

  private resetPending(): void {
    this.pending = [];
    this.pendingBytes = 0;
    this.isOverlong = false;
  }
}

function withoutTrailingCarriageReturn(bytes: Buffer): Buffer {
  const last = bytes.length - 1;
  return last >= 0 && bytes[last] === CARRIAGE_RETURN ? bytes.subarray(0, last) : bytes;
}

function openByteStream(path: string, options: ReadLinesOptions): Readable {
  const chunkBytes = options.chunkBytes ?? defaultChunkBytes;
  const file = createReadStream(path, { highWaterMark: chunkBytes });
  if (!options.gzip) return file;
  // pipeline, not pipe: a read error on the file must reach the gunzip side.
  return pipeline(file, createGunzip({ chunkSize: Math.min(chunkBytes, 256 * 1024) }), () => {});
}

/** Human wording for a stream failure; zlib codes are stable, messages less so. */
export function describeReadError(error: unknown, isGzip: boolean): string {
  const code = (error as { code?: unknown } | null)?.code;
  const message = errorMessage(error);
  if (isGzip && code === "Z_BUF_ERROR") return `gzip stream truncated (${message})`;
  if (isGzip && typeof code === "string" && code.startsWith("Z_")) return `gzip stream corrupt (${message})`;
  return `cannot read file (${message})`;
}

/**
 * The lines of a file, a chunk's worth at a time. Batching keeps the number of
 * awaits per line low on 16M-line inputs; memory stays flat (one chunk plus at
 * most one partial line). A read failure ends the batches with a `file-error`
 * item after every complete line before it; the partial line where it broke is
 * dropped, because a cut-off value could look valid.
 */
export async function* readLineBatches(path: string, options: ReadLinesOptions): AsyncGenerator<LineItem[]> {
  const splitter = new LineSplitter(options.maxLineBytes);
  const source = openByteStream(path, options);
  try {
    for await (const chunk of source) {
      const items = splitter.push(chunk as Buffer);
      if (items.length > 0) yield items;
    }
  } catch (error) {
    yield [{ kind: "file-error", line: splitter.currentLine, reason: describeReadError(error, options.gzip) }];
    return;
  } finally {
    source.destroy();
  }
  const tail = splitter.end();
  if (tail.length > 0) yield tail;
}

/** The lines of a file one by one (see `readLineBatches` for the guarantees). */
export async function* readLines(path: string, options: ReadLinesOptions): AsyncGenerator<LineItem> {
  for await (const batch of readLineBatches(path, options)) yield* batch;
}
