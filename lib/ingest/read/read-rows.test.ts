import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { EntityKind } from "@/lib/ingest/records";
import { classifyFileName, discoverFiles, type InputFile } from "./discover-files";
import { readRowBatches, readRows, type ReadRow, type RecordFor } from "./read-rows";

let folder: string;

beforeEach(async () => {
  folder = await mkdtemp(path.join(tmpdir(), "ringscope-rows-"));
});

afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

async function writeInput(name: string, content: string | Buffer): Promise<InputFile> {
  const bytes = typeof content === "string" ? Buffer.from(content) : content;
  await writeFile(path.join(folder, name), name.endsWith(".gz") ? gzipSync(bytes) : bytes);
  const file = classifyFileName(folder, name);
  if ("reason" in file) throw new Error(file.reason);
  return file;
}

async function collect<E extends EntityKind>(file: InputFile<E>): Promise<Array<ReadRow<RecordFor<E>>>> {
  const rows: Array<ReadRow<RecordFor<E>>> = [];
  for await (const row of readRows(file)) rows.push(row);
  return rows;
}

/** Line, then the id of a good row or the reason of a reject. */
function summarise(rows: Array<ReadRow<RecordFor<EntityKind>>>): Array<[number, string]> {
  return rows.map((row) => {
    if (!row.ok) return [row.line, `rejected: ${row.reason}`];
    return [row.line, "sessionId" in row.record ? row.record.sessionId : row.record.accountId];
  });
}

const accountsHeader = "account_id,created_at,email,phone,card_fp,country,status,attr_payout_wallet";

describe("readRows on CSV", () => {
  it("reads good rows with their line numbers, skipping blank lines, with CRLF and a BOM", async () => {
    const file = await writeInput(
      "accounts.csv",
      `\uFEFF${accountsHeader}\r\na1,2026-02-01T10:00:00Z,A@X.io,,,,,w1\r\n\r\na2,2026-02-01T11:00:00Z,,"+1 415 555 0100",c9,de,banned,\r\n`,
    );
    const rows = await collect(file);
    expect(summarise(rows)).toEqual([
      [2, "a1"],
      [4, "a2"],
    ]);
    expect(rows[0]).toMatchObject({ ok: true, file: file.path, raw: "a1,2026-02-01T10:00:00Z,A@X.io,,,,,w1" });
    expect(rows[1]).toMatchObject({
      ok: true,
      record: { accountId: "a2", phone: "+14155550100", cardFp: "c9", country: "DE", status: "banned" },
    });
  });

  it("rejects a row with broken quoting and parses the next line as a new row", async () => {
    const file = await writeInput(
      "accounts.csv",
      `${accountsHeader}\na1,2026-02-01T10:00:00Z,"a@x.io,,,,,\na2,2026-02-01T10:00:00Z,,,,,,\n`,
    );
    const rows = await collect(file);
    expect(summarise(rows)).toEqual([
      [2, "rejected: unterminated quote in field 3"],
      [3, "a2"],
    ]);
    expect(rows[0]).toMatchObject({ raw: 'a1,2026-02-01T10:00:00Z,"a@x.io,,,,,' });
  });

  it("rejects a row with invalid UTF-8 and keeps its neighbours", async () => {
    const file = await writeInput(
      "accounts.csv",
      Buffer.concat([
        Buffer.from(`${accountsHeader}\na1,2026-02-01T10:00:00Z,,,,,,\na2,2026-02-01T10:00:00Z,,,c`),
        Buffer.from([0xff, 0xfe]),
        Buffer.from(",,,\na3,2026-02-01T10:00:00Z,,,,,,\n"),
      ]),
    );
    const rows = await collect(file);
    expect(summarise(rows)).toEqual([
      [2, "a1"],
      [3, "rejected: invalid UTF-8"],
      [4, "a3"],
    ]);
    expect(rows[1]?.raw).toBe("a2,2026-02-01T10:00:00Z,,,c\uFFFD\uFFFD,,,");
  });

  it("rejects rows with the wrong number of fields and bad values, with reasons", async () => {
    const file = await writeInput(
      "accounts.csv",
      [
        accountsHeader,
        "a1,2026-02-01T10:00:00Z",
        ",2026-02-01T10:00:00Z,,,,,,",
        "a3,2026-02-01T10:00:00,,,,,,",
        "a4,2026-02-01T10:00:00Z,,0171 555,,,,",
      ].join("\n"),
    );
    expect(summarise(await collect(file))).toEqual([
      [2, "rejected: expected 8 fields as in the header, found 2"],
      [3, "rejected: missing required field account_id"],
      [4, "rejected: created_at: timestamp without a zone '2026-02-01T10:00:00'"],
      [5, "rejected: phone: malformed phone '0171 555' (expected E.164 such as +14155550100)"],
    ]);
  });

  it("fails the file on a header with a duplicate column, reading nothing else", async () => {
    const file = await writeInput("accounts.csv", "account_id,created_at,account_id\na1,2026-02-01T10:00:00Z,a1\n");
    expect(await collect(file)).toEqual([
      {
        ok: false,
        isFileError: true,
        file: file.path,
        line: 1,
        reason: "header row: column account_id appears twice",
        raw: "account_id,created_at,account_id",
      },
    ]);
  });

  it("reads an empty file as no rows", async () => {
    expect(await collect(await writeInput("accounts.csv", ""))).toEqual([]);
  });

  it("rejects an overlong line without buffering it", async () => {
    const file = await writeInput("accounts.csv", `account_id,created_at\na1,2026-02-01T10:00:00Z\n${"x".repeat(5000)}\na3,2026-02-01T10:00:00Z\n`);
    const rows: Array<ReadRow<unknown>> = [];
    for await (const row of readRows(file, { maxLineBytes: 1000 })) rows.push(row);
    expect(rows.map((row) => [row.line, row.ok ? "ok" : row.reason])).toEqual([
      [2, "ok"],
      [3, "line too long (5000 bytes)"],
      [4, "ok"],
    ]);
    expect(rows[1]?.raw).toHaveLength(1001);
  });
});

describe("readRows on JSON Lines", () => {
  it("reads objects, skips blank lines and rejects what is not an object", async () => {
    const file = await writeInput(
      "sessions.jsonl",
      [
        '{"session_id":"s1","account_id":"a1","started_at":"2026-02-23T09:15:00Z","ip":"::ffff:10.0.0.1","request_count":3}',
        "",
        '{"session_id":2,"account_id":7,"started_at":"2026-02-23T09:15:00Z"}',
        "[1,2]",
        '{"session_id":"s4",',
        '{"session_id":"s5","account_id":false,"started_at":"2026-02-23T09:15:00Z"}',
        '{"session_id":"s6","account_id":"a1","started_at":"2026-02-23T09:15:00Z","request_count":-1}',
        '{"session_id":"s7","account_id":"a1","started_at":"2026-02-23T09:15:00Z","ip":"300.1.2.3"}',
      ].join("\n"),
    );
    const rows = await collect(file);
    expect(summarise(rows)).toEqual([
      [1, "s1"],
      [3, "2"],
      [4, "rejected: line is not a JSON object but an array"],
      [5, expect.stringMatching(/^rejected: invalid JSON/)],
      [6, "rejected: wrong type for account_id: boolean"],
      [7, "rejected: negative request_count -1"],
      [8, "rejected: ip: malformed IP '300.1.2.3': octet 300 is out of range"],
    ]);
    expect(rows[0]).toMatchObject({ ok: true, record: { ip: "10.0.0.1", requestCount: 3 } });
    expect(rows[1]).toMatchObject({ ok: true, record: { sessionId: "2", accountId: "7" } });
  });
});

describe("invalid UTF-8", () => {
  it("rejects overlong encodings and lone surrogates in JSON Lines, line by line", async () => {
    const good = (id: string): Buffer => Buffer.from(`{"session_id":"${id}","account_id":"a1","started_at":"2026-02-23T09:15:00Z"}\n`);
    const withBytes = (bytes: number[]): Buffer =>
      Buffer.concat([Buffer.from('{"session_id":"x'), Buffer.from(bytes), Buffer.from('","account_id":"a1","started_at":"2026-02-23T09:15:00Z"}\n')]);
    const file = await writeInput(
      "sessions.jsonl",
      Buffer.concat([good("s1"), withBytes([0xc0, 0xaf]), good("s3"), withBytes([0xed, 0xa0, 0x80]), good("s5")]),
    );
    expect(summarise(await collect(file))).toEqual([
      [1, "s1"],
      [2, "rejected: invalid UTF-8"],
      [3, "s3"],
      [4, "rejected: invalid UTF-8"],
      [5, "s5"],
    ]);
  });

  it("fails the file when the CSV header is not UTF-8", async () => {
    const file = await writeInput("accounts.csv", Buffer.concat([Buffer.from([0xff]), Buffer.from("account_id,created_at\na1,2026-02-01T10:00:00Z\n")]));
    expect(await collect(file)).toEqual([expect.objectContaining({ line: 1, reason: "header row: invalid UTF-8", isFileError: true })]);
  });
});

describe("readRows on gzip", () => {
  it("reads .csv.gz and .jsonl.gz", async () => {
    const csv = await writeInput("accounts.csv.gz", "account_id,created_at\na1,2026-02-01T10:00:00Z\n");
    const jsonl = await writeInput("sessions.jsonl.gz", '{"session_id":"s1","account_id":"a1","started_at":"2026-02-23T09:15:00Z"}\n');
    expect(summarise(await collect(csv))).toEqual([[2, "a1"]]);
    expect(summarise(await collect(jsonl))).toEqual([[1, "s1"]]);
  });

  it("yields the rows before a truncation, then reports the break as a file error", async () => {
    const lines = ["session_id,account_id,started_at"];
    for (let i = 1; i <= 20_000; i++) lines.push(`s${i},a1,2026-02-23T09:15:00Z`);
    const whole = gzipSync(`${lines.join("\n")}\n`);
    await writeFile(path.join(folder, "sessions.csv.gz"), whole.subarray(0, Math.floor(whole.length * 0.6)));
    const file = classifyFileName(folder, "sessions.csv.gz") as InputFile<"sessions">;

    const rows = await collect(file);
    const broken = rows.at(-1);
    const good = rows.slice(0, -1);
    expect(good.length).toBeGreaterThan(1000);
    expect(good.every((row) => row.ok)).toBe(true);
    expect(good.at(-1)?.line).toBe(good.length + 1);
    expect(broken).toMatchObject({
      ok: false,
      isFileError: true,
      line: good.length + 2,
      file: file.path,
      reason: "gzip stream truncated (unexpected end of file)",
    });
  });
});

describe("several files of one kind", () => {
  it("reads each file in discovery order with its own line numbers", async () => {
    const header = "session_id,account_id,started_at\n";
    await writeInput("sessions-2026-02-02.csv.gz", `${header}s3,a1,2026-02-02T00:00:00Z\n`);
    await writeInput("sessions-2026-02-01.csv", `${header}s1,a1,2026-02-01T00:00:00Z\ns2,a1,2026-02-01T01:00:00Z\n`);
    await writeInput("accounts.jsonl", '{"account_id":"a1","created_at":"2026-01-01T00:00:00Z"}\n');

    const { files } = await discoverFiles(folder);
    const seen: Array<[string, number, string]> = [];
    for (const file of files) {
      for await (const row of readRows(file)) {
        if (!row.ok) throw new Error(row.reason);
        const id = "sessionId" in row.record ? row.record.sessionId : row.record.accountId;
        seen.push([path.basename(row.file), row.line, id]);
      }
    }
    expect(seen).toEqual([
      ["accounts.jsonl", 1, "a1"],
      ["sessions-2026-02-01.csv", 2, "s1"],
      ["sessions-2026-02-01.csv", 3, "s2"],
      ["sessions-2026-02-02.csv.gz", 2, "s3"],
    ]);
  });
});

describe("readRowBatches", () => {
  it("yields the same rows as readRows, in batches", async () => {
    const lines = ["account_id,created_at"];
    for (let i = 1; i <= 3000; i++) lines.push(i % 1000 === 0 ? `a${i},never` : `a${i},2026-02-01T10:00:00Z`);
    const file = await writeInput("accounts.csv", lines.join("\n"));
    const batches: Array<Array<ReadRow<unknown>>> = [];
    for await (const batch of readRowBatches(file, { chunkBytes: 16 * 1024 })) batches.push(batch);
    expect(batches.length).toBeGreaterThan(1);
    expect(batches.flat()).toEqual(await collect(file));
    expect(batches.flat().filter((row) => !row.ok)).toHaveLength(3);
  });
});
