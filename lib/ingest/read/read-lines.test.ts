import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { LineSplitter, readLines, type LineItem } from "./read-lines";

/** Items as plain data: lines as text, so expectations read naturally. */
function simplify(items: LineItem[]): unknown[] {
  return items.map((item) => {
    if (item.kind === "line") return [item.line, item.bytes.toString("latin1")];
    if (item.kind === "too-long") return [item.line, "too-long", item.byteLength, item.head.length];
    return [item.line, "file-error", item.reason];
  });
}

function splitInPieces(input: string, pieceSize: number, maxLineBytes?: number): unknown[] {
  const splitter = new LineSplitter(maxLineBytes);
  const bytes = Buffer.from(input, "latin1");
  const items: LineItem[] = [];
  for (let start = 0; start < bytes.length; start += pieceSize) {
    items.push(...splitter.push(bytes.subarray(start, start + pieceSize)));
  }
  return simplify([...items, ...splitter.end()]);
}

describe("LineSplitter", () => {
  it.each([1, 2, 3, 1000])("splits on \\n and drops \\r before it, in pieces of %i bytes", (pieceSize) => {
    expect(splitInPieces("a,b\r\n\r\nccc\nd\r\n", pieceSize)).toEqual([
      [1, "a,b"],
      [2, ""],
      [3, "ccc"],
      [4, "d"],
    ]);
  });

  it("yields a last line without a trailing newline", () => {
    expect(splitInPieces("a\nb", 10)).toEqual([
      [1, "a"],
      [2, "b"],
    ]);
    expect(splitInPieces("", 10)).toEqual([]);
  });

  it("keeps a lone \\r inside a line", () => {
    expect(splitInPieces("a\rb\n", 10)).toEqual([[1, "a\rb"]]);
  });

  it.each([1, 7, 100])("reports an overlong line and goes on with the next (pieces of %i)", (pieceSize) => {
    const long = "x".repeat(40);
    expect(splitInPieces(`ok\n${long}\nnext\n${long}`, pieceSize, 16)).toEqual([
      [1, "ok"],
      [2, "too-long", 40, 16],
      [3, "next"],
      [4, "too-long", 40, 16],
    ]);
  });

  it("copies a pending tail, so a reused chunk buffer cannot change it", () => {
    const splitter = new LineSplitter();
    const chunk = Buffer.from("ab");
    splitter.push(chunk);
    chunk.write("zz");
    expect(simplify(splitter.push(Buffer.from("c\n")))).toEqual([[1, "abc"]]);
  });
});

describe("readLines", () => {
  let folder: string;

  beforeEach(async () => {
    folder = await mkdtemp(path.join(tmpdir(), "ringscope-lines-"));
  });

  afterEach(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  async function collect(name: string, gzip: boolean, chunkBytes?: number): Promise<unknown[]> {
    const items: LineItem[] = [];
    for await (const item of readLines(path.join(folder, name), { gzip, chunkBytes })) items.push(item);
    return simplify(items);
  }

  const numbered = (count: number): string => Array.from({ length: count }, (_, i) => `row ${i + 1}`).join("\n") + "\n";

  it("reads a plain file across small chunks", async () => {
    await writeFile(path.join(folder, "a.csv"), numbered(1000));
    const items = await collect("a.csv", false, 64);
    expect(items).toHaveLength(1000);
    expect(items.at(-1)).toEqual([1000, "row 1000"]);
  });

  it("gunzips, including a file of several gzip members", async () => {
    await writeFile(path.join(folder, "a.csv.gz"), Buffer.concat([gzipSync("one\ntw"), gzipSync("o\nthree\n")]));
    expect(await collect("a.csv.gz", true)).toEqual([
      [1, "one"],
      [2, "two"],
      [3, "three"],
    ]);
  });

  it("yields the good lines of a truncated gzip file, then where it broke", async () => {
    const whole = gzipSync(numbered(50_000));
    await writeFile(path.join(folder, "cut.csv.gz"), whole.subarray(0, Math.floor(whole.length / 2)));
    const items = await collect("cut.csv.gz", true, 4096);
    const last = items.at(-1) as [number, string, string];
    const good = items.slice(0, -1);
    expect(good.length).toBeGreaterThan(1000);
    expect(good.at(-1)).toEqual([good.length, `row ${good.length}`]);
    // The partial line where the stream broke is not yielded as if it were whole.
    expect(last).toEqual([good.length + 1, "file-error", "gzip stream truncated (unexpected end of file)"]);
  });

  it("reports a file that is not gzip at all", async () => {
    await writeFile(path.join(folder, "fake.csv.gz"), "account_id\na1\n");
    expect(await collect("fake.csv.gz", true)).toEqual([[1, "file-error", expect.stringMatching(/^gzip stream corrupt/)]]);
  });

  it("reports a missing file as a file error", async () => {
    expect(await collect("gone.csv", false)).toEqual([[1, "file-error", expect.stringMatching(/^cannot read file/)]]);
  });
});
