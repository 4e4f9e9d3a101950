import { describe, expect, it } from "vitest";
import { parseJsonLine } from "./jsonl";

describe("parseJsonLine", () => {
  it("returns the object", () => {
    expect(parseJsonLine('{"account_id":"a1","n":1}')).toEqual({ ok: true, fields: { account_id: "a1", n: 1 } });
  });

  it("skips blank lines", () => {
    expect(parseJsonLine("   ")).toEqual({ ok: "blank" });
  });

  it.each([
    ["[1,2]", "line is not a JSON object but an array"],
    ['"a1"', "line is not a JSON object but a string"],
    ["null", "line is not a JSON object but null"],
    ["42", "line is not a JSON object but a number"],
  ])("rejects %s", (line, reason) => {
    expect(parseJsonLine(line)).toEqual({ ok: false, reason });
  });

  it("rejects unparsable JSON with the parser's message", () => {
    const result = parseJsonLine('{"account_id": "a1",');
    expect(result.ok).toBe(false);
    expect(result.ok === false && result.reason).toMatch(/^invalid JSON \(.+\)$/);
  });

  it("keeps __proto__ as a plain key", () => {
    const result = parseJsonLine('{"__proto__":{"polluted":true},"account_id":"a1"}');
    expect(result.ok === true && Object.getPrototypeOf(result.fields)).toBe(Object.prototype);
  });
});
