import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";

const createdParents: string[] = [];

/**
 * Writes an input folder holding the given files (name → content) inside a
 * fresh temp folder and returns its path. The default report folder lands
 * beside it, in the same temp folder, so removeInputFolders() takes both.
 */
export function writeInputFolder(files: Record<string, string | Buffer>, name = "input"): string {
  const parent = mkdtempSync(path.join(os.tmpdir(), "ringscope-ingest-test-"));
  createdParents.push(parent);
  const folder = path.join(parent, name);
  mkdirSync(folder, { recursive: true });
  for (const [file, content] of Object.entries(files)) writeFileSync(path.join(folder, file), content);
  return folder;
}

export function jsonLines(rows: readonly object[]): string {
  return `${rows.map((row) => JSON.stringify(row)).join("\n")}\n`;
}

export function gzipText(text: string): Buffer {
  return gzipSync(Buffer.from(text, "utf8"));
}

/** A gzip file cut short: the reader sees the complete lines before the cut, then a file error. */
export function truncatedGzip(text: string, keepFraction: number): Buffer {
  const whole = gzipText(text);
  return whole.subarray(0, Math.floor(whole.length * keepFraction));
}

/** Deletes every folder writeInputFolder made in this test file (call in afterAll). */
export function removeInputFolders(): void {
  for (const parent of createdParents.splice(0)) rmSync(parent, { recursive: true, force: true });
}
