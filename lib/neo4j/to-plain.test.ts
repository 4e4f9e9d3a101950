import neo4j from "neo4j-driver";
import { describe, expect, it } from "vitest";
import { recordToPlain, toPlain } from "./to-plain";

describe("toPlain", () => {
  it("turns safe driver integers into numbers", () => {
    expect(toPlain(neo4j.int(42))).toBe(42);
    expect(toPlain(neo4j.int(Number.MAX_SAFE_INTEGER))).toBe(Number.MAX_SAFE_INTEGER);
  });

  it("keeps integers beyond the safe range exact, as decimal strings", () => {
    expect(toPlain(neo4j.int("9007199254740993"))).toBe("9007199254740993");
    expect(toPlain(neo4j.int("-9223372036854775808"))).toBe("-9223372036854775808");
    expect(toPlain(BigInt("9007199254740993"))).toBe("9007199254740993");
  });

  it("turns temporal values into ISO-8601 strings", () => {
    const dateTime = new neo4j.types.DateTime(2026, 2, 23, 9, 15, 0, 0, 0, undefined);
    expect(toPlain(dateTime)).toBe("2026-02-23T09:15:00Z");
    expect(toPlain(new neo4j.types.Date(2026, 2, 23))).toBe("2026-02-23");
  });

  it("reduces nodes and relationships to labels, type and plain properties (no element ids)", () => {
    const node = new neo4j.types.Node(neo4j.int(7), ["Account"], { account_id: "a1", sessions: neo4j.int(3) }, "4:x:7");
    expect(toPlain(node)).toEqual({ labels: ["Account"], properties: { account_id: "a1", sessions: 3 } });
    const rel = new neo4j.types.Relationship(neo4j.int(1), neo4j.int(7), neo4j.int(8), "USES", { count: neo4j.int(2) }, "5:x:1", "4:x:7", "4:x:8");
    expect(toPlain(rel)).toEqual({ type: "USES", properties: { count: 2 } });
  });

  it("converts nested lists and maps, and leaves plain values alone", () => {
    expect(toPlain({ a: [neo4j.int(1), null, "x", true], b: { c: 1.5 } })).toEqual({ a: [1, null, "x", true], b: { c: 1.5 } });
    expect(toPlain(undefined)).toBeNull();
  });

  it("converts a list of plain values that hides one non-finite number or driver value", () => {
    expect(toPlain(["a", 1.5, true])).toEqual(["a", 1.5, true]);
    expect(toPlain([1, Number.NaN, 2])).toEqual([1, "NaN", 2]);
    expect(toPlain(["a", neo4j.int(2)])).toEqual(["a", 2]);
    expect(toPlain([["a"], [undefined]])).toEqual([["a"], [null]]);
  });

  it("turns byte arrays, as the driver returns them (Int8Array), into base64", () => {
    const bytes = new Int8Array([104, 105, -1]);
    expect(toPlain(bytes)).toBe(Buffer.from([104, 105, 255]).toString("base64"));
    expect(toPlain({ nested: new Uint8Array([1, 2]) })).toEqual({ nested: "AQI=" });
  });
});

describe("recordToPlain", () => {
  it("names each field by its key and makes its value plain", () => {
    const record = new neo4j.Record(["id", "count", "times"], ["a1", neo4j.int(3), [neo4j.int(1), 2.5]]);
    expect(recordToPlain(record)).toEqual({ id: "a1", count: 3, times: [1, 2.5] });
  });
});
