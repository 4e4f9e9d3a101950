import { describe, expect, it } from "vitest";
import type { AccountRecord } from "@/lib/ingest/records";
import { planAccountBatch } from "./plan-accounts";

function account(id: string, overrides: Partial<AccountRecord> = {}): AccountRecord {
  return { accountId: id, createdAt: "2026-01-01T00:00:00Z", attributes: [], ...overrides };
}

describe("planAccountBatch", () => {
  it("folds repeated ids into one write, later fields winning and absent fields kept", () => {
    const plan = planAccountBatch([
      account("a1", { email: "x@example.com", country: "DE", status: "active" }),
      account("a2"),
      account("a1", { status: "banned", createdAt: "2026-01-02T00:00:00Z" }),
    ]);
    expect(plan.accounts).toEqual([
      { account_id: "a1", created_at: "2026-01-02T00:00:00Z", fields: { email: "x@example.com", country: "DE", status: "banned" } },
      { account_id: "a2", created_at: "2026-01-01T00:00:00Z", fields: {} },
    ]);
  });

  it("links account attributes with no sessions and first/last at created_at", () => {
    const plan = planAccountBatch([
      account("a1", { attributes: [{ kind: "email_domain", value: "example.com" }] }),
      account("a2", { createdAt: "2026-03-01T00:00:00Z", attributes: [{ kind: "email_domain", value: "example.com" }] }),
      account("a1", { createdAt: "2025-12-01T00:00:00Z", attributes: [{ kind: "email_domain", value: "example.com" }] }),
    ]);
    expect(plan.links).toEqual([
      { accountId: "a1", key: "email_domain:example.com", newSessions: 0, first: "2025-12-01T00:00:00Z", last: "2026-01-01T00:00:00Z" },
      { accountId: "a2", key: "email_domain:example.com", newSessions: 0, first: "2026-03-01T00:00:00Z", last: "2026-03-01T00:00:00Z" },
    ]);
    expect(plan.attributes).toEqual([
      { key: "email_domain:example.com", kind: "email_domain", value: "example.com", first: "2025-12-01T00:00:00Z", last: "2026-03-01T00:00:00Z" },
    ]);
  });
});
