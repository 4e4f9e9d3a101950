import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { classifyFileName, discoverFiles } from "./discover-files";

describe("discoverFiles", () => {
  let folder: string;

  beforeEach(async () => {
    folder = await mkdtemp(path.join(tmpdir(), "ringscope-discover-"));
  });

  afterEach(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  async function touch(...names: string[]): Promise<void> {
    await Promise.all(names.map((name) => writeFile(path.join(folder, name), "")));
  }

  it("lists accounts before sessions, then by name, and says what it ignores", async () => {
    await touch(
      "sessions-2026-02-02.csv.gz",
      "sessions-2026-02-01.csv",
      "accounts.jsonl",
      "accounts-extra.jsonl.gz",
      "README.md",
      "accounts.json",
      "Sessions.csv",
    );
    await mkdir(path.join(folder, "sessions-old.csv"));
    const { files, ignored } = await discoverFiles(folder);
    expect(files.map((file) => [file.name, file.entity, file.format, file.gzip])).toEqual([
      ["accounts-extra.jsonl.gz", "accounts", "jsonl", true],
      ["accounts.jsonl", "accounts", "jsonl", false],
      ["sessions-2026-02-01.csv", "sessions", "csv", false],
      ["sessions-2026-02-02.csv.gz", "sessions", "csv", true],
    ]);
    expect(files[0]?.path).toBe(path.join(folder, "accounts-extra.jsonl.gz"));
    expect(ignored).toEqual([
      { name: "README.md", reason: "name does not start with accounts or sessions" },
      { name: "Sessions.csv", reason: "name does not start with accounts or sessions" },
      { name: "accounts.json", reason: "not .csv, .jsonl, .csv.gz or .jsonl.gz" },
      { name: "sessions-old.csv", reason: "not a regular file" },
    ]);
  });

  it("fails clearly when there is no input file", async () => {
    await touch("notes.txt");
    await expect(discoverFiles(folder)).rejects.toThrow(/No input files in .*found only notes\.txt/);
  });

  it("fails clearly on an empty or missing folder", async () => {
    await expect(discoverFiles(folder)).rejects.toThrow(/the folder is empty/);
    await expect(discoverFiles(path.join(folder, "nope"))).rejects.toThrow(/Input folder not found/);
  });

  it("classifies a name without the file system", () => {
    expect(classifyFileName("/in", "sessions.jsonl.gz")).toEqual({
      path: path.join("/in", "sessions.jsonl.gz"),
      name: "sessions.jsonl.gz",
      entity: "sessions",
      format: "jsonl",
      gzip: true,
    });
  });
});
