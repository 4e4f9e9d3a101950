import { createWriteStream } from "node:fs";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { BufferedLines } from "./buffered-lines";

/**
 * One input of `neo4j-admin database import`: a header file (typed columns,
 * written once) and a data file, as the importer's `--nodes=Label=header,data`
 * expects. Values are written as the importer reads them: null is an empty
 * field (no property), text is quoted when it has to be (RFC 4180, `""` for a
 * quote), a list is joined with the array delimiter.
 */
export type ImportValue = string | number | readonly string[] | null;

/**
 * The importer splits arrays and `:LABEL` fields on this character. The unit
 * separator, because `;` (the default) can occur in attribute values.
 */
export const arrayDelimiter = "\u001f";
export const arrayDelimiterOption = "U+001F";

const needsQuotes = /[",\r\n]/;
const lineBreak = /[\r\n]/;

export class ImportTable {
  readonly headerFile: string;
  readonly dataFile: string;
  /** A value held a line break: the importer must read this file with multi-line fields (slower, so only when needed). */
  hasMultilineFields = false;
  private readonly lines: BufferedLines;

  constructor(
    folder: string,
    name: string,
    private readonly columns: readonly string[],
  ) {
    this.headerFile = path.join(folder, `${name}-header.csv`);
    this.dataFile = path.join(folder, `${name}.csv`);
    this.lines = new BufferedLines(createWriteStream(this.dataFile, { encoding: "utf8" }));
  }

  /** One row, values in the order of the columns. */
  async write(values: readonly ImportValue[]): Promise<void> {
    await this.lines.write(values.map((value) => this.field(value)).join(","));
  }

  async close(): Promise<void> {
    await this.lines.end();
    await writeFile(this.headerFile, `${this.columns.join(",")}\n`, "utf8");
  }

  /** The importer's file argument: header first, then data. */
  get fileArgument(): string {
    return `${this.headerFile},${this.dataFile}`;
  }

  private field(value: ImportValue): string {
    if (value === null) return "";
    if (typeof value === "number") return String(value);
    if (typeof value === "string") return this.text(value);
    return this.text(value.map(checkedElement).join(arrayDelimiter));
  }

  private text(value: string): string {
    if (!needsQuotes.test(value)) return value;
    if (lineBreak.test(value)) this.hasMultilineFields = true;
    return `"${value.replaceAll('"', '""')}"`;
  }
}

/** An element holding the delimiter would be split in two by the importer: refuse rather than load a wrong list. */
function checkedElement(element: string): string {
  if (element.includes(arrayDelimiter)) {
    throw new Error(`cannot bulk-load the list element ${JSON.stringify(element)}: it contains U+001F; load this input without --bulk`);
  }
  return element;
}
