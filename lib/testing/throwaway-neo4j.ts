import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { startInstance, stopInstance } from "@/lib/local-neo4j";

/**
 * A Neo4j server of the tests' own: fresh home in a temp folder, a free port,
 * and memory small enough to run beside a user's demo server. Tests reach it
 * through the environment it returns (never NEO4J_URI, never the user's data).
 */
export interface ThrowawayServer {
  env: Record<string, string>;
  stop: () => Promise<void>;
}

/** A server not started yet: its home holds nothing until `start` (or an offline import) writes it. */
export interface UnstartedServer extends ThrowawayServer {
  start: () => Promise<void>;
}

/** Server memory, in Neo4j size syntax. The default suits tests; benchmarks ask for more. */
export interface ThrowawayMemory {
  heapSize: string;
  pageCacheSize: string;
}

const testMemory: ThrowawayMemory = { heapSize: "1g", pageCacheSize: "512m" };

export async function startThrowawayServer(label: string, memory: ThrowawayMemory = testMemory): Promise<ThrowawayServer> {
  const server = await createThrowawayServer(label, memory);
  await server.start();
  return server;
}

export async function createThrowawayServer(label: string, memory: ThrowawayMemory = testMemory): Promise<UnstartedServer> {
  const stateDir = fs.mkdtempSync(path.join(os.tmpdir(), `ringscope-${label}-`));
  const home = path.join(stateDir, "neo4j");
  const boltPort = await findFreePort();
  const instance = { home, boltPort, ...memory };
  return {
    env: {
      RINGSCOPE_STATE_DIR: stateDir,
      NEO4J_BOLT_PORT: String(boltPort),
      NEO4J_HEAP_SIZE: instance.heapSize,
      NEO4J_PAGECACHE_SIZE: instance.pageCacheSize,
    },
    start: async () => {
      await startInstance(instance);
    },
    stop: async () => {
      await stopInstance(instance);
      fs.rmSync(stateDir, { recursive: true, force: true });
    },
  };
}

/** Environment keys that would send tests to a user's server; removed before tests run. */
export const externalServerKeys = ["NEO4J_URI", "NEO4J_USERNAME", "NEO4J_PASSWORD", "NEO4J_DATABASE"] as const;

function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}
