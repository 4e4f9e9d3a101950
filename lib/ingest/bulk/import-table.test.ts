import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ImportTable } from "./import-table";

describe("ImportTable", () => {
  let folder: string;

  beforeEach(() => {
    folder = mkdtempSync(path.join(os.tmpdir(), "ringscope-import-table-"));
  });

  afterEach(() => {
    rmSync(folder, { recursive: true, force: true });
  });

  it("writes the header apart, nulls as empty fields, and quotes only what needs it", async () => {
    const table = new ImportTable(folder, "things", ["id:ID(Thing)", "note", "count:long", "keys:string[]"]);
    await table.write(["t1", null, 3, ["ip:1", "ip:2"]]);
    await table.write(['say "hi", twice', "plain", null, null]);
    await table.close();
    expect(readFileSync(table.headerFile, "utf8")).toBe("id:ID(Thing),note,count:long,keys:string[]\n");
    expect(readFileSync(table.dataFile, "utf8")).toBe('t1,,3,ip:1\u001fip:2\n"say ""hi"", twice",plain,,\n');
    expect(table.hasMultilineFields).toBe(false);
    expect(table.fileArgument).toBe(`${table.headerFile},${table.dataFile}`);
  });

  it("notes a value with a line break, which the importer must read as multi-line", async () => {
    const table = new ImportTable(folder, "things", ["id:ID(Thing)"]);
    await table.write(["two\nlines"]);
    await table.close();
    expect(table.hasMultilineFields).toBe(true);
  });

  it("refuses a list element holding the array delimiter", async () => {
    const table = new ImportTable(folder, "things", ["keys:string[]"]);
    await expect(table.write([["a\u001fb"]])).rejects.toThrow(/contains U\+001F; load this input without --bulk/);
    await table.close();
  });
});
