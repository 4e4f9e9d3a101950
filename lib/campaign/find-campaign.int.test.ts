import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateScenario, type TruthDocument } from "@/lib/generate";
import { ingestFolder } from "@/lib/ingest/run-ingest";
import { resetDatabase } from "@/lib/testing/reset-database";
import { accuracy } from "./evaluate";
import { findCampaign } from "./find-campaign";
import { applyLabel } from "./labels";
import { queuedCampaignOf } from "./queued-campaign";
import { jsonLines, removeInputFolders, writeInputFolder } from "@/lib/ingest/testing/input-folder";
import { readQuery, type Plain } from "@/lib/neo4j";
import { campaignViewFor, currentView, hasCurrentView } from "./stored-views";
import { describeChange, readWorklist, refreshWorklist } from "./worklist";

// One generated scenario for the whole file: discovery only reads the graph.
let folder: string;
let truth: TruthDocument;

beforeAll(async () => {
  await resetDatabase();
  folder = fs.mkdtempSync(path.join(os.tmpdir(), "ringscope-campaign-"));
  await generateScenario({ preset: "tiny", outDir: folder, rng: 7 });
  await ingestFolder({ folder, reportDir: path.join(folder, "report") });
  truth = JSON.parse(fs.readFileSync(path.join(folder, "truth.json"), "utf8")) as TruthDocument;
}, 300_000);

afterAll(() => {
  fs.rmSync(folder, { recursive: true, force: true });
  removeInputFolders();
});

const campaign = (kind: string) => truth.campaigns.find((c) => c.kind === kind)!;
const cluster = (kind: string) => truth.benignClusters.find((c) => c.kind === kind)!;

describe("findCampaign", () => {
  it("recovers a proxy campaign whose sub-groups share no card, phone or device, from a member of its last sub-group", async () => {
    const proxy = campaign("proxy_rotation");
    const lastGroup = proxy.subgroups!.at(-1)!;
    const result = await findCampaign({ seeds: [lastGroup.at(-1)!] });
    expect(accuracy(result.accounts.map((a) => a.account_id), proxy.members).f1).toBeGreaterThanOrEqual(0.95);
    for (const group of proxy.subgroups!) {
      const found = new Set(result.accounts.map((a) => a.account_id));
      expect(group.filter((id) => found.has(id)).length).toBeGreaterThanOrEqual(group.length * 0.9);
    }
    expect(result.stats.bounded).toBe(true);
    // Its binding attributes lead with what its members use alone (pool exits, templates), not a webmail domain they share with strangers.
    const evidence = result.attributes.map((attribute) => attribute.evidence);
    expect(evidence).toEqual([...evidence].sort((a, b) => b - a));
    expect(result.attributes.slice(0, 10).filter((attribute) => attribute.share < 0.5)).toEqual([]);
  });

  it("explains every member with weighted, timed evidence and cites sessions", async () => {
    const result = await findCampaign({ seeds: [campaign("device_farm").members[3]!] });
    for (const member of result.accounts) {
      expect(member.score).toBeGreaterThan(0);
      expect(member.evidence.length).toBeGreaterThan(0);
      expect(member.evidence[0]!.inCampaign).toBeGreaterThan(1);
    }
    const sessionKinds = ["ip", "device", "prompt"];
    const sessionTie = result.accounts.flatMap((a) => a.evidence.slice(0, 3)).find((e) => sessionKinds.includes(e.kind));
    expect(sessionTie?.sessions.length).toBeGreaterThan(0);
    expect(Date.parse(sessionTie!.firstSeen)).toBeLessThanOrEqual(Date.parse(sessionTie!.lastSeen));
    expect(result.risk.reasons.length).toBeGreaterThan(0);
    expect(result.risk.reasons.every((r) => r.code && r.text && typeof r.weight === "number")).toBe(true);
  });

  it("cites, for each evidence item, sessions of that member that carry the attribute it names", async () => {
    const result = await findCampaign({ seeds: [campaign("proxy_rotation").members[0]!] });
    const cited = result.accounts.flatMap((member) => member.evidence.flatMap((item) => item.sessions.map((session) => ({ member, item, session }))));
    expect(cited.length).toBeGreaterThan(result.accounts.length);
    const rows = await readQuery<{ id: string; owner: string; properties: Record<string, Plain> }>(
      "UNWIND $ids AS id MATCH (owner:Account)-[:HAS_SESSION]->(s:Session {session_id: id}) RETURN id, owner.account_id AS owner, properties(s) AS properties",
      { ids: [...new Set(cited.map((c) => c.session))] },
    );
    const sessions = new Map(rows.map((row) => [row.id, row]));
    for (const { member, item, session } of cited) {
      expect(sessions.get(session)?.owner).toBe(member.account_id);
      expect(Object.values(sessions.get(session)?.properties ?? {})).toContain(item.value);
    }
  });

  it("does not merge the unrelated users behind a carrier NAT address", async () => {
    const nat = cluster("carrier_nat");
    const result = await findCampaign({ seeds: [nat.members[0]!] });
    const found = new Set(result.accounts.map((a) => a.account_id));
    expect(nat.members.filter((id) => found.has(id)).length).toBeLessThan(nat.members.length / 4);
    for (const fraud of truth.campaigns) expect(fraud.members.some((id) => found.has(id))).toBe(false);
  });

  it("finds a corporate office as a cluster and scores it below every fraud campaign", async () => {
    const office = cluster("corporate");
    const officeResult = await findCampaign({ seeds: [office.members[5]!] });
    expect(accuracy(officeResult.accounts.map((a) => a.account_id), office.members).recall).toBeGreaterThanOrEqual(0.9);
    expect(officeResult.risk.reasons.map((r) => r.code)).toContain("organisation_domain");
    for (const fraud of truth.campaigns) {
      const fraudResult = await findCampaign({ seeds: [fraud.members[1]!] });
      expect(fraudResult.risk.score).toBeGreaterThan(officeResult.risk.score);
    }
  });

  it("gives one campaign for several seeds", async () => {
    const ring = campaign("card_ring");
    const result = await findCampaign({ seeds: [ring.members[0]!, ring.members.at(-1)!] });
    expect(result.seeds).toHaveLength(2);
    expect(accuracy(result.accounts.map((a) => a.account_id), ring.members).f1).toBeGreaterThanOrEqual(0.95);
  });

  it("rejects an unknown seed with a not-found error naming it", async () => {
    const error: unknown = await findCampaign({ seeds: ["no-such-account"] }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "NOT_FOUND", status: 404 });
    expect((error as Error).message).toContain('"no-such-account"');
  });

  it("returns identical results on repeated runs", async () => {
    const seed = campaign("proxy_rotation").members[10]!;
    const strip = (r: Awaited<ReturnType<typeof findCampaign>>) => ({ ...r, stats: { ...r.stats, millis: undefined } });
    const first = strip(await findCampaign({ seeds: [seed] }));
    const second = strip(await findCampaign({ seeds: [seed] }));
    expect(second).toEqual(first);
  });
});

describe("worklist and investigator labels", () => {
  it("ranks every planted campaign above the benign clusters and keeps ids across a refresh", async () => {
    const first = await refreshWorklist({ minSize: 5, incremental: false });
    const ranked = first.entries;
    expect(ranked.map((e) => describeChange(e))).toEqual(ranked.map(() => "new"));
    for (const fraud of truth.campaigns) {
      const entry = ranked.find((e) => e.size >= fraud.members.length * 0.9 && e.size <= fraud.members.length * 1.1 && e.risk > 0.5);
      expect(entry, `${fraud.id} in the worklist`).toBeDefined();
    }
    const lowestFraud = Math.min(...ranked.filter((e) => e.risk > 0.5).map((e) => ranked.indexOf(e)));
    expect(ranked.slice(0, lowestFraud).every((e) => e.risk > 0.5)).toBe(true);
    const again = await refreshWorklist({ minSize: 5, incremental: false });
    expect(again.entries.map((e) => e.campaign_id).sort()).toEqual(ranked.map((e) => e.campaign_id).sort());
    expect(again.entries.map((e) => describeChange(e))).toEqual(again.entries.map(() => ""));
    const later = new Date(Date.now() + 60_000).toISOString();
    expect(await readWorklist({ since: later })).toEqual([]);
  });

  it("refreshes incrementally: nothing to search when nothing changed, the grown campaign once new accounts join it", async () => {
    await refreshWorklist({ minSize: 5, incremental: true });
    expect((await refreshWorklist({ minSize: 5, incremental: true })).searched).toBe(0);
    const ring = campaign("card_ring");
    const [card] = await readQuery<{ value: string }>(
      "MATCH (:Account {account_id: $id})-[:USES]->(t:Attribute {kind: 'card'}) RETURN t.value AS value ORDER BY t.account_count DESC LIMIT 1",
      { id: ring.members[0] },
    );
    const joined = ["acct_late_1", "acct_late_2"];
    const accounts = ["account_id,created_at,card_fp,status", ...joined.map((id) => `${id},2026-02-20T10:00:00Z,${card!.value},active`)].join("\n");
    const sessions = joined.map((id, i) => ({ session_id: `sess_late_${i}`, account_id: id, started_at: "2026-02-20T10:05:00Z", ended_at: "2026-02-20T10:15:00Z", ip: "198.51.100.77" }));
    const before = new Date().toISOString();
    await ingestFolder({ folder: writeInputFolder({ "accounts.csv": `${accounts}\n`, "sessions.jsonl": jsonLines(sessions) }) });

    const refreshed = await refreshWorklist({ minSize: 5, incremental: true });
    expect(refreshed.searched).toBeGreaterThan(0);
    const grown = refreshed.entries.find((e) => describeChange(e, before).startsWith("grown"));
    expect(grown, JSON.stringify(refreshed.entries.slice(0, 5))).toBeDefined();
    const members = await readQuery<{ id: string }>("MATCH (a:Account)-[:MEMBER_OF]->(:Campaign {campaign_id: $id}) RETURN a.account_id AS id", { id: grown!.campaign_id });
    expect(members.map((m) => m.id)).toEqual(expect.arrayContaining([...joined, ring.members[0]]));
  });

  it("dissolves a campaign once benign marks cut what tied it, and brings it back under its id once they are cleared", async () => {
    await refreshWorklist({ minSize: 5, incremental: true });
    const ring = campaign("card_ring");
    const entry = (await readWorklist({})).find((e) => e.seeds.some((s) => ring.members.includes(s)));
    expect(entry).toBeDefined();
    const shared = await readQuery<{ key: string }>(
      "UNWIND $ids AS id MATCH (:Account {account_id: id})-[:USES]->(t:Attribute) WHERE t.account_count > 1 RETURN DISTINCT t.key AS key",
      { ids: ring.members },
    );
    const mark = (benign: boolean) => Promise.all(shared.map(({ key }) => applyLabel({ target: "attribute", key, benign }, "test-investigator")));
    await mark(true);
    try {
      const cut = await refreshWorklist({ minSize: 5, incremental: true });
      expect(cut.dissolved).toBeGreaterThan(0);
      expect(cut.entries.map((e) => e.campaign_id)).not.toContain(entry!.campaign_id);
      expect(await queuedCampaignOf(ring.members[0]!)).toBeUndefined();
    } finally {
      await mark(false);
    }
    const whole = await refreshWorklist({ minSize: 5, incremental: true });
    expect(whole.entries.find((e) => e.campaign_id === entry!.campaign_id)?.size).toBe(entry!.size);
    expect((await refreshWorklist({ minSize: 5, incremental: true })).searched).toBe(0);
  });

  it("stops linking through an attribute marked benign, and links again once cleared", async () => {
    const office = cluster("corporate");
    const seed = office.members[5]!;
    const before = await findCampaign({ seeds: [seed] });
    for (const shared of office.sharedAttributes) await applyLabel({ target: "attribute", key: `${shared.kind}:${shared.value}`, benign: true }, "test-investigator");
    try {
      const after = new Set((await findCampaign({ seeds: [seed] })).accounts.map((a) => a.account_id));
      const staffStillLinked = office.members.filter((id) => after.has(id)).length;
      expect(staffStillLinked, JSON.stringify({ staffStillLinked, size: after.size })).toBeLessThan(office.members.length / 4);
    } finally {
      for (const shared of office.sharedAttributes) await applyLabel({ target: "attribute", key: `${shared.kind}:${shared.value}`, benign: false }, "test-investigator");
    }
    expect((await findCampaign({ seeds: [seed] })).accounts.length).toBe(before.accounts.length);
  });

  it("respects members removed and added by hand in later runs", async () => {
    const ring = campaign("card_ring");
    const [entry] = (await readWorklist({})).filter((e) => e.seeds.some((s) => ring.members.includes(s)) || e.size === ring.members.length);
    expect(entry).toBeDefined();
    const outsider = cluster("household").members[0]!;
    await applyLabel({ target: "members", campaignId: entry!.campaign_id, remove: [ring.members[2]!], add: [outsider] }, "test-investigator");
    const result = await findCampaign({ seeds: [ring.members[0]!] });
    const found = result.accounts.map((a) => a.account_id);
    expect(found).not.toContain(ring.members[2]);
    expect(result.accounts.find((a) => a.account_id === outsider)?.manual).toBe("added");
    // The next refresh searches the campaign again, so the worklist's member list follows too.
    await refreshWorklist({ minSize: 5, incremental: true });
    const stored = await readQuery<{ id: string }>("MATCH (a:Account)-[:MEMBER_OF]->(:Campaign {campaign_id: $id}) RETURN a.account_id AS id", { id: entry!.campaign_id });
    expect(stored.map((member) => member.id)).toEqual(expect.arrayContaining([outsider]));
    expect(stored.map((member) => member.id)).not.toContain(ring.members[2]);
  });

  it("rejects a label for an account that does not exist", async () => {
    await expect(applyLabel({ target: "accounts", ids: ["nobody"], label: "fraud" }, "t")).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

});

describe("stored campaign views", () => {
  it("shows the stored view until a label discovery reads is written or a load starts, and searches again on request", async () => {
    const seeds = [campaign("device_farm").members[1]!];
    const searched = await campaignViewFor({ seeds }, { rerun: true });
    expect(searched.stored).toBe(false);
    const again = await campaignViewFor({ seeds });
    expect(again).toMatchObject({ stored: true, computedAt: searched.computedAt });
    expect(again.view).toEqual(searched.view);
    expect((await campaignViewFor({ seeds, maxStages: 7 })).stored).toBe(false);

    // A review label changes nothing a view shows; clearing a benign mark (even one never set) may change what links.
    await applyLabel({ target: "accounts", ids: seeds, label: "fraud" }, "test-investigator");
    expect((await campaignViewFor({ seeds })).stored).toBe(true);
    const [anyAttribute] = await readQuery<{ key: string }>("MATCH (:Account {account_id: $id})-[:USES]->(t:Attribute) RETURN t.key AS key LIMIT 1", { id: seeds[0] });
    await applyLabel({ target: "attribute", key: anyAttribute!.key, benign: false }, "test-investigator");
    expect((await campaignViewFor({ seeds })).stored).toBe(false);
    expect((await campaignViewFor({ seeds })).stored).toBe(true);

    const accounts = "account_id,created_at,status\nacct_view_late,2026-02-21T10:00:00Z,active\n";
    await ingestFolder({ folder: writeInputFolder({ "accounts.csv": accounts }) });
    expect((await campaignViewFor({ seeds })).stored).toBe(false);
    // The views from before the load can never be shown again: storing one clears them out.
    const [views] = await readQuery<{ all: number; current: number }>(
      "MATCH (v:CampaignView) OPTIONAL MATCH (r:IngestRun) WITH v, max(r.started_at) AS loaded RETURN count(v) AS all, count(CASE WHEN v.computed_at >= loaded THEN 1 END) AS current",
    );
    expect(views).toEqual({ all: 1, current: 1 });
  });

  it("stores, as the worklist queues a large campaign, the very view its own search gives", async () => {
    await refreshWorklist({ minSize: 5, incremental: false, viewMinSize: 20 });
    const large = (await readWorklist({})).filter((entry) => entry.size >= 20);
    expect(large.length).toBeGreaterThan(0);
    for (const { seeds } of large) {
      const queued = await currentView({ seeds });
      expect(queued).toBeDefined();
      expect(queued!.view).toEqual((await campaignViewFor({ seeds }, { rerun: true })).view);
    }
  });

  it("computes again, at the next incremental refresh, the large campaigns' views a load made stale, though it searches none of them", async () => {
    await refreshWorklist({ minSize: 5, incremental: false, viewMinSize: 20 });
    const large = (await readWorklist({})).filter((entry) => entry.size >= 20);
    const accounts = "account_id,created_at,status\nacct_view_later,2026-02-22T10:00:00Z,active\n";
    await ingestFolder({ folder: writeInputFolder({ "accounts.csv": accounts }) });
    expect(await hasCurrentView({ seeds: large[0]!.seeds })).toBe(false);

    const refreshed = await refreshWorklist({ minSize: 5, incremental: true, viewMinSize: 20 });
    expect(refreshed).toMatchObject({ searched: 0, views: large.length });
    for (const { seeds } of large) expect(await hasCurrentView({ seeds })).toBe(true);
  });
});
