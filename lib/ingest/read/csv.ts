import type { RawFields } from "@/lib/ingest/validate/row-types";

/*
 * CSV per RFC 4180, one physical line per row (the contract rules out line
 * breaks inside fields). Stricter than most parsers on purpose: a quote inside
 * an unquoted field or text after a closing quote is a broken row, because
 * guessing what the producer meant could load a wrong value.
 */

export type CsvLineResult = { ok: true; cells: string[] } | { ok: false; reason: string };

const QUOTE = 34; // "
const COMMA = 44; // ,

/** The cells of one line, quotes removed and `""` unescaped. */
export function parseCsvLine(text: string): CsvLineResult {
  // Most lines have no quotes at all: let the engine's split do the work.
  if (!text.includes('"')) return { ok: true, cells: text.split(",") };
  const cells: string[] = [];
  let position = 0;
  for (;;) {
    const cell = text.charCodeAt(position) === QUOTE ? readQuotedCell(text, position) : readPlainCell(text, position);
    if (typeof cell === "string") return { ok: false, reason: `${cell} in field ${cells.length + 1}` };
    cells.push(cell.value);
    if (cell.next >= text.length) return { ok: true, cells };
    position = cell.next + 1; // past the comma
    if (position === text.length) {
      cells.push(""); // a trailing comma ends with an empty cell
      return { ok: true, cells };
    }
  }
}

type CellRead = { value: string; next: number } | string;

/** An unquoted cell runs to the next comma; `next` is that comma's index (or the line's end). */
function readPlainCell(text: string, start: number): CellRead {
  const comma = text.indexOf(",", start);
  const end = comma === -1 ? text.length : comma;
  const value = text.slice(start, end);
  return value.includes('"') ? "quote inside an unquoted field" : { value, next: end };
}

/** A quoted cell starts at `start` (the quote); `""` inside is one quote. */
function readQuotedCell(text: string, start: number): CellRead {
  let value = "";
  let position = start + 1;
  for (;;) {
    const quote = text.indexOf('"', position);
    if (quote === -1) return "unterminated quote";
    value += text.slice(position, quote);
    if (text.charCodeAt(quote + 1) === QUOTE) {
      value += '"';
      position = quote + 2;
      continue;
    }
    const after = quote + 1;
    if (after < text.length && text.charCodeAt(after) !== COMMA) return "text after a closing quote";
    return { value, next: after };
  }
}

export type CsvHeaderResult = { ok: true; columns: string[] } | { ok: false; reason: string };

/** Column names, trimmed. Duplicates make every row ambiguous, so they fail the file. */
export function parseCsvHeader(text: string): CsvHeaderResult {
  const parsed = parseCsvLine(text);
  if (!parsed.ok) return { ok: false, reason: `header row: ${parsed.reason}` };
  const columns = parsed.cells.map((cell) => cell.trim());
  const duplicate = columns.find((column, index) => column !== "" && columns.indexOf(column) !== index);
  if (duplicate !== undefined) return { ok: false, reason: `header row: column ${duplicate} appears twice` };
  return { ok: true, columns };
}

export type CsvRowResult = { ok: true; fields: RawFields } | { ok: false; reason: string };

/**
 * One data line → fields by column name. Empty cells are left out entirely:
 * the contract says empty means unknown, never the empty string.
 */
export function parseCsvRow(columns: readonly string[], text: string): CsvRowResult {
  const parsed = parseCsvLine(text);
  if (!parsed.ok) return parsed;
  const { cells } = parsed;
  if (cells.length !== columns.length) {
    return { ok: false, reason: `expected ${columns.length} fields as in the header, found ${cells.length}` };
  }
  const fields: Record<string, string> = {};
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i] ?? "";
    const column = columns[i] ?? "";
    // An unnamed column has no meaning; `__proto__` would set the prototype instead of a field.
    if (cell !== "" && column !== "" && column !== "__proto__") fields[column] = cell;
  }
  return { ok: true, fields };
}
