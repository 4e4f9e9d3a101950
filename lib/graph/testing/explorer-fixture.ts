import { afterAll, beforeAll } from "vitest";
import { ingestFolder } from "@/lib/ingest/run-ingest";
import { jsonLines, removeInputFolders, writeInputFolder } from "@/lib/ingest/testing/input-folder";
import { closeDriver } from "@/lib/neo4j";
import { resetDatabase } from "@/lib/testing/reset-database";

/**
 * A small network for the explorer's use-cases, loaded through the real
 * ingest pipeline. With a hub threshold of 10:
 *
 *   a1 ─device d1─ a2 ─card c1─ a3 ─phone─ a4        a5 (alone)
 *   (a1, a2 share email domain mail.example; no other pair shares a domain)
 *   a1 and hub users u01…u12 ─ ip 100.64.0.1 (13 accounts: a hub)
 *   a1 203.0.113.5, a2 203.0.113.200, a3 203.0.114.1 (for CIDR search)
 *   n6 on four IPv6 addresses of its own (for IPv6 CIDR search)
 *
 * Sign-ups: a1…a5 on 2026-01-01…05, the hub users on 2026-02-01, n6 on 2026-03-01.
 */
export const fixtureHubThreshold = 10;
export const hubUsers = Array.from({ length: 12 }, (_, index) => `u${String(index + 1).padStart(2, "0")}`);

/**
 * Loads the fixture once for the calling test file (its tests only read) and
 * cleans up after it: temp input folders, then the driver.
 */
export function useExplorerFixture(): void {
  beforeAll(loadExplorerFixture);
  afterAll(async () => {
    removeInputFolders();
    await closeDriver();
  });
}

async function loadExplorerFixture(): Promise<void> {
  await resetDatabase();
  const accounts = [
    "account_id,created_at,email,phone,card_fp,status",
    "a1,2026-01-01T09:00:00Z,alice@mail.example,,,active",
    "a2,2026-01-02T09:00:00Z,bob@mail.example,,c1,suspended",
    "a3,2026-01-03T09:00:00Z,carol@other.example,+4930111222,c1,banned",
    "a4,2026-01-04T09:00:00Z,dave@elsewhere.example,+4930111222,,active",
    "a5,2026-01-05T09:00:00Z,erin@alone.example,,,active",
    ...hubUsers.map((id) => `${id},2026-02-01T09:00:00Z,${id}@carrier.example,,,active`),
    "n6,2026-03-01T09:00:00Z,,,,active",
  ];
  const sessions = [
    session("s1", "a1", "2026-01-10T10:00:00Z", { ip: "100.64.0.1", device_id: "d1" }),
    session("s2", "a1", "2026-01-11T10:00:00Z", { ip: "203.0.113.5", device_id: "d1" }),
    session("s3", "a2", "2026-01-12T10:00:00Z", { ip: "203.0.113.200", device_id: "d1" }),
    session("s4", "a3", "2026-01-13T10:00:00Z", { ip: "203.0.114.1" }),
    ...hubUsers.map((id, index) => session(`h${index}`, id, "2026-02-02T10:00:00Z", { ip: "100.64.0.1" })),
    // Written as logs might; stored canonical: 2001:db8:1::5, 2001:db8:1:ff::1, 2001:0:0:5::1, 2001:db9::1.
    ...["2001:DB8:1:0:0:0:0:5", "2001:db8:1:ff::1", "2001:0:0:5:0:0:0:1", "2001:db9::1"].map((ip, index) => session(`v${index}`, "n6", "2026-03-02T10:00:00Z", { ip })),
  ];
  const folder = writeInputFolder({ "accounts.csv": `${accounts.join("\n")}\n`, "sessions.jsonl": jsonLines(sessions) });
  const report = await ingestFolder({ folder });
  if (report.totals.rejected > 0) throw new Error(`fixture rows rejected: ${JSON.stringify(report.totals)}`);
}

function session(id: string, accountId: string, startedAt: string, attributes: Record<string, string>): object {
  return { session_id: id, account_id: accountId, started_at: startedAt, ...attributes };
}
