import { describe, expect, it } from "vitest";
import type { SessionRecord } from "@/lib/ingest/records";
import { keysOfSessionProperties } from "./attribute-kinds";
import { planSessionBatch, sessionAttributeProperties, type StoredSession } from "./plan-sessions";

function session(id: string, overrides: Partial<SessionRecord> = {}): { record: SessionRecord } {
  const record: SessionRecord = { sessionId: id, accountId: "a1", startedAt: "2026-02-01T10:00:00Z", attributes: [], ...overrides };
  if (overrides.attributes === undefined) {
    record.attributes = [
      ...(record.ip ? [{ kind: "ip", value: record.ip }] : []),
      ...(record.deviceId ? [{ kind: "device", value: record.deviceId }] : []),
      ...(record.promptFp ? [{ kind: "prompt", value: record.promptFp }] : []),
    ];
  }
  return { record };
}

const everyAccountKnown = { isKnownAccount: () => true, storedSessions: new Map<string, StoredSession>() };

describe("planSessionBatch", () => {
  it("pre-aggregates one link delta per (account, attribute) with counts and the time span", () => {
    const plan = planSessionBatch(
      [
        session("s1", { ip: "10.0.0.1", startedAt: "2026-02-02T10:00:00Z" }),
        session("s2", { ip: "10.0.0.1", startedAt: "2026-02-01T09:00:00+02:00" }),
        session("s3", { ip: "10.0.0.1", accountId: "a2", startedAt: "2026-02-03T00:00:00Z" }),
      ],
      everyAccountKnown,
    );
    expect(plan.links).toEqual([
      { accountId: "a1", key: "ip:10.0.0.1", newSessions: 2, first: "2026-02-01T09:00:00+02:00", last: "2026-02-02T10:00:00Z" },
      { accountId: "a2", key: "ip:10.0.0.1", newSessions: 1, first: "2026-02-03T00:00:00Z", last: "2026-02-03T00:00:00Z" },
    ]);
    expect(plan.attributes).toEqual([
      { key: "ip:10.0.0.1", kind: "ip", value: "10.0.0.1", first: "2026-02-01T09:00:00+02:00", last: "2026-02-03T00:00:00Z" },
    ]);
  });

  it("writes a session id once per batch, later rows winning field by field", () => {
    const plan = planSessionBatch(
      [
        session("s1", { deviceId: "d1", userAgent: "ua-1", requestCount: 3 }),
        session("s1", { startedAt: "2026-02-01T11:00:00Z", userAgent: "ua-2", endedAt: "2026-02-01T12:00:00Z" }),
      ],
      everyAccountKnown,
    );
    expect(plan.sessions).toHaveLength(1);
    expect(plan.sessions[0]).toMatchObject({
      session_id: "s1",
      is_new: true,
      started_at: "2026-02-01T11:00:00Z",
      ended_at: "2026-02-01T12:00:00Z",
      request_count: 3,
      fields: { device_id: "d1", user_agent: "ua-2" },
      past_keys: null,
    });
    expect(plan.links).toEqual([expect.objectContaining({ key: "device:d1", newSessions: 1 })]);
  });

  it("counts nothing for values a stored session already carries, and still widens the span", () => {
    const storedSessions = new Map<string, StoredSession>([
      ["s1", { accountId: "a1", attributeProperties: { ip: "10.0.0.1", attr_wallet: "w1" }, pastKeys: ["device:old"] }],
    ]);
    const plan = planSessionBatch(
      [
        session("s1", {
          ip: "10.0.0.1",
          deviceId: "old",
          startedAt: "2026-01-01T00:00:00Z",
          attributes: [
            { kind: "ip", value: "10.0.0.1" },
            { kind: "device", value: "old" },
            { kind: "wallet", value: "w1" },
          ],
        }),
      ],
      { isKnownAccount: () => true, storedSessions },
    );
    expect(plan.links.map((link) => [link.key, link.newSessions, link.first])).toEqual([
      ["ip:10.0.0.1", 0, "2026-01-01T00:00:00Z"],
      ["device:old", 0, "2026-01-01T00:00:00Z"],
      ["wallet:w1", 0, "2026-01-01T00:00:00Z"],
    ]);
    expect(plan.sessions[0]).toMatchObject({ is_new: false, past_keys: null });
  });

  it("remembers a replaced value as past, so replaying the same rows counts nothing twice", () => {
    const rows = [session("s1", { ip: "10.0.0.1" }), session("s1", { ip: "10.0.0.2" })];
    const first = planSessionBatch(rows, everyAccountKnown);
    expect(first.links.map((link) => [link.key, link.newSessions])).toEqual([
      ["ip:10.0.0.1", 1],
      ["ip:10.0.0.2", 1],
    ]);
    const written = first.sessions[0];
    expect(written?.past_keys).toEqual(["ip:10.0.0.1"]);
    // The same rows again, one batch each, against what the first load stored.
    let stored: StoredSession = { accountId: "a1", attributeProperties: { ip: "10.0.0.2" }, pastKeys: written?.past_keys ?? [] };
    for (const row of rows) {
      const again = planSessionBatch([row], { isKnownAccount: () => true, storedSessions: new Map([["s1", stored]]) });
      expect(again.links.every((link) => link.newSessions === 0)).toBe(true);
      const write = again.sessions[0];
      stored = { accountId: "a1", attributeProperties: { ip: write?.fields.ip ?? "" }, pastKeys: write?.past_keys ?? [] };
    }
    expect(stored).toEqual({ accountId: "a1", attributeProperties: { ip: "10.0.0.2" }, pastKeys: ["ip:10.0.0.1"] });
  });

  it("rejects rows of unknown accounts and rows that would move a session to another account", () => {
    const storedSessions = new Map<string, StoredSession>([["s9", { accountId: "a1", attributeProperties: {}, pastKeys: [] }]]);
    const plan = planSessionBatch(
      [
        session("s1", { accountId: "ghost", ip: "10.0.0.1" }),
        session("s2", { accountId: "a1" }),
        session("s2", { accountId: "a2" }),
        session("s9", { accountId: "a2" }),
      ],
      { isKnownAccount: (id) => id !== "ghost", storedSessions },
    );
    expect(plan.rejected.map(({ row, reason }) => [row.record.sessionId, reason])).toEqual([
      ["s1", "unknown account ghost"],
      ["s2", "session s2 belongs to account a1, not a2"],
      ["s9", "session s9 belongs to account a1, not a2"],
    ]);
    expect(plan.sessions.map((write) => write.session_id)).toEqual(["s2"]);
    expect(plan.attributes).toEqual([]);
  });

  it("lets a later row create a session whose first row was rejected", () => {
    const plan = planSessionBatch([session("s1", { accountId: "ghost" }), session("s1", { accountId: "a2" })], {
      isKnownAccount: (id) => id !== "ghost",
      storedSessions: new Map(),
    });
    expect(plan.sessions).toEqual([expect.objectContaining({ session_id: "s1", account_id: "a2", is_new: true })]);
  });
});

describe("sessionAttributeProperties", () => {
  it("stores built-in columns by name and every other value as attr_<kind>, matching the record's attributes", () => {
    const { record } = session("s1", {
      ip: "10.0.0.1",
      deviceId: "d1",
      attributes: [
        { kind: "ip", value: "10.0.0.1" },
        { kind: "device", value: "d1" },
        { kind: "ip", value: "10.9.9.9" },
        { kind: "payout_wallet", value: "w1" },
      ],
    });
    const properties = sessionAttributeProperties(record);
    expect(properties).toEqual({ ip: "10.0.0.1", device_id: "d1", attr_ip: "10.9.9.9", attr_payout_wallet: "w1" });
    expect(keysOfSessionProperties(properties).sort()).toEqual(["device:d1", "ip:10.0.0.1", "ip:10.9.9.9", "payout_wallet:w1"]);
  });
});
