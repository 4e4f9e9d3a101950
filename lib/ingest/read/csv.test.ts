import { describe, expect, it } from "vitest";
import { parseCsvHeader, parseCsvLine, parseCsvRow } from "./csv";

describe("parseCsvLine", () => {
  it.each([
    ["a,b,c", ["a", "b", "c"]],
    ["a,,c,", ["a", "", "c", ""]],
    ['"a,b",c', ["a,b", "c"]],
    ['"say ""hi""",x', ['say "hi"', "x"]],
    ['"",x,""', ["", "x", ""]],
    ['x,"",', ["x", "", ""]],
    ['"a"', ["a"]],
    ['"Mozilla/5.0 (X11, Linux)",1', ["Mozilla/5.0 (X11, Linux)", "1"]],
  ])("splits %s", (line, cells) => {
    expect(parseCsvLine(line)).toEqual({ ok: true, cells });
  });

  it.each([
    ['a,"b,c', "unterminated quote in field 2"],
    ['"abc""', "unterminated quote in field 1"],
    ['a,b"c', "quote inside an unquoted field in field 2"],
    ['"a"b,c', "text after a closing quote in field 1"],
    ['a, "b"', "quote inside an unquoted field in field 2"],
  ])("rejects %s", (line, reason) => {
    expect(parseCsvLine(line)).toEqual({ ok: false, reason });
  });
});

describe("parseCsvHeader", () => {
  it("trims column names", () => {
    expect(parseCsvHeader(" account_id , created_at")).toEqual({ ok: true, columns: ["account_id", "created_at"] });
  });

  it("fails on a duplicate column", () => {
    expect(parseCsvHeader("ip,account_id,ip")).toEqual({ ok: false, reason: "header row: column ip appears twice" });
  });
});

describe("parseCsvRow", () => {
  const columns = ["account_id", "email", "", "phone"];

  it("leaves empty cells and unnamed columns out", () => {
    expect(parseCsvRow(columns, 'a1,"",x,+4915112345678')).toEqual({
      ok: true,
      fields: { account_id: "a1", phone: "+4915112345678" },
    });
  });

  it("rejects a row with a different number of fields than the header", () => {
    expect(parseCsvRow(columns, "a1,b,c")).toEqual({
      ok: false,
      reason: "expected 4 fields as in the header, found 3",
    });
  });
});
