/**
 * `npm run bench:ingest:bulk [-- --preset seed]`: times `ringscope ingest
 * --bulk` on a preset (default seed: 1M accounts, 16M sessions; generated once
 * into .ringscope/bench-data/) into an empty throwaway Neo4j, with the real
 * CLI as a child so its peak RSS is the ingest's alone. Reports wall time per
 * phase (from report.json), peak RSS of the ingest process and of the
 * importer JVM, and sessions/s; writes bench-results/ingest-bulk.json.
 *
 * Options: --preset tiny|demo|bench|seed, --heap 2g --pagecache 2g (server memory).
 */
import { readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { presetNamed } from "@/lib/generate";
import type { IngestReport } from "@/lib/ingest/run-ingest";
import { startThrowawayServer } from "@/lib/testing/throwaway-neo4j";
import { ensureBenchData } from "./bench-ingest/bench-data";
import { measureProcess } from "./bench-ingest/measure-process";
import { formatNumber, publishResults } from "./bench-ingest/results";

const { values } = parseArgs({
  options: {
    preset: { type: "string", default: "seed" },
    heap: { type: "string", default: "2g" },
    pagecache: { type: "string", default: "2g" },
  },
});
const preset = presetNamed(values.preset, "--preset");
const projectDir = process.cwd();
const resultsFile = path.join(projectDir, "bench-results", "ingest-bulk.json");
// Targets from the brief: the seed preset (16M sessions) in 5 minutes; the ingest process within 1 GB.
const targetSeconds = 5 * 60;
const targetRssBytes = 1024 ** 3;

async function main(): Promise<void> {
  const input = await ensureBenchData(projectDir, preset);
  const reportDir = path.join(projectDir, "bench-results", "ingest-bulk-runs", new Date().toISOString().replace(/[:.]/g, "-"));
  console.log(`Starting a throwaway Neo4j (heap ${values.heap}, page cache ${values.pagecache})…`);
  const server = await startThrowawayServer("bench-bulk", { heapSize: values.heap, pageCacheSize: values.pagecache });
  try {
    console.log(`Loading ${input} with ringscope ingest --bulk…`);
    // Without the worklist refresh a load ends with (campaign searches: their memory follows the largest campaign, not the input).
    const args = ["scripts/ringscope.mjs", "ingest", "--bulk", input, "--no-worklist", "--report-dir", reportDir];
    const measured = await measureProcess(process.execPath, args, { ...process.env, ...server.env });
    if (measured.exitCode !== 0) throw new Error(`ingest --bulk exited with ${measured.exitCode}:\n${measured.stdout}`);
    const report = JSON.parse(readFileSync(path.join(reportDir, "report.json"), "utf8")) as IngestReport;
    if (report.bulk === undefined) throw new Error("report.json has no bulk section");
    const sessions = report.bulk.imported.sessions;
    const wallSeconds = measured.wallMs / 1000;
    const result = {
      measuredAt: new Date().toISOString(),
      machine: { cpus: os.cpus().length, memoryBytes: os.totalmem(), loadAverageAfter: os.loadavg() },
      server: { heapSize: values.heap, pageCacheSize: values.pagecache },
      preset,
      input,
      rows: report.totals,
      imported: report.bulk.imported,
      wallSeconds,
      phasesSeconds: Object.fromEntries(Object.entries(report.bulk.phasesMs).map(([phase, ms]) => [phase, ms / 1000])),
      sessionsPerSecond: sessions / wallSeconds,
      peakRssBytes: { ingest: measured.peakRssBytes, importer: report.bulk.importerPeakRssBytes },
      targets: {
        seconds: targetSeconds,
        isTimeMet: preset === "seed" ? wallSeconds <= targetSeconds : null,
        rssBytes: targetRssBytes,
        isMemoryMet: measured.peakRssBytes <= targetRssBytes,
      },
    };
    publishResults(resultsFile, result, tableRows(result));
  } finally {
    await server.stop();
    rmSync(reportDir, { recursive: true, force: true });
  }
}

function tableRows(result: {
  imported: { accounts: number; sessions: number; attributes: number; links: number };
  wallSeconds: number;
  phasesSeconds: Record<string, number>;
  sessionsPerSecond: number;
  peakRssBytes: { ingest: number; importer: number };
  targets: { isTimeMet: boolean | null; isMemoryMet: boolean };
}): Array<[string, string]> {
  const megabytes = (bytes: number) => `${formatNumber(bytes / 1024 ** 2)} MB`;
  const { imported, targets } = result;
  const timeVerdict = targets.isTimeMet === null ? "" : ` — ${targets.isTimeMet ? "within" : "OVER"} 5 min`;
  const rows: Array<[string, string]> = [
    ["accounts / sessions", `${formatNumber(imported.accounts)} / ${formatNumber(imported.sessions)}`],
    ["attributes / USES links", `${formatNumber(imported.attributes)} / ${formatNumber(imported.links)}`],
    ["wall time (CLI, end to end)", `${formatNumber(result.wallSeconds, 1)} s${timeVerdict}`],
    ...Object.entries(result.phasesSeconds).map(([phase, seconds]): [string, string] => [`  phase: ${phase}`, `${formatNumber(seconds, 1)} s`]),
    ["sessions/s", formatNumber(result.sessionsPerSecond)],
    ["peak RSS of the ingest process", `${megabytes(result.peakRssBytes.ingest)} — ${targets.isMemoryMet ? "within" : "OVER"} 1 GB`],
    ["peak RSS of the importer JVM", megabytes(result.peakRssBytes.importer)],
  ];
  return rows;
}

await main();
