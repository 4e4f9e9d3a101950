/** One row's fields by column name: CSV cells (strings, empty cells left out) or a parsed JSON object. */
export type RawFields = Readonly<Record<string, unknown>>;

/**
 * Where the fields came from. It matters for types only: CSV has nothing but
 * text, so a count is read from digits; JSON has numbers, so a count must be one.
 */
export type SourceFormat = "csv" | "jsonl";

/** The outcome of validating one row; the reader adds file, line and raw text to make a `ParsedRow`. */
export type RowResult<T> = { ok: true; record: T } | { ok: false; reason: string };
