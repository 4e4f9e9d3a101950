import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { closeDriver, readQuery } from "@/lib/neo4j";
import { resetDatabase } from "@/lib/testing/reset-database";
import { ingestFolder } from "./run-ingest";
import { dumpDataGraph } from "./testing/dump-graph";
import { removeInputFolders } from "./testing/input-folder";
import { writeSyntheticInput } from "./testing/synthetic-input";

beforeEach(resetDatabase);
afterAll(async () => {
  removeInputFolders();
  await closeDriver();
});

// updated_at is the wall-clock time of a load: the one property two loads cannot share.
const dumpOptions = { ignoreProperties: ["updated_at"] };

/**
 * The real CLI, as a user runs it, against the test server (the environment
 * carries its port and state dir). Without the campaign worklist refresh that
 * follows a load: its records are not ingest's, and the clean load compared
 * with runs through the library, which never refreshes.
 */
function spawnIngest(folder: string, run: string): ChildProcess {
  // Beside the input, so removeInputFolders() cleans it up with the input.
  const reportDir = path.join(path.dirname(folder), `report-${run}`);
  return spawn(process.execPath, ["scripts/ringscope.mjs", "ingest", folder, "--batch-size", "100", "--report-dir", reportDir, "--no-worklist"], {
    cwd: process.cwd(),
    env: process.env,
    stdio: ["ignore", "pipe", "pipe"],
  });
}

function exitOf(child: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null; output: string }> {
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve) => child.on("exit", (code, signal) => resolve({ code, signal, output })));
}

async function countSessions(): Promise<number> {
  const [row] = await readQuery<{ count: number }>("MATCH (s:Session) RETURN count(s) AS count");
  return row?.count ?? 0;
}

/** Polls until some but not all sessions are in, then kills the loader without warning. */
async function killMidway(child: ChildProcess, total: number): Promise<number> {
  for (;;) {
    if (child.exitCode !== null) throw new Error("the load finished before it could be killed; make the input larger");
    const count = await countSessions();
    if (count > 0 && count < total) {
      child.kill("SIGKILL");
      return count;
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe("ingest after kill -9", () => {
  it("gives exactly the graph of one clean load when the killed run is run again", async () => {
    const { folder, sessionIds } = writeSyntheticInput({ accounts: 300, sessions: 5_000 });

    const killed = spawnIngest(folder, "killed");
    const killedExit = exitOf(killed);
    const sessionsAtKill = await killMidway(killed, sessionIds);
    expect((await killedExit).signal).toBe("SIGKILL");
    expect(sessionsAtKill).toBeLessThan(sessionIds);

    const rerun = await exitOf(spawnIngest(folder, "rerun"));
    expect(rerun.code, rerun.output).toBe(0);
    expect(await countSessions()).toBe(sessionIds);
    const runs = await readQuery<{ status: string }>("MATCH (r:IngestRun) RETURN r.status AS status ORDER BY r.started_at");
    expect(runs.map((run) => run.status)).toEqual(["running", "completed"]);
    const afterCrash = await dumpDataGraph(dumpOptions);

    await resetDatabase();
    const clean = await ingestFolder({ folder, batchSize: 100 });
    expect(clean.totals.rejected).toBe(0);
    expect(await dumpDataGraph(dumpOptions)).toEqual(afterCrash);
  });
});
