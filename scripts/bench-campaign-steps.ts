/**
 * `npm run bench:campaign:steps -- --seed <account_id> [--runs 7]`: where a
 * campaign search spends its time, on the database the environment names
 * (NEO4J_URI, or the local server), already loaded. On a shared 2-core
 * machine a whole search varies by ±20 % from run to run, more than most
 * changes to one step; so besides whole searches (wall and this process's
 * CPU time, median of --runs) it times the Node-side steps alone, repeated
 * on the members one search found: counting members per attribute,
 * refinement, the identifier and seeds' groups, the sweep, the evidence
 * windows and items. Writes bench-results/campaign-steps.json.
 */
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { confidence, evidenceFor, sharedUseOf } from "@/lib/campaign/evidence";
import { discoverCampaign, findCampaign } from "@/lib/campaign/find-campaign";
import { IsoTimes } from "@/lib/campaign/iso-time";
import { seedsGroups, seedsIdentifierGroups } from "@/lib/campaign/knit";
import { campaignOptionsSchema } from "@/lib/campaign/options";
import { countInside, refineCut } from "@/lib/campaign/refine";
import { sweepCut } from "@/lib/campaign/sweep";
import { closeDriver } from "@/lib/neo4j";
import { formatNumber, publishResults } from "./bench-ingest/results";

const { values } = parseArgs({ options: { seed: { type: "string" }, runs: { type: "string", default: "7" } } });
if (values.seed === undefined) throw new Error("give --seed <account_id>: a member of the campaign to time");
const seeds = [values.seed];
const runs = Math.max(1, Number.parseInt(values.runs, 10) || 7);

function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/**
 * Median and fastest milliseconds of `step` over the runs (its result is
 * dropped, as a search drops it). The fastest is the steadiest measure of the
 * code: the others include whatever garbage collection falls into them.
 */
function timeStep(step: () => unknown): { medianMs: number; fastestMs: number } {
  const samples = Array.from({ length: runs }, () => {
    const started = performance.now();
    step();
    return performance.now() - started;
  });
  return { medianMs: median(samples), fastestMs: Math.min(...samples) };
}

async function timeSearches(): Promise<{ wallMs: number; cpuMs: number; members: number }> {
  const wall: number[] = [];
  const cpu: number[] = [];
  let members = 0;
  // The first search warms the server's page cache and this process's code: it is not counted.
  await findCampaign({ seeds });
  for (let run = 0; run < runs; run++) {
    const [startedCpu, started] = [process.cpuUsage(), performance.now()];
    members = (await findCampaign({ seeds })).accounts.length;
    wall.push(performance.now() - started);
    const used = process.cpuUsage(startedCpu);
    cpu.push((used.user + used.system) / 1000);
  }
  return { wallMs: median(wall), cpuMs: median(cpu), members };
}

async function main(): Promise<void> {
  // The steps first, on a heap not yet filled by the searches' garbage.
  const { discovery } = await discoverCampaign(campaignOptionsSchema.parse({ seeds }));
  const { members, links, inside, nearMisses, population } = discovery;
  const fixed = new Set(seeds);
  const sharedKeys = [...inside].filter(([, count]) => count >= 2).map(([key]) => key);
  const shared = sharedUseOf(members, sharedKeys, links);
  const rank = new Map(members.map((id, i) => [id, 1 / (i + 1)]));
  const steps = {
    countInside: timeStep(() => countInside(new Set(members), links)),
    refine: timeStep(() => refineCut({ members, candidates: nearMisses, links, fixed, maxMembers: members.length + nearMisses.length })),
    seedsGroups: timeStep(() => seedsGroups(members, seeds, links, inside)),
    identifierGroups: timeStep(() => seedsIdentifierGroups(members, seeds, links, inside)),
    sweep: timeStep(() => sweepCut({ rank, links, required: seeds, maxMembers: members.length, nearMisses: 20 })),
    evidenceWindows: timeStep(() => sharedUseOf(members, sharedKeys, links)),
    evidenceItems: timeStep(() => members.map((id) => confidence(evidenceFor(id, true, { links, inside, population, shared, times: new IsoTimes() })))),
  };
  const search = await timeSearches();
  const result = { measuredAt: new Date().toISOString(), machine: { cpus: os.cpus().length, loadAverageAfter: os.loadavg() }, seeds, runs, search, stepsMs: steps };
  publishResults(path.join(process.cwd(), "bench-results", "campaign-steps.json"), result, [
    ["members", formatNumber(search.members)],
    [`search, median of ${runs}`, `${formatNumber(search.wallMs)} ms wall, ${formatNumber(search.cpuMs)} ms CPU in Node`],
    ...Object.entries(steps).map(([step, { medianMs, fastestMs }]) => [`  ${step}`, `${formatNumber(medianMs, 1)} ms (fastest ${formatNumber(fastestMs, 1)})`] as const),
  ]);
}

try {
  await main();
} finally {
  await closeDriver();
}
