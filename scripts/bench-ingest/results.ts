import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";

/** A number for a results table: thousands separated, fixed decimals. */
export function formatNumber(value: number, digits = 0): string {
  return value.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits });
}

/** Writes the result as JSON (for later comparison) and prints its table (for the person waiting). */
export function publishResults(file: string, result: object, rows: ReadonlyArray<readonly [string, string]>): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
  const width = Math.max(...rows.map(([label]) => label.length));
  for (const [label, value] of rows) console.log(`${label.padEnd(width)}  ${value}`);
  console.log(`\nWrote ${file}`);
}
