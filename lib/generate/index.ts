/**
 * Deterministic scenario generator with ground truth. Writes, in the input
 * contract's format, accounts.csv, monthly sessions-YYYY-MM.jsonl.gz files and
 * truth.json. Same preset and rng → byte-identical files; memory stays flat
 * (sessions are streamed with backpressure, never held).
 */
import { mkdir, readdir, rm } from "node:fs/promises";
import { join, resolve } from "node:path";
import { ACCOUNTS_FILE, accountRow, accountsHeader } from "./accounts-file";
import { writeBenignSessions } from "./benign-sessions";
import { signUpOrder } from "./population";
import { presetSpec, type PresetName } from "./presets";
import { seedFor } from "./prng";
import { buildScenario, type Scenario } from "./scenario";
import { createSessionContext } from "./session-context";
import { isSessionFileName, SessionFiles } from "./sessions-file";
import { TRUTH_FILE, writeTruth, type BenignClusterKind } from "./truth";
import { variedSpec } from "./varied";
import { OutputFile } from "./writers";

export type { PresetName } from "./presets";
export { presetNamed, presetNames, presetSpec } from "./presets";
export type { BenignClusterKind, SharedAttribute, TruthCampaign, TruthCluster, TruthDocument } from "./truth";

export interface GenerateProgress {
  phase: "build" | "accounts" | "sessions" | "truth";
  done: number;
  total: number;
}

export interface GenerateOptions {
  preset: PresetName;
  outDir: string;
  /** Seed of every random choice; default 1. A non-negative safe integer. */
  rng?: number;
  /** Vary the preset's mix with the rng (see variedSpec) instead of taking its numbers as they are. */
  varied?: boolean;
  onProgress?: (p: GenerateProgress) => void;
}

export interface GenerateResult {
  outDir: string;
  accounts: number;
  sessions: number;
  campaigns: { id: string; kind: string; members: number }[];
  /** Benign look-alike structures, summarised per kind. */
  benignClusters: { kind: BenignClusterKind; clusters: number; members: number }[];
  /** File names written inside outDir, in writing order. */
  files: string[];
}

const ACCOUNT_PROGRESS_EVERY = 50_000;
const SESSION_PROGRESS_EVERY = 250_000;
/**
 * Gzip runs on the thread pool but needs the main thread between chunks;
 * yielding this often keeps both cores busy instead of taking turns.
 */
const YIELD_EVERY_SESSIONS = 2_000;

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

export async function generateScenario(options: GenerateOptions): Promise<GenerateResult> {
  const rng = options.rng ?? 1;
  const spec = options.varied ? variedSpec(presetSpec(options.preset), rng) : presetSpec(options.preset);
  const outDir = resolve(options.outDir);
  const report = options.onProgress ?? (() => undefined);
  report({ phase: "build", done: 0, total: 1 });
  const scn = buildScenario(spec, rng);
  report({ phase: "build", done: 1, total: 1 });
  await mkdir(outDir, { recursive: true });
  await removeStaleSessionFiles(outDir);
  const order = signUpOrder(scn.pop);
  await writeAccounts(scn, order, outDir, report);
  const sessionFiles = await writeSessions(scn, order, outDir, report);
  report({ phase: "truth", done: 0, total: 1 });
  const truth = await writeTruth(scn, outDir);
  report({ phase: "truth", done: 1, total: 1 });
  return {
    outDir,
    accounts: scn.pop.size,
    sessions: spec.sessions,
    campaigns: scn.campaigns.map((c) => ({ id: c.id, kind: c.kind, members: c.count })),
    benignClusters: [...truth.clusters.entries()].map(([kind, s]) => ({ kind, ...s })),
    files: [ACCOUNTS_FILE, ...sessionFiles, TRUTH_FILE],
  };
}

/** A previous run may have written months this one will not; only files named like ours are removed. */
async function removeStaleSessionFiles(dir: string): Promise<void> {
  const stale = (await readdir(dir)).filter(isSessionFileName);
  await Promise.all(stale.map((name) => rm(join(dir, name))));
}

async function writeAccounts(scn: Scenario, order: Uint32Array, dir: string, report: (p: GenerateProgress) => void): Promise<void> {
  const file = new OutputFile(join(dir, ACCOUNTS_FILE), { gzip: false });
  const total = order.length;
  file.write(accountsHeader());
  for (let k = 0; k < total; k++) {
    file.write(accountRow(scn, order[k] ?? 0));
    if (file.needsDrain) await file.drain();
    if ((k + 1) % ACCOUNT_PROGRESS_EVERY === 0) report({ phase: "accounts", done: k + 1, total });
  }
  await file.close();
  report({ phase: "accounts", done: total, total });
}

async function writeSessions(scn: Scenario, order: Uint32Array, dir: string, report: (p: GenerateProgress) => void): Promise<string[]> {
  const sink = new SessionFiles(dir, scn.ids, seedFor(scn.seed, "time-styles"));
  const ctx = createSessionContext({ seed: scn.seed, pop: scn.pop, ids: scn.ids, net: scn.net, benign: scn.benign, sink });
  const total = scn.spec.sessions;
  let nextReport = SESSION_PROGRESS_EVERY;
  let nextYield = YIELD_EVERY_SESSIONS;
  for (const i of order) {
    ctx.draft.accountId = scn.ids.accountId(i);
    const campaign = scn.campaigns[scn.pop.campaign[i] ?? -1];
    if (campaign) campaign.writeSessions(ctx, i);
    else writeBenignSessions(ctx, i);
    if (sink.needsDrain) await sink.drain();
    if (sink.count >= nextYield) {
      await yieldToEventLoop();
      nextYield = sink.count + YIELD_EVERY_SESSIONS;
    }
    if (sink.count >= nextReport) {
      report({ phase: "sessions", done: sink.count, total });
      nextReport += SESSION_PROGRESS_EVERY;
    }
  }
  const files = await sink.close();
  if (sink.count !== total) throw new Error(`wrote ${sink.count} sessions, expected ${total}`);
  report({ phase: "sessions", done: total, total });
  return files;
}
