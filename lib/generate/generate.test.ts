/**
 * End-to-end checks of the `tiny` preset: determinism, the input contract row
 * by row, and that truth.json describes what the files really contain.
 */
import { createHash } from "node:crypto";
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { isIP } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateScenario, type GenerateResult } from "./index";
import { readGeneratedOutput, type GeneratedOutput, type Row, type SessionRow } from "./read-output";

const ISO_WITH_ZONE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?(Z|[+-]\d{2}:\d{2})$/;
const E164 = /^\+[1-9]\d{6,14}$/;
const IP_CLASSES = new Set(["residential", "mobile", "business", "datacenter", "vpn", "proxy", "tor"]);
const SESSION_KEYS = new Set([
  "session_id", "account_id", "started_at", "ended_at", "ip", "device_id", "user_agent",
  "request_count", "prompt_fp", "asn", "ip_class",
]);

let root = "";
let result: GenerateResult;
let out: GeneratedOutput;

async function digests(dir: string): Promise<Record<string, string>> {
  const names = (await readdir(dir)).sort();
  const entries = await Promise.all(
    names.map(async (name) => [name, createHash("sha256").update(await readFile(join(dir, name))).digest("hex")] as const),
  );
  return Object.fromEntries(entries);
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), "ringscope-generate-"));
  // A month file left by an earlier run must not survive into this one.
  await mkdir(join(root, "a"));
  await writeFile(join(root, "a", "sessions-2019-01.jsonl.gz"), "stale");
  result = await generateScenario({ preset: "tiny", outDir: join(root, "a"), rng: 7 });
  await generateScenario({ preset: "tiny", outDir: join(root, "b"), rng: 7 });
  await generateScenario({ preset: "tiny", outDir: join(root, "c"), rng: 8 });
  out = readGeneratedOutput(join(root, "a"));
}, 120_000);

afterAll(async () => {
  if (root) await rm(root, { recursive: true, force: true });
});

/** The canonical text the contract normalises IPs to. */
function canonicalIp(ip: string): string {
  return isIP(ip) === 6 ? new URL(`http://[${ip}]/`).hostname.slice(1, -1) : ip;
}

/** (kind, value) → accounts carrying it, from both files, as ingest would link them. */
function attributeIndex(o: GeneratedOutput): Map<string, Set<string>> {
  const index = new Map<string, Set<string>>();
  const add = (kind: string, value: unknown, account: string) => {
    if (typeof value !== "string" || value === "") return;
    const key = `${kind}\u0000${value}`;
    const set = index.get(key) ?? new Set<string>();
    set.add(account);
    index.set(key, set);
  };
  for (const a of o.accounts) {
    const id = a.account_id ?? "";
    add("email", a.email?.toLowerCase(), id);
    add("email_domain", a.email?.split("@")[1]?.toLowerCase(), id);
    add("phone", a.phone, id);
    add("card", a.card_fp, id);
    for (const column of o.accountColumns.filter((c) => c.startsWith("attr_"))) add(column.slice(5), a[column], id);
  }
  for (const { row } of o.sessions) {
    const id = String(row.account_id);
    if (typeof row.ip === "string") add("ip", canonicalIp(row.ip), id);
    add("device", row.device_id, id);
    add("prompt", row.prompt_fp, id);
  }
  return index;
}

const carriers = (index: Map<string, Set<string>>, kind: string, value: string) => index.get(`${kind}\u0000${value}`) ?? new Set<string>();

describe("determinism", () => {
  it("writes byte-identical files for the same preset and rng", async () => {
    expect(await digests(join(root, "a"))).toEqual(await digests(join(root, "b")));
  });

  it("writes different data for a different rng", async () => {
    const a = await digests(join(root, "a"));
    const c = await digests(join(root, "c"));
    expect(Object.keys(c)).toEqual(Object.keys(a));
    for (const name of Object.keys(a)) expect(c[name], name).not.toBe(a[name]);
  });
});

describe("options", () => {
  it("rejects an rng that is not a non-negative safe integer, before writing anything", async () => {
    const outDir = join(root, "never");
    await expect(generateScenario({ preset: "tiny", outDir, rng: -1 })).rejects.toThrow(RangeError);
    await expect(generateScenario({ preset: "tiny", outDir, rng: 1.5 })).rejects.toThrow(RangeError);
    await expect(readdir(outDir)).rejects.toThrow();
  });

  it("removes session files a previous run left behind", () => {
    expect(out.files).not.toContain("sessions-2019-01.jsonl.gz");
  });

  it("reports progress through every phase", async () => {
    const phases = new Set<string>();
    await generateScenario({ preset: "tiny", outDir: join(root, "d"), rng: 7, onProgress: (p) => phases.add(p.phase) });
    expect([...phases]).toEqual(["build", "accounts", "sessions", "truth"]);
  });
});

describe("sizes", () => {
  it("meets the preset's exact totals and splits sessions over several files", () => {
    expect(result.accounts).toBe(2_000);
    expect(out.accounts).toHaveLength(2_000);
    expect(out.sessions).toHaveLength(15_000);
    const sessionFiles = out.files.filter((f) => /^sessions-\d{4}-\d{2}\.jsonl\.gz$/.test(f));
    expect(sessionFiles.length).toBeGreaterThan(3);
    expect(result.files).toEqual(["accounts.csv", ...sessionFiles, "truth.json"]);
    const proxy = out.truth.campaigns.find((c) => c.kind === "proxy_rotation");
    expect(proxy?.members).toHaveLength(200);
  });
});

describe("input contract", () => {
  it("gives accounts the contract's columns and valid values", () => {
    expect(out.accountColumns.slice(0, 7)).toEqual(["account_id", "created_at", "email", "phone", "card_fp", "country", "status"]);
    expect(out.accountColumns.slice(7).every((c) => /^attr_[a-z0-9_]+$/.test(c))).toBe(true);
    const problems = out.accounts.flatMap((a) => accountProblems(a));
    expect(problems).toEqual([]);
    const ids = out.accounts.map((a) => a.account_id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(out.accounts.filter((a) => a.email).map((a) => a.email)).size).toBe(out.accounts.filter((a) => a.email).length);
  });

  it("gives every session valid values and an existing account", () => {
    const accounts = new Set(out.accounts.map((a) => a.account_id));
    const problems = out.sessions.flatMap(({ file, row }) => sessionProblems(row, accounts).map((p) => `${file}: ${p}`));
    expect(problems.slice(0, 10)).toEqual([]);
    const ids = out.sessions.map(({ row }) => row.session_id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("uses the documented value spaces, in their variety", () => {
    const ips = out.sessions.map(({ row }) => (typeof row.ip === "string" ? row.ip : ""));
    expect(ips.some((ip) => isIP(ip) === 6)).toBe(true);
    expect(ips.some((ip) => ip.startsWith("100.") && Number(ip.split(".")[1]) >= 64 && Number(ip.split(".")[1]) < 128)).toBe(true);
    const starts = out.sessions.map(({ row }) => String(row.started_at));
    expect(starts.some((t) => t.endsWith("Z"))).toBe(true);
    expect(starts.some((t) => t.endsWith("+02:00"))).toBe(true);
    expect(starts.some((t) => /\.\d{3}/.test(t))).toBe(true);
    const classes = new Set(out.sessions.map(({ row }) => row.ip_class));
    for (const c of ["residential", "mobile", "business", "datacenter", "vpn", "proxy"]) expect(classes).toContain(c);
    expect(out.sessions.some(({ row }) => !("device_id" in row))).toBe(true);
  });
});

function accountProblems(a: Row): string[] {
  const problems: string[] = [];
  const id = a.account_id ?? "";
  if (!id) problems.push("missing account_id");
  if (!ISO_WITH_ZONE.test(a.created_at ?? "") || Number.isNaN(Date.parse(a.created_at ?? ""))) problems.push(`${id} created_at ${a.created_at}`);
  if (a.email && !/^[^@\s]+@[a-z0-9.-]+\.[a-z]{2,}$/.test(a.email)) problems.push(`${id} email ${a.email}`);
  if (a.phone && !E164.test(a.phone)) problems.push(`${id} phone ${a.phone}`);
  if (a.country && !/^[A-Z]{2}$/.test(a.country)) problems.push(`${id} country ${a.country}`);
  if (a.status && !["active", "suspended", "banned"].includes(a.status)) problems.push(`${id} status ${a.status}`);
  return problems;
}

function sessionProblems(row: SessionRow, accounts: Set<string | undefined>): string[] {
  const problems: string[] = [];
  const id = String(row.session_id);
  for (const [key, value] of Object.entries(row)) {
    if (!SESSION_KEYS.has(key)) problems.push(`${id} unknown key ${key}`);
    if (value === "" || value === null) problems.push(`${id} empty ${key}`);
  }
  if (typeof row.session_id !== "string" || !row.session_id) problems.push("missing session_id");
  if (typeof row.account_id !== "string" || !accounts.has(row.account_id)) problems.push(`${id} unknown account ${String(row.account_id)}`);
  const started = typeof row.started_at === "string" && ISO_WITH_ZONE.test(row.started_at) ? Date.parse(row.started_at) : Number.NaN;
  if (Number.isNaN(started)) problems.push(`${id} started_at ${String(row.started_at)}`);
  if ("ended_at" in row) {
    const ended = typeof row.ended_at === "string" && ISO_WITH_ZONE.test(row.ended_at) ? Date.parse(row.ended_at) : Number.NaN;
    if (Number.isNaN(ended) || ended < started) problems.push(`${id} ended_at ${String(row.ended_at)}`);
  }
  if ("ip" in row && (typeof row.ip !== "string" || isIP(row.ip) === 0 || canonicalIp(row.ip) !== row.ip)) problems.push(`${id} ip ${String(row.ip)}`);
  for (const key of ["request_count", "asn"]) {
    const value = row[key];
    if (key in row && (!Number.isSafeInteger(value) || (value as number) < 0)) problems.push(`${id} ${key} ${String(value)}`);
  }
  if ("ip_class" in row && !IP_CLASSES.has(String(row.ip_class))) problems.push(`${id} ip_class ${String(row.ip_class)}`);
  for (const key of ["device_id", "user_agent", "prompt_fp"]) {
    if (key in row && typeof row[key] !== "string") problems.push(`${id} ${key} not a string`);
  }
  return problems;
}

describe("truth.json", () => {
  it("carries a fixed header derived from preset and rng", () => {
    expect(out.truth.preset).toBe("tiny");
    expect(out.truth.rng).toBe(7);
    expect(out.truth.generatedAt).toMatch(ISO_WITH_ZONE);
  });

  it("names only existing accounts; campaigns are disjoint and never inside benign clusters", () => {
    const accounts = new Set(out.accounts.map((a) => a.account_id));
    const campaignMembers = out.truth.campaigns.flatMap((c) => c.members);
    expect(new Set(campaignMembers).size).toBe(campaignMembers.length);
    const clusterMembers = out.truth.benignClusters.flatMap((c) => c.members);
    expect([...campaignMembers, ...clusterMembers].filter((m) => !accounts.has(m))).toEqual([]);
    const inCampaign = new Set(campaignMembers);
    expect(clusterMembers.filter((m) => inCampaign.has(m))).toEqual([]);
    expect(new Set(out.truth.campaigns.map((c) => c.kind))).toEqual(new Set(["proxy_rotation", "device_farm", "card_ring"]));
  });

  it("splits the proxy campaign into sub-groups sharing no card, phone, device or wallet", () => {
    const proxy = out.truth.campaigns.find((c) => c.kind === "proxy_rotation");
    const subgroups = proxy?.subgroups ?? [];
    expect(subgroups.length).toBeGreaterThan(2);
    expect(subgroups.flat().sort()).toEqual([...(proxy?.members ?? [])].sort());
    const index = attributeIndex(out);
    const strong = new Set(["card", "phone", "device", "payout_wallet", "api_org", "email"]);
    const groupOf = new Map(subgroups.flatMap((members, g) => members.map((m) => [m, g] as const)));
    const crossing = [...index.entries()].filter(([key, holders]) => {
      if (!strong.has(key.split("\u0000")[0] ?? "")) return false;
      const groups = new Set([...holders].map((m) => groupOf.get(m)).filter((g) => g !== undefined));
      return groups.size > 1;
    });
    expect(crossing.map(([key]) => key)).toEqual([]);
    // What does tie them: the proxy pool spans sub-groups.
    const sharedIps = [...index.entries()].filter(([key, holders]) => {
      if (!key.startsWith("ip\u0000")) return false;
      return new Set([...holders].map((m) => groupOf.get(m)).filter((g) => g !== undefined)).size > 1;
    });
    expect(sharedIps.length).toBeGreaterThan(20);
    // Within a sub-group, a card or phone may be shared.
    const withinGroupShares = [...index.entries()].filter(([key, holders]) => (key.startsWith("card\u0000") || key.startsWith("phone\u0000")) && holders.size > 1 && [...holders].every((m) => groupOf.has(m)));
    expect(withinGroupShares.length).toBeGreaterThan(0);
  });

  it("makes proxy members look light and act in bursts and waves", () => {
    const proxy = out.truth.campaigns.find((c) => c.kind === "proxy_rotation");
    const members = new Set(proxy?.members ?? []);
    const sessions = out.sessions.filter(({ row }) => members.has(String(row.account_id)));
    const perAccount = new Map<string, number>();
    for (const { row } of sessions) perAccount.set(String(row.account_id), (perAccount.get(String(row.account_id)) ?? 0) + 1);
    expect(Math.max(...perAccount.values())).toBeLessThanOrEqual(8);
    expect(sessions.every(({ row }) => (row.request_count as number) <= 25)).toBe(true);
    const hours = new Set(sessions.map(({ row }) => Math.floor(Date.parse(String(row.started_at)) / 3_600_000)));
    // Hundreds of sessions packed into a few dozen shared wave hours.
    expect(hours.size).toBeLessThan(sessions.length / 5);
  });

  it("puts the device farm on a few datacenter addresses with a few devices", () => {
    const farm = out.truth.campaigns.find((c) => c.kind === "device_farm");
    const members = new Set(farm?.members ?? []);
    const rows = out.sessions.map(({ row }) => row).filter((row) => members.has(String(row.account_id)));
    expect(new Set(rows.map((r) => r.ip)).size).toBeLessThanOrEqual(6);
    expect(new Set(rows.map((r) => r.device_id)).size).toBeLessThanOrEqual(10);
    expect(rows.filter((r) => r.ip_class !== undefined).every((r) => r.ip_class === "datacenter")).toBe(true);
  });

  it("makes the card ring share payment cards", () => {
    const ring = out.truth.campaigns.find((c) => c.kind === "card_ring");
    const members = new Set(ring?.members ?? []);
    expect(members.size).toBeGreaterThanOrEqual(10);
    expect(members.size).toBeLessThanOrEqual(40);
    const cards = out.accounts.filter((a) => members.has(a.account_id ?? "")).map((a) => a.card_fp);
    expect(new Set(cards).size).toBeLessThan(cards.length / 2);
  });

  it("gives every benign cluster the attributes it advertises, carried by as many members as stated", () => {
    const index = attributeIndex(out);
    const kinds = new Set(out.truth.benignClusters.map((c) => c.kind));
    for (const kind of ["corporate", "household", "carrier_nat", "vpn_exit"]) expect(kinds).toContain(kind);
    const mismatches = out.truth.benignClusters.flatMap((cluster) =>
      cluster.sharedAttributes.flatMap((attr) => {
        const holders = carriers(index, attr.kind, attr.value);
        const carrying = cluster.members.filter((m) => holders.has(m)).length;
        return carrying === attr.carriedBy && attr.carriedBy >= 2 ? [] : [`${cluster.id} ${attr.kind}=${attr.value}: ${carrying} vs ${attr.carriedBy}`];
      }),
    );
    expect(mismatches).toEqual([]);
  });

  it("shows the crowd structure real data has", () => {
    const clusters = out.truth.benignClusters;
    const biggestNat = Math.max(...clusters.filter((c) => c.kind === "carrier_nat").map((c) => c.members.length));
    expect(biggestNat).toBeGreaterThan(100);
    const office = clusters.find((c) => c.kind === "corporate");
    expect(office?.members.length).toBeGreaterThanOrEqual(40);
    const households = clusters.filter((c) => c.kind === "household");
    expect(households.every((h) => h.members.length >= 2 && h.members.length <= 5)).toBe(true);
    const index = attributeIndex(out);
    const prompts = [...index.entries()].filter(([key]) => key.startsWith("prompt\u0000"));
    expect(Math.max(...prompts.map(([, holders]) => holders.size))).toBeGreaterThan(150);
    const devices = [...index.entries()].filter(([key]) => key.startsWith("device\u0000"));
    expect(devices.filter(([, holders]) => holders.size === 1).length / devices.length).toBeGreaterThan(0.9);
    const gmail = out.accounts.filter((a) => a.email?.endsWith("@gmail.com")).length;
    expect(gmail / out.accounts.length).toBeGreaterThan(0.25);
  });

  it("lists proxy exits that are also benign home lines, used by both", () => {
    const proxy = out.truth.campaigns.find((c) => c.kind === "proxy_rotation");
    const overlaps = proxy?.sharedWithBenign ?? [];
    expect(overlaps.length).toBeGreaterThan(0);
    const index = attributeIndex(out);
    const members = new Set(proxy?.members ?? []);
    for (const overlap of overlaps) {
      const holders = carriers(index, overlap.kind, overlap.value);
      expect(overlap.accounts.every((a) => holders.has(a) && !members.has(a))).toBe(true);
      expect([...holders].some((a) => members.has(a))).toBe(true);
    }
  });

  it("records enforcement already taken and uses attr_ columns on both sides", () => {
    const campaignMembers = new Set(out.truth.campaigns.flatMap((c) => c.members));
    const enforced = out.accounts.filter((a) => campaignMembers.has(a.account_id ?? "") && (a.status === "banned" || a.status === "suspended"));
    expect(enforced.length).toBeGreaterThan(0);
    for (const column of ["attr_payout_wallet", "attr_api_org"]) {
      const users = out.accounts.filter((a) => a[column]);
      expect(users.some((a) => campaignMembers.has(a.account_id ?? "")), column).toBe(true);
      expect(users.some((a) => !campaignMembers.has(a.account_id ?? "")), column).toBe(true);
    }
  });
});
