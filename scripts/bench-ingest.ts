/**
 * `npm run bench:ingest`: loads the `bench` preset (200k accounts, 2M
 * sessions) with the real CLI into a throwaway Neo4j sized like a small
 * production box, measures sessions/s and the ingest process's peak RSS, then
 * compares the pipeline with a naive one-MERGE-per-row loader on a 50k-session
 * sample. Prints a table and writes bench-results/ingest.json.
 *
 * Options: --preset bench|demo|tiny (default bench), --sample N (default 50000),
 * --heap 4g --pagecache 4g (server memory), --batch-size N.
 */
import { readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { resetEnv } from "@/lib/env";
import { presetNamed } from "@/lib/generate";
import type { IngestReport } from "@/lib/ingest/run-ingest";
import { applySchema, closeDriver } from "@/lib/neo4j";
import { resetDatabase } from "@/lib/testing/reset-database";
import { startThrowawayServer, type ThrowawayServer } from "@/lib/testing/throwaway-neo4j";
import { ensureBenchData } from "./bench-ingest/bench-data";
import { cpuSecondsOf, measureProcess } from "./bench-ingest/measure-process";
import { formatNumber, publishResults } from "./bench-ingest/results";
import { loadNaively } from "./bench-ingest/naive-loader";
import { writeSampleInput } from "./bench-ingest/sample-input";

const { values } = parseArgs({
  options: {
    preset: { type: "string", default: "bench" },
    sample: { type: "string", default: "50000" },
    heap: { type: "string", default: "4g" },
    pagecache: { type: "string", default: "4g" },
    "batch-size": { type: "string" },
  },
});
const preset = presetNamed(values.preset, "--preset");
const sampleSessions = Number(values.sample);
const projectDir = process.cwd();
const resultsFile = path.join(projectDir, "bench-results", "ingest.json");
// Targets from the brief: 16M sessions online in 15 minutes; the ingest process within 1 GB.
const targetSessionsPerSecond = 16_000_000 / (15 * 60);
const targetRssBytes = 1024 ** 3;

function serverPid(server: ThrowawayServer): number {
  const stateDir = server.env.RINGSCOPE_STATE_DIR ?? "";
  return Number(readFileSync(path.join(stateDir, "neo4j", "run", "neo4j.pid"), "utf8").trim());
}

/**
 * The real CLI as a child, so its RSS is the ingest's alone. Without the
 * worklist refresh a load ends with: that is campaign searches, whose time
 * and memory follow the largest campaign, not the input.
 */
async function ingestWithCli(folder: string, reportDir: string, server: ThrowawayServer) {
  const args = ["scripts/ringscope.mjs", "ingest", folder, "--no-worklist", "--report-dir", reportDir];
  if (values["batch-size"]) args.push("--batch-size", values["batch-size"]);
  const cpuBefore = cpuSecondsOf(serverPid(server));
  const measured = await measureProcess(process.execPath, args, { ...process.env, ...server.env });
  if (measured.exitCode !== 0) throw new Error(`ingest exited with ${measured.exitCode}:\n${measured.stdout}`);
  const report = JSON.parse(readFileSync(path.join(reportDir, "report.json"), "utf8")) as IngestReport;
  return { ...measured, report, serverCpuSeconds: cpuSecondsOf(serverPid(server)) - cpuBefore };
}

function sessionsOf(report: IngestReport): number {
  return report.files.filter((file) => file.entity === "sessions").reduce((sum, file) => sum + file.loaded, 0);
}

async function main(): Promise<void> {
  const input = await ensureBenchData(projectDir, preset);
  const runDir = path.join(projectDir, "bench-results", "ingest-runs", new Date().toISOString().replace(/[:.]/g, "-"));
  console.log(`Starting a throwaway Neo4j (heap ${values.heap}, page cache ${values.pagecache})…`);
  const server = await startThrowawayServer("bench", { heapSize: values.heap, pageCacheSize: values.pagecache });
  Object.assign(process.env, server.env);
  resetEnv();
  try {
    const loadAverageBefore = os.loadavg();
    console.log(`Loading ${input} with the CLI…`);
    const full = await ingestWithCli(input, path.join(runDir, "full"), server);
    const loadAverageAfter = os.loadavg();

    const sampleDir = path.join(runDir, "sample-input");
    const sample = await writeSampleInput({ from: input, to: sampleDir, sessions: sampleSessions });
    await resetDatabase();
    console.log(`Sample: ${sample.sessions} sessions of ${sample.accounts} accounts. Pipeline…`);
    const pipelineOnSample = await ingestWithCli(sampleDir, path.join(runDir, "sample"), server);
    await resetDatabase();
    await applySchema();
    console.log("Naive loader (one auto-committed MERGE per row)…");
    const naive = await loadNaively(sampleDir);

    const fullSessions = sessionsOf(full.report);
    const sessionsPerSecond = fullSessions / (full.wallMs / 1000);
    const sampleRows = sample.accounts + sample.sessions;
    const result = {
      measuredAt: new Date().toISOString(),
      machine: { cpus: os.cpus().length, memoryBytes: os.totalmem(), loadAverageBefore, loadAverageAfter },
      server: { heapSize: values.heap, pageCacheSize: values.pagecache },
      preset,
      full: {
        input,
        accounts: full.report.totals.loaded - fullSessions,
        sessions: fullSessions,
        rejected: full.report.totals.rejected,
        batchSize: full.report.batchSize,
        wallSeconds: full.wallMs / 1000,
        sessionsPerSecond,
        rowsPerSecond: full.report.totals.read / (full.wallMs / 1000),
        peakRssBytes: full.peakRssBytes,
        serverCpuSeconds: full.serverCpuSeconds,
        projected16MSessionsMinutes: 16_000_000 / sessionsPerSecond / 60,
      },
      sample: {
        accounts: sample.accounts,
        sessions: sample.sessions,
        pipelineSeconds: pipelineOnSample.wallMs / 1000,
        pipelineRowsPerSecond: sampleRows / (pipelineOnSample.wallMs / 1000),
        naiveSeconds: naive.wallMs / 1000,
        naiveRowsPerSecond: naive.rows / (naive.wallMs / 1000),
        speedUp: naive.wallMs / pipelineOnSample.wallMs,
      },
      targets: {
        sessionsPerSecond: targetSessionsPerSecond,
        isThroughputMet: sessionsPerSecond >= targetSessionsPerSecond,
        rssBytes: targetRssBytes,
        isMemoryMet: full.peakRssBytes <= targetRssBytes,
      },
    };
    publishResults(resultsFile, result, tableRows(result));
  } finally {
    await closeDriver();
    await server.stop();
  }
}

function tableRows(result: {
  full: { sessions: number; accounts: number; wallSeconds: number; sessionsPerSecond: number; peakRssBytes: number; serverCpuSeconds: number; projected16MSessionsMinutes: number; batchSize: number };
  sample: { sessions: number; accounts: number; pipelineSeconds: number; naiveSeconds: number; pipelineRowsPerSecond: number; naiveRowsPerSecond: number; speedUp: number };
  targets: { sessionsPerSecond: number; isThroughputMet: boolean; isMemoryMet: boolean };
}): Array<[string, string]> {
  const { full, sample, targets } = result;
  const rows: Array<[string, string]> = [
    ["accounts / sessions loaded", `${formatNumber(full.accounts)} / ${formatNumber(full.sessions)}`],
    ["batch size", formatNumber(full.batchSize)],
    ["wall time (CLI, end to end)", `${formatNumber(full.wallSeconds, 1)} s`],
    ["sessions/s", formatNumber(full.sessionsPerSecond)],
    ["target sessions/s (16M in 15 min)", `${formatNumber(targets.sessionsPerSecond)} — ${targets.isThroughputMet ? "met" : "NOT met"}`],
    ["projected time for 16M sessions", `${formatNumber(full.projected16MSessionsMinutes, 1)} min`],
    ["peak RSS of the ingest process", `${formatNumber(full.peakRssBytes / 1024 ** 2)} MB — ${targets.isMemoryMet ? "within" : "OVER"} 1 GB`],
    ["Neo4j CPU time during the load", `${formatNumber(full.serverCpuSeconds, 1)} s`],
    [`sample (${formatNumber(sample.sessions)} sessions + ${formatNumber(sample.accounts)} accounts): pipeline`, `${formatNumber(sample.pipelineSeconds, 1)} s (${formatNumber(sample.pipelineRowsPerSecond)} rows/s)`],
    ["sample: naive loader", `${formatNumber(sample.naiveSeconds, 1)} s (${formatNumber(sample.naiveRowsPerSecond)} rows/s)`],
    ["speed-up over naive", `${formatNumber(sample.speedUp, 1)}x`],
  ];
  return rows;
}

await main();
