import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { afterAll, bench, describe } from "vitest";
import { classifyFileName, type InputFile } from "./discover-files";
import { readRowBatches, readRows } from "./read-rows";

// Run: npx vitest bench --run --project unit lib/ingest. Each iteration reads a
// whole file of 100,000 session rows, so rows/s = 100,000 × the reported hz.
const rowCount = 100_000;
const folder = mkdtempSync(path.join(tmpdir(), "ringscope-bench-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const columns = ["session_id", "account_id", "started_at", "ended_at", "ip", "device_id", "user_agent", "request_count", "prompt_fp", "asn", "ip_class"];
const ipClasses = ["residential", "mobile", "datacenter", "vpn"];

function sessionValues(i: number): Array<string | number> {
  const day = String(1 + (i % 28)).padStart(2, "0");
  const ip = i % 5 === 0 ? `2001:db8::${(i % 65535).toString(16)}` : `10.${i % 256}.${(i >> 8) % 256}.7`;
  const userAgent = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36";
  return [`s${i}`, `a${i % 5000}`, `2026-02-${day}T09:15:00Z`, `2026-02-${day}T11:20:00.123+02:00`, ip, `dev-${i % 7000}`, userAgent, i % 500, `pfp-${i % 1000}`, 13335 + (i % 20), ipClasses[i % 4] ?? "vpn"];
}

const rows = Array.from({ length: rowCount }, (_, i) => sessionValues(i));
const csv = `${[columns.join(","), ...rows.map((values) => values.join(","))].join("\n")}\n`;
const jsonl = `${rows.map((values) => JSON.stringify(Object.fromEntries(columns.map((column, i) => [column, values[i]])))).join("\n")}\n`;
writeFileSync(path.join(folder, "sessions.csv"), csv);
writeFileSync(path.join(folder, "sessions.csv.gz"), gzipSync(csv));
writeFileSync(path.join(folder, "sessions.jsonl"), jsonl);

function inputFile(name: string): InputFile {
  const file = classifyFileName(folder, name);
  if ("reason" in file) throw new Error(file.reason);
  return file;
}

async function countBatched(file: InputFile): Promise<void> {
  let loaded = 0;
  for await (const batch of readRowBatches(file)) for (const row of batch) if (row.ok) loaded++;
  if (loaded !== rowCount) throw new Error(`loaded ${loaded} of ${rowCount}`);
}

describe(`read and validate ${rowCount} session rows`, () => {
  bench("readRowBatches sessions.csv", () => countBatched(inputFile("sessions.csv")));
  bench("readRowBatches sessions.csv.gz", () => countBatched(inputFile("sessions.csv.gz")));
  bench("readRowBatches sessions.jsonl", () => countBatched(inputFile("sessions.jsonl")));
  bench("readRows sessions.csv (one await per row)", async () => {
    let loaded = 0;
    for await (const row of readRows(inputFile("sessions.csv"))) if (row.ok) loaded++;
    if (loaded !== rowCount) throw new Error(`loaded ${loaded} of ${rowCount}`);
  });
});
