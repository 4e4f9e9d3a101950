import { describe, expect, it } from "vitest";
import type { AccountRecord } from "@/lib/ingest/records";
import { validateAccountRow } from "./account-row";
import type { RowResult } from "./row-types";

const base = { account_id: "a1", created_at: "2026-02-01T10:00:00Z" };

function recordOf(result: RowResult<AccountRecord>): AccountRecord {
  if (!result.ok) throw new Error(result.reason);
  return result.record;
}

function reasonOf(result: RowResult<AccountRecord>): string {
  if (result.ok) throw new Error("expected a rejection");
  return result.reason;
}

describe("validateAccountRow", () => {
  it("builds a record with every shared attribute", () => {
    const record = recordOf(
      validateAccountRow(
        {
          ...base,
          email: " Alice@Example.com ",
          phone: "+1 (415) 555-0100",
          card_fp: "cfp_9",
          country: "de",
          status: "active",
          attr_payout_wallet: " w-77 ",
        },
        "csv",
      ),
    );
    expect(record).toEqual({
      accountId: "a1",
      createdAt: "2026-02-01T10:00:00Z",
      email: "alice@example.com",
      phone: "+14155550100",
      cardFp: "cfp_9",
      country: "DE",
      status: "active",
      attributes: [
        { kind: "email", value: "alice@example.com" },
        { kind: "email_domain", value: "example.com" },
        { kind: "phone", value: "+14155550100" },
        { kind: "card", value: "cfp_9" },
        { kind: "payout_wallet", value: "w-77" },
      ],
    });
  });

  it("leaves unknown fields out instead of setting them to undefined", () => {
    const record = recordOf(validateAccountRow({ ...base, email: "   " }, "jsonl"));
    expect(Object.keys(record).sort()).toEqual(["accountId", "attributes", "createdAt"]);
    expect(record.attributes).toEqual([]);
  });

  it("rejects a missing required field", () => {
    expect(reasonOf(validateAccountRow({ account_id: "a1" }, "csv"))).toBe("missing required field created_at");
    expect(reasonOf(validateAccountRow({ created_at: base.created_at, account_id: null }, "jsonl"))).toBe(
      "missing required field account_id",
    );
  });

  it("lists every problem of the row", () => {
    expect(reasonOf(validateAccountRow({ created_at: "yesterday", email: "nope" }, "csv"))).toBe(
      "missing required field account_id; created_at: unparsable timestamp 'yesterday' (expected ISO-8601 such as 2026-02-23T09:15:00Z); email: malformed email 'nope'",
    );
  });

  it("rejects wrong JSON types", () => {
    expect(reasonOf(validateAccountRow({ ...base, account_id: true }, "jsonl"))).toBe("wrong type for account_id: boolean");
    expect(reasonOf(validateAccountRow({ ...base, email: ["a@b.co"] }, "jsonl"))).toBe("wrong type for email: array");
    expect(reasonOf(validateAccountRow({ ...base, created_at: 1771840800 }, "jsonl"))).toBe(
      "wrong type for created_at: number",
    );
  });

  it("accepts a safe integer as an id in JSON, as its decimal string", () => {
    expect(recordOf(validateAccountRow({ ...base, account_id: 9007199254740991 }, "jsonl")).accountId).toBe(
      "9007199254740991",
    );
    expect(recordOf(validateAccountRow({ ...base, card_fp: 42 }, "jsonl")).cardFp).toBe("42");
    expect(reasonOf(validateAccountRow({ ...base, account_id: 9007199254740992 }, "jsonl"))).toBe(
      "wrong type for account_id: number 9007199254740992 is not a safe integer",
    );
    expect(reasonOf(validateAccountRow({ ...base, account_id: 1.5 }, "jsonl"))).toMatch(/^wrong type for account_id/);
  });

  it("rejects an unknown status", () => {
    expect(reasonOf(validateAccountRow({ ...base, status: "closed" }, "csv"))).toBe(
      "status: unknown value 'closed' (expected active, suspended or banned)",
    );
  });

  it("normalises attr_ columns of built-in kinds like the built-in column, without duplicates", () => {
    const record = recordOf(
      validateAccountRow({ ...base, email: "a@x.io", attr_email: "A@X.IO", attr_phone: "+44 20 7946 0018" }, "csv"),
    );
    expect(record.attributes).toEqual([
      { kind: "email", value: "a@x.io" },
      { kind: "email_domain", value: "x.io" },
      { kind: "phone", value: "+442079460018" },
    ]);
    expect(reasonOf(validateAccountRow({ ...base, attr_phone: "12" }, "csv"))).toMatch(/^attr_phone: malformed phone '12'/);
  });

  it("rejects a value in an attr_ column whose kind breaks the naming rule", () => {
    expect(reasonOf(validateAccountRow({ ...base, attr_Wallet: "w1" }, "csv"))).toBe(
      "invalid attribute column attr_Wallet: the kind must be lower-case letters, digits and _",
    );
    expect(recordOf(validateAccountRow({ ...base, "attr_bad-kind": "  " }, "csv")).attributes).toEqual([]);
  });

  it("treats attr_constructor as an ordinary kind", () => {
    expect(recordOf(validateAccountRow({ ...base, attr_constructor: "x" }, "csv")).attributes).toEqual([
      { kind: "constructor", value: "x" },
    ]);
  });

  it("ignores unknown columns that are not attr_", () => {
    expect(recordOf(validateAccountRow({ ...base, signup_channel: "web", notes: { any: 1 } }, "jsonl"))).toEqual({
      accountId: "a1",
      createdAt: "2026-02-01T10:00:00Z",
      attributes: [],
    });
  });
});
