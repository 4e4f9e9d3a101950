import { readdir, stat } from "node:fs/promises";
import path from "node:path";
import { AppError } from "@/lib/errors/app-error";
import type { EntityKind } from "@/lib/ingest/records";
import { compareText } from "@/lib/compare-text";

/** One input file the contract recognises. */
export interface InputFile<E extends EntityKind = EntityKind> {
  path: string;
  /** The file's name inside the input folder, for messages and the summary. */
  name: string;
  entity: E;
  format: "csv" | "jsonl";
  gzip: boolean;
}

/** A file in the input folder that is not loaded, and why, so the CLI can say so. */
export interface IgnoredFile {
  name: string;
  reason: string;
}

export interface DiscoveredFiles {
  /** Accounts before sessions (sessions need their accounts), then by name. */
  files: InputFile[];
  ignored: IgnoredFile[];
}

const entities: readonly EntityKind[] = ["accounts", "sessions"];
const extensions = [
  { suffix: ".csv", format: "csv", gzip: false },
  { suffix: ".jsonl", format: "jsonl", gzip: false },
  { suffix: ".csv.gz", format: "csv", gzip: true },
  { suffix: ".jsonl.gz", format: "jsonl", gzip: true },
] as const;
const expectedNames = "accounts*.csv, sessions*.jsonl, … (optionally .gz)";

/**
 * The input files of a folder, by the contract's naming rule: the name starts
 * with the entity and ends in `.csv`, `.jsonl`, `.csv.gz` or `.jsonl.gz`.
 * Names are matched case-sensitively, as the contract writes them. Only the
 * folder itself is read, not subfolders.
 */
export async function discoverFiles(folder: string): Promise<DiscoveredFiles> {
  const names = await listFolder(folder);
  const files: InputFile[] = [];
  const ignored: IgnoredFile[] = [];
  for (const name of names) {
    const classified = await classifyEntry(folder, name);
    if ("reason" in classified) ignored.push(classified);
    else files.push(classified);
  }
  if (files.length === 0) {
    const found = names.length === 0 ? "the folder is empty" : `found only ${names.join(", ")}`;
    throw new AppError("BAD_REQUEST", `No input files in ${folder}: expected ${expectedNames}; ${found}`);
  }
  return { files: files.sort(compareInputFiles), ignored };
}

/** Classifies a name alone (no file system access). */
export function classifyFileName(folder: string, name: string): InputFile | IgnoredFile {
  const entity = entities.find((candidate) => name.startsWith(candidate));
  if (entity === undefined) return { name, reason: "name does not start with accounts or sessions" };
  const extension = extensions.find((candidate) => name.endsWith(candidate.suffix));
  if (extension === undefined) return { name, reason: "not .csv, .jsonl, .csv.gz or .jsonl.gz" };
  return { path: path.join(folder, name), name, entity, format: extension.format, gzip: extension.gzip };
}

async function classifyEntry(folder: string, name: string): Promise<InputFile | IgnoredFile> {
  const classified = classifyFileName(folder, name);
  if ("reason" in classified) return classified;
  // stat, not the dirent type: a symlink to a file is a file.
  const isFile = await stat(classified.path).then((stats) => stats.isFile(), () => false);
  return isFile ? classified : { name, reason: "not a regular file" };
}

async function listFolder(folder: string): Promise<string[]> {
  try {
    return (await readdir(folder)).sort(compareText);
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code === "ENOENT") throw new AppError("BAD_REQUEST", `Input folder not found: ${folder}`, { cause: error });
    if (code === "ENOTDIR") {
      throw new AppError("BAD_REQUEST", `Input path is not a folder: ${folder}`, { cause: error });
    }
    throw error;
  }
}

function compareInputFiles(a: InputFile, b: InputFile): number {
  return entities.indexOf(a.entity) - entities.indexOf(b.entity) || compareText(a.name, b.name);
}
