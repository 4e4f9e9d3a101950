import { describe, expect, it } from "vitest";
import { validateSessionRow } from "@/lib/ingest/validate/session-row";
import { compareGroupKeys, idOfSortKey, parseMainLine, sessionLine, sortKey } from "./sort-lines";

function validSession(fields: Record<string, unknown>) {
  const result = validateSessionRow(fields, "jsonl");
  if (!result.ok) throw new Error(result.reason);
  return result.record;
}

describe("sortKey", () => {
  it.each(["a1", "tab\there", "line\nbreak", "ü-5", "emoji 😀", 'quote"d', "back\\slash", ""])("round-trips %j with ASCII text only", (id) => {
    const key = sortKey(id);
    expect(key).toMatch(/^[\x20-\x7e]+$/);
    expect(idOfSortKey(key)).toBe(id);
  });

  it("orders keys as bytes, as sort does under LC_ALL=C", () => {
    const ids = ["b", "a\u00e9", "a", "a\uffff", "a😀", "A"];
    const byKey = [...ids].sort((x, y) => compareGroupKeys([sortKey(x), ""], [sortKey(y), ""]));
    const byBytes = [...ids].sort((x, y) => Buffer.compare(Buffer.from(sortKey(x)), Buffer.from(sortKey(y))));
    expect(byKey).toEqual(byBytes);
  });
});

describe("session lines", () => {
  it.each([
    { session_id: "s1", account_id: "a1", started_at: "2026-02-01T10:00:00+02:00" },
    {
      session_id: "s2",
      account_id: "a\t2",
      started_at: "2026-02-01T10:00:00Z",
      ended_at: "2026-02-01T11:00:00.5Z",
      ip: "10.0.0.1",
      attr_ip: "10.0.0.2",
      device_id: "d1",
      attr_device: "d1",
      prompt_fp: "p1",
      user_agent: "ua\nline",
      request_count: 3,
      asn: 0,
      ip_class: "vpn",
      attr_wallet: "w1",
    },
  ])("give back the validated record ($session_id)", (fields) => {
    const record = validSession(fields);
    const parsed = parseMainLine(sessionLine({ fileIndex: 3, line: 17 }, record));
    expect(parsed).toMatchObject({ kind: "session", place: { fileIndex: 3, line: 17 }, record });
    expect(parsed.kind === "session" && parsed.record).toEqual(record);
  });
});
