import type { AccountRecord, EntityKind, ParsedRow, SessionRecord } from "@/lib/ingest/records";
import { validateAccountRow } from "@/lib/ingest/validate/account-row";
import type { RawFields, RowResult, SourceFormat } from "@/lib/ingest/validate/row-types";
import { validateSessionRow } from "@/lib/ingest/validate/session-row";
import { parseCsvHeader, parseCsvRow } from "./csv";
import type { InputFile } from "./discover-files";
import { parseJsonLine } from "./jsonl";
import { readLineBatches, type LineItem, type ReadLinesOptions } from "./read-lines";

export type RecordFor<E extends EntityKind> = E extends "accounts" ? AccountRecord : SessionRecord;

/**
 * A parsed row, or a reject. `isFileError` marks the one reject that stands for
 * the rest of the file (truncated gzip, unreadable header): the rows before it
 * are good and were yielded, nothing after `line` was read. The run should
 * record it as a failure of the file, not just one more bad row.
 */
export type ReadRow<T> = ParsedRow<T> & { isFileError?: true };

export type ReadRowsOptions = Pick<ReadLinesOptions, "maxLineBytes" | "chunkBytes">;

/** Every row of one input file, in file order, validated; rejects carry file, line, reason and raw text. */
export async function* readRows<E extends EntityKind>(
  file: InputFile<E>,
  options: ReadRowsOptions = {},
): AsyncGenerator<ReadRow<RecordFor<E>>> {
  for await (const batch of readRowBatches(file, options)) yield* batch;
}

/**
 * The same rows a read-chunk's worth at a time (up to thousands per batch).
 * Cheaper than `readRows` on large inputs: one await per batch, not per row.
 */
export async function* readRowBatches<E extends EntityKind>(
  file: InputFile<E>,
  options: ReadRowsOptions = {},
): AsyncGenerator<Array<ReadRow<RecordFor<E>>>> {
  const parser = new RowParser(file);
  for await (const lines of readLineBatches(file.path, { ...options, gzip: file.gzip })) {
    const rows: Array<ReadRow<RecordFor<E>>> = [];
    for (const item of lines) {
      const row = parser.parse(item) as ReadRow<RecordFor<E>> | undefined;
      if (row !== undefined) rows.push(row);
      if (parser.isStopped) break;
    }
    if (rows.length > 0) yield rows;
    if (parser.isStopped) return;
  }
}

type AnyRecord = AccountRecord | SessionRecord;

const validators: { [E in EntityKind]: (fields: RawFields, format: SourceFormat) => RowResult<RecordFor<E>> } = {
  accounts: validateAccountRow,
  sessions: validateSessionRow,
};

// Fatal so a bad byte rejects its row; the lenient one only renders that row for the rejects file.
const strictUtf8 = new TextDecoder("utf-8", { fatal: true });
const lenientUtf8 = new TextDecoder("utf-8");

/** Line items → rows for one file; keeps the CSV header and stops after a file-level error. */
class RowParser {
  isStopped = false;
  private csvColumns: string[] | undefined;
  private readonly validate: (fields: RawFields, format: SourceFormat) => RowResult<AnyRecord>;

  constructor(private readonly file: InputFile) {
    this.validate = validators[file.entity];
  }

  /** The row for a line, or `undefined` for a line that carries none (blank, the CSV header). */
  parse(item: LineItem): ReadRow<AnyRecord> | undefined {
    if (item.kind === "file-error") return this.stop(item.line, item.reason, "");
    if (item.kind === "too-long") {
      const reason = `line too long (${item.byteLength} bytes)`;
      if (this.isHeaderPending) return this.stop(item.line, `header ${reason}`, "");
      return this.reject(item.line, reason, `${lenientUtf8.decode(item.head)}…`);
    }
    let text: string;
    try {
      // TextDecoder also drops a leading byte-order mark, which editors put at the start of a file.
      text = strictUtf8.decode(item.bytes);
    } catch {
      const raw = lenientUtf8.decode(item.bytes);
      if (this.isHeaderPending) return this.stop(item.line, "header row: invalid UTF-8", raw);
      return this.reject(item.line, "invalid UTF-8", raw);
    }
    return this.file.format === "csv" ? this.parseCsv(item.line, text) : this.parseJsonl(item.line, text);
  }

  private get isHeaderPending(): boolean {
    return this.file.format === "csv" && this.csvColumns === undefined;
  }

  private parseCsv(line: number, text: string): ReadRow<AnyRecord> | undefined {
    if (text.trim() === "") return undefined;
    if (this.csvColumns === undefined) {
      const header = parseCsvHeader(text);
      if (!header.ok) return this.stop(line, header.reason, text);
      this.csvColumns = header.columns;
      return undefined;
    }
    const parsed = parseCsvRow(this.csvColumns, text);
    return parsed.ok ? this.validated(line, parsed.fields, text) : this.reject(line, parsed.reason, text);
  }

  private parseJsonl(line: number, text: string): ReadRow<AnyRecord> | undefined {
    const parsed = parseJsonLine(text);
    if (parsed.ok === "blank") return undefined;
    return parsed.ok ? this.validated(line, parsed.fields, text) : this.reject(line, parsed.reason, text);
  }

  private validated(line: number, fields: RawFields, raw: string): ReadRow<AnyRecord> {
    const result = this.validate(fields, this.file.format);
    return result.ok
      ? { ok: true, record: result.record, file: this.file.path, line, raw }
      : this.reject(line, result.reason, raw);
  }

  private reject(line: number, reason: string, raw: string): ReadRow<AnyRecord> {
    return { ok: false, reason, file: this.file.path, line, raw };
  }

  private stop(line: number, reason: string, raw: string): ReadRow<AnyRecord> {
    this.isStopped = true;
    return { ok: false, reason, file: this.file.path, line, raw, isFileError: true };
  }
}
