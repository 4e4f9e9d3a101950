// `npm run bench:campaign`: accuracy, risk ordering and speed of campaign
// discovery against the generator's ground truth, beside plain connected
// components. Each scenario is generated once (cached, as the e2e data is), loaded into a
// throwaway Neo4j, and every campaign is searched from several random seeds,
// the lowest-activity member always among them. Prints a table and writes
// bench-results/campaign.json.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { accuracy, type Accuracy } from "@/lib/campaign/evaluate";
import { findCampaign } from "@/lib/campaign/find-campaign";
import { resetEnv } from "@/lib/env";
import { presetNamed, type TruthDocument } from "@/lib/generate";
import { Rng } from "@/lib/generate/prng";
import { applySchema, closeDriver } from "@/lib/neo4j";
import { ensureScenario, loadScenario } from "@/lib/testing/scenario-data";
import { startThrowawayServer } from "@/lib/testing/throwaway-neo4j";
import { Components } from "./bench-campaign/connected-components";
import { lightestMember, sessionCounts } from "./bench-campaign/session-counts";

const { values } = parseArgs({
  options: {
    // preset:rng, or preset:rng:varied for a mix of other sizes and counts of the same kinds (lib/generate/varied.ts).
    scenario: { type: "string", multiple: true, default: ["tiny:11", "tiny:12", "demo:1"] },
    seeds: { type: "string", default: "5" },
    // Measure the database NEO4J_* / RINGSCOPE_STATE_DIR point at, already loaded with this truth.json.
    "loaded-truth": { type: "string" },
  },
});
const seedsPerCampaign = Number(values.seeds);
const projectDir = process.cwd();
const resultsFile = path.join(projectDir, "bench-results", "campaign.json");
const BENIGN_SAMPLE_PER_KIND = 5;

interface SeedRun extends Accuracy {
  seed: string;
  sessions: number;
  members: number;
  risk: number;
  millis: number;
  components: Accuracy & { members: number };
}

/** The lowest-activity member and random others, reproducibly. */
function drawSeeds(members: string[], sessions: Map<string, number>, rng: Rng): string[] {
  const picked = new Set([lightestMember(members, sessions)]);
  while (picked.size < Math.min(seedsPerCampaign, members.length)) picked.add(members[rng.int(members.length)]!);
  return [...picked];
}

const round3 = (value: number) => Math.round(value * 1000) / 1000;

async function measureScenario(name: string, truth: TruthDocument) {
  const components = await Components.load();
  const rng = new Rng(7);
  const campaigns = [];
  for (const campaign of truth.campaigns) {
    const sessions = await sessionCounts(campaign.members);
    const runs: SeedRun[] = [];
    for (const seed of drawSeeds(campaign.members, sessions, rng)) {
      const result = await findCampaign({ seeds: [seed], citedEvidence: 0 });
      const found = result.accounts.map((a) => a.account_id);
      const component = components.membersWith(seed);
      runs.push({
        seed,
        sessions: sessions.get(seed) ?? 0,
        members: found.length,
        risk: result.risk.score,
        millis: result.stats.millis.total,
        ...mapValues(accuracy(found, campaign.members), round3),
        components: { members: component.length, ...mapValues(accuracy(component, campaign.members), round3) },
      });
      console.log(`  ${name} ${campaign.id} seed ${seed}: F1 ${runs.at(-1)!.f1} (${found.length} accounts, ${result.stats.millis.total} ms); components F1 ${runs.at(-1)!.components.f1}`);
    }
    campaigns.push({ id: campaign.id, kind: campaign.kind, size: campaign.members.length, minF1: Math.min(...runs.map((r) => r.f1)), minRisk: Math.min(...runs.map((r) => r.risk)), runs });
  }
  const benign = [];
  const perKind = new Map<string, number>();
  for (const cluster of truth.benignClusters) {
    const taken = perKind.get(cluster.kind) ?? 0;
    if (taken >= BENIGN_SAMPLE_PER_KIND && cluster.kind !== "corporate") continue;
    perKind.set(cluster.kind, taken + 1);
    const result = await findCampaign({ seeds: [cluster.members[0]!], citedEvidence: 0 });
    const found = result.accounts.map((a) => a.account_id);
    benign.push({ id: cluster.id, kind: cluster.kind, size: cluster.members.length, found: found.length, recall: round3(accuracy(found, cluster.members).recall), risk: result.risk.score, reasons: result.risk.reasons.map((r) => r.code) });
  }
  const lowestCampaignRisk = Math.min(...campaigns.map((c) => c.minRisk));
  const highestBenignRisk = Math.max(0, ...benign.map((b) => b.risk));
  return { name, campaigns, benign, lowestCampaignRisk, highestBenignRisk, isRiskOrdered: highestBenignRisk < lowestCampaignRisk };
}

function mapValues<T extends object>(object: T, fn: (value: number) => number): T {
  return Object.fromEntries(Object.entries(object).map(([key, value]) => [key, fn(value as number)])) as T;
}

async function startScenario(spec: string) {
  const [preset, rngText, mix] = spec.split(":");
  if (mix !== undefined && mix !== "varied") throw new Error(`--scenario ${spec}: expected preset:rng or preset:rng:varied`);
  const folder = await ensureScenario(presetNamed(preset ?? "", `--scenario ${spec}: the preset`), Number(rngText ?? 1), { varied: mix === "varied" });
  const server = await startThrowawayServer(`bench-campaign-${preset}`, { heapSize: "2g", pageCacheSize: "2g" });
  Object.assign(process.env, server.env);
  resetEnv();
  await applySchema();
  await loadScenario(folder);
  const truth = JSON.parse(readFileSync(path.join(folder, "truth.json"), "utf8")) as TruthDocument;
  return { truth, stop: async () => { await closeDriver(); await server.stop(); } };
}

async function main(): Promise<void> {
  const scenarios = [];
  if (values["loaded-truth"]) {
    const truth = JSON.parse(readFileSync(values["loaded-truth"], "utf8")) as TruthDocument;
    scenarios.push(await measureScenario(`${truth.preset}:${truth.rng} (loaded)`, truth));
    await closeDriver();
  } else {
    for (const spec of values.scenario) {
      const loaded = await startScenario(spec);
      try {
        scenarios.push(await measureScenario(spec, loaded.truth));
      } finally {
        await loaded.stop();
      }
    }
  }
  const summary = {
    minF1: Math.min(...scenarios.flatMap((s) => s.campaigns.map((c) => c.minF1))),
    isF1TargetMet: scenarios.every((s) => s.campaigns.every((c) => c.minF1 >= 0.95)),
    isRiskOrdered: scenarios.every((s) => s.isRiskOrdered),
  };
  const result = { measuredAt: new Date().toISOString(), seedsPerCampaign, summary, scenarios };
  mkdirSync(path.dirname(resultsFile), { recursive: true });
  writeFileSync(resultsFile, `${JSON.stringify(result, null, 2)}\n`);
  printTable(scenarios);
  console.log(`\nSummary: lowest F1 ${summary.minF1} (target ≥ 0.95: ${summary.isF1TargetMet ? "met" : "missed"}); every benign cluster below every campaign on risk: ${summary.isRiskOrdered ? "yes" : "no"}`);
  console.log(`Wrote ${resultsFile}`);
}

function printTable(scenarios: Awaited<ReturnType<typeof measureScenario>>[]): void {
  console.log("\nscenario          campaign      kind            size  min F1  mean F1  components F1  max ms  min risk");
  for (const s of scenarios) {
    for (const c of s.campaigns) {
      const mean = (pick: (r: SeedRun) => number) => round3(c.runs.reduce((sum, r) => sum + pick(r), 0) / c.runs.length);
      const maxMs = Math.max(...c.runs.map((r) => r.millis));
      console.log(
        `${s.name.padEnd(17)} ${c.id.padEnd(13)} ${c.kind.padEnd(15)} ${String(c.size).padStart(5)}  ${c.minF1.toFixed(3)}   ${mean((r) => r.f1).toFixed(3)}    ${mean((r) => r.components.f1).toFixed(3)}        ${String(maxMs).padStart(6)}  ${c.minRisk.toFixed(3)}`,
      );
    }
    console.log(`${s.name.padEnd(17)} benign clusters: ${s.benign.length} sampled, highest risk ${s.highestBenignRisk.toFixed(3)} (lowest campaign ${s.lowestCampaignRisk.toFixed(3)})`);
  }
}

await main();
