import { describe, expect, it } from "vitest";
import type { SessionRecord } from "@/lib/ingest/records";
import type { RowResult } from "./row-types";
import { validateSessionRow } from "./session-row";

const base = { session_id: "s1", account_id: "a1", started_at: "2026-02-23T09:15:00Z" };

function recordOf(result: RowResult<SessionRecord>): SessionRecord {
  if (!result.ok) throw new Error(result.reason);
  return result.record;
}

function reasonOf(result: RowResult<SessionRecord>): string {
  if (result.ok) throw new Error("expected a rejection");
  return result.reason;
}

describe("validateSessionRow", () => {
  it("builds a record from CSV text", () => {
    const record = recordOf(
      validateSessionRow(
        {
          ...base,
          ended_at: "2026-02-23T11:20:00.5+02:00",
          ip: "::FFFF:10.0.0.1",
          device_id: "dev-1",
          user_agent: "curl/8.5",
          request_count: "42",
          prompt_fp: "pfp-1",
          asn: "13335",
          ip_class: "Datacenter",
          attr_api_org: "org-7",
        },
        "csv",
      ),
    );
    expect(record).toEqual({
      sessionId: "s1",
      accountId: "a1",
      startedAt: "2026-02-23T09:15:00Z",
      endedAt: "2026-02-23T11:20:00.5+02:00",
      ip: "10.0.0.1",
      deviceId: "dev-1",
      userAgent: "curl/8.5",
      requestCount: 42,
      promptFp: "pfp-1",
      asn: 13335,
      ipClass: "datacenter",
      attributes: [
        { kind: "ip", value: "10.0.0.1" },
        { kind: "device", value: "dev-1" },
        { kind: "prompt", value: "pfp-1" },
        { kind: "api_org", value: "org-7" },
      ],
    });
  });

  it("rejects a missing required field", () => {
    expect(reasonOf(validateSessionRow({ ...base, started_at: undefined }, "csv"))).toBe("missing required field started_at");
    expect(reasonOf(validateSessionRow({ session_id: "s1", started_at: base.started_at }, "jsonl"))).toBe(
      "missing required field account_id",
    );
  });

  it("rejects a time without a zone", () => {
    expect(reasonOf(validateSessionRow({ ...base, started_at: "2026-02-23T09:15:00" }, "csv"))).toBe(
      "started_at: timestamp without a zone '2026-02-23T09:15:00'",
    );
  });

  it("rejects an impossible date", () => {
    expect(reasonOf(validateSessionRow({ ...base, ended_at: "2026-02-30T00:00:00Z" }, "csv"))).toBe(
      "ended_at: not a real date '2026-02-30T00:00:00Z'",
    );
  });

  it("rejects an end before the start, comparing instants across zones", () => {
    expect(reasonOf(validateSessionRow({ ...base, ended_at: "2026-02-23T10:00:00+02:00" }, "csv"))).toBe(
      "ended_at is before started_at",
    );
    expect(recordOf(validateSessionRow({ ...base, ended_at: "2026-02-23T11:15:00+02:00" }, "csv")).endedAt).toBe(
      "2026-02-23T11:15:00+02:00",
    );
  });

  it("rejects a malformed IP, also in attr_ip", () => {
    expect(reasonOf(validateSessionRow({ ...base, ip: "300.1.2.3" }, "csv"))).toBe(
      "ip: malformed IP '300.1.2.3': octet 300 is out of range",
    );
    expect(reasonOf(validateSessionRow({ ...base, attr_ip: "1.2.3" }, "csv"))).toBe("attr_ip: malformed IP '1.2.3'");
  });

  it("merges attr_ip into the ip kind after canonicalisation", () => {
    const record = recordOf(validateSessionRow({ ...base, ip: "2001:DB8::1", attr_ip: "2001:db8:0:0:0:0:0:1" }, "csv"));
    expect(record.attributes).toEqual([{ kind: "ip", value: "2001:db8::1" }]);
  });

  it("rejects negative and non-integer counts", () => {
    expect(reasonOf(validateSessionRow({ ...base, request_count: "-3" }, "csv"))).toBe("negative request_count -3");
    expect(reasonOf(validateSessionRow({ ...base, request_count: -3 }, "jsonl"))).toBe("negative request_count -3");
    expect(reasonOf(validateSessionRow({ ...base, asn: "2.5" }, "csv"))).toBe("asn: not a non-negative integer '2.5'");
    expect(reasonOf(validateSessionRow({ ...base, asn: 2.5 }, "jsonl"))).toBe("asn: not an integer 2.5");
    expect(reasonOf(validateSessionRow({ ...base, asn: "+5" }, "csv"))).toBe("asn: not a non-negative integer '+5'");
    expect(reasonOf(validateSessionRow({ ...base, request_count: "99999999999999999" }, "csv"))).toBe(
      "request_count: too large '99999999999999999'",
    );
  });

  it("wants JSON numbers for counts in JSON Lines", () => {
    expect(recordOf(validateSessionRow({ ...base, request_count: 0, asn: 64512 }, "jsonl"))).toMatchObject({
      requestCount: 0,
      asn: 64512,
    });
    expect(reasonOf(validateSessionRow({ ...base, request_count: "12" }, "jsonl"))).toBe(
      "wrong type for request_count: string",
    );
  });

  it("accepts safe-integer ids in JSON Lines", () => {
    const record = recordOf(validateSessionRow({ session_id: 17, account_id: 4, started_at: base.started_at, device_id: 99 }, "jsonl"));
    expect(record).toMatchObject({ sessionId: "17", accountId: "4", deviceId: "99" });
    expect(reasonOf(validateSessionRow({ ...base, user_agent: 5 }, "jsonl"))).toBe("wrong type for user_agent: number");
    expect(reasonOf(validateSessionRow({ ...base, ip: 167772161 }, "jsonl"))).toBe("wrong type for ip: number");
  });

  it("rejects an unknown ip_class", () => {
    expect(reasonOf(validateSessionRow({ ...base, ip_class: "cloud" }, "csv"))).toMatch(/^ip_class: unknown value 'cloud'/);
  });
});
