import fs from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { closeDriver, readQuery, writeQuery } from "@/lib/neo4j";
import { instancePaths, instanceStatus, localInstanceOptions, startInstance, stopInstance } from "@/lib/local-neo4j";

// Runs against the suite's throwaway server (the environment points
// localInstanceOptions at it), restarting it in place; it is up again at the end.
afterAll(closeDriver);

async function writeMarker(name: string): Promise<void> {
  await writeQuery("CREATE (:LifecycleMarker {name: $name})", { name });
}

async function markerCount(name: string): Promise<number> {
  const [row] = await readQuery<{ count: number }>("MATCH (m:LifecycleMarker {name: $name}) RETURN count(m) AS count", { name });
  return row?.count ?? 0;
}

describe("local server lifecycle", () => {
  const options = localInstanceOptions();

  it("keeps the data across a graceful stop and start", async () => {
    await writeMarker("graceful");
    await closeDriver();
    expect(await stopInstance(options)).toEqual({ wasRunning: true });
    expect(instanceStatus(options).state).toBe("stopped");
    expect((await startInstance(options)).alreadyRunning).toBe(false);
    expect(await markerCount("graceful")).toBe(1);
  });

  it("does nothing when asked to start a running server", async () => {
    const status = instanceStatus(options);
    expect(status.state).toBe("running");
    const again = await startInstance(options);
    expect(again.alreadyRunning).toBe(true);
  });

  it("recovers the store after the server is killed with SIGKILL", async () => {
    await writeMarker("committed-before-kill");
    await closeDriver();
    const pid = Number(fs.readFileSync(instancePaths(options.home).pidFile, "utf8"));
    process.kill(pid, "SIGKILL");
    await waitUntil(() => instanceStatus(options).state === "stopped");
    expect((await startInstance(options)).alreadyRunning).toBe(false);
    expect(await markerCount("committed-before-kill")).toBe(1);
    await writeQuery("MATCH (m:LifecycleMarker) DELETE m");
  });
});

async function waitUntil(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 100));
}
