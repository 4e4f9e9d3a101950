/**
 * Reads a generated folder back into memory: accounts, sessions and truth.
 * For tests and small presets only (everything is held at once). Parses what
 * was written rather than trusting the generator's own structures.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import type { TruthDocument } from "./truth";

export type Row = Record<string, string>;
export type SessionRow = Record<string, unknown>;

export interface GeneratedOutput {
  files: string[];
  accountColumns: string[];
  accounts: Row[];
  sessions: { file: string; row: SessionRow }[];
  truth: TruthDocument;
}

/** RFC 4180 for one line (fields never contain line breaks in this format). */
export function parseCsvLine(line: string): string[] {
  const fields: string[] = [];
  let field = "";
  let isQuoted = false;
  for (let k = 0; k < line.length; k++) {
    const ch = line.charAt(k);
    if (isQuoted) {
      if (ch === '"' && line.charAt(k + 1) === '"') {
        field += '"';
        k++;
      } else if (ch === '"') isQuoted = false;
      else field += ch;
    } else if (ch === '"') isQuoted = true;
    else if (ch === ",") {
      fields.push(field);
      field = "";
    } else field += ch;
  }
  fields.push(field);
  return fields;
}

export function readGeneratedOutput(dir: string): GeneratedOutput {
  const files = readdirSync(dir).sort();
  const [header = "", ...lines] = readFileSync(join(dir, "accounts.csv"), "utf8").split("\n").filter((l) => l.length > 0);
  const accountColumns = parseCsvLine(header);
  const accounts = lines.map((line) => {
    const values = parseCsvLine(line);
    return Object.fromEntries(accountColumns.map((column, k) => [column, values[k] ?? ""]));
  });
  const sessions = files
    .filter((f) => f.startsWith("sessions"))
    .flatMap((file) =>
      gunzipSync(readFileSync(join(dir, file)))
        .toString("utf8")
        .split("\n")
        .filter((l) => l.length > 0)
        .map((l) => ({ file, row: JSON.parse(l) as SessionRow })),
    );
  const truth = JSON.parse(readFileSync(join(dir, "truth.json"), "utf8")) as TruthDocument;
  return { files, accountColumns, accounts, sessions, truth };
}
